package org.luxnet.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chunk {@code index} of {@code count} of a frame ({@code --chunk I/N}): a farm manager runs the N
 * chunks as independent jobs and {@code luxconsole merge} adds their films exactly.
 *
 * <p>Each chunk renders its own sample stream, as a node of a network render does, but with node index
 * {@code -(I+1)}: servers get the indices 1, 2, ... from their client and the client itself 0
 * ({@link org.luxnet.render.transport.Hash#streamSeed} keeps every node's streams apart), so a chunk
 * never shares a sample with another chunk, with a local render or with a render server.
 *
 * <p>Of a total of S passes, chunk I renders {@code S / N} passes and the first {@code S mod N} chunks
 * one pass more, so that the N chunks together render exactly S.
 *
 * @param index this chunk, 0 to count - 1
 * @param count the number of chunks of the frame
 */
record Chunk(int index, int count) {
    /** FLM metadata keys of a chunk film. */
    static final String INDEX = "luxnet.chunk.index", COUNT = "luxnet.chunk.count", TOTAL_SPP = "luxnet.chunk.total-spp";
    /** Most chunks of one frame: far more than any farm splits a frame into. */
    static final int MAX_COUNT = 1 << 16;

    Chunk {
        if (count < 1 || count > MAX_COUNT || index < 0 || index >= count) {
            throw new CliException(ExitCode.USAGE, "--chunk " + index + "/" + count + ": needs 0 <= I < N <= " + MAX_COUNT);
        }
    }

    /** Parses {@code I/N}, as {@code --chunk} takes it. */
    static Chunk parse(String s) {
        int slash = s.indexOf('/');
        try {
            if (slash > 0) {
                return new Chunk(Integer.parseInt(s.substring(0, slash).strip()), Integer.parseInt(s.substring(slash + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException(ExitCode.USAGE, "--chunk takes I/N (chunk I of N, counted from 0), got \"" + s + "\"");
    }

    /** The node index this chunk's streams derive from: negative, so never a client's or a server's. */
    int node() {
        return -(index + 1);
    }

    /** Passes this chunk renders of {@code totalSpp}: S / N, one more for the first S mod N chunks. */
    int passes(int totalSpp) {
        return totalSpp / count + (index < totalSpp % count ? 1 : 0);
    }

    /** "chunk 2/8" */
    @Override
    public String toString() {
        return "chunk " + index + "/" + count;
    }

    /** The entries that name this chunk in its FLM film. */
    Map<String, String> toMetadata(int totalSpp) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(INDEX, Integer.toString(index));
        m.put(COUNT, Integer.toString(count));
        m.put(TOTAL_SPP, Integer.toString(totalSpp));
        return m;
    }
}

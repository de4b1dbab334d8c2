package org.luxnet.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmCodec;
import org.luxnet.accumulator.io.FlmContents;
import org.luxnet.accumulator.io.FlmFile;

/**
 * One chunk's film as {@code merge} reads it: the film, which chunk it is, and what must agree among
 * the chunks of one frame.
 *
 * @param file     where it was read
 * @param film     the sums
 * @param chunk    which chunk
 * @param totalSpp the frame's samples per pixel that the chunks split
 * @param metadata everything the film carries
 */
record ChunkFilm(Path file, Film film, Chunk chunk, int totalSpp, Map<String, String> metadata) {

    /**
     * Reads a chunk film.
     *
     * @throws CliException naming the file: exit 3 when it cannot be read or is corrupt, exit 2 when it
     *     is not a chunk's film
     */
    static ChunkFilm read(Path file) {
        FlmContents c;
        try {
            c = FlmFile.read(file, FilmCodec.MAX_PIXELS);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO, "cannot merge: " + e.getMessage(), e);
        }
        Map<String, String> m = c.metadata();
        String index = m.get(Chunk.INDEX), count = m.get(Chunk.COUNT), total = m.get(Chunk.TOTAL_SPP);
        if (index == null || count == null || total == null) {
            throw new CliException(ExitCode.USAGE, file + ": not a chunk film (render it with --chunk I/N --write-flm)");
        }
        Chunk chunk;
        int spp;
        try {
            chunk = new Chunk(Integer.parseInt(index), Integer.parseInt(count));
            spp = Integer.parseInt(total);
        } catch (NumberFormatException | CliException e) {
            throw new CliException(ExitCode.USAGE, file + ": malformed chunk metadata: " + e.getMessage());
        }
        ResumeState.fromMetadata(m, file.toString()); // scene hash and seed present and well formed
        ImagingMetadata.fromMetadata(m, file.toString());
        return new ChunkFilm(file, c.film(), chunk, spp, m);
    }

    /** The scene's hash. */
    String scene() {
        return metadata.get(ResumeState.SCENE);
    }

    /** The session seed. */
    String seed() {
        return metadata.get(ResumeState.SEED);
    }
}

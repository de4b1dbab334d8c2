package org.luxnet.accumulator.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.luxnet.accumulator.Film;

/**
 * LuxNet's film file, for saving a render and resuming it ({@code -r}): the film's exact sums plus a
 * metadata map where the render session keeps its resume state. Not LuxRender's FLM layout: ours
 * stores fixed-point sums, so a resumed render continues bit for bit.
 *
 * <p>Layout, big-endian: magic "LXNFLM" (6 bytes), format version (u16, {@value #VERSION}), metadata
 * entry count (i32), per entry key and value as UTF-8 each preceded by its byte length (i32), in key
 * order; a CRC32 (u32) of everything before it; the payload length (i64) and the {@link FilmCodec}
 * payload, which carries its own CRC. Nothing may follow.
 *
 * <p>Writes are atomic ({@link AtomicFiles}). Errors name the file.
 */
public final class FlmFile {
    /** Format version written and the only one read. */
    public static final int VERSION = 1;
    /** Largest metadata section accepted, so a corrupt count cannot make the reader allocate wildly. */
    public static final int MAX_METADATA_BYTES = 1 << 20;

    private static final byte[] MAGIC = "LXNFLM".getBytes(StandardCharsets.US_ASCII);
    /** Compressed channels can exceed their raw size by a little; a file above this bound is refused unread. */
    private static final long BYTES_PER_PIXEL_BOUND = 7 * 9;

    private FlmFile() {
    }

    /**
     * Writes {@code film} and {@code metadata} to {@code path}, atomically.
     *
     * @throws IllegalArgumentException when the metadata exceeds {@link #MAX_METADATA_BYTES}
     * @throws IOException naming {@code path} when writing fails; the previous file is then intact
     */
    public static void write(Path path, Film film, Map<String, String> metadata) throws IOException {
        byte[] head = header(metadata);
        byte[] payload = new FilmCodec().encode(film);
        AtomicFiles.write(path, out -> {
            out.write(head);
            DataOutputStream d = new DataOutputStream(out);
            d.writeLong(payload.length);
            d.flush();
            out.write(payload);
        });
    }

    private static byte[] header(Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(buf);
        d.write(MAGIC);
        d.writeShort(VERSION);
        Map<String, String> sorted = new TreeMap<>(metadata);
        d.writeInt(sorted.size());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8), v = e.getValue().getBytes(StandardCharsets.UTF_8);
            d.writeInt(k.length);
            d.write(k);
            d.writeInt(v.length);
            d.write(v);
        }
        if (buf.size() > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("film metadata of " + buf.size() + " bytes exceeds the limit of "
                    + MAX_METADATA_BYTES);
        }
        CRC32 crc = new CRC32();
        crc.update(buf.toByteArray());
        d.writeInt((int) crc.getValue());
        return buf.toByteArray();
    }

    /**
     * Reads a film file.
     *
     * @param maxPixels the largest film accepted; a file too large to hold such a film is refused
     *     before it is read
     * @throws FilmFormatException naming {@code path} when the file is corrupt, truncated, of another
     *     version or too large
     * @throws IOException naming {@code path} when it cannot be read
     */
    public static FlmContents read(Path path, long maxPixels) throws IOException {
        byte[] data;
        try {
            long size = Files.size(path);
            long bound = MAX_METADATA_BYTES + 64 + Math.min(maxPixels, FilmCodec.MAX_PIXELS) * BYTES_PER_PIXEL_BOUND;
            if (size > bound || size > Integer.MAX_VALUE - 8) {
                throw new FilmFormatException(path + ": file of " + size + " bytes is larger than any film of at most "
                        + maxPixels + " pixels");
            }
            data = Files.readAllBytes(path);
        } catch (FilmFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return parse(data, maxPixels);
        } catch (FilmFormatException e) {
            throw new FilmFormatException(path + ": " + e.getMessage(), e);
        }
    }

    private static FlmContents parse(byte[] data, long maxPixels) throws FilmFormatException {
        ByteBuffer b = ByteBuffer.wrap(data);
        Map<String, String> metadata = new HashMap<>();
        int metadataEnd;
        try {
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new FilmFormatException("not a LuxNet film file (bad magic)");
            }
            int version = b.getShort() & 0xFFFF;
            if (version != VERSION) {
                throw new FilmFormatException("unsupported film file version " + version + " (this build reads "
                        + VERSION + ")");
            }
            int count = b.getInt();
            if (count < 0 || count > MAX_METADATA_BYTES / 8) {
                throw new FilmFormatException("implausible metadata entry count " + count);
            }
            for (int i = 0; i < count; i++) {
                String key = string(b), value = string(b);
                if (metadata.put(key, value) != null) {
                    throw new FilmFormatException("metadata key \"" + key + "\" appears twice");
                }
            }
            metadataEnd = b.position();
            CRC32 crc = new CRC32();
            crc.update(data, 0, metadataEnd);
            int stored = b.getInt();
            if (stored != (int) crc.getValue()) {
                throw new FilmFormatException("metadata is corrupt (CRC mismatch)");
            }
            long payloadLength = b.getLong();
            if (payloadLength != b.remaining()) {
                throw new FilmFormatException("payload length " + payloadLength + " does not match the "
                        + b.remaining() + " bytes that follow (truncated or extended file)");
            }
        } catch (BufferUnderflowException e) {
            throw new FilmFormatException("truncated file: ends inside the header", e);
        }
        byte[] payload = Arrays.copyOfRange(data, b.position(), data.length);
        return new FlmContents(new FilmCodec().decode(payload, maxPixels), metadata);
    }

    private static String string(ByteBuffer b) throws FilmFormatException {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) {
            throw new FilmFormatException("metadata string length " + len + " exceeds the " + b.remaining()
                    + " bytes left");
        }
        byte[] s = new byte[len];
        b.get(s);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(s)).toString();
        } catch (CharacterCodingException e) {
            throw new FilmFormatException("metadata string is not valid UTF-8", e);
        }
    }
}

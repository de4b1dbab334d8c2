package org.luxnet.accumulator.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipException;
import org.luxnet.accumulator.Channel;
import org.luxnet.accumulator.Film;

/**
 * Lossless, compact encoding of a {@link Film}'s sums: the payload of FLM files and of the film deltas
 * servers send over the network. Decoding treats its input as hostile.
 *
 * <p>Each channel that is not all zero is stored as: every value replaced by its difference from the
 * left neighbour (the pixel above for column 0) when that makes the values smaller, else kept raw;
 * zig-zag mapped so small negatives become small positives; split into 8 byte planes (all lowest
 * bytes, then all next bytes, ...) so the mostly-zero high bytes form long runs; and deflated. Sums
 * of a smooth image differ little from their neighbours, so most planes are nearly empty.
 *
 * <p>Layout, big-endian: magic "LXFD" (4 bytes), version (u8, {@value #VERSION}), width and height
 * (i32 each), scaleBits (u8), total samples, total contributions and rejected samples (i64 each),
 * channel mask (u8, bit i set when {@link Channel#ALL}[i] has a payload), then per set bit the
 * predictor (u8: 0 raw, 1 left difference) and compressed length (i32), then a CRC32 (u32) of the
 * inflated byte planes of the channels in order followed by all header bytes before the CRC, then the
 * zlib-compressed planes of the channels in order. Nothing may follow.
 *
 * <p>Thread-safe: each call uses its own deflater and inflater.
 */
public final class FilmCodec {
    /** Codec version written and the only one read. */
    public static final int VERSION = 1;
    /** Deflate level used by {@link #FilmCodec()}: the fastest, as deltas are sent every few seconds. */
    public static final int DEFAULT_LEVEL = Deflater.BEST_SPEED;
    /** Largest film the codec handles: each channel's byte planes must fit one Java array. */
    public static final long MAX_PIXELS = (Integer.MAX_VALUE - 8) / 8;

    static final int MAGIC = 0x4C584644;
    static final int FIXED_HEADER = 39, CHANNEL_ENTRY = 5, CRC_BYTES = 4;
    static final int RAW = 0, LEFT = 1;

    private final int level;

    /** A codec that deflates at {@link #DEFAULT_LEVEL}. */
    public FilmCodec() {
        this(DEFAULT_LEVEL);
    }

    /** A codec that deflates at {@code level}, 0 (store) to 9 (smallest). Decoding is the same for all. */
    public FilmCodec(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be 0..9, got " + level);
        }
        this.level = level;
    }

    /** Size of the film's channels as 32-bit floats: the baseline that compression is compared to. */
    public static long rawFloatBytes(Film film) {
        return (long) film.pixelCount() * Channel.ALL.length * Float.BYTES;
    }

    /** The encoding of {@code film}. */
    public byte[] encode(Film film) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encode(film, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the encoding of {@code film} to {@code out}, which is not closed. The encoding delimits
     * itself, so several films can follow each other on a stream ({@link #decode(InputStream, long)}).
     *
     * @throws IllegalArgumentException when the film has more than {@link #MAX_PIXELS} pixels
     */
    public void encode(Film film, OutputStream out) throws IOException {
        int n = film.pixelCount();
        if (n > MAX_PIXELS) {
            throw new IllegalArgumentException(film + " is too large to encode (limit " + MAX_PIXELS + " pixels)");
        }
        CRC32 crc = new CRC32();
        byte[][] payload = new byte[Channel.ALL.length][];
        int[] mode = new int[Channel.ALL.length];
        int mask = 0, present = 0;
        byte[] planes = null;
        Deflater deflater = new Deflater(level);
        try {
            for (Channel c : Channel.ALL) {
                long[] v = film.channel(c);
                if (isAllZero(v)) {
                    continue;
                }
                if (planes == null) {
                    planes = new byte[n * 8];
                }
                mode[c.ordinal()] = ChannelTransform.choosePredictor(v, film.width());
                ChannelTransform.toPlanes(v, film.width(), mode[c.ordinal()], planes);
                crc.update(planes, 0, n * 8);
                payload[c.ordinal()] = ZlibBlocks.deflate(deflater, planes, n * 8);
                mask |= 1 << c.ordinal();
                present++;
            }
        } finally {
            deflater.end();
        }
        ByteBuffer h = ByteBuffer.allocate(FIXED_HEADER + present * CHANNEL_ENTRY + CRC_BYTES);
        h.putInt(MAGIC).put((byte) VERSION).putInt(film.width()).putInt(film.height()).put((byte) film.scaleBits());
        h.putLong(film.totalSamples()).putLong(film.totalContributions()).putLong(film.rejectedSamples());
        h.put((byte) mask);
        for (Channel c : Channel.ALL) {
            if (payload[c.ordinal()] != null) {
                h.put((byte) mode[c.ordinal()]).putInt(payload[c.ordinal()].length);
            }
        }
        crc.update(h.array(), 0, h.position());
        h.putInt((int) crc.getValue());
        out.write(h.array());
        for (byte[] p : payload) {
            if (p != null) {
                out.write(p);
            }
        }
    }

    private static boolean isAllZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes a film, refusing anything malformed before allocating for it.
     *
     * @param maxPixels the largest width * height accepted; bounds the memory a hostile input can make
     *     the decoder allocate (about 72 bytes per pixel)
     * @throws FilmFormatException when the data is truncated, corrupt (CRC), of an unknown version, too
     *     large, inconsistent, followed by extra bytes, or inflates past its declared size
     */
    public Film decode(byte[] data, long maxPixels) throws FilmFormatException {
        FilmHeader h = FilmHeader.parse(data, data.length, maxPixels);
        long expected = h.totalLength();
        if (expected > data.length) {
            throw new FilmFormatException("truncated film data: header declares " + expected + " bytes, only "
                    + data.length + " present");
        }
        if (expected < data.length) {
            throw new FilmFormatException("film data has " + (data.length - expected) + " unexpected bytes after its end");
        }
        int n = h.width() * h.height();
        Film film = new Film(h.width(), h.height(), h.scaleBits());
        CRC32 crc = new CRC32();
        byte[] planes = new byte[n * 8];
        long[] values = new long[n];
        int offset = h.headerLength();
        Inflater inflater = new Inflater();
        try {
            for (Channel c : Channel.ALL) {
                int len = h.length(c);
                if (len == 0) {
                    continue;
                }
                try {
                    ZlibBlocks.inflateExactly(inflater, data, offset, len, planes, n * 8);
                } catch (ZipException e) {
                    throw new FilmFormatException("channel " + c + ": " + e.getMessage(), e);
                }
                offset += len;
                crc.update(planes, 0, n * 8);
                ChannelTransform.fromPlanes(planes, h.width(), h.height(), h.mode(c), values);
                film.setChannel(c, values);
            }
        } finally {
            inflater.end();
        }
        crc.update(data, 0, h.headerLength() - CRC_BYTES);
        if ((int) crc.getValue() != h.crc()) {
            throw new FilmFormatException(String.format("film data is corrupt: CRC32 %08x, expected %08x",
                    (int) crc.getValue(), h.crc()));
        }
        if (film.totalSamples() != h.totalSamples() || film.totalContributions() != h.totalContributions()) {
            throw new FilmFormatException("film totals (" + h.totalSamples() + " samples, " + h.totalContributions()
                    + " contributions) disagree with its pixels (" + film.totalSamples() + ", "
                    + film.totalContributions() + ")");
        }
        film.setRejectedSamples(h.rejectedSamples());
        return film;
    }

    /**
     * Reads exactly one encoded film from {@code in} (as written by {@link #encode(Film, OutputStream)})
     * and decodes it; the stream is left just after it. Lengths are checked against {@code maxPixels}
     * before the payload is read.
     *
     * @throws FilmFormatException as {@link #decode(byte[], long)}, or when the stream ends early
     * @throws IOException when reading fails
     */
    public Film decode(InputStream in, long maxPixels) throws IOException {
        byte[] fixed = readFully(in, new byte[FIXED_HEADER], 0, FIXED_HEADER);
        int present = Integer.bitCount(fixed[FIXED_HEADER - 1] & 0xFF);
        int headerLength = FIXED_HEADER + present * CHANNEL_ENTRY + CRC_BYTES;
        byte[] header = new byte[headerLength];
        System.arraycopy(fixed, 0, header, 0, FIXED_HEADER);
        readFully(in, header, FIXED_HEADER, headerLength - FIXED_HEADER);
        long total = FilmHeader.parse(header, header.length, maxPixels).totalLength();
        if (total > Integer.MAX_VALUE - 8) {
            throw new FilmFormatException("film data of " + total + " bytes is too large to decode in one piece");
        }
        byte[] data = new byte[Math.toIntExact(total)];
        System.arraycopy(header, 0, data, 0, headerLength);
        readFully(in, data, headerLength, data.length - headerLength);
        return decode(data, maxPixels);
    }

    private static byte[] readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
        int got = in.readNBytes(buf, off, len);
        if (got < len) {
            throw new FilmFormatException("truncated film data: stream ended " + (len - got) + " bytes early");
        }
        return buf;
    }
}

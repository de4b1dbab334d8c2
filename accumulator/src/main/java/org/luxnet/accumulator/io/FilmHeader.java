package org.luxnet.accumulator.io;

import java.nio.ByteBuffer;
import org.luxnet.accumulator.Channel;
import org.luxnet.accumulator.Film;

/**
 * The validated header of a {@link FilmCodec} encoding. {@link #parse} checks every field against the
 * format and the caller's pixel limit, so that nothing is allocated for a header that lies.
 */
record FilmHeader(int width, int height, int scaleBits, long totalSamples, long totalContributions,
        long rejectedSamples, int[] modes, int[] lengths, int headerLength, int crc) {

    /** Bytes of header plus payload. */
    long totalLength() {
        long t = headerLength;
        for (int len : lengths) {
            t += len;
        }
        return t;
    }

    /** Compressed length of channel {@code c}, 0 when it is all zero and has no payload. */
    int length(Channel c) {
        return lengths[c.ordinal()];
    }

    /** Predictor of channel {@code c}. */
    int mode(Channel c) {
        return modes[c.ordinal()];
    }

    /**
     * Parses and validates the header at the start of {@code data[0, available)}.
     *
     * @throws FilmFormatException when a field is out of range or the header is cut short
     */
    static FilmHeader parse(byte[] data, int available, long maxPixels) throws FilmFormatException {
        if (available < FilmCodec.FIXED_HEADER + FilmCodec.CRC_BYTES) {
            throw new FilmFormatException("truncated film data: " + available + " bytes, shorter than any header");
        }
        ByteBuffer b = ByteBuffer.wrap(data, 0, available);
        int magic = b.getInt();
        if (magic != FilmCodec.MAGIC) {
            throw new FilmFormatException(String.format("not film data: magic %08x, expected %08x", magic,
                    FilmCodec.MAGIC));
        }
        int version = b.get() & 0xFF;
        if (version != FilmCodec.VERSION) {
            throw new FilmFormatException("unsupported film codec version " + version + " (this build reads "
                    + FilmCodec.VERSION + ")");
        }
        int width = b.getInt(), height = b.getInt();
        if (width <= 0 || height <= 0) {
            throw new FilmFormatException("film size " + width + "x" + height + " is not positive");
        }
        long pixels = (long) width * height;
        long limit = Math.min(maxPixels, FilmCodec.MAX_PIXELS);
        if (pixels > limit) {
            throw new FilmFormatException("film size " + width + "x" + height + " (" + pixels
                    + " pixels) exceeds the limit of " + limit + " pixels");
        }
        int scaleBits = b.get() & 0xFF;
        if (scaleBits < Film.MIN_SCALE_BITS || scaleBits > Film.MAX_SCALE_BITS) {
            throw new FilmFormatException("film scaleBits " + scaleBits + " outside [" + Film.MIN_SCALE_BITS + ", "
                    + Film.MAX_SCALE_BITS + "]");
        }
        long samples = b.getLong(), contributions = b.getLong(), rejected = b.getLong();
        if (samples < 0 || contributions < 0 || rejected < 0 || contributions > samples || rejected > samples) {
            throw new FilmFormatException("inconsistent film totals: " + samples + " samples, " + contributions
                    + " contributions, " + rejected + " rejected");
        }
        int mask = b.get() & 0xFF;
        if ((mask >>> Channel.ALL.length) != 0) {
            throw new FilmFormatException(String.format("film channel mask %02x names unknown channels", mask));
        }
        int headerLength = FilmCodec.FIXED_HEADER + Integer.bitCount(mask) * FilmCodec.CHANNEL_ENTRY
                + FilmCodec.CRC_BYTES;
        if (available < headerLength) {
            throw new FilmFormatException("truncated film data: " + available + " bytes, header needs " + headerLength);
        }
        long planeBytes = pixels * 8;
        // zlib's worst case for incompressible input, with room to spare.
        long maxCompressed = planeBytes + planeBytes / 1000 + 5 * (planeBytes / 16383 + 1) + 64;
        int[] modes = new int[Channel.ALL.length], lengths = new int[Channel.ALL.length];
        for (Channel c : Channel.ALL) {
            if ((mask & (1 << c.ordinal())) == 0) {
                continue;
            }
            int mode = b.get() & 0xFF, len = b.getInt();
            if (mode != FilmCodec.RAW && mode != FilmCodec.LEFT) {
                throw new FilmFormatException("channel " + c + " has unknown predictor " + mode);
            }
            if (len <= 0 || len > maxCompressed) {
                throw new FilmFormatException("channel " + c + " declares " + len + " compressed bytes; "
                        + "a " + width + "x" + height + " channel needs 1 to " + maxCompressed);
            }
            modes[c.ordinal()] = mode;
            lengths[c.ordinal()] = len;
        }
        int crc = b.getInt();
        return new FilmHeader(width, height, scaleBits, samples, contributions, rejected, modes, lengths, headerLength,
                crc);
    }
}

package org.luxnet.accumulator.io;

/**
 * The reversible per-channel transform of {@link FilmCodec}: optional prediction from the left
 * neighbour (the pixel above at the start of a row), zig-zag mapping, and byte-plane shuffling. All
 * arithmetic wraps, so every 64-bit value, saturated sums included, round trips.
 */
final class ChannelTransform {
    private ChannelTransform() {
    }

    /**
     * The predictor that leaves fewer significant bytes in total: differences win on smooth sums,
     * raw values on noise or sparse data. Counting bytes is a cheap stand-in for compressing both.
     */
    static int choosePredictor(long[] v, int width) {
        long rawBytes = 0, leftBytes = 0;
        for (int row = 0; row < v.length; row += width) {
            for (int i = row; i < row + width; i++) {
                rawBytes += significantBytes(zigzag(v[i]));
                leftBytes += significantBytes(zigzag(v[i] - predict(v, i, row, width)));
            }
        }
        return leftBytes < rawBytes ? FilmCodec.LEFT : FilmCodec.RAW;
    }

    private static int significantBytes(long z) {
        return (71 - Long.numberOfLeadingZeros(z)) >>> 3;
    }

    /**
     * The prediction for index {@code i} in the row starting at {@code row}, from values a decoder
     * working in order already has: the left neighbour, the pixel above for column 0, 0 for the first.
     */
    private static long predict(long[] v, int i, int row, int width) {
        if (i > row) {
            return v[i - 1];
        }
        return row > 0 ? v[i - width] : 0;
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long z) {
        return (z >>> 1) ^ -(z & 1);
    }

    /** Writes the transformed values as 8 planes of {@code v.length} bytes, least significant first. */
    static void toPlanes(long[] v, int width, int mode, byte[] planes) {
        int n = v.length;
        for (int row = 0; row < n; row += width) {
            for (int i = row; i < row + width; i++) {
                long z = zigzag(mode == FilmCodec.LEFT ? v[i] - predict(v, i, row, width) : v[i]);
                for (int k = 0; k < 8; k++) {
                    planes[k * n + i] = (byte) (z >>> (8 * k));
                }
            }
        }
    }

    /** Inverse of {@link #toPlanes}: rebuilds {@code width * height} values into {@code out}. */
    static void fromPlanes(byte[] planes, int width, int height, int mode, long[] out) {
        int n = width * height;
        for (int row = 0; row < n; row += width) {
            for (int i = row; i < row + width; i++) {
                long z = 0;
                for (int k = 0; k < 8; k++) {
                    z |= (planes[k * n + i] & 0xFFL) << (8 * k);
                }
                long d = unzigzag(z);
                out[i] = mode == FilmCodec.LEFT ? d + predict(out, i, row, width) : d;
            }
        }
    }
}

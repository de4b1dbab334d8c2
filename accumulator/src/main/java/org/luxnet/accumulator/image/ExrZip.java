package org.luxnet.accumulator.image;

/**
 * The reversible preprocessing OpenEXR applies before zlib in its ZIP and ZIPS compressions: the bytes
 * are split into even and odd positions (first half, second half), then each byte is replaced by its
 * difference from the previous one, plus 128. For float data this groups similar bytes and turns
 * smooth runs into runs of near-128 values.
 */
final class ExrZip {
    private ExrZip() {
    }

    /** Interleave and predictor over {@code raw[0, n)}, into a new array. */
    static byte[] preprocess(byte[] raw, int n) {
        byte[] t = new byte[n];
        int half = (n + 1) / 2;
        for (int i = 0, a = 0, b = half; i < n; i++) {
            if ((i & 1) == 0) {
                t[a++] = raw[i];
            } else {
                t[b++] = raw[i];
            }
        }
        int prev = t.length > 0 ? t[0] & 0xFF : 0;
        for (int i = 1; i < n; i++) {
            int cur = t[i] & 0xFF;
            t[i] = (byte) (cur - prev + 128);
            prev = cur;
        }
        return t;
    }

    /** Inverse of {@link #preprocess}: undoes the predictor in place in {@code t[0, n)}, then de-interleaves. */
    static byte[] postprocess(byte[] t, int n) {
        for (int i = 1; i < n; i++) {
            t[i] = (byte) (t[i - 1] + t[i] - 128);
        }
        byte[] raw = new byte[n];
        int half = (n + 1) / 2;
        for (int i = 0, a = 0, b = half; i < n; i++) {
            raw[i] = (i & 1) == 0 ? t[a++] : t[b++];
        }
        return raw;
    }
}

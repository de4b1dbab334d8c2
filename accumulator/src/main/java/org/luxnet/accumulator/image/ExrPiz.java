package org.luxnet.accumulator.image;

import java.io.IOException;

/**
 * OpenEXR's PIZ decompression (ImfPizCompressor.cpp, ImfHuf.cpp, ImfWav.cpp), read side only: a
 * bitmap of the 16-bit values present and the lookup table it implies, the Huffman-coded stream of
 * 16-bit words (canonical code lengths stored with zero-run codes; a run-length symbol repeats the
 * previous word), then per channel the inverse 2D Haar wavelet over its {@code width x lines}
 * words, and finally the lookup table and the reordering into scanlines.
 */
final class ExrPiz {
    private static final int U16 = 1 << 16;
    private static final int BITMAP_SIZE = U16 >> 3;
    private static final int HUF_ENCSIZE = U16 + 1;
    private static final int SHORT_ZEROCODE_RUN = 59, LONG_ZEROCODE_RUN = 63, SHORTEST_LONG_RUN = 6;

    private ExrPiz() {
    }

    /**
     * Decompresses one block of {@code lines} scanlines of width {@code width} into {@code need}
     * bytes laid out as EXR stores them uncompressed (per scanline, channel after channel).
     *
     * @param words16 16-bit words per pixel of each stored channel (HALF 1, FLOAT and UINT 2)
     */
    static byte[] decompress(byte[] d, int off, int size, int need, int width, int lines, int[] words16)
            throws IOException {
        int end = off + size;
        int p = off;
        check(p + 4 <= end);
        int minNonZero = u16(d, p), maxNonZero = u16(d, p + 2);
        p += 4;
        if (maxNonZero >= BITMAP_SIZE) {
            throw new IOException("PIZ bitmap range " + maxNonZero + " too large");
        }
        byte[] bitmap = new byte[BITMAP_SIZE];
        if (minNonZero <= maxNonZero) {
            int n = maxNonZero - minNonZero + 1;
            check(p + n <= end);
            System.arraycopy(d, p, bitmap, minNonZero, n);
            p += n;
        }
        char[] lut = new char[U16];
        int maxValue = reverseLut(bitmap, lut);
        check(p + 4 <= end);
        int length = i32(d, p);
        p += 4;
        check(length >= 0 && p + length <= end);
        int nWords = need / 2;
        char[] tmp = new char[nWords];
        huffmanDecode(d, p, length, tmp);
        // Inverse wavelet per channel (and per 16-bit word of a 32-bit channel).
        int start = 0;
        for (int w16 : words16) {
            for (int j = 0; j < w16; j++) {
                wav2Decode(tmp, start + j, width, w16, lines, width * w16, maxValue);
            }
            start += width * lines * w16;
        }
        for (int i = 0; i < nWords; i++) {
            tmp[i] = lut[tmp[i]];
        }
        // Channel-major blocks back into scanlines.
        byte[] out = new byte[need];
        int o = 0;
        int[] channelStart = new int[words16.length];
        int acc = 0;
        for (int c = 0; c < words16.length; c++) {
            channelStart[c] = acc;
            acc += width * lines * words16[c];
        }
        for (int y = 0; y < lines; y++) {
            for (int c = 0; c < words16.length; c++) {
                int n = width * words16[c];
                int s = channelStart[c] + y * n;
                for (int k = 0; k < n; k++) {
                    char v = tmp[s + k];
                    out[o++] = (byte) v;
                    out[o++] = (byte) (v >> 8);
                }
            }
        }
        return out;
    }

    private static int reverseLut(byte[] bitmap, char[] lut) {
        int k = 0;
        for (int i = 0; i < U16; i++) {
            if (i == 0 || (bitmap[i >> 3] & (1 << (i & 7))) != 0) {
                lut[k++] = (char) i;
            }
        }
        int n = k - 1;
        while (k < U16) {
            lut[k++] = 0;
        }
        return n;
    }

    /** hufUncompress: header (im, iM, table length, bit count, 4 unused bytes), code table, coded bits. */
    private static void huffmanDecode(byte[] d, int off, int n, char[] out) throws IOException {
        if (n == 0) {
            if (out.length != 0) {
                throw new IOException("PIZ block has no Huffman data");
            }
            return;
        }
        check(n >= 20);
        int im = i32(d, off), iM = i32(d, off + 4);
        int nBits = i32(d, off + 12);
        if (im < 0 || im >= HUF_ENCSIZE || iM < 0 || iM >= HUF_ENCSIZE) {
            throw new IOException("PIZ Huffman table range " + im + ".." + iM + " is invalid");
        }
        BitReader in = new BitReader(d, off + 20, off + n);
        // Code lengths, with runs of zeros.
        int[] len = new int[HUF_ENCSIZE];
        for (int i = im; i <= iM; i++) {
            int l = (int) in.bits(6);
            if (l == LONG_ZEROCODE_RUN) {
                int run = (int) in.bits(8) + SHORTEST_LONG_RUN;
                check(i + run <= iM + 1);
                i += run - 1;
            } else if (l >= SHORT_ZEROCODE_RUN) {
                int run = l - SHORT_ZEROCODE_RUN + 2;
                check(i + run <= iM + 1);
                i += run - 1;
            } else {
                len[i] = l;
            }
        }
        // Canonical codes (hufCanonicalCodeTable): per length, the first code; symbols in code order.
        long[] count = new long[59];
        for (int l : len) {
            count[l]++;
        }
        long[] first = new long[59];
        long c = 0;
        for (int l = 58; l > 0; l--) {
            long nc = (c + count[l]) >> 1;
            first[l] = c;
            c = nc;
        }
        int[][] symbols = new int[59][];
        int[] fill = new int[59];
        for (int l = 1; l <= 58; l++) {
            symbols[l] = new int[(int) count[l]];
        }
        for (int i = 0; i < HUF_ENCSIZE; i++) {
            if (len[i] > 0) {
                symbols[len[i]][fill[len[i]]++] = i;
            }
        }
        // The coded words start at the next whole byte.
        BitReader bits = new BitReader(d, in.nextByte(), off + n);
        long limit = nBits;
        int o = 0;
        while (o < out.length && bits.consumed() < limit) {
            long v = 0;
            int l = 0;
            int sym = -1;
            while (sym < 0) {
                if (l >= 58 || bits.consumed() >= limit) {
                    throw new IOException("PIZ Huffman data is corrupt");
                }
                v = (v << 1) | bits.bits(1);
                l++;
                long k = v - first[l];
                if (k >= 0 && k < count[l]) {
                    sym = symbols[l][(int) k];
                }
            }
            if (sym == iM) {
                // Run-length code: the previous word, repeated.
                int run = (int) bits.bits(8);
                if (o == 0 || o + run > out.length) {
                    throw new IOException("PIZ Huffman run-length code out of range");
                }
                char prev = out[o - 1];
                for (int r = 0; r < run; r++) {
                    out[o++] = prev;
                }
            } else {
                out[o++] = (char) sym;
            }
        }
        if (o != out.length) {
            throw new IOException("PIZ block decodes to " + o + " words, " + out.length + " expected");
        }
    }

    /** wav2Decode: the inverse of OpenEXR's 2D Haar wavelet, in place, 14-bit or 16-bit variant. */
    private static void wav2Decode(char[] a, int base, int nx, int ox, int ny, int oy, int mx) {
        boolean w14 = mx < (1 << 14);
        int n = Math.min(nx, ny);
        int p = 1;
        while (p <= n) {
            p <<= 1;
        }
        p >>= 1;
        int p2 = p;
        p >>= 1;
        int[] r = new int[2];
        while (p >= 1) {
            int py = base;
            int ey = base + oy * (ny - p2);
            int oy1 = oy * p, oy2 = oy * p2, ox1 = ox * p, ox2 = ox * p2;
            for (; py <= ey; py += oy2) {
                int px = py;
                int ex = py + ox * (nx - p2);
                for (; px <= ex; px += ox2) {
                    int p01 = px + ox1, p10 = px + oy1, p11 = p10 + ox1;
                    dec(w14, a[px], a[p10], r);
                    int i00 = r[0], i10 = r[1];
                    dec(w14, a[p01], a[p11], r);
                    int i01 = r[0], i11 = r[1];
                    dec(w14, i00, i01, r);
                    a[px] = (char) r[0];
                    a[p01] = (char) r[1];
                    dec(w14, i10, i11, r);
                    a[p10] = (char) r[0];
                    a[p11] = (char) r[1];
                }
                if ((nx & p) != 0) {
                    int p10 = px + oy1;
                    dec(w14, a[px], a[p10], r);
                    a[px] = (char) r[0];
                    a[p10] = (char) r[1];
                }
            }
            if ((ny & p) != 0) {
                int px = py;
                int ex = py + ox * (nx - p2);
                for (; px <= ex; px += ox2) {
                    int p01 = px + ox1;
                    dec(w14, a[px], a[p01], r);
                    a[px] = (char) r[0];
                    a[p01] = (char) r[1];
                }
            }
            p2 = p;
            p >>= 1;
        }
    }

    /** wdec14 / wdec16: one inverse Haar step of (l, h) into (a, b). */
    private static void dec(boolean w14, int l, int h, int[] r) {
        if (w14) {
            int ls = (short) l, hs = (short) h;
            int ai = ls + (hs & 1) + (hs >> 1);
            r[0] = (short) ai & 0xffff;
            r[1] = (short) (ai - hs) & 0xffff;
        } else {
            int m = l & 0xffff, dd = h & 0xffff;
            int bb = (m - (dd >> 1)) & 0xffff;
            int aa = (dd + bb - 0x8000) & 0xffff;
            r[0] = aa;
            r[1] = bb;
        }
    }

    private static int u16(byte[] d, int p) {
        return (d[p] & 0xff) | (d[p + 1] & 0xff) << 8;
    }

    private static int i32(byte[] d, int p) {
        return (d[p] & 0xff) | (d[p + 1] & 0xff) << 8 | (d[p + 2] & 0xff) << 16 | (d[p + 3] & 0xff) << 24;
    }

    private static void check(boolean ok) throws IOException {
        if (!ok) {
            throw new IOException("truncated or corrupt PIZ block");
        }
    }

    /** Bits from bytes, most significant first, as ImfHuf's getBits reads them. */
    private static final class BitReader {
        private final byte[] d;
        private final int end;
        private int pos;
        private long buf;
        private int avail;
        private long consumed;

        BitReader(byte[] d, int pos, int end) {
            this.d = d;
            this.pos = pos;
            this.end = end;
        }

        long bits(int n) throws IOException {
            while (avail < n) {
                if (pos >= end) {
                    throw new IOException("PIZ Huffman data ends early");
                }
                buf = (buf << 8) | (d[pos++] & 0xff);
                avail += 8;
            }
            avail -= n;
            consumed += n;
            return (buf >>> avail) & ((1L << n) - 1);
        }

        long consumed() {
            return consumed;
        }

        /** The first byte not yet (even partly) read. */
        int nextByte() {
            return pos;
        }
    }
}

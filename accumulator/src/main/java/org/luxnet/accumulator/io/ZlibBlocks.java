package org.luxnet.accumulator.io;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Whole-block zlib compression for formats that store each block's size: the film codec and EXR's
 * ZIP blocks. Inflation produces exactly the declared size and treats anything else (short, long,
 * trailing bytes, corrupt) as an error, so hostile input can neither overrun a buffer nor make the
 * reader inflate without bound.
 */
public final class ZlibBlocks {
    /** Deflate cannot shrink data by more than about 1032:1; a block claiming more is a lie. */
    public static final int MAX_RATIO = 1032;

    private ZlibBlocks() {
    }

    /** Compresses {@code data[0, len)} into a zlib stream; {@code d} is reset first and can be reused. */
    public static byte[] deflate(Deflater d, byte[] data, int len) {
        d.reset();
        d.setInput(data, 0, len);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, len / 4));
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            int k = d.deflate(buf);
            out.write(buf, 0, k);
        }
        return out.toByteArray();
    }

    /**
     * Inflates the zlib stream in {@code src[off, off + len)} into exactly {@code dst[0, need)}.
     * {@code inf} is reset first and can be reused.
     *
     * @throws ZipException when the stream is corrupt, truncated, inflates to fewer or more than
     *     {@code need} bytes, or is followed by other bytes inside {@code len}
     */
    public static void inflateExactly(Inflater inf, byte[] src, int off, int len, byte[] dst, int need)
            throws ZipException {
        if ((long) len * MAX_RATIO + 1024 < need) {
            throw new ZipException(len + " compressed bytes cannot inflate to " + need);
        }
        inf.reset();
        inf.setInput(src, off, len);
        try {
            int got = 0;
            while (got < need) {
                int k = inf.inflate(dst, got, need - got);
                if (k == 0) {
                    if (inf.needsDictionary()) {
                        throw new ZipException("compressed data asks for a preset dictionary");
                    }
                    if (inf.finished()) {
                        throw new ZipException("inflates to " + got + " bytes, expected " + need);
                    }
                    throw new ZipException("compressed data is truncated");
                }
                got += k;
            }
            // Stop at the declared size: one more byte of output means a longer stream (a bomb).
            if (inf.inflate(new byte[1]) > 0) {
                throw new ZipException("inflates past its declared " + need + " bytes");
            }
            if (!inf.finished()) {
                throw new ZipException("compressed data is truncated");
            }
            if (inf.getRemaining() > 0) {
                throw new ZipException(inf.getRemaining() + " bytes follow the compressed data");
            }
        } catch (DataFormatException e) {
            throw new ZipException("compressed data is corrupt: " + e.getMessage());
        }
    }
}

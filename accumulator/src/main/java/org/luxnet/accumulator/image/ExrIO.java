package org.luxnet.accumulator.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipException;
import org.luxnet.accumulator.io.AtomicFiles;
import org.luxnet.accumulator.io.ZlibBlocks;

/**
 * OpenEXR 2 files, written without a library: a single-part scanline image with channels B, G, R
 * (alphabetical, as EXR requires) stored as 32-bit FLOAT, increasing-Y line order, data and display
 * window (0, 0)-(w-1, h-1), and {@link ExrCompression NONE, ZIPS or ZIP} (RLE and PIZ are read only). A block that zlib cannot
 * shrink is stored raw, as OpenEXR itself does. Writes are atomic.
 *
 * <p>The reader accepts what the writer produces and files like it: single-part scanline images in
 * those compressions whose channels are FLOAT, HALF or UINT and include R, G and B (others are skipped), any
 * data window origin, either line order. It validates offsets, sizes and block positions before use
 * and never inflates a block past its declared size.
 */
public final class ExrIO {
    /** Channel names in the order EXR stores them, with the RGB index each one fills. */
    private static final String[] CHANNELS = {"B", "G", "R"};
    private static final int[] RGB_INDEX = {2, 1, 0};

    private ExrIO() {
    }

    /** Writes linear RGB (3 floats per pixel, row-major, top row first) with ZIP compression. */
    public static void write(Path path, float[] rgb, int width, int height) throws IOException {
        write(path, rgb, width, height, ExrCompression.ZIP);
    }

    /**
     * Writes linear RGB (3 floats per pixel, row-major, top row first).
     *
     * @throws IOException naming {@code path} when the file cannot be written
     */
    public static void write(Path path, float[] rgb, int width, int height, ExrCompression compression)
            throws IOException {
        Images.check(rgb, width, height);
        if (compression == ExrCompression.PIZ || compression == ExrCompression.RLE) {
            throw new IllegalArgumentException(compression + " compression is read, not written");
        }
        byte[] header = header(width, height, compression);
        int lines = compression.linesPerBlock, blocks = (height + lines - 1) / lines;
        byte[][] chunks = new byte[blocks][];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            for (int k = 0; k < blocks; k++) {
                chunks[k] = chunk(rgb, width, k * lines, Math.min(lines, height - k * lines), compression, deflater);
            }
        } finally {
            deflater.end();
        }
        ByteBuffer table = le(8 * blocks);
        long offset = header.length + 8L * blocks;
        for (byte[] c : chunks) {
            table.putLong(offset);
            offset += c.length;
        }
        AtomicFiles.write(path, out -> {
            out.write(header);
            out.write(table.array());
            for (byte[] c : chunks) {
                out.write(c);
            }
        });
    }

    private static byte[] header(int width, int height, ExrCompression compression) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(le(8).putInt(ExrHeader.MAGIC).putInt(ExrHeader.VERSION).array());
        ByteBuffer ch = le(CHANNELS.length * 18 + 1);
        for (String name : CHANNELS) {
            ch.put(name.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
            ch.putInt(ExrHeader.FLOAT).put((byte) 0).put(new byte[3]).putInt(1).putInt(1);
        }
        ch.put((byte) 0);
        attribute(h, "channels", "chlist", ch.array());
        attribute(h, "compression", "compression", new byte[] {(byte) compression.code});
        byte[] window = le(16).putInt(0).putInt(0).putInt(width - 1).putInt(height - 1).array();
        attribute(h, "dataWindow", "box2i", window);
        attribute(h, "displayWindow", "box2i", window);
        attribute(h, "lineOrder", "lineOrder", new byte[] {0});
        attribute(h, "pixelAspectRatio", "float", le(4).putFloat(1f).array());
        attribute(h, "screenWindowCenter", "v2f", le(8).putFloat(0f).putFloat(0f).array());
        attribute(h, "screenWindowWidth", "float", le(4).putFloat(1f).array());
        h.write(0);
        return h.toByteArray();
    }

    private static void attribute(ByteArrayOutputStream h, String name, String type, byte[] value) {
        h.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        h.write(0);
        h.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        h.write(0);
        h.writeBytes(le(4).putInt(value.length).array());
        h.writeBytes(value);
    }

    /** One chunk: first scanline, data size, then per scanline the B, G and R values of every pixel. */
    private static byte[] chunk(float[] rgb, int width, int y0, int lines, ExrCompression compression,
            Deflater deflater) {
        ByteBuffer raw = le(lines * CHANNELS.length * width * 4);
        for (int y = y0; y < y0 + lines; y++) {
            for (int c : RGB_INDEX) {
                for (int x = 0; x < width; x++) {
                    raw.putFloat(rgb[3 * (y * width + x) + c]);
                }
            }
        }
        byte[] data = raw.array();
        if (compression != ExrCompression.NONE) {
            byte[] packed = ZlibBlocks.deflate(deflater, ExrZip.preprocess(data, data.length), data.length);
            if (packed.length < data.length) {
                data = packed;
            }
        }
        return le(8 + data.length).putInt(y0).putInt(data.length).put(data).array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads an EXR file as described in the class comment.
     *
     * @throws IOException naming {@code path} when the file cannot be read, is malformed or corrupt,
     *     or uses features this reader does not support
     */
    public static RgbImage read(Path path) throws IOException {
        return Images.read(path, ExrIO::parse);
    }

    /**
     * Decodes an EXR file's bytes (a scene resource, already read), as {@link #read} does.
     *
     * @throws IOException when the bytes are malformed or use features this reader does not support
     */
    public static RgbImage decode(byte[] data) throws IOException {
        return parse(data);
    }

    private static RgbImage parse(byte[] data) throws IOException {
        ExrHeader h = ExrHeader.parse(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN));
        int width = h.width(), height = h.height(), lines = h.compression().linesPerBlock;
        int bytesPerLine = h.bytesPerPixel() * width;
        if ((long) bytesPerLine * height > (long) data.length * ZlibBlocks.MAX_RATIO + 1024) {
            throw new IOException("EXR of " + width + "x" + height + " cannot fit in a file of " + data.length + " bytes");
        }
        if ((long) lines * bytesPerLine > Integer.MAX_VALUE - 8) {
            throw new IOException("EXR blocks of " + lines + " scanlines of " + bytesPerLine + " bytes are too large");
        }
        int blocks = (height + lines - 1) / lines;
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if ((long) h.headerLength() + 8L * blocks > data.length) {
            throw new IOException("truncated EXR: offset table of " + blocks + " entries does not fit");
        }
        float[] rgb = new float[width * height * 3];
        boolean[] seen = new boolean[blocks];
        Inflater inflater = new Inflater();
        try {
            for (int k = 0; k < blocks; k++) {
                long offset = b.getLong(h.headerLength() + 8 * k);
                if (offset < h.headerLength() || offset > data.length - 8) {
                    throw new IOException("EXR chunk " + k + " offset " + offset + " lies outside the file");
                }
                int y = b.getInt((int) offset), size = b.getInt((int) offset + 4);
                long rel = (long) y - h.yMin();
                if (rel < 0 || rel >= height || rel % lines != 0 || seen[(int) (rel / lines)]) {
                    throw new IOException("EXR chunk " + k + " starts at invalid or repeated scanline " + y);
                }
                seen[(int) (rel / lines)] = true;
                int n = Math.min(lines, height - (int) rel);
                int need = n * bytesPerLine;
                if (size < 0 || size > data.length - offset - 8) {
                    throw new IOException("EXR chunk " + k + " declares " + size + " bytes past the end of the file");
                }
                byte[] block = h.compression() == ExrCompression.PIZ && size != need
                        ? ExrPiz.decompress(data, (int) offset + 8, size, need, width, n, words16(h))
                        : decodeBlock(data, (int) offset + 8, size, need, h.compression(), inflater, k);
                unpack(block, h, (int) rel, n, rgb);
            }
        } finally {
            inflater.end();
        }
        return new RgbImage(width, height, rgb);
    }

    /** 16-bit words per pixel of each stored channel, as PIZ lays them out. */
    private static int[] words16(ExrHeader h) {
        int[] w = new int[h.channelCount()];
        for (int c = 0; c < w.length; c++) {
            w[c] = h.pixelType(c) == ExrHeader.HALF ? 1 : 2;
        }
        return w;
    }

    private static byte[] decodeBlock(byte[] data, int off, int size, int need, ExrCompression compression,
            Inflater inflater, int k) throws IOException {
        // As in OpenEXR, a block whose size equals its raw size was stored uncompressed.
        if (size == need) {
            byte[] raw = new byte[need];
            System.arraycopy(data, off, raw, 0, need);
            return raw;
        }
        if (compression == ExrCompression.NONE) {
            throw new IOException("uncompressed EXR chunk " + k + " has " + size + " bytes, expected " + need);
        }
        byte[] t = new byte[need];
        if (compression == ExrCompression.RLE) {
            unRle(data, off, size, t, k);
            return ExrZip.postprocess(t, need);
        }
        try {
            ZlibBlocks.inflateExactly(inflater, data, off, size, t, need);
        } catch (ZipException e) {
            throw new IOException("EXR chunk " + k + ": " + e.getMessage(), e);
        }
        return ExrZip.postprocess(t, need);
    }

    /**
     * OpenEXR's rleUncompress into all of {@code out}: a negative count byte -n is followed by n literal
     * bytes, a count n >= 0 by one byte repeated n + 1 times.
     */
    private static void unRle(byte[] d, int off, int size, byte[] out, int k) throws IOException {
        int p = off, end = off + size, o = 0;
        while (p < end) {
            int count = d[p++];
            if (count < 0) {
                int n = -count;
                if (p + n > end || o + n > out.length) {
                    throw new IOException("EXR chunk " + k + ": RLE literal run overflows");
                }
                System.arraycopy(d, p, out, o, n);
                p += n;
                o += n;
            } else {
                if (p >= end || o + count + 1 > out.length) {
                    throw new IOException("EXR chunk " + k + ": RLE run overflows");
                }
                java.util.Arrays.fill(out, o, o + count + 1, d[p++]);
                o += count + 1;
            }
        }
        if (o != out.length) {
            throw new IOException("EXR chunk " + k + ": RLE data gives " + o + " bytes, " + out.length + " expected");
        }
    }

    /** Copies the R, G and B channels of {@code n} scanlines starting at row {@code row} into the image. */
    private static void unpack(byte[] block, ExrHeader h, int row, int n, float[] rgb) {
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        int width = h.width();
        for (int j = 0; j < n; j++) {
            for (int ch = 0; ch < h.channelCount(); ch++) {
                int c = h.rgbIndex(ch);
                int type = h.pixelType(ch);
                if (c < 0) {
                    b.position(b.position() + (type == ExrHeader.HALF ? 2 : 4) * width);
                    continue;
                }
                int base = 3 * (row + j) * width + c;
                for (int x = 0; x < width; x++) {
                    float v;
                    if (type == ExrHeader.HALF) {
                        v = halfToFloat(b.getShort());
                    } else if (type == ExrHeader.UINT) {
                        v = (float) Integer.toUnsignedLong(b.getInt());
                    } else {
                        v = b.getFloat();
                    }
                    rgb[base + 3 * x] = v;
                }
            }
        }
    }

    /** An IEEE 754 binary16 value (EXR's HALF) as a float, subnormals, infinities and NaN included. */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            // Zero or subnormal: mant * 2^-24.
            float f = mant * 0x1p-24f;
            return sign != 0 ? -f : f;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}

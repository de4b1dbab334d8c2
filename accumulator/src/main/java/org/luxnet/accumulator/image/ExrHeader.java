package org.luxnet.accumulator.image;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenEXR header that {@link ExrIO} needs, parsed and validated: the data window, the
 * compression and the channel list, with each channel's place in the RGB output.
 */
record ExrHeader(int xMin, int yMin, int width, int height, ExrCompression compression, int[] rgbIndices,
        int[] pixelTypes, int headerLength) {
    static final int MAGIC = 20000630;
    static final int VERSION = 2;
    static final int TILED = 0x200, LONG_NAMES = 0x400, NON_IMAGE = 0x800, MULTIPART = 0x1000;
    static final int UINT = 0, HALF = 1, FLOAT = 2;

    /** Number of channels stored per scanline. */
    int channelCount() {
        return rgbIndices.length;
    }

    /** Bytes of one pixel over all stored channels (HALF 2, FLOAT and UINT 4). */
    int bytesPerPixel() {
        int n = 0;
        for (int t : pixelTypes) {
            n += t == HALF ? 2 : 4;
        }
        return n;
    }

    /** {@link #UINT}, {@link #HALF} or {@link #FLOAT}: the pixel type of stored channel {@code ch}. */
    int pixelType(int ch) {
        return pixelTypes[ch];
    }

    /** 0, 1 or 2 when stored channel {@code ch} is R, G or B; -1 for a channel the reader skips. */
    int rgbIndex(int ch) {
        return rgbIndices[ch];
    }

    /** Parses the header at the start of {@code b} (little-endian); {@code b} ends up after it. */
    static ExrHeader parse(ByteBuffer b) throws IOException {
        try {
            if (b.getInt() != MAGIC) {
                throw new IOException("not an OpenEXR file (bad magic number)");
            }
            int v = b.getInt();
            if ((v & 0xFF) != VERSION) {
                throw new IOException("unsupported OpenEXR version " + (v & 0xFF));
            }
            int flags = v & ~0xFF;
            if ((flags & (TILED | NON_IMAGE | MULTIPART)) != 0) {
                throw new IOException("tiled, deep and multi-part OpenEXR files are not supported");
            }
            if ((flags & ~LONG_NAMES) != 0) {
                throw new IOException(String.format("unknown OpenEXR version flags %08x", flags));
            }
            int maxName = (flags & LONG_NAMES) != 0 ? 255 : 31;
            int[] rgb = null, window = null;
            List<Integer> types = new ArrayList<>();
            ExrCompression compression = null;
            for (String name = cString(b, maxName); !name.isEmpty(); name = cString(b, maxName)) {
                String type = cString(b, maxName);
                int size = b.getInt();
                if (size < 0 || size > b.remaining()) {
                    throw new IOException("attribute " + name + " declares " + size + " bytes, " + b.remaining()
                            + " left");
                }
                ByteBuffer value = b.slice(b.position(), size).order(b.order());
                b.position(b.position() + size);
                switch (name) {
                    case "channels" -> rgb = channels(expect(value, type, "chlist", -1), maxName, types);
                    case "compression" -> {
                        int code = expect(value, type, "compression", 1).get() & 0xFF;
                        compression = ExrCompression.of(code);
                        if (compression == null) {
                            throw new IOException("compression " + code + " is not supported (only NONE, RLE, ZIPS, ZIP, PIZ)");
                        }
                    }
                    case "dataWindow" -> {
                        ByteBuffer w = expect(value, type, "box2i", 16);
                        window = new int[] {w.getInt(), w.getInt(), w.getInt(), w.getInt()};
                    }
                    case "lineOrder" -> {
                        int order = expect(value, type, "lineOrder", 1).get() & 0xFF;
                        if (order > 1) {
                            throw new IOException("line order " + order + " is not valid for scanline images");
                        }
                    }
                    default -> {
                        // Attributes that do not affect decoding the pixels.
                    }
                }
            }
            if (rgb == null || compression == null || window == null) {
                throw new IOException("header lacks one of channels, compression, dataWindow");
            }
            long width = (long) window[2] - window[0] + 1, height = (long) window[3] - window[1] + 1;
            if (width <= 0 || height <= 0 || width * height > (Integer.MAX_VALUE - 8) / 3
                    || width * rgb.length * 4 > Integer.MAX_VALUE) {
                throw new IOException("unusable data window " + width + "x" + height);
            }
            return new ExrHeader(window[0], window[1], (int) width, (int) height, compression, rgb,
                    types.stream().mapToInt(Integer::intValue).toArray(), b.position());
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IOException("truncated OpenEXR header", e);
        }
    }

    private static ByteBuffer expect(ByteBuffer value, String type, String wanted, int size) throws IOException {
        if (!type.equals(wanted) || (size >= 0 && value.remaining() != size)) {
            throw new IOException("attribute of type " + type + " and " + value.remaining() + " bytes where " + wanted
                    + " was expected");
        }
        return value;
    }

    /**
     * The RGB index of each channel in the list, its pixel type added to {@code types}; all must be
     * unsampled UINT, HALF or FLOAT and include R, G, B.
     */
    private static int[] channels(ByteBuffer b, int maxName, List<Integer> types) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name = cString(b, maxName); !name.isEmpty(); name = cString(b, maxName)) {
            int type = b.getInt();
            b.position(b.position() + 4); // pLinear and three reserved bytes
            int xs = b.getInt(), ys = b.getInt();
            if (type != FLOAT && type != HALF && type != UINT) {
                throw new IOException("channel " + name + " has unknown pixel type " + type);
            }
            types.add(type);
            if (xs != 1 || ys != 1) {
                throw new IOException("channel " + name + " is subsampled; not supported");
            }
            if (names.contains(name)) {
                throw new IOException("channel " + name + " is listed twice");
            }
            names.add(name);
        }
        int[] idx = new int[names.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = "RGB".indexOf(names.get(i).length() == 1 ? names.get(i).charAt(0) : '?');
        }
        if (!names.contains("R") || !names.contains("G") || !names.contains("B")) {
            throw new IOException("channels " + names + " do not include R, G and B");
        }
        return idx;
    }

    private static String cString(ByteBuffer b, int maxLength) throws IOException {
        int start = b.position();
        while (b.get() != 0) {
            if (b.position() - start > maxLength) {
                throw new IOException("name longer than " + maxLength + " bytes in header");
            }
        }
        return new String(b.array(), b.arrayOffset() + start, b.position() - start - 1, StandardCharsets.US_ASCII);
    }
}

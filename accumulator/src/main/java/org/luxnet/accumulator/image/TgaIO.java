package org.luxnet.accumulator.image;

import java.io.IOException;

/**
 * Truevision TGA images, read only (ImageIO has no TGA reader; pbrt-v3 reads TGA maps): true-colour
 * (24 or 32 bits, BGR(A), alpha dropped) and greyscale (8 bits), uncompressed or run-length encoded
 * (image types 2, 3, 10, 11), in any of the four pixel orders the descriptor byte names. Values come
 * back as {@code v / 255}; colour-mapped and 16-bit files are refused with a message.
 */
public final class TgaIO {
    private TgaIO() {
    }

    /**
     * Decodes a TGA file's bytes; rows top first.
     *
     * @throws IOException when the bytes are not a supported TGA image or are truncated
     */
    public static RgbImage decode(byte[] d) throws IOException {
        if (d.length < 18) {
            throw new IOException("not a TGA file (shorter than its 18-byte header)");
        }
        int idLength = d[0] & 0xff, colorMapType = d[1] & 0xff, type = d[2] & 0xff;
        int mapLength = u16(d, 5), mapEntryBits = d[7] & 0xff;
        int width = u16(d, 12), height = u16(d, 14), depth = d[16] & 0xff, descriptor = d[17] & 0xff;
        boolean rle = type == 10 || type == 11;
        boolean grey = type == 3 || type == 11;
        if (!(type == 2 || type == 3 || rle)) {
            throw new IOException("TGA image type " + type + " is not supported (true-colour or greyscale, raw or RLE)");
        }
        int bytes = depth / 8;
        if (grey ? depth != 8 : depth != 24 && depth != 32) {
            throw new IOException("TGA pixel depth " + depth + " is not supported for image type " + type);
        }
        if (width == 0 || height == 0) {
            throw new IOException("TGA image of " + width + "x" + height + " pixels");
        }
        int p = 18 + idLength + (colorMapType == 1 ? mapLength * ((mapEntryBits + 7) / 8) : 0);
        int n = width * height;
        byte[] px = new byte[n * bytes];
        if (rle) {
            int o = 0;
            while (o < px.length) {
                need(d, p, 1);
                int h = d[p++] & 0xff;
                int count = (h & 0x7f) + 1;
                if (o + count * bytes > px.length) {
                    throw new IOException("TGA run-length packet overflows the image");
                }
                if ((h & 0x80) != 0) {
                    need(d, p, bytes);
                    for (int k = 0; k < count; k++) {
                        System.arraycopy(d, p, px, o, bytes);
                        o += bytes;
                    }
                    p += bytes;
                } else {
                    need(d, p, count * bytes);
                    System.arraycopy(d, p, px, o, count * bytes);
                    o += count * bytes;
                    p += count * bytes;
                }
            }
        } else {
            need(d, p, px.length);
            System.arraycopy(d, p, px, 0, px.length);
        }
        boolean topFirst = (descriptor & 0x20) != 0, rightToLeft = (descriptor & 0x10) != 0;
        float[] rgb = new float[n * 3];
        for (int row = 0; row < height; row++) {
            int y = topFirst ? row : height - 1 - row;
            for (int col = 0; col < width; col++) {
                int x = rightToLeft ? width - 1 - col : col;
                int s = (row * width + col) * bytes;
                int o = 3 * (y * width + x);
                if (grey) {
                    float v = (px[s] & 0xff) / 255f;
                    rgb[o] = v;
                    rgb[o + 1] = v;
                    rgb[o + 2] = v;
                } else {
                    rgb[o] = (px[s + 2] & 0xff) / 255f;
                    rgb[o + 1] = (px[s + 1] & 0xff) / 255f;
                    rgb[o + 2] = (px[s] & 0xff) / 255f;
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    private static void need(byte[] d, int p, int n) throws IOException {
        if (p + (long) n > d.length) {
            throw new IOException("truncated TGA file");
        }
    }

    private static int u16(byte[] d, int p) {
        return (d[p] & 0xff) | (d[p + 1] & 0xff) << 8;
    }
}

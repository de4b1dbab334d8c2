package org.luxnet.accumulator.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Radiance RGBE ({@code .hdr}, {@code .pic}) images, read only: the text header ({@code #?RADIANCE}
 * or {@code #?RGBE}, {@code FORMAT=32-bit_rle_rgbe}, an {@code EXPOSURE} line is ignored as pbrt and
 * LuxRender ignore it), the resolution line {@code -Y h +X w} (the standard orientation; others are
 * refused), then scanlines flat or in the new run-length encoding. A pixel is {@code (r, g, b, e)}
 * with value {@code c * 2^(e - 136)} per channel, 0 when e is 0, as Greg Ward's rgbe.c (which the
 * image libraries of LuxRender and most HDR readers use) decodes it.
 */
public final class RgbeIO {
    private RgbeIO() {
    }

    /**
     * Decodes an RGBE file's bytes; rows top first.
     *
     * @throws IOException when the bytes are not an RGBE image, are truncated or malformed
     */
    public static RgbImage decode(byte[] data) throws IOException {
        int[] pos = {0};
        String first = line(data, pos);
        if (!first.startsWith("#?")) {
            throw new IOException("not a Radiance HDR file (expected \"#?RADIANCE\" on the first line)");
        }
        while (true) {
            String l = line(data, pos);
            if (l.isEmpty()) {
                break;
            }
            if (l.startsWith("FORMAT=") && !l.equals("FORMAT=32-bit_rle_rgbe")) {
                throw new IOException("Radiance HDR format \"" + l.substring(7) + "\" is not supported (only 32-bit_rle_rgbe)");
            }
        }
        String[] res = line(data, pos).trim().split("\\s+");
        if (res.length != 4 || !res[0].equals("-Y") || !res[2].equals("+X")) {
            throw new IOException("Radiance HDR resolution line \"" + String.join(" ", res)
                    + "\" is not supported (only \"-Y height +X width\")");
        }
        int height = positive(res[1], "height"), width = positive(res[3], "width");
        if ((long) width * height > (Integer.MAX_VALUE - 8) / 4) {
            throw new IOException("Radiance HDR of " + width + "x" + height + " pixels is too large");
        }
        float[] rgb = new float[width * height * 3];
        byte[] scan = new byte[4 * width];
        for (int y = 0; y < height; y++) {
            readScanline(data, pos, scan, width, y);
            for (int x = 0; x < width; x++) {
                int e = scan[4 * x + 3] & 0xff;
                int o = 3 * (y * width + x);
                if (e != 0) {
                    float f = (float) Math.scalb(1.0, e - 136);
                    for (int c = 0; c < 3; c++) {
                        rgb[o + c] = (scan[4 * x + c] & 0xff) * f;
                    }
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    /** One scanline into {@code scan} as r, g, b, e per pixel: new RLE when it starts with 2 2, else flat. */
    private static void readScanline(byte[] d, int[] pos, byte[] scan, int width, int y) throws IOException {
        int p = pos[0];
        need(d, p, 4, y);
        boolean rle = width >= 8 && width < 32768 && d[p] == 2 && d[p + 1] == 2 && (d[p + 2] & 0x80) == 0;
        if (!rle) {
            need(d, p, 4 * width, y);
            System.arraycopy(d, p, scan, 0, 4 * width);
            pos[0] = p + 4 * width;
            return;
        }
        if ((((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff)) != width) {
            throw new IOException("Radiance HDR scanline " + y + " has the wrong length");
        }
        p += 4;
        for (int c = 0; c < 4; c++) {
            int x = 0;
            while (x < width) {
                need(d, p, 1, y);
                int n = d[p++] & 0xff;
                if (n > 128) {
                    n -= 128;
                    need(d, p, 1, y);
                    if (n > width - x) {
                        throw new IOException("Radiance HDR scanline " + y + ": run overflows the line");
                    }
                    byte v = d[p++];
                    for (int k = 0; k < n; k++) {
                        scan[4 * (x++) + c] = v;
                    }
                } else {
                    if (n == 0 || n > width - x) {
                        throw new IOException("Radiance HDR scanline " + y + ": bad literal count " + n);
                    }
                    need(d, p, n, y);
                    for (int k = 0; k < n; k++) {
                        scan[4 * (x++) + c] = d[p++];
                    }
                }
            }
        }
        pos[0] = p;
    }

    private static void need(byte[] d, int p, int n, int y) throws IOException {
        if (p + (long) n > d.length) {
            throw new IOException("truncated Radiance HDR file at scanline " + y);
        }
    }

    private static String line(byte[] d, int[] pos) throws IOException {
        int start = pos[0];
        int i = start;
        while (i < d.length && d[i] != '\n' && i - start < 4096) {
            i++;
        }
        if (i >= d.length || d[i] != '\n') {
            throw new IOException("bad Radiance HDR header: truncated or line too long at byte " + start);
        }
        pos[0] = i + 1;
        return new String(d, start, i - start, StandardCharsets.US_ASCII);
    }

    private static int positive(String t, String what) throws IOException {
        try {
            int v = Integer.parseInt(t);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("bad Radiance HDR " + what + " \"" + t + "\"");
    }
}

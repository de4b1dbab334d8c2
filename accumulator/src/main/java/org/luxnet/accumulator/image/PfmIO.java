package org.luxnet.accumulator.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luxnet.accumulator.io.AtomicFiles;

/**
 * Portable Float Map files: the HDR format pbrt-v3 writes its reference images in. Written as colour
 * "PF", little-endian (scale -1.0), rows bottom to top as the format requires; writes are atomic.
 * Read: colour "PF" and greyscale "Pf", either byte order, with the data multiplied by |scale| as
 * pbrt does; rows are returned top row first.
 */
public final class PfmIO {
    private PfmIO() {
    }

    /**
     * Writes linear RGB (3 floats per pixel, row-major, top row first).
     *
     * @throws IOException naming {@code path} when the file cannot be written
     */
    public static void write(Path path, float[] rgb, int width, int height) throws IOException {
        Images.check(rgb, width, height);
        byte[] header = ("PF\n" + width + " " + height + "\n-1.0\n").getBytes(StandardCharsets.US_ASCII);
        AtomicFiles.write(path, out -> {
            out.write(header);
            ByteBuffer row = ByteBuffer.allocate(width * 3 * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = height - 1; y >= 0; y--) {
                row.clear();
                row.asFloatBuffer().put(rgb, y * width * 3, width * 3);
                out.write(row.array());
            }
        });
    }

    /**
     * Reads a PFM file; a greyscale image comes back with its value in all three channels.
     *
     * @throws IOException naming {@code path} when the file cannot be read, is not a PFM file, or
     *     holds fewer pixels than its header declares
     */
    public static RgbImage read(Path path) throws IOException {
        return Images.read(path, PfmIO::parse);
    }

    /**
     * Decodes a PFM file's bytes (a scene resource, already read).
     *
     * @throws IOException when the bytes are not a PFM image or hold fewer pixels than declared
     */
    public static RgbImage decode(byte[] data) throws IOException {
        return parse(data);
    }

    private static RgbImage parse(byte[] data) throws IOException {
        if (data.length < 3 || data[0] != 'P' || (data[1] != 'F' && data[1] != 'f')) {
            throw new IOException("not a PFM file (expected \"PF\" or \"Pf\")");
        }
        int channels = data[1] == 'F' ? 3 : 1;
        int[] pos = {2};
        int width = dimension(token(data, pos), "width");
        int height = dimension(token(data, pos), "height");
        String scaleToken = token(data, pos);
        double scale;
        try {
            scale = Double.parseDouble(scaleToken);
        } catch (NumberFormatException e) {
            throw new IOException("bad PFM header: scale \"" + scaleToken + "\" is not a number", e);
        }
        // Exactly one whitespace byte separates the scale from the raster.
        int start = pos[0] + 1;
        if (!(scale != 0) || !Double.isFinite(scale)) {
            throw new IOException("bad PFM header: scale " + scale + " must be finite and non-zero");
        }
        if ((long) width * height > (Integer.MAX_VALUE - 8) / 3) {
            throw new IOException("PFM of " + width + "x" + height + " pixels is too large");
        }
        long need = (long) width * height * channels * 4;
        if (start > data.length || data.length - start < need) {
            throw new IOException("truncated PFM: " + width + "x" + height + " needs " + need + " bytes of pixels, "
                    + Math.max(0, data.length - start) + " present");
        }
        int w = width, h = height;
        ByteBuffer b = ByteBuffer.wrap(data, start, (int) need).order(scale < 0 ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.BIG_ENDIAN);
        float k = (float) Math.abs(scale);
        float[] rgb = new float[w * h * 3];
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int o = 3 * (y * w + x);
                for (int c = 0; c < 3; c++) {
                    rgb[o + c] = c < channels ? b.getFloat() * k : rgb[o];
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** The next whitespace-separated header token, skipping leading whitespace; pos ends on the byte after it. */
    private static String token(byte[] data, int[] pos) throws IOException {
        int i = pos[0];
        while (i < data.length && isSpace(data[i])) {
            i++;
        }
        int start = i;
        while (i < data.length && !isSpace(data[i]) && i - start < 32) {
            i++;
        }
        if (i == start || i >= data.length || !isSpace(data[i])) {
            throw new IOException("bad PFM header: truncated or malformed at byte " + start);
        }
        pos[0] = i;
        return new String(data, start, i - start, StandardCharsets.US_ASCII);
    }

    private static int dimension(String t, String what) throws IOException {
        try {
            int v = Integer.parseInt(t);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            throw new IOException("bad PFM header: " + what + " \"" + t + "\" is not a positive integer", e);
        }
        throw new IOException("bad PFM header: " + what + " \"" + t + "\" is not a positive integer");
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}

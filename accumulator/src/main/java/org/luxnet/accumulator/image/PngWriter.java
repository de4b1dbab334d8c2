package org.luxnet.accumulator.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.luxnet.accumulator.io.AtomicFiles;
import org.luxnet.accumulator.tonemap.DisplayEncoding;

/**
 * Writes 8-bit RGB PNG files through javax.imageio, atomically ({@link AtomicFiles}). The input is
 * either display-encoded bytes or display-linear floats (a tone mapper's output) plus the encoding.
 */
public final class PngWriter {
    private PngWriter() {
    }

    /**
     * Writes display-linear RGB (3 floats per pixel, row-major, top row first) after clamping,
     * encoding and quantizing it with {@code encoding}.
     *
     * @throws IOException naming {@code path} when the file cannot be written
     */
    public static void write(Path path, float[] displayLinearRgb, int width, int height, DisplayEncoding encoding)
            throws IOException {
        Images.check(displayLinearRgb, width, height);
        write(path, encoding.toBytes(displayLinearRgb), width, height);
    }

    /**
     * Writes display-encoded RGB bytes (3 per pixel, row-major, top row first).
     *
     * @throws IOException naming {@code path} when the file cannot be written
     */
    public static void write(Path path, byte[] rgb, int width, int height) throws IOException {
        if (width <= 0 || height <= 0 || (long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException("expected 3 bytes for each of " + width + "x" + height + " pixels, got "
                    + rgb.length);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }
}

package org.luxnet.accumulator.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
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
        BufferedImage img = image(rgb, width, height);
        AtomicFiles.write(path, out -> writePng(img, out));
    }

    /**
     * Encodes display-encoded RGB bytes (3 per pixel, row-major, top row first) as a PNG file's bytes,
     * for images that are served rather than written (the live monitor).
     */
    public static byte[] encode(byte[] rgb, int width, int height) {
        BufferedImage img = image(rgb, width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rgb.length / 2 + 1024);
        try {
            writePng(img, out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Encodes through an in-memory stream. ImageIO's default stream caches in a temporary file and
     * registers a JVM shutdown hook for it, which fails while the JVM shuts down: exactly when Ctrl-C
     * makes a render write its final images.
     */
    private static void writePng(BufferedImage img, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(img);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage image(byte[] rgb, int width, int height) {
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
        return img;
    }
}

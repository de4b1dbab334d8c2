package org.luxnet.accumulator.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
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
        write(path, rgb, width, height, null);
    }

    /**
     * The colour chunks LuxRender's PNG writer adds (WritePngImage in core/pngio.cpp): gAMA with the
     * file gamma {@code 1 / film gamma}, and cHRM with the film colour space's chromaticities.
     *
     * @param fileGamma the gAMA value, {@code 1 / gamma} of the film
     * @param chromaticities red x, y, green x, y, blue x, y, white x, y
     */
    public record ColorChunks(double fileGamma, double[] chromaticities) {
        /** Checks the values fit PNG's fixed-point fields. */
        public ColorChunks {
            if (!(fileGamma > 0) || fileGamma > 20000 || chromaticities.length != 8) {
                throw new IllegalArgumentException("PNG gAMA must be positive and cHRM needs 8 chromaticities");
            }
            chromaticities = chromaticities.clone();
        }
    }

    /**
     * Writes display-encoded RGB bytes with LuxRender's gAMA and cHRM chunks ({@code chunks} null:
     * none, as pbrt-v3 writes).
     *
     * @throws IOException naming {@code path} when the file cannot be written
     */
    public static void write(Path path, byte[] rgb, int width, int height, ColorChunks chunks) throws IOException {
        BufferedImage img = image(rgb, width, height);
        AtomicFiles.write(path, out -> writePng(img, out, chunks));
    }

    /**
     * Encodes display-encoded RGB bytes (3 per pixel, row-major, top row first) as a PNG file's bytes,
     * for images that are served rather than written (the live monitor).
     */
    public static byte[] encode(byte[] rgb, int width, int height) {
        BufferedImage img = image(rgb, width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rgb.length / 2 + 1024);
        try {
            writePng(img, out, null);
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
    private static void writePng(BufferedImage img, OutputStream out, ColorChunks chunks) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            IIOMetadata meta = null;
            if (chunks != null) {
                meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
                meta.mergeTree(PNG_FORMAT, colorTree(chunks));
            }
            writer.write(null, new IIOImage(img, null, meta), null);
        } finally {
            writer.dispose();
        }
    }

    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    /** gAMA and cHRM in units of 1/100000, as the PNG specification stores them. */
    private static IIOMetadataNode colorTree(ColorChunks c) {
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        IIOMetadataNode gama = new IIOMetadataNode("gAMA");
        gama.setAttribute("value", Long.toString(Math.round(c.fileGamma() * 100000)));
        root.appendChild(gama);
        IIOMetadataNode chrm = new IIOMetadataNode("cHRM");
        double[] xy = c.chromaticities();
        String[] names = {"redX", "redY", "greenX", "greenY", "blueX", "blueY", "whitePointX", "whitePointY"};
        for (int i = 0; i < 8; i++) {
            chrm.setAttribute(names[i], Long.toString(Math.round(xy[i] * 100000)));
        }
        root.appendChild(chrm);
        return root;
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

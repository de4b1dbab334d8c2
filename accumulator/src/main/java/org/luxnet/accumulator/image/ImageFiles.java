package org.luxnet.accumulator.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Decodes an image file that a scene names (an environment map, later image textures) from its bytes,
 * choosing the reader by the file name's extension: PFM, EXR and Radiance HDR are linear float; TGA
 * ({@link TgaIO}) and anything else, through ImageIO (PNG, JPEG, BMP, GIF), are 8-bit, whose 8-bit values come back as {@code v / 255}
 * with no curve applied, since each scene dialect decodes them its own way ({@link #isLowDynamicRange}).
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** True for formats whose values are 8-bit display values (PNG, JPEG, ...), false for linear float formats. */
    public static boolean isLowDynamicRange(String fileName) {
        String e = extension(fileName);
        return !(e.equals("pfm") || e.equals("exr") || e.equals("hdr") || e.equals("pic"));
    }

    /**
     * Decodes {@code data}, the content of {@code fileName}; rows top first.
     *
     * @throws IOException when the format is unknown or the bytes are not a valid image of it
     */
    public static RgbImage decode(String fileName, byte[] data) throws IOException {
        switch (extension(fileName)) {
            case "pfm":
                return PfmIO.decode(data);
            case "exr":
                return ExrIO.decode(data);
            case "hdr":
            case "pic":
                return RgbeIO.decode(data);
            case "tga":
                return TgaIO.decode(data);
            default:
                return decodeImageIo(fileName, data);
        }
    }

    private static RgbImage decodeImageIo(String fileName, byte[] data) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
        if (img == null) {
            throw new IOException("unsupported image format (readable: pfm, exr, hdr, tga, and what ImageIO reads: png, jpg, bmp, gif)");
        }
        int w = img.getWidth(), h = img.getHeight();
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int o = 3 * (y * w + x);
                rgb[o] = ((p >> 16) & 0xff) / 255f;
                rgb[o + 1] = ((p >> 8) & 0xff) / 255f;
                rgb[o + 2] = (p & 0xff) / 255f;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

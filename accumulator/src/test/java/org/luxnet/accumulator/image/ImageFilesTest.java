package org.luxnet.accumulator.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Scene images decoded from their bytes by extension: a half-float ZIP EXR written by OpenImageIO
 * (pbrt-v3's lincard.exr, 64x64, texels up to 2.5) holds the texels of the float PFM it was made
 * from, to half precision; 8-bit files come back as v / 255 for the dialect to decode.
 */
class ImageFilesTest {
    private static final Path DIR = Path.of("src", "test", "resources", "image");

    @Test
    void halfFloatZipExrMatchesItsFloatSource() throws IOException {
        RgbImage exr = ImageFiles.decode("lincard.exr", Files.readAllBytes(DIR.resolve("lincard.exr")));
        RgbImage pfm = ImageFiles.decode("LINCARD.PFM", Files.readAllBytes(DIR.resolve("lincard.pfm")));
        assertEquals(pfm.width(), exr.width());
        assertEquals(pfm.height(), exr.height());
        double worst = 0, max = 0;
        for (int i = 0; i < pfm.rgb().length; i++) {
            worst = Math.max(worst, Math.abs(exr.rgb()[i] - pfm.rgb()[i]) / Math.max(pfm.rgb()[i], 1e-3));
            max = Math.max(max, exr.rgb()[i]);
        }
        assertTrue(worst < 1e-3, "relative difference " + worst + " beyond half precision");
        assertTrue(max > 2, "the bright texels are there: " + max);
    }

    /**
     * PIZ files written by OpenEXR 3.1's exrmultiview (-z piz; a second view's channels, which the
     * reader skips, share the blocks) from uncompressed 40x36 FLOAT and HALF images: two blocks of 32
     * lines, one texel at 800 among values below 1. The decoded texels equal the uncompressed ones exactly.
     */
    @Test
    void pizMatchesTheUncompressedImageExactly() throws IOException {
        for (String t : new String[] {"float", "half"}) {
            RgbImage raw = ExrIO.decode(Files.readAllBytes(DIR.resolve("grid-" + t + ".exr")));
            RgbImage piz = ExrIO.decode(Files.readAllBytes(DIR.resolve("grid-" + t + "-piz.exr")));
            assertEquals(40, piz.width());
            assertEquals(36, piz.height());
            for (int i = 0; i < raw.rgb().length; i++) {
                assertEquals(raw.rgb()[i], piz.rgb()[i], t + " value " + i);
            }
            assertEquals(800f, piz.get(20, 8, 0), t);
        }
    }

    /** RLE, written by exrmultiview -z rle from the HALF image: the same texels. */
    @Test
    void rleMatchesTheUncompressedImageExactly() throws IOException {
        RgbImage raw = ExrIO.decode(Files.readAllBytes(DIR.resolve("grid-half.exr")));
        RgbImage rle = ExrIO.decode(Files.readAllBytes(DIR.resolve("grid-half-rle.exr")));
        assertEquals(raw.width(), rle.width());
        for (int i = 0; i < raw.rgb().length; i++) {
            assertEquals(raw.rgb()[i], rle.rgb()[i], "value " + i);
        }
    }

    @Test
    void halfToFloatCoversTheSpecialValues() {
        assertEquals(1.0f, ExrIO.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, ExrIO.halfToFloat((short) 0xc000));
        assertEquals(65504f, ExrIO.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, ExrIO.halfToFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, ExrIO.halfToFloat((short) 0x7c00));
        assertTrue(Float.isNaN(ExrIO.halfToFloat((short) 0x7e00)));
    }

    @Test
    void eightBitFilesAreRawValues() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff8000);
        img.setRGB(1, 0, 0x000033);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        RgbImage d = ImageFiles.decode("x.png", out.toByteArray());
        assertEquals(1f, d.get(0, 0, 0));
        assertEquals(128 / 255f, d.get(0, 0, 1));
        assertEquals(0x33 / 255f, d.get(1, 0, 2));
        assertTrue(ImageFiles.isLowDynamicRange("x.png"));
        assertFalse(ImageFiles.isLowDynamicRange("x.HDR"));
        IOException e = assertThrows(IOException.class, () -> ImageFiles.decode("x.tif", new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("unsupported image format"), e.getMessage());
    }
}

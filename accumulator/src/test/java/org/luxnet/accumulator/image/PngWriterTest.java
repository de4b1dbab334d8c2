package org.luxnet.accumulator.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesEncodedPixelsTopRowFirst() throws IOException {
        // 3x2: top row red, mid-grey, white; bottom row black, over-white, a blue of 0.18.
        float[] rgb = {1, 0, 0, 0.18f, 0.18f, 0.18f, 1, 1, 1, 0, 0, 0, 5, 5, 5, 0, 0, 0.18f};
        Path p = dir.resolve("out.png");
        DisplayEncoding srgb = DisplayEncoding.srgb();
        PngWriter.write(p, rgb, 3, 2, srgb);
        BufferedImage img = ImageIO.read(p.toFile());
        assertEquals(3, img.getWidth());
        assertEquals(2, img.getHeight());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int i = 3 * (y * 3 + x);
                int expected = srgb.quantize(rgb[i]) << 16 | srgb.quantize(rgb[i + 1]) << 8 | srgb.quantize(rgb[i + 2]);
                assertEquals(expected, img.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
        assertEquals(0xFF0000, img.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void encodesInMemoryTheSameBytesItWouldWrite() throws IOException {
        byte[] rgb = {10, 20, 30, (byte) 200, 0, (byte) 255};
        byte[] png = PngWriter.encode(rgb, 2, 1);
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(0x0A141E, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xC800FF, img.getRGB(1, 0) & 0xFFFFFF);
        Path p = dir.resolve("same.png");
        PngWriter.write(p, rgb, 2, 1);
        assertTrue(java.util.Arrays.equals(png, java.nio.file.Files.readAllBytes(p)));
        assertThrows(IllegalArgumentException.class, () -> PngWriter.encode(rgb, 3, 1));
    }

    @Test
    void unwritableTargetNamesThePath() {
        Path p = dir.resolve("missing/out.png");
        IOException e = assertThrows(IOException.class, () -> PngWriter.write(p, new byte[3], 1, 1));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }
}

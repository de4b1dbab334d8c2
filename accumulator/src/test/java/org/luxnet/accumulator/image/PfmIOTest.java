package org.luxnet.accumulator.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PfmIOTest {
    @TempDir
    Path dir;

    private static float[] random(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] rgb = new float[w * h * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (float) (rnd.nextDouble() * 10 - 1);
        }
        return rgb;
    }

    @Test
    void roundTrips() throws IOException {
        for (int[] s : new int[][] {{1, 1}, {5, 3}, {3, 7}}) {
            float[] rgb = random(s[0], s[1], s[0] * 10 + s[1]);
            Path p = dir.resolve("img.pfm");
            PfmIO.write(p, rgb, s[0], s[1]);
            RgbImage back = PfmIO.read(p);
            assertEquals(s[0], back.width());
            assertEquals(s[1], back.height());
            assertArrayEquals(rgb, back.rgb());
        }
    }

    @Test
    void fileStoresRowsBottomToTopLittleEndian() throws IOException {
        // Top row red, bottom row blue.
        float[] rgb = {1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1};
        Path p = dir.resolve("rows.pfm");
        PfmIO.write(p, rgb, 2, 2);
        byte[] file = Files.readAllBytes(p);
        String header = "PF\n2 2\n-1.0\n";
        assertEquals(header, new String(file, 0, header.length(), StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.wrap(file, header.length(), 48).order(ByteOrder.LITTLE_ENDIAN);
        // The first stored pixel is the bottom-left one, which is blue.
        assertEquals(0f, data.getFloat());
        assertEquals(0f, data.getFloat());
        assertEquals(1f, data.getFloat());
        RgbImage back = PfmIO.read(p);
        assertEquals(1f, back.get(0, 0, 0), "row 0 is the top of the image");
        assertEquals(1f, back.get(1, 1, 2));
    }

    @Test
    void readsBigEndianAndAppliesScale() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PF\n1 2\n2.0\n".getBytes(StandardCharsets.US_ASCII));
        // Stored bottom row first: bottom pixel (1, 2, 3), top pixel (4, 5, 6).
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        b.putFloat(1).putFloat(2).putFloat(3).putFloat(4).putFloat(5).putFloat(6);
        out.writeBytes(b.array());
        Path p = dir.resolve("be.pfm");
        Files.write(p, out.toByteArray());
        assertArrayEquals(new float[] {8, 10, 12, 2, 4, 6}, PfmIO.read(p).rgb());
    }

    @Test
    void readsGreyscaleIntoAllChannels() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Pf 2 1 -1\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(3f).array());
        Path p = dir.resolve("grey.pfm");
        Files.write(p, out.toByteArray());
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 3, 3, 3}, PfmIO.read(p).rgb());
    }

    @Test
    void malformedFilesNameThePath() throws IOException {
        Path p = dir.resolve("bad.pfm");
        PfmIO.write(p, random(4, 4, 1), 4, 4);
        byte[] all = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(all, all.length - 1));
        IOException e = assertThrows(IOException.class, () -> PfmIO.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        for (String header : new String[] {"P6\n4 4\n255\n", "PF\n4 x\n-1\n", "PF\n4 4\n0\n", "PF\n-4 4\n-1\n", "PF\n4"}) {
            Files.write(p, header.getBytes(StandardCharsets.US_ASCII));
            e = assertThrows(IOException.class, () -> PfmIO.read(p), header);
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
    }
}

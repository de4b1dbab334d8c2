package org.luxnet.accumulator.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExrIOTest {
    @TempDir
    Path dir;

    /** A smooth gradient with a few special values, so both compression and exactness are exercised. */
    private static float[] image(int w, int h) {
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                rgb[i] = x / (float) w;
                rgb[i + 1] = y / (float) h * 4;
                rgb[i + 2] = (x + y) * 0.01f;
            }
        }
        rgb[0] = Float.NaN;
        rgb[rgb.length - 1] = Float.POSITIVE_INFINITY;
        if (rgb.length > 4) {
            rgb[4] = -0f;
        }
        return rgb;
    }

    @ParameterizedTest
    @EnumSource(value = ExrCompression.class, mode = EnumSource.Mode.EXCLUDE, names = {"PIZ", "RLE"})
    void roundTripsExactly(ExrCompression compression) throws IOException {
        for (int[] s : new int[][] {{1, 1}, {37, 21}, {16, 16}, {5, 33}}) {
            float[] rgb = image(s[0], s[1]);
            Path p = dir.resolve("img.exr");
            ExrIO.write(p, rgb, s[0], s[1], compression);
            RgbImage back = ExrIO.read(p);
            assertEquals(s[0], back.width());
            assertEquals(s[1], back.height());
            assertArrayEquals(rgb, back.rgb(), compression + " " + s[0] + "x" + s[1]);
        }
    }

    @Test
    void noiseThatZlibCannotShrinkIsStoredRawAndStillReads() throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        float[] rgb = new float[8 * 16 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = Float.intBitsToFloat(rnd.nextInt());
        }
        Path p = dir.resolve("noise.exr");
        ExrIO.write(p, rgb, 8, 16, ExrCompression.ZIP);
        byte[] file = Files.readAllBytes(p);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long offset = b.getLong(headerLength(file));
        assertEquals(8 * 16 * 3 * 4, b.getInt((int) offset + 4), "single block stored at its raw size");
        assertArrayEquals(rgb, ExrIO.read(p).rgb());
    }

    @Test
    void zipShrinksSmoothImages() throws IOException {
        float[] rgb = image(128, 64);
        Path zip = dir.resolve("zip.exr"), none = dir.resolve("none.exr");
        ExrIO.write(zip, rgb, 128, 64, ExrCompression.ZIP);
        ExrIO.write(none, rgb, 128, 64, ExrCompression.NONE);
        assertTrue(Files.size(zip) < Files.size(none) / 2, Files.size(zip) + " vs " + Files.size(none));
    }

    @Test
    void layoutFollowsTheSpecification() throws IOException {
        Path p = dir.resolve("layout.exr");
        ExrIO.write(p, image(10, 40), 10, 40, ExrCompression.ZIP);
        byte[] file = Files.readAllBytes(p);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new byte[] {0x76, 0x2f, 0x31, 0x01, 2, 0, 0, 0}, Arrays.copyOf(file, 8));
        String header = new String(file, 0, headerLength(file), StandardCharsets.ISO_8859_1);
        String[] required = {"channels\0chlist\0", "compression\0compression\0", "dataWindow\0box2i\0",
            "displayWindow\0box2i\0", "lineOrder\0lineOrder\0", "pixelAspectRatio\0float\0",
            "screenWindowCenter\0v2f\0", "screenWindowWidth\0float\0"};
        int last = -1;
        for (String attr : required) {
            int at = header.indexOf(attr);
            assertTrue(at > last, attr.replace('\0', ' ') + " missing or out of order");
            last = at;
        }
        // Channels alphabetically, each FLOAT (2) with sampling 1x1.
        int ch = header.indexOf("chlist\0") + 7 + 4;
        assertEquals("B\0", header.substring(ch, ch + 2));
        assertEquals(2, b.getInt(ch + 2));
        assertEquals("G\0", header.substring(ch + 18, ch + 20));
        assertEquals("R\0", header.substring(ch + 36, ch + 38));
        assertEquals(3, file[header.indexOf("compression\0compression\0") + 24 + 4], "ZIP");
        int dw = header.indexOf("dataWindow\0box2i\0") + 17 + 4;
        assertArrayEquals(new int[] {0, 0, 9, 39}, new int[] {b.getInt(dw), b.getInt(dw + 4), b.getInt(dw + 8),
            b.getInt(dw + 12)});
        // 40 lines in blocks of 16: 3 chunks, offsets right after the table, starting at y 0, 16, 32.
        int table = headerLength(file);
        long expected = table + 3 * 8;
        for (int k = 0; k < 3; k++) {
            long off = b.getLong(table + 8 * k);
            assertEquals(expected, off);
            assertEquals(16 * k, b.getInt((int) off));
            expected = off + 8 + b.getInt((int) off + 4);
        }
        assertEquals(file.length, expected, "chunks fill the file");
    }

    @Test
    void zipPreprocessingMatchesOpenExr() {
        // Even bytes first, then odd; then each byte minus the previous plus 128.
        byte[] t = ExrZip.preprocess(new byte[] {1, 2, 3, 4, 5}, 5);
        assertArrayEquals(new byte[] {1, (byte) 130, (byte) 130, 125, (byte) 130}, t);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, ExrZip.postprocess(t, 5));
    }

    @Test
    void corruptFilesNameThePath() throws IOException {
        Path p = dir.resolve("bad.exr");
        ExrIO.write(p, image(20, 20), 20, 20, ExrCompression.ZIP);
        byte[] all = Files.readAllBytes(p);
        for (int len : new int[] {0, 7, 30, headerLength(all) + 4, all.length - 1}) {
            Files.write(p, Arrays.copyOf(all, len));
            IOException e = assertThrows(IOException.class, () -> ExrIO.read(p), "length " + len);
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
        byte[] offset = all.clone();
        ByteBuffer.wrap(offset).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength(all), 1L << 40);
        Files.write(p, offset);
        assertThrows(IOException.class, () -> ExrIO.read(p));
        byte[] data = all.clone();
        data[data.length - 20] ^= 0x40;
        Files.write(p, data);
        assertThrows(IOException.class, () -> ExrIO.read(p));
    }

    /** Offset of the byte after the header's terminating null: walks the attributes by their sizes. */
    private static int headerLength(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 8;
        while (file[pos] != 0) {
            while (file[pos++] != 0) {
                // attribute name
            }
            while (file[pos++] != 0) {
                // attribute type
            }
            pos += 4 + b.getInt(pos);
        }
        return pos + 1;
    }
}

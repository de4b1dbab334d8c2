package org.luxnet.accumulator.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * TGA files built byte by byte: a 2x2 image, red top-left, green top-right, blue bottom-left, grey
 * 128 bottom-right, stored bottom-up raw and top-down run-length encoded, both read back top first.
 */
class TgaIOTest {
    private static byte[] header(int type, int depth, int descriptor) {
        byte[] h = new byte[18];
        h[2] = (byte) type;
        h[12] = 2;
        h[14] = 2;
        h[16] = (byte) depth;
        h[17] = (byte) descriptor;
        return h;
    }

    private static void check(RgbImage img) {
        assertEquals(2, img.width());
        assertEquals(1f, img.get(0, 0, 0));
        assertEquals(0f, img.get(0, 0, 1));
        assertEquals(1f, img.get(1, 0, 1));
        assertEquals(1f, img.get(0, 1, 2));
        assertEquals(128 / 255f, img.get(1, 1, 0));
        assertEquals(128 / 255f, img.get(1, 1, 2));
    }

    @Test
    void rawBottomUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(2, 24, 0));
        // Bottom row first, BGR: blue, grey; then red, green.
        out.writeBytes(new byte[] {(byte) 255, 0, 0, (byte) 128, (byte) 128, (byte) 128});
        out.writeBytes(new byte[] {0, 0, (byte) 255, 0, (byte) 255, 0});
        check(ImageFiles.decode("m.TGA", out.toByteArray()));
    }

    @Test
    void runLengthTopDown() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(10, 32, 0x20));
        // A raw packet of 3 BGRA pixels (red, green, blue), then a run of 1 grey.
        out.write(2);
        out.writeBytes(new byte[] {0, 0, (byte) 255, 9, 0, (byte) 255, 0, 9, (byte) 255, 0, 0, 9});
        out.write(0x80);
        out.writeBytes(new byte[] {(byte) 128, (byte) 128, (byte) 128, 9});
        check(TgaIO.decode(out.toByteArray()));
    }

    @Test
    void unsupportedAndTruncatedFilesFailWithAMessage() {
        IOException e = assertThrows(IOException.class, () -> TgaIO.decode(header(1, 8, 0)));
        assertTrue(e.getMessage().contains("type 1"), e.getMessage());
        e = assertThrows(IOException.class, () -> TgaIO.decode(header(2, 24, 0)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}

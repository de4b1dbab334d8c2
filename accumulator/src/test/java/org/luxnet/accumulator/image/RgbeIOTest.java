package org.luxnet.accumulator.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Radiance RGBE files built byte by byte: flat and run-length encoded scanlines decode to {@code
 * c * 2^(e - 136)} (rgbe.c), top row first; malformed files fail with a message, never a crash.
 */
class RgbeIOTest {
    /** (128, 64, 32, 129) is (1, 0.5, 0.25); (200, 100, 50, 136) is (200, 100, 50); e = 0 is black. */
    private static final byte[] A = {(byte) 128, 64, 32, (byte) 129};
    private static final byte[] B = {(byte) 200, 100, 50, (byte) 136};

    private static byte[] header(int w, int h) {
        return ("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\nEXPOSURE=1.0\n\n-Y " + h + " +X " + w + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void flatScanlines() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(2, 2));
        out.writeBytes(A);
        out.writeBytes(B);
        out.writeBytes(new byte[] {10, 10, 10, 0});
        out.writeBytes(A);
        RgbImage img = RgbeIO.decode(out.toByteArray());
        assertEquals(2, img.width());
        assertEquals(2, img.height());
        assertEquals(1.0f, img.get(0, 0, 0));
        assertEquals(0.5f, img.get(0, 0, 1));
        assertEquals(0.25f, img.get(0, 0, 2));
        assertEquals(200f, img.get(1, 0, 0));
        assertEquals(50f, img.get(1, 0, 2));
        assertEquals(0f, img.get(0, 1, 0));
        assertEquals(1.0f, img.get(1, 1, 0));
    }

    @Test
    void runLengthEncodedScanline() throws IOException {
        int w = 10;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(w, 1));
        out.writeBytes(new byte[] {2, 2, 0, (byte) w});
        // Each channel: a run of 6 of A's value, then 4 literals of B's value.
        for (int c = 0; c < 4; c++) {
            out.write(128 + 6);
            out.write(A[c]);
            out.write(4);
            for (int k = 0; k < 4; k++) {
                out.write(B[c]);
            }
        }
        RgbImage img = RgbeIO.decode(out.toByteArray());
        for (int x = 0; x < w; x++) {
            float expect = x < 6 ? 1.0f : 200f;
            assertEquals(expect, img.get(x, 0, 0), "pixel " + x);
        }
        assertEquals(0.25f, img.get(5, 0, 2));
    }

    @Test
    void malformedFilesFailWithAMessage() {
        byte[] good = header(2, 2);
        IOException e = assertThrows(IOException.class, () -> RgbeIO.decode(Arrays.copyOf(good, good.length + 5)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        e = assertThrows(IOException.class, () -> RgbeIO.decode("P6\n2 2\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("not a Radiance HDR"), e.getMessage());
        e = assertThrows(IOException.class, () -> RgbeIO.decode("#?RADIANCE\n\n+Y 2 +X 2\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }
}

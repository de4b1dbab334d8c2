package org.luxnet.accumulator.tonemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayEncodingTest {
    @Test
    void srgbCurvePoints() {
        DisplayEncoding s = DisplayEncoding.srgb();
        assertEquals(0, s.encode(0), 0);
        assertEquals(1, s.encode(1), 1e-12);
        // The two pieces of the curve meet at linear 0.0031308, encoded 0.04045.
        assertEquals(0.04045, s.encode(0.0031308), 1e-5);
        assertEquals(12.92 * 0.001, s.encode(0.001), 1e-12);
        // Published reference points: linear 0.5 encodes to 0.7354, 0.2140 to 0.5.
        assertEquals(0.735357, s.encode(0.5), 1e-6);
        assertEquals(0.5, s.encode(0.214041), 1e-6);
        // 18% grey lands on code 118, the mid-grey LuxRender's exposure aims for.
        assertEquals(118, s.quantize(0.18));
    }

    @Test
    void gammaCurveIsAPowerLaw() {
        DisplayEncoding g = DisplayEncoding.gamma(2.2);
        assertEquals(Math.pow(0.5, 1 / 2.2), g.encode(0.5), 1e-12);
        assertEquals(186, g.quantize(0.5));
        assertTrue(!g.isSrgb() && DisplayEncoding.srgb().isSrgb());
    }

    @Test
    void clampsAndQuantizes() {
        DisplayEncoding s = DisplayEncoding.srgb();
        byte[] b = s.toBytes(new float[] {-1f, 0f, 1f, 7f, Float.NaN, Float.POSITIVE_INFINITY});
        assertArrayEquals(new byte[] {0, 0, (byte) 255, (byte) 255, 0, (byte) 255}, b);
        for (int code = 0; code < 256; code++) {
            // Every code is reachable and round trips through its own linear value.
            double linear = code / 255.0 <= 0.04045 ? code / 255.0 / 12.92 : Math.pow((code / 255.0 + 0.055) / 1.055, 2.4);
            assertEquals(code, s.quantize(linear));
        }
    }

    @Test
    void luxRenderTruncatesWhereRoundingWouldGoUp() {
        // core/pngio.cpp: (png_byte) Clamp(255.f * v, 0.f, 255.f) truncates; pbrt-v3 adds 0.5 and rounds.
        double v = Math.pow(200.7 / 255, 2.2);
        assertEquals(200, DisplayEncoding.luxRender(2.2).quantize(v));
        assertEquals(201, DisplayEncoding.gamma(2.2).quantize(v));
        assertEquals(255, DisplayEncoding.luxRender(2.2).quantize(1));
        assertEquals(0, DisplayEncoding.luxRender(2.2).quantize(Double.NaN));
    }

    @Test
    void rejectsBadGamma() {
        assertThrows(IllegalArgumentException.class, () -> DisplayEncoding.gamma(0));
    }
}

package org.luxnet.accumulator.tonemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToneMapperTest {
    private static final double MID_GREY_22 = Math.pow(118.0 / 255.0, 2.2);

    private static double lum(float[] rgb, int i) {
        return 0.2126 * rgb[3 * i] + 0.7152 * rgb[3 * i + 1] + 0.0722 * rgb[3 * i + 2];
    }

    @Test
    void reinhardOfUniformGreyFollowsTheOperator() {
        float y = 0.5f;
        float[] in = {y, y, y, y, y, y};
        float[] out = new ReinhardToneMapper(1, 1, 7).map(in, 2, 1);
        // Log-average of a uniform image is its luminance, so s = 0.1 / Y and ys = 0.1.
        double s = 0.1 / y, ys = y * s;
        double expected = y * s * (1 + ys / 49) / (1 + ys);
        assertEquals(expected, out[0], 1e-6);
        assertEquals(expected, out[5], 1e-6);
    }

    @Test
    void reinhardCompressesHighlightsAndHonoursScales() {
        float[] in = {0.1f, 0.1f, 0.1f, 100f, 100f, 100f};
        float[] out = new ReinhardToneMapper(1, 1, 7).map(in, 2, 1);
        // Geometric mean of 0.1 and 100 is sqrt(10): the curve's scale s = 0.1 / sqrt(10).
        double s = 0.1 / Math.sqrt(10);
        for (int i = 0; i < 2; i++) {
            double ys = lum(in, i) * s;
            assertEquals(lum(in, i) * s * (1 + ys / 49) / (1 + ys), lum(out, i), 1e-6);
        }
        assertTrue(out[3] / out[0] < in[3] / in[0], "highlights compressed");
        float[] post = new ReinhardToneMapper(1, 2, 7).map(in, 2, 1);
        assertEquals(2 * out[0], post[0], 1e-6);
    }

    @Test
    void autolinearMapsMeanLuminanceToMetredGrey() {
        float[] in = {0.2f, 0.4f, 0.1f, 3f, 2f, 1f, 0f, 0f, 0f, 0.05f, 0.05f, 0.5f};
        float[] out = new AutoLinearToneMapper(2.2).map(in, 2, 2);
        double meanIn = (lum(in, 0) + lum(in, 1) + lum(in, 3)) / 3; // the black pixel is not metered
        double meanOut = (lum(out, 0) + lum(out, 1) + lum(out, 3)) / 3;
        assertEquals(1.25 * MID_GREY_22, meanOut, 1e-6);
        assertEquals(in[0] / meanIn * 1.25 * MID_GREY_22, out[0], 1e-6);
    }

    @Test
    void linearAppliesCameraExposure() {
        LinearToneMapper t = new LinearToneMapper(100, 0.001, 2.8, 2.2);
        double factor = 0.001 / (2.8 * 2.8) * 100 * 0.065 * MID_GREY_22;
        assertEquals(factor, t.factor(), 1e-12);
        float[] out = t.map(new float[] {1000f, 500f, 0f}, 1, 1);
        assertEquals(1000 * factor, out[0], 1e-5);
        assertEquals(500 * factor, out[1], 1e-5);
        // One stop more light (twice the time) doubles the output.
        assertEquals(2 * t.factor(), new LinearToneMapper(100, 0.002, 2.8, 2.2).factor(), 1e-12);
    }

    @Test
    void maxWhiteBringsBrightestPixelToOne() {
        float[] in = {0.5f, 0.5f, 0.5f, 4f, 2f, 1f, 1f, 1f, 1f};
        float[] out = new MaxWhiteToneMapper().map(in, 3, 1);
        assertEquals(1.0, lum(out, 1), 1e-6);
        assertEquals(0.5 / lum(in, 1), out[0], 1e-6);
    }

    @Test
    void scaleOneIsIdentityForPositiveValues() {
        float[] in = {0.25f, 7f, 1e-3f};
        assertArrayEquals(in, new ScaleToneMapper(1).map(in, 1, 1));
        assertArrayEquals(new float[] {0.5f, 14f, 2e-3f}, new ScaleToneMapper(2).map(in, 1, 1));
    }

    @Test
    void negativeAndNanInputsMapToZeroAndInputIsUntouched() {
        List<ToneMapper> all = List.of(new LinearToneMapper(100, 0.001, 2.8, 2.2), new ReinhardToneMapper(1, 1, 7),
                new AutoLinearToneMapper(2.2), new MaxWhiteToneMapper(), new ScaleToneMapper(1));
        for (ToneMapper t : all) {
            float[] in = {-1f, 0.5f, Float.NaN, 2f, 2f, 2f};
            float[] copy = in.clone();
            float[] out = t.map(in, 2, 1);
            assertArrayEquals(copy, in, t + " modified its input");
            assertEquals(0f, out[0], t.toString());
            assertEquals(0f, out[2], t.toString());
            for (float v : out) {
                assertTrue(v >= 0, t + " produced " + v);
            }
        }
    }

    @Test
    void wrongSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MaxWhiteToneMapper().map(new float[5], 2, 1));
    }

    @Test
    void registryByLuxRenderKernelNames() {
        assertEquals(List.of("linear", "reinhard", "autolinear", "maxwhite", "none"), List.copyOf(ToneMappers.names()));
        ToneMapper linear = ToneMappers.create("linear", new ToneMapParams(Map.of("exposure", 0.004)));
        assertEquals(new LinearToneMapper(100, 0.004, 2.8, 2.2).factor(), ((LinearToneMapper) linear).factor());
        float[] in = {0.3f, 0.6f, 0.9f, 2f, 1f, 0.5f};
        assertArrayEquals(new ReinhardToneMapper(1, 1, 7).map(in, 2, 1),
                ToneMappers.create("reinhard", ToneMapParams.defaults()).map(in, 2, 1));
        assertArrayEquals(in, ToneMappers.create("none", ToneMapParams.defaults()).map(in, 2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToneMappers.create("contrast", ToneMapParams.defaults()));
        assertTrue(e.getMessage().contains("autolinear") && e.getMessage().contains("maxwhite"), e.getMessage());
    }
}

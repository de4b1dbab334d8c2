package org.luxnet.accumulator.tonemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each kernel against LuxRender's formula as read (LuxRender/Lux tonemaps/*.cpp), on small XYZ frames
 * whose expected values are worked out here by hand.
 */
class ToneKernelTest {
    private static float[] apply(ToneKernel k, float[] xyz, int w, int h) {
        float[] copy = xyz.clone();
        k.apply(copy, w, h);
        return copy;
    }

    @Test
    void linearFactorIsLuxRendersCameraExposureWithTheFilmDefaults() {
        // LinearOp (tonemaps/lineartonemap.h): exposure / fstop^2 * sensitivity * 0.65 / 10 * (118/255)^gamma,
        // with FlexImageFilm::CreateFilm's defaults sensitivity 50, exposure 1 s, f/2.8, linear_gamma 1.
        LinearKernel d = (LinearKernel) ToneMappers.kernel("linear", ToneMapParams.defaults());
        double expected = 1.0 / 7.84 * 50 * 0.065 * (118.0 / 255.0);
        assertEquals(0.19183, expected, 1e-5);
        assertEquals(expected, d.factor(), 1e-12);
        // The examples' exposure: ISO 100, 0.838 s, f/1, linear_gamma 2.2 gives a factor of 1.00.
        assertEquals(1.0, new LinearKernel(100, 0.838, 1, 2.2).factor(), 0.002);
        float[] out = apply(d, new float[] {2f, 4f, 1f}, 1, 1);
        assertArrayEquals(new float[] {(float) (2 * expected), (float) (4 * expected), (float) expected}, out, 1e-6f);
    }

    @Test
    void reinhardFollowsEquationFourWithKeyOneTenth() {
        // ReinhardOp::Map (tonemaps/reinhard.cpp): Ywa = exp(mean ln Y) over Y > 0; s = 0.1 / Ywa;
        // ys = Y s / prescale; scale = s postscale (1 + ys / burn^2) / (1 + ys).
        float[] xyz = {0.05f, 0.1f, 0.02f, 90f, 100f, 80f, 0f, 0f, 0f};
        float[] out = apply(new ReinhardKernel(2, 1.5, 6), xyz, 3, 1);
        double ywa = Math.sqrt(0.1 * 100); // the black pixel is not averaged
        double s = 0.1 / ywa;
        for (int i = 0; i < 2; i++) {
            double y = xyz[3 * i + 1], ys = y * s / 2;
            double k = s * 1.5 * (1 + ys / 36) / (1 + ys);
            assertEquals(xyz[3 * i] * k, out[3 * i], 1e-6 * Math.max(1, xyz[3 * i] * k));
            assertEquals(y * k, out[3 * i + 1], 1e-6);
        }
        assertEquals(0f, out[7]);
        // Burn 0 means no white point: 1/burn^2 is replaced by 1e5.
        float[] noBurn = apply(new ReinhardKernel(1, 1, 0), new float[] {0f, 1f, 0f}, 1, 1);
        assertEquals(0.1 * (1 + 0.1 * 1e5) / 1.1, noBurn[1], 1e-3);
    }

    @Test
    void autolinearScalesMeanLitLuminanceToMetredGrey() {
        // EVOp::Map (tonemaps/lineartonemap.cpp): factor 1.25 / Ymean * (118/255)^gamma, Ymean over Y > 0.
        float[] xyz = {0.3f, 0.2f, 0.1f, 1f, 0.8f, 0.5f, 0f, 0f, 0f, 0.1f, 0.05f, 0.4f};
        float[] out = apply(new AutoLinearKernel(2.2), xyz, 2, 2);
        double mean = (0.2 + 0.8 + 0.05) / 3;
        double k = 1.25 / mean * Math.pow(118.0 / 255.0, 2.2);
        assertEquals(0.3 * k, out[0], 1e-6);
        assertEquals(0.05 * k, out[10], 1e-6);
        // The gamma is the film's: a display of gamma 1 gets 118/255 at the mean, raised to 1.
        assertEquals(1.25 / mean * 118.0 / 255.0, new AutoLinearKernel(1).factor(mean), 1e-12);
        float[] black = apply(new AutoLinearKernel(2.2), new float[3], 1, 1);
        assertArrayEquals(new float[3], black, "a black frame stays black");
    }

    @Test
    void maxWhiteBringsTheBrightestLuminanceToOne() {
        // MaxWhiteOp::Map (tonemaps/maxwhite.cpp): every value divided by the largest Y.
        float[] out = apply(new MaxWhiteKernel(), new float[] {0.5f, 0.5f, 0.5f, 4f, 2f, 1f, 1f, 1f, 1f}, 3, 1);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 2f, 1f, 0.5f, 0.5f, 0.5f, 0.5f}, out, 1e-6f);
    }

    @Test
    void contrastIsWardsScaleOverTheDisplayMaximumOfOneHundred() {
        // ContrastOp::Map (tonemaps/contrast.cpp): Ywa = exp(mean ln Y) over Y > 0;
        // s = ((1.219 + ywa^0.4) / (1.219 + Ywa^0.4))^2.5 / maxDisplayY, maxDisplayY = 100 (core/film.cpp).
        float[] xyz = {0f, 4f, 0f, 0f, 16f, 0f};
        float[] out = apply(new ContrastKernel(50), xyz, 2, 1);
        double ywa = 8; // sqrt(4 * 16)
        double s = Math.pow((1.219 + Math.pow(50, 0.4)) / (1.219 + Math.pow(ywa, 0.4)), 2.5) / 100;
        assertEquals(4 * s, out[1], 1e-6);
        assertEquals(16 * s, out[4], 1e-6);
        // The film's default display adaptation is contrast_ywa 1: then a frame of Y 1 is scaled by 1/100.
        assertEquals(0.01, ((ContrastKernel) ToneMappers.kernel("contrast", ToneMapParams.defaults())).factor(1), 1e-12);
    }

    @Test
    void registryHasLuxRendersKernelsWithTheFilmsDefaults() {
        assertEquals(List.of("linear", "reinhard", "autolinear", "maxwhite", "contrast", "none"),
                List.copyOf(ToneMappers.names()));
        float[] xyz = {0.3f, 0.6f, 0.9f, 2f, 1f, 0.5f};
        // Reinhard's film default burn is 6 (reinhard_burn in FlexImageFilm::CreateFilm).
        assertArrayEquals(apply(new ReinhardKernel(1, 1, 6), xyz, 2, 1),
                apply(ToneMappers.kernel("reinhard", ToneMapParams.defaults()), xyz, 2, 1));
        assertEquals(new LinearKernel(100, 0.004, 2.8, 1).factor(),
                ((LinearKernel) ToneMappers.kernel("linear", new ToneMapParams(Map.of("sensitivity", 100.0,
                        "exposure", 0.004)))).factor(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToneMappers.kernel("falsecolors", ToneMapParams.defaults()));
        assertTrue(e.getMessage().contains("autolinear") && e.getMessage().contains("contrast"), e.getMessage());
        assertTrue(ToneMappers.create("none", ToneMapParams.defaults()) instanceof ScaleToneMapper);
        assertTrue(ToneMappers.create("maxwhite", ToneMapParams.defaults()) instanceof LuxImaging);
    }

    @Test
    void badParametersAndSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LinearKernel(100, 0, 2.8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReinhardKernel(0, 1, 6));
        assertThrows(IllegalArgumentException.class, () -> new ContrastKernel(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new MaxWhiteKernel().apply(new float[5], 2, 1));
    }

    @Test
    void scaleMultipliesAndZeroesNegativesAsPbrtDoes() {
        float[] in = {0.25f, 7f, -1f};
        assertArrayEquals(new float[] {0.5f, 14f, 0f}, new ScaleToneMapper(2).map(in, 1, 1));
        assertArrayEquals(new float[] {0.25f, 7f, -1f}, in, "input untouched");
    }
}

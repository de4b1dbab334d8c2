package org.luxnet.accumulator.tonemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * LuxRender's output pipeline (FlexImageFilm::WriteImage2, ApplyImagingPipeline in core/film.cpp,
 * WritePngImage in core/pngio.cpp) on small films with known values: the expected 8-bit codes are
 * worked out here from the formulas.
 */
class LuxImagingTest {
    private static final double F = 1.0 / 7.84 * 50 * 0.065 * (118.0 / 255.0); // linear, film defaults

    private static int code(double v, double gamma) {
        // WriteImage2: v^(1/gamma) after the clamp; WritePngImage: (png_byte) Clamp(255 v, 0, 255).
        return (int) Math.max(0, Math.min(255, 255 * Math.pow(Math.max(0, v), 1 / gamma)));
    }

    private static byte[] png(OutputImaging o, float[] rgb, int w, int h) {
        return o.encoding().toBytes(o.png().map(rgb, w, h));
    }

    @Test
    void linearFilmWithTheDefaultColourSpaceGivesLuxRendersCodes() {
        OutputImaging o = OutputImaging.luxRender(ToneMappers.kernel("linear", ToneMapParams.defaults()), 2.2,
                ColorSpace.LUXRENDER, LdrClamp.CUT, true);
        float[] film = {1f, 1f, 1f, 10f, 2f, 0.5f};
        byte[] b = png(o, film, 2, 1);
        int[] expected = {code(F, 2.2), code(F, 2.2), code(F, 2.2), 255, code(2 * F, 2.2), code(0.5 * F, 2.2)};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], b[i] & 0xFF, "channel " + i);
        }
        assertEquals(120, expected[0], "255 * 0.19183^(1/2.2) = 120.4, truncated");
    }

    @Test
    void overRangeColoursFollowTheClampMethod() {
        // One pixel of working RGB (2, 0.5, 0.25) through maxwhite on a frame whose brightest Y is 1:
        // the kernel leaves it, the cut clamp gives (1, 0.5, 0.25), darken (1, 0.25, 0.125).
        float[] film = {2f, 0.5f, 0.25f, 1f, 1f, 1f};
        ToneKernel identity = (xyz, w, h) -> { };
        float[] cut = new LuxImaging(identity, ColorSpace.LUXRENDER, LdrClamp.CUT).map(film, 2, 1);
        float[] darken = new LuxImaging(identity, ColorSpace.LUXRENDER, LdrClamp.DARKEN).map(film, 2, 1);
        assertArrayEquals(new float[] {1f, 0.5f, 0.25f, 1f, 1f, 1f}, cut, 1e-6f);
        assertArrayEquals(new float[] {1f, 0.25f, 0.125f, 1f, 1f, 1f}, darken, 1e-6f);
        // The tonemapped EXR is written before the clamp: LuxRender keeps the over-range value there.
        float[] hdr = new LuxImaging(identity, ColorSpace.LUXRENDER, LdrClamp.CUT).hdr().map(film, 2, 1);
        assertEquals(2f, hdr[0], 1e-6f);
    }

    @Test
    void anotherColourSpaceConvertsTheFilmsXyz() {
        // colorspace_* set to sRGB's primaries and D65: the film's white (XYZ at LuxRender's white point
        // (0.314275, 0.329411), Y = 1) becomes, in the new space, the RGB of that XYZ.
        ColorSpace srgb = new ColorSpace(0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290);
        ToneKernel identity = (xyz, w, h) -> { };
        float[] out = new LuxImaging(identity, srgb, LdrClamp.CUT).hdr().map(new float[] {0.5f, 0.5f, 0.5f}, 1, 1);
        double x = 0.314275, y = 0.329411, lum = 0.5;
        double[] expected = srgb.toRgb(x / y * lum, lum, (1 - x - y) / y * lum);
        assertArrayEquals(new float[] {(float) expected[0], (float) expected[1], (float) expected[2]}, out, 1e-6f);
        assertEquals(0.5, srgb.luminance(out[0], out[1], out[2]), 1e-6, "luminance is kept");
        assertTrue(out[2] < out[0], "LuxRender's white is warmer than D65: " + out[0] + " " + out[2]);
        // The untonemapped EXR holds the same conversion without the kernel.
        float[] raw = LuxImaging.untonemapped(srgb).map(new float[] {0.5f, 0.5f, 0.5f}, 1, 1);
        assertArrayEquals(out, raw, 1e-6f);
    }

    @Test
    void negativeFilmValuesAreClampedInXyzBeforeTheKernel() {
        // ApplyImagingPipeline clamps XYZ at 0 first: a pixel of negative luminance is black, and does
        // not pull maxwhite's maximum.
        float[] out = new LuxImaging(new MaxWhiteKernel(), ColorSpace.LUXRENDER, LdrClamp.CUT)
                .map(new float[] {-1f, -1f, -1f, 0.5f, 0.5f, 0.5f}, 2, 1);
        assertArrayEquals(new float[] {0f, 0f, 0f, 1f, 1f, 1f}, out, 1e-5f);
    }

    @Test
    void pbrtImagesAreScaledEverywhereAndThePngIsSrgbRounded() {
        OutputImaging o = OutputImaging.pbrt(0.5);
        float[] film = {1f, 0.36f, -0.2f};
        assertArrayEquals(new float[] {0.5f, 0.18f, 0f}, o.exr().map(film, 1, 1), 1e-7f);
        assertArrayEquals(new float[] {0.5f, 0.18f, 0f}, o.pfm().map(film, 1, 1), 1e-7f);
        byte[] b = png(o, film, 1, 1);
        // sRGB of 0.5 is 0.7354 -> 187.5 -> 188; of 0.18 -> 118.
        assertEquals(188, b[0] & 0xFF);
        assertEquals(118, b[1] & 0xFF);
        assertEquals(0, b[2]);
    }
}

package org.luxnet.accumulator.tonemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** LuxRender's ColorSystem (core/color.cpp) against published matrices and hand-made projections. */
class ColorSpaceTest {
    private static final ColorSpace SRGB = new ColorSpace(0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290);

    private static double[] chromaticity(double[] xyz) {
        double s = xyz[0] + xyz[1] + xyz[2];
        return new double[] {xyz[0] / s, xyz[1] / s};
    }

    @Test
    void srgbPrimariesGiveThePublishedMatrix() {
        // IEC 61966-2-1: the columns of sRGB's RGB-to-XYZ matrix, to 4 decimals.
        assertArrayEquals(new double[] {0.4124, 0.2126, 0.0193}, SRGB.toXyz(1, 0, 0), 2e-4);
        assertArrayEquals(new double[] {0.3576, 0.7152, 0.1192}, SRGB.toXyz(0, 1, 0), 2e-4);
        assertArrayEquals(new double[] {0.1805, 0.0722, 0.9505}, SRGB.toXyz(0, 0, 1), 2e-4);
        // Its inverse's first row from the unrounded primaries (the 1999 amendment's 3.2409699 -1.5373832 -0.4986108).
        assertArrayEquals(new double[] {3.2409699, -1.5373832, -0.4986108}, new double[] {
            SRGB.toRgb(1, 0, 0)[0], SRGB.toRgb(0, 1, 0)[0], SRGB.toRgb(0, 0, 1)[0]}, 1e-6);
    }

    @Test
    void luxRenderDefaultWhiteHasLuminanceOneAtItsWhitePoint() {
        ColorSpace cs = ColorSpace.LUXRENDER;
        double[] white = cs.toXyz(1, 1, 1);
        assertEquals(1, white[1], 1e-12);
        assertArrayEquals(new double[] {0.314275, 0.329411}, chromaticity(white), 1e-9);
        assertArrayEquals(new double[] {0.63, 0.34}, chromaticity(cs.toXyz(1, 0, 0)), 1e-9);
        assertArrayEquals(new double[] {0.31, 0.595}, chromaticity(cs.toXyz(0, 1, 0)), 1e-9);
        assertArrayEquals(new double[] {0.155, 0.07}, chromaticity(cs.toXyz(0, 0, 1)), 1e-9);
        assertEquals(1, cs.luminance(1, 1, 1), 1e-12);
        double[] rgb = cs.toRgb(white[0], white[1], white[2]);
        assertArrayEquals(new double[] {1, 1, 1}, rgb, 1e-12);
    }

    @Test
    void inGamutColoursAreNotConstrained() {
        double[] xyz = ColorSpace.LUXRENDER.toXyz(0.2, 0.7, 0.1);
        assertArrayEquals(new double[] {0.2, 0.7, 0.1}, ColorSpace.LUXRENDER.toRgbConstrained(xyz[0], xyz[1], xyz[2]), 1e-12);
    }

    @Test
    void outOfGamutColoursMoveToTheNearestEdgeKeepingTheirLuminance() {
        ColorSpace cs = ColorSpace.LUXRENDER;
        // xy (0.4, 0.1) lies below the blue-red edge of the default space. ColorSystem::Constrain
        // (xy projection) moves it to the foot of the perpendicular on that edge, here found with a
        // vector projection: foot = B + ((P - B) . u) u, u the unit vector from blue to red.
        double bx = 0.155, by = 0.07, ux = 0.63 - bx, uy = 0.34 - by, len = Math.hypot(ux, uy);
        ux /= len;
        uy /= len;
        double t = (0.4 - bx) * ux + (0.1 - by) * uy;
        double fx = bx + t * ux, fy = by + t * uy;
        double y = 0.5;
        double[] rgb = cs.toRgbConstrained(0.4 / 0.1 * y, y, 0.5 / 0.1 * y);
        assertArrayEquals(cs.toRgb(fx / fy * y, y, (1 - fx - fy) / fy * y), rgb, 1e-9);
        assertEquals(0, rgb[1], 1e-9, "on the blue-red edge green is 0");
        assertEquals(y, cs.luminance(rgb[0], rgb[1], rgb[2]), 1e-9, "luminance kept");
        // Beyond the red end of that edge the colour becomes the red primary.
        double[] red = cs.toRgbConstrained(0.72 / 0.27 * y, y, 0.01 / 0.27 * y);
        assertEquals(0, red[1], 1e-9);
        assertEquals(0, red[2], 1e-9);
        assertEquals(y, cs.luminance(red[0], 0, 0), 1e-9);
        // No luminance: black.
        assertArrayEquals(new double[3], cs.toRgbConstrained(0.1, -0.2, 0.1));
    }

    @Test
    void degenerateSpacesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ColorSpace(0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.3, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new ColorSpace(0.64, 0, 0.3, 0.6, 0.15, 0.06, 0.31, 0.33));
    }
}

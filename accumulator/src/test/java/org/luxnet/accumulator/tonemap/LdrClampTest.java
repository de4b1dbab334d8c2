package org.luxnet.accumulator.tonemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** ldr_clamp_method against ColorSystem::Limit (LuxRender core/color.cpp), worked by hand. */
class LdrClampTest {
    private static final ColorSpace CS = ColorSpace.LUXRENDER;
    private static final double[] OVER = {2.0, 0.5, 0.25};

    @Test
    void inRangeColoursAreUntouchedByEveryMethod() {
        for (LdrClamp m : LdrClamp.values()) {
            assertArrayEquals(new double[] {1, 0.5, 0}, m.apply(CS, new double[] {1, 0.5, 0}), m.luxName());
        }
    }

    @Test
    void cutClampsEachComponent() {
        assertArrayEquals(new double[] {1, 0.5, 0.25}, LdrClamp.CUT.apply(CS, OVER));
    }

    @Test
    void darkenDividesByTheLargestComponent() {
        assertArrayEquals(new double[] {1, 0.25, 0.125}, LdrClamp.DARKEN.apply(CS, OVER), 1e-15);
    }

    @Test
    void hueMixesWithGreyOneThirdUntilTheLargestComponentIsOne() {
        // Limit, method 1: l = 1/3, t = (1 - l) / (max - l), result l + t (c - l).
        double l = 1.0 / 3, t = (1 - l) / (2 - l);
        double[] out = LdrClamp.HUE.apply(CS, OVER);
        assertArrayEquals(new double[] {1, l + t * (0.5 - l), l + t * (0.25 - l)}, out, 1e-15);
    }

    @Test
    void lumMixesWithGreyOfItsOwnLuminance() {
        // Limit, method 0: l = Y of the colour (RGBToXYZ row 1), then as hue; white when Y > 1.
        double l = CS.luminance(2, 0.5, 0.25), t = (1 - l) / (2 - l);
        assertEquals(true, l < 1, "this colour's luminance " + l);
        double[] out = LdrClamp.LUM.apply(CS, OVER);
        assertArrayEquals(new double[] {1, l + t * (0.5 - l), l + t * (0.25 - l)}, out, 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, LdrClamp.LUM.apply(CS, new double[] {3, 3, 0.5}));
    }

    @Test
    void namesAreLuxRenders() {
        assertEquals(LdrClamp.CUT, LdrClamp.byName("cut"));
        assertEquals(LdrClamp.LUM, LdrClamp.byName("lum"));
        assertEquals(LdrClamp.DARKEN, LdrClamp.byName("darken"));
        assertNull(LdrClamp.byName("clip"));
    }
}

package org.luxnet.accumulator.tonemap;

import java.util.Arrays;
import java.util.Locale;

/**
 * How LuxRender brings a colour with a component above 1 into range for 8-bit output, the film's
 * {@code ldr_clamp_method} (ColorSystem::Limit in core/color.cpp; LuxRender's default is {@code cut}).
 * Colours with every component at most 1 are left as they are.
 */
public enum LdrClamp {
    /** Keeps the luminance: mixes the colour with the grey of its own luminance until its largest component is 1 (white above luminance 1). */
    LUM,
    /** Keeps the hue: mixes the colour with grey 1/3 until its largest component is 1. */
    HUE,
    /** Clamps each component to [0, 1]. */
    CUT,
    /** Divides by the largest component. */
    DARKEN;

    /** LuxRender's name of the method: "lum", "hue", "cut" or "darken". */
    public String luxName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method called {@code name} in a scene, or null when there is none of that name. */
    public static LdrClamp byName(String name) {
        return Arrays.stream(values()).filter(m -> m.luxName().equals(name)).findFirst().orElse(null);
    }

    /** The limited colour of linear {@code rgb} in colour space {@code cs}; {@code rgb} is not modified. */
    public double[] apply(ColorSpace cs, double[] rgb) {
        double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        if (!(max > 1)) {
            return rgb.clone();
        }
        switch (this) {
            case CUT:
                return new double[] {clamp01(rgb[0]), clamp01(rgb[1]), clamp01(rgb[2])};
            case DARKEN:
                return new double[] {rgb[0] / max, rgb[1] / max, rgb[2] / max};
            default:
                double l = this == LUM ? cs.luminance(rgb[0], rgb[1], rgb[2]) : 1.0 / 3;
                if (l > 1) {
                    return new double[] {1, 1, 1};
                }
                // The point on the line from grey l to the colour where the largest component is 1.
                double t = (1 - l) / (max - l);
                return new double[] {l + t * (rgb[0] - l), l + t * (rgb[1] - l), l + t * (rgb[2] - l)};
        }
    }

    private static double clamp01(double v) {
        return v > 0 ? Math.min(v, 1) : 0;
    }
}

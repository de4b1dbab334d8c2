package org.luxnet.scene.desc;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * Spectral parameter values as RGB, pbrt-v3's way (core/spectrum.h RGBSpectrum::FromSampled): the
 * piecewise-linear spectrum through (wavelength, value) samples, held constant beyond its ends
 * (InterpolateSpectrumSamples), integrated against the CIE 1931 matching functions at 1 nm from 360 to
 * 830 nm, scaled so that a constant spectrum of 1 has Y = 1, then XYZ to linear sRGB.
 */
public final class Spectra {
    private Spectra() {
    }

    /**
     * Named spectra of metals' complex index (pbrt-v4's names; pbrt-v3 has none) as RGB: the
     * copper, gold, silver and aluminium indices the "metal" material also knows by LuxRender name.
     */
    private static final Map<String, float[]> NAMED = Map.of(
            "metal-Cu-eta", new float[] {0.2004f, 0.9240f, 1.1022f},
            "metal-Cu-k", new float[] {3.9129f, 2.4528f, 2.1421f},
            "metal-Au-eta", new float[] {0.1431f, 0.3749f, 1.4425f},
            "metal-Au-k", new float[] {3.9831f, 2.3857f, 1.6032f},
            "metal-Ag-eta", new float[] {0.1552f, 0.1167f, 0.1383f},
            "metal-Ag-k", new float[] {4.8283f, 3.1222f, 2.1469f},
            "metal-Al-eta", new float[] {1.6574f, 0.8803f, 0.5212f},
            "metal-Al-k", new float[] {9.2238f, 6.2695f, 4.8370f});

    /** The RGB of a named spectrum, or null for a name not known. */
    public static float[] named(String name) {
        float[] v = NAMED.get(name);
        return v == null ? null : v.clone();
    }

    /** The known names, sorted, for messages. */
    public static String names() {
        return String.join(", ", new TreeSet<>(NAMED.keySet()));
    }

    /**
     * RGB of the spectrum through {@code (lambda[i], value[i])} (nm; any order, as pbrt-v3 sorts
     * them). At least one sample.
     */
    public static float[] toRgb(double[] lambda, double[] value) {
        Integer[] order = new Integer[lambda.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(lambda[a], lambda[b]));
        double[] l = new double[order.length], v = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            l[i] = lambda[order[i]];
            v[i] = value[order[i]];
        }
        double x = 0, y = 0, z = 0;
        for (int i = 0; i < Cie1931.N; i++) {
            double s = interpolate(l, v, Cie1931.START + i);
            x += s * Cie1931.X[i];
            y += s * Cie1931.Y[i];
            z += s * Cie1931.Z[i];
        }
        double k = (830.0 - 360.0) / (Cie1931.Y_INTEGRAL * Cie1931.N);
        return xyzToRgb(x * k, y * k, z * k);
    }

    /** pbrt-v3's XYZToRGB (linear sRGB primaries, D65 white). */
    static float[] xyzToRgb(double x, double y, double z) {
        return new float[] {
            (float) (3.240479 * x - 1.537150 * y - 0.498535 * z),
            (float) (-0.969256 * x + 1.875991 * y + 0.041556 * z),
            (float) (0.055648 * x - 0.204043 * y + 1.057311 * z)};
    }

    /** pbrt-v3's InterpolateSpectrumSamples: linear between samples, the end values beyond them. */
    private static double interpolate(double[] l, double[] v, double at) {
        int n = l.length;
        if (at <= l[0]) {
            return v[0];
        }
        if (at >= l[n - 1]) {
            return v[n - 1];
        }
        int i = 0;
        while (l[i + 1] < at) {
            i++;
        }
        double w = l[i + 1] - l[i];
        return w > 0 ? v[i] + (at - l[i]) / w * (v[i + 1] - v[i]) : v[i];
    }
}

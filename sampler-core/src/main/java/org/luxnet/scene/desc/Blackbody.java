package org.luxnet.scene.desc;

/**
 * Linear RGB of blackbody emitters as each renderer defines them.
 *
 * <p>pbrt-v3 ({@code "blackbody L" [T scale]}, core/spectrum.cpp {@code BlackbodyNormalized} and
 * {@code RGBSpectrum::FromSampled}): Planck's law at the 471 CIE wavelengths, divided by its value at
 * the Wien peak 2.8977721e-3/T m (so the curve's maximum is 1 even when the peak lies outside the
 * visible range), integrated against the CIE tables with the factor (830-360)/(CIE_Y_integral * 471),
 * then pbrt's XYZ to sRGB matrix. [3000 1] gives (0.735065, 0.350487, 0.112983).
 *
 * <p>LuxRender ({@code Texture "t" "color" "blackbody" "float temperature"}, spds/blackbodyspd.cpp):
 * 256 samples of Planck's law from 380 to 720 nm, normalised so that the largest sample is 1, zero
 * outside that range, linearly interpolated; integrated against the same tables so that a spectrum
 * of constant 1 has Y = 1, then XYZ to linear sRGB (D65).
 */
public final class Blackbody {
    private static final double C = 299792458.0, H = 6.62606957e-34, KB = 1.3806488e-23;
    private static final int LUX_SAMPLES = 256;
    private static final double LUX_START = LuxSpectrum.START, LUX_END = LuxSpectrum.END;

    private Blackbody() {
    }

    /** pbrt-v3's normalised blackbody at {@code kelvin}, as RGB, times {@code scale}. */
    public static float[] pbrt(double kelvin, double scale) {
        if (!(kelvin > 0)) {
            return new float[] {0, 0, 0};
        }
        double peak = planck(2.8977721e-3 / kelvin, kelvin);
        double x = 0, y = 0, z = 0;
        for (int i = 0; i < Cie1931.N; i++) {
            double v = planck((Cie1931.START + i) * 1e-9, kelvin) / peak;
            x += v * Cie1931.X[i];
            y += v * Cie1931.Y[i];
            z += v * Cie1931.Z[i];
        }
        double k = scale * (830.0 - 360.0) / (Cie1931.Y_INTEGRAL * Cie1931.N);
        x *= k;
        y *= k;
        z *= k;
        return new float[] {
            (float) (3.240479 * x - 1.537150 * y - 0.498535 * z),
            (float) (-0.969256 * x + 1.875991 * y + 0.041556 * z),
            (float) (0.055648 * x - 0.204043 * y + 1.057311 * z)};
    }

    /** LuxRender's blackbody spectrum at {@code kelvin} as linear sRGB (out-of-gamut negatives clamped to 0). */
    public static float[] luxRender(double kelvin) {
        if (!(kelvin > 0)) {
            return new float[] {0, 0, 0};
        }
        double[] s = new double[LUX_SAMPLES];
        double delta = (LUX_END - LUX_START) / (LUX_SAMPLES - 1);
        double max = 0;
        for (int i = 0; i < LUX_SAMPLES; i++) {
            s[i] = planck((LUX_START + delta * i) * 1e-9, kelvin);
            max = Math.max(max, s[i]);
        }
        double peak = max;
        double[] c = LuxSpectrum.xyz(nm -> {
            double f = (nm - LUX_START) / delta;
            int j = Math.min((int) f, LUX_SAMPLES - 2);
            return (s[j] + (f - j) * (s[j + 1] - s[j])) / peak;
        });
        return LuxSpectrum.toRgb(c[0], c[1], c[2]);
    }

    /** Planck's spectral radiance at wavelength {@code lambda} (m) and temperature {@code t} (K). */
    private static double planck(double lambda, double t) {
        double l5 = lambda * lambda * lambda * lambda * lambda;
        return (2 * H * C * C) / (l5 * (Math.exp((H * C) / (lambda * KB * t)) - 1));
    }
}

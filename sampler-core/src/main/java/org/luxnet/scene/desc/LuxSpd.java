package org.luxnet.scene.desc;

/**
 * Linear sRGB of LuxRender's sampled spectra (core/spd.h and spds/*.cpp): a spectrum sampled at
 * increasing wavelengths, linearly interpolated and zero outside its range, integrated against the CIE
 * 1931 tables at 1 nm so that a spectrum of constant 1 has Y = 1, then XYZ to linear sRGB (D65) with
 * out-of-gamut negatives clamped to 0. Used for the spectral textures (blackbody, gaussian,
 * tabulateddata), which are constant over the surface.
 */
public final class LuxSpd {
    /** LuxRender GaussianSPD: 512 samples from 380 to 720 nm (spds/gaussianspd.h). */
    private static final int GAUSS_SAMPLES = 512;
    private static final double GAUSS_START = 380, GAUSS_END = 720;

    private LuxSpd() {
    }

    /** RGB of {@code s.length} samples evenly spaced from {@code start} to {@code end} nm (RegularSPD). */
    public static float[] regular(double[] s, double start, double end) {
        double[] wl = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            wl[i] = start + (end - start) * i / (s.length - 1);
        }
        return irregular(wl, s);
    }

    /** RGB of samples {@code s} at increasing wavelengths {@code wl} (nm), as IrregularSPD interpolates them. */
    public static float[] irregular(double[] wl, double[] s) {
        double x = 0, y = 0, z = 0;
        int j = 0;
        for (int i = 0; i < Cie1931.N; i++) {
            double nm = Cie1931.START + i;
            if (nm < wl[0] || nm > wl[wl.length - 1]) {
                continue;
            }
            while (j < wl.length - 2 && wl[j + 1] <= nm) {
                j++;
            }
            double f = (nm - wl[j]) / (wl[j + 1] - wl[j]);
            double v = s[j] + f * (s[j + 1] - s[j]);
            x += v * Cie1931.X[i];
            y += v * Cie1931.Y[i];
            z += v * Cie1931.Z[i];
        }
        x /= Cie1931.Y_INTEGRAL;
        y /= Cie1931.Y_INTEGRAL;
        z /= Cie1931.Y_INTEGRAL;
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new float[] {(float) Math.max(0, r), (float) Math.max(0, g), (float) Math.max(0, b)};
    }

    /**
     * The multiplier a reflectance spectrum with linear sRGB {@code rgb} stands for: rgb over the
     * linear sRGB of a spectrum of 1 over LuxRender's wavelengths (380..720 nm, spectrum.h
     * WAVELENGTH_START/END), channel by channel, so that a flat reflectance of 1 is white (1, 1, 1),
     * as a white light reflected by it renders white in LuxRender.
     */
    public static float[] reflectance(float[] rgb) {
        float[] flat = irregular(new double[] {380, 720}, new double[] {1, 1});
        return new float[] {rgb[0] / flat[0], rgb[1] / flat[1], rgb[2] / flat[2]};
    }

    /**
     * LuxRender's "gaussian" texture (textures/gaussiantexture.cpp, GaussianSPD::init): energy x
     * exp(-(lambda - wavelength)^2 / (2 width^2)) sampled 512 times from 380 to 720 nm, clamped to 0.
     */
    public static float[] gaussian(double wavelength, double width, double energy) {
        double[] s = new double[GAUSS_SAMPLES];
        double scale2 = -0.5 / (width * width);
        for (int i = 0; i < GAUSS_SAMPLES; i++) {
            double x = GAUSS_START + (GAUSS_END - GAUSS_START) / (GAUSS_SAMPLES - 1) * i - wavelength;
            s[i] = Math.max(0, energy * Math.exp(x * x * scale2));
        }
        return regular(s, GAUSS_START, GAUSS_END);
    }
}

package org.luxnet.scene.desc;

/**
 * Linear sRGB of LuxRender's sampled spectra (core/spd.h and spds/*.cpp): a spectrum sampled at
 * increasing wavelengths, linearly interpolated and zero outside its range, converted by {@link
 * LuxSpectrum#rgb} (CIE 1931 at 1 nm, constant 1 has Y = 1, linear sRGB, negatives clamped). Used for the spectral textures (blackbody, gaussian,
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

    /**
     * RGB of samples {@code s} at increasing wavelengths {@code wl} (nm), linear between them and 0
     * outside, by {@link LuxSpectrum#rgb} (LuxRender's 380 to 720 nm).
     */
    public static float[] irregular(double[] wl, double[] s) {
        int last = wl.length - 1;
        return LuxSpectrum.rgb(nm -> {
            if (nm < wl[0] || nm > wl[last]) {
                return 0;
            }
            int j = java.util.Arrays.binarySearch(wl, nm);
            if (j >= 0) {
                return s[j];
            }
            int hi = -j - 1, lo = hi - 1;
            return s[lo] + (nm - wl[lo]) / (wl[hi] - wl[lo]) * (s[hi] - s[lo]);
        });
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

package org.luxnet.scene.desc;

import java.util.function.DoubleUnaryOperator;

/**
 * LuxRender's spectra as this project's linear RGB, by the rule {@link Blackbody#luxRender} follows:
 * LuxRender renders wavelengths from 380 to 720 nm (core/color/spectrumwavelengths.h
 * WAVELENGTH_START, WAVELENGTH_END), so a spectrum is integrated against the CIE 1931 tables at 1 nm
 * over that range, scaled so that a constant spectrum of 1 has Y = 1, then taken from XYZ to linear
 * sRGB (D65), negatives clamped. Also LuxRender's own luminance of a spectrum, {@code SPD::Y()}
 * (luxrays spd.cpp: 683 times the sum against CIE y at 1 nm from 360 to 830 nm), which the sky
 * light divides by.
 */
public final class LuxSpectrum {
    /** LuxRender's rendered wavelength range, nm. */
    public static final int START = 380, END = 720;

    private LuxSpectrum() {
    }

    /** XYZ of {@code spd} (nm to value) in this project's scale: constant 1 has Y = 1. */
    public static double[] xyz(DoubleUnaryOperator spd) {
        double x = 0, y = 0, z = 0;
        for (int nm = START; nm <= END; nm++) {
            double v = spd.applyAsDouble(nm);
            int i = nm - Cie1931.START;
            x += v * Cie1931.X[i];
            y += v * Cie1931.Y[i];
            z += v * Cie1931.Z[i];
        }
        return new double[] {x / Cie1931.Y_INTEGRAL, y / Cie1931.Y_INTEGRAL, z / Cie1931.Y_INTEGRAL};
    }

    /** LuxRender's SPD::Y(): 683 lm/W times the sum of the spectrum against CIE y, 360 to 830 nm at 1 nm. */
    public static double luxY(DoubleUnaryOperator spd) {
        double y = 0;
        for (int i = 0; i < Cie1931.N; i++) {
            y += spd.applyAsDouble(Cie1931.START + i) * Cie1931.Y[i];
        }
        return 683 * y;
    }

    /** Linear sRGB (D65) of an XYZ colour, negatives clamped to 0. */
    public static float[] toRgb(double x, double y, double z) {
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new float[] {(float) Math.max(0, r), (float) Math.max(0, g), (float) Math.max(0, b)};
    }

    /** The spectrum's linear sRGB: {@link #toRgb} of {@link #xyz}. */
    public static float[] rgb(DoubleUnaryOperator spd) {
        double[] c = xyz(spd);
        return toRgb(c[0], c[1], c[2]);
    }
}

package org.luxnet.scene.compile;

import static org.luxnet.scene.compile.HosekWilkieData.COEFFICIENTS;
import static org.luxnet.scene.compile.HosekWilkieData.FIRST_NM;
import static org.luxnet.scene.compile.HosekWilkieData.POINTS;
import static org.luxnet.scene.compile.HosekWilkieData.RADIANCE;
import static org.luxnet.scene.compile.HosekWilkieData.STEP_NM;
import static org.luxnet.scene.compile.HosekWilkieData.WAVELENGTHS;

import org.luxnet.scene.desc.LuxSpectrum;

/**
 * LuxRender 1.x's {@code "sky2"} light (LuxRender/Lux lights/sky2.cpp, the Hosek-Wilkie 2012 spectral
 * sky, coefficients from lights/data/ArHosekSkyModelData.h via {@link HosekWilkieData}): the radiance of
 * each direction of the light's own space, where z is up and {@code sundir} points at the sun.
 *
 * <p>Sky2Light::Sky2Light calls ComputeModel(turbidity, albedo 0 at all 11 wavelengths, elevation =
 * pi/2 - SphericalTheta(sundir)), which for each of the ten rows (A .. I, radiance) and each wavelength
 * evaluates ComputeInterpolatedCoefficient: the quintic Bezier (ComputeCoefficient: weights 1, 5, 10, 10,
 * 5, 1 times (1 - x)^(5-k) x^k) in x = (2 elevation / pi)^(1/3) of the control points of the two
 * tabulated turbidities around T, lowTurbidity = floor(clamp(T - 1, 0, 9)), highTurbidity =
 * min(low + 1, 9), mixed by clamp(T - highTurbidity, 0, 1), LuxRender's own formula (which is the
 * fractional part of T between 1 and 10), then Lerp(albedo 0, ...) keeps the albedo-0 value. Each row
 * becomes a RegularSPD over 320 .. 720 nm, so at a wavelength each coefficient is the linear
 * interpolation of its 11 samples ({@link SampledSpd}). ComputeRadiance then gives, at each wavelength,
 * (1 + A exp(B / (cosT + 0.01))) (C + D exp(E gamma) + F cos^2 gamma + G (1 + cos^2 gamma) / (1 + I (I -
 * 2 cos gamma))^1.5 + H sqrt(cosT)) times the radiance row, with cosT = max(0, cos theta) (so the lower
 * half repeats the horizon) and cos gamma = clamp(Dot(w, sundir), -1, 1): H weights the zenith term and
 * I is the Mie term's parameter, as sky2.cpp writes them. The fit can go below 0 (a low sun in a hazy sky,
 * at and under the horizon), in LuxRender as here. Le multiplies by the gain later, as the environment
 * map's scale.
 *
 * <p>CreateLight's Normalize(sundir) discards its result, so sundir is used as written, both for the
 * elevation (SphericalTheta: acos of its z clamped to [-1, 1]) and for gamma. With the sun below the
 * horizon the elevation is negative and powf gives NaN: LuxRender's sky is undefined there, so {@link
 * #definedFor} lets the compiler skip it with a warning.
 *
 * <p>The radiance is a spectrum in W / (m^2 sr nm) (model version 1.1); LuxRender renders it
 * wavelength by wavelength from 380 to 720 nm, which {@link LuxSpectrum} turns into this project's RGB
 * as for LuxRender's other spectral lights.
 */
final class LuxSky2 implements BakedSky {
    /** LuxRender's rendered wavelengths, nm, and how many 1-nm samples the RGB integral takes. */
    private static final int NM0 = LuxSpectrum.START, NM_COUNT = LuxSpectrum.END - LuxSpectrum.START + 1;

    private final double sx, sy, sz;
    /** ComputeModel's SkyModel[row] samples at the 11 wavelengths. */
    private final double[][] model = new double[COEFFICIENTS][WAVELENGTHS];
    /** The same rows as RegularSPDs, and sampled at each rendered nanometre. */
    private final SampledSpd[] spd = new SampledSpd[COEFFICIENTS];
    private final double[][] perNm = new double[COEFFICIENTS][NM_COUNT];

    /**
     * @param sundir direction to the sun in light space, as the scene writes it; {@link #definedFor} it
     */
    LuxSky2(double[] sundir, double turbidity) {
        if (!definedFor(sundir)) {
            throw new IllegalArgumentException("the sun is below the horizon, where sky2 is undefined");
        }
        sx = sundir[0];
        sy = sundir[1];
        sz = sundir[2];
        double x = Math.pow(elevation(sundir) * 2 / Math.PI, 1.0 / 3);
        double[] bezier = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            bezier[k] = Math.pow(1 - x, POINTS - 1 - k) * Math.pow(x, k);
        }
        int low = (int) Math.floor(Math.max(0, Math.min(9, turbidity - 1)));
        int high = Math.min(low + 1, 9);
        double lerp = Math.max(0, Math.min(1, turbidity - high));
        for (int row = 0; row < COEFFICIENTS; row++) {
            for (int wl = 0; wl < WAVELENGTHS; wl++) {
                double a = coefficient(bezier, wl, low, row), b = coefficient(bezier, wl, high, row);
                model[row][wl] = (1 - lerp) * a + lerp * b;
            }
            spd[row] = SampledSpd.regular(model[row], FIRST_NM, FIRST_NM + STEP_NM * (WAVELENGTHS - 1));
            for (int n = 0; n < NM_COUNT; n++) {
                perNm[row][n] = spd[row].applyAsDouble(NM0 + n);
            }
        }
    }

    /** ComputeCoefficient: the Bezier weights 1, 5, 10, 10, 5, 1 times the basis, against the control points. */
    private static double coefficient(double[] bezier, int wl, int turbidity, int row) {
        double[] binomial = {1, 5, 10, 10, 5, 1};
        double sum = 0;
        for (int k = 0; k < POINTS; k++) {
            sum += binomial[k] * bezier[k] * HosekWilkieData.get(wl, turbidity, row, k);
        }
        return sum;
    }

    /** pi/2 - SphericalTheta(sundir), sundir as written. */
    static double elevation(double[] sundir) {
        return Math.PI / 2 - Math.acos(Math.max(-1, Math.min(1, sundir[2])));
    }

    /** Whether LuxRender's model has a value: the sun not below the horizon (and the direction a number). */
    static boolean definedFor(double[] sundir) {
        return elevation(sundir) >= 0;
    }

    /** ComputeModel's SkyModel[row] at wavelength index wl (320 + 40 wl nm). */
    double model(int row, int wl) {
        return model[row][wl];
    }

    /** ComputeRadiance at one wavelength (nm), towards the unit light-space direction w. */
    double spectralRadiance(double wx, double wy, double wz, double nm) {
        double[] c = new double[COEFFICIENTS];
        for (int row = 0; row < COEFFICIENTS; row++) {
            c[row] = spd[row].applyAsDouble(nm);
        }
        Geometry g = new Geometry(wx, wy, wz);
        return g.radiance(c[0], Math.exp(c[1] / (g.cosT + 0.01)), c[2], c[3], Math.exp(c[4] * g.gamma), c[5], c[6], c[7],
                c[8], c[RADIANCE]);
    }

    /**
     * Radiance (linear RGB, before gain) towards the unit light-space direction w: ComputeRadiance at
     * each nanometre from 380 to 720, through {@link LuxSpectrum}. The model can go below 0 (a low sun in
     * a hazy sky, at and under the horizon); the RGB clamps that, as the environment map would.
     *
     * <p>The same values as {@link #spectralRadiance}, computed faster: B and E are linear in the
     * wavelength between the 40-nm samples, so exp(B / (cosT + 0.01)) and exp(E gamma) are products of
     * a constant ratio from nanometre to nanometre within each interval, two exponentials per interval
     * instead of two per nanometre (to within a few ulps).
     */
    @Override
    public float[] radiance(double wx, double wy, double wz) {
        Geometry g = new Geometry(wx, wy, wz);
        double u = 1 / (g.cosT + 0.01);
        double[] l = new double[NM_COUNT];
        double[][] p = perNm;
        double expA = 0, expE = 0, stepA = 1, stepE = 1;
        int interval = -1;
        for (int n = 0; n < NM_COUNT; n++) {
            int nm = NM0 + n;
            int k = (nm - FIRST_NM) / STEP_NM;
            if (k != interval) {
                interval = k;
                expA = Math.exp(p[1][n] * u);
                expE = Math.exp(p[4][n] * g.gamma);
                int k1 = Math.min(k + 1, WAVELENGTHS - 1);
                stepA = Math.exp((model[1][k1] - model[1][k]) / STEP_NM * u);
                stepE = Math.exp((model[4][k1] - model[4][k]) / STEP_NM * g.gamma);
            } else {
                expA *= stepA;
                expE *= stepE;
            }
            l[n] = g.radiance(p[0][n], expA, p[2][n], p[3][n], expE, p[5][n], p[6][n], p[7][n], p[8][n], p[RADIANCE][n]);
        }
        double[] xyz = LuxSpectrum.xyz(nm -> l[(int) nm - NM0]);
        return LuxSpectrum.toRgb(xyz[0], xyz[1], xyz[2]);
    }

    /** The direction-dependent terms of ComputeRadiance. */
    private final class Geometry {
        final double cosG, cosG2, gamma, cosT, sqrtCosT;

        Geometry(double wx, double wy, double wz) {
            cosG = Math.max(-1, Math.min(1, wx * sx + wy * sy + wz * sz));
            cosG2 = cosG * cosG;
            gamma = Math.acos(cosG);
            cosT = Math.max(0, wz);
            sqrtCosT = Math.sqrt(cosT);
        }

        /** ComputeRadiance's product, given exp(B / (cosT + 0.01)) and exp(E gamma). */
        double radiance(double a, double expB, double c, double d, double expE, double f, double g, double h, double i,
                        double rad) {
            double mieBase = 1 + i * (i - 2 * cosG);
            double mie = g * (1 + cosG2) / (mieBase * Math.sqrt(mieBase));
            return (1 + a * expB) * (c + d * expE + f * cosG2 + mie + h * sqrtCosT) * rad;
        }
    }
}

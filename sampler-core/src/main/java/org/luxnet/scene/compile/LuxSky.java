package org.luxnet.scene.compile;

import org.luxnet.scene.desc.LuxSpectrum;

/**
 * LuxRender 1.x's {@code "sky"} light (LuxRender/Lux lights/sky.cpp, the Preetham et al. 1999
 * daylight model): the radiance of each direction of the light's own space, where z is up and
 * {@code sundir} points at the sun. SkyLight::SkyLight computes the zenith luminance (kcd/m^2 times
 * 1000) and chromaticity and the five Perez coefficients of Y, x and y from the turbidity (each
 * coefficient times its user constant), and divides each zenith value by PerezBase(lam, 0,
 * thetaS); GetSkySpectralRadiance evaluates PerezBase at the direction's theta (clamped to pi/2 -
 * 0.001, so the lower half repeats the horizon) and its angle gamma to the sun, and
 * ChromaticityToSpectrum turns (x, y) into the CIE daylight spectrum S0 + M1 S1 + M2 S2, normalised
 * to luminance 1 by LuxRender's SPD::Y() and multiplied by Y. That spectrum becomes RGB by {@link
 * LuxSpectrum}. The light's gain multiplies later, as the environment map's scale.
 */
final class LuxSky implements BakedSky {
    /** XYZ (this project's scale) and LuxRender luminance of S0, S1, S2. */
    private static final double[][] BASIS_XYZ = new double[3][];
    private static final double[] BASIS_LUX_Y = new double[3];

    static {
        double[][] tables = {LuxSunSkyData.S0, LuxSunSkyData.S1, LuxSunSkyData.S2};
        for (int k = 0; k < 3; k++) {
            SampledSpd s = SampledSpd.regular(tables[k], 300, 830);
            BASIS_XYZ[k] = LuxSpectrum.xyz(s);
            BASIS_LUX_Y[k] = LuxSpectrum.luxY(s);
        }
    }

    private final double sx, sy, sz, thetaS;
    private final double zenithY, zenithX, zenithYChroma;
    private final double[] perezY = new double[6], perezX = new double[6], perezYChroma = new double[6];

    /**
     * @param sundir direction to the sun in light space, as the scene writes it
     * @param abcde the Perez multipliers aconst .. econst
     */
    LuxSky(double[] sundir, double turbidity, double[] abcde) {
        double len = Math.sqrt(sundir[0] * sundir[0] + sundir[1] * sundir[1] + sundir[2] * sundir[2]);
        // CreateLight's Normalize(sundir) discards its result: thetaS comes from the unit vector
        // (InitSunThetaPhi), but gamma's dot product takes sundir as written.
        sx = sundir[0];
        sy = sundir[1];
        sz = sundir[2];
        thetaS = Math.acos(Math.max(-1, Math.min(1, sz / len)));
        double t = turbidity, t2 = t * t;
        double th = thetaS, th2 = th * th, th3 = th2 * th;
        double chi = (4.0 / 9.0 - t / 120.0) * (Math.PI - 2 * th);
        double zY = ((4.0453 * t - 4.9710) * Math.tan(chi) - 0.2155 * t + 2.4192) * 1000;
        double zx = (0.00166 * th3 - 0.00375 * th2 + 0.00209 * th) * t2
                + (-0.02903 * th3 + 0.06377 * th2 - 0.03202 * th + 0.00394) * t
                + (0.11693 * th3 - 0.21196 * th2 + 0.06052 * th + 0.25886);
        double zy = (0.00275 * th3 - 0.00610 * th2 + 0.00317 * th) * t2
                + (-0.04214 * th3 + 0.08970 * th2 - 0.04153 * th + 0.00516) * t
                + (0.15346 * th3 - 0.26756 * th2 + 0.06670 * th + 0.26688);
        coefficients(perezY, t, abcde, 0.1787, -1.4630, -0.3554, 0.4275, -0.0227, 5.3251, 0.1206, -2.5771, -0.0670, 0.3703);
        coefficients(perezX, t, abcde, -0.0193, -0.2592, -0.0665, 0.0008, -0.0004, 0.2125, -0.0641, -0.8989, -0.0033, 0.0452);
        coefficients(perezYChroma, t, abcde, -0.0167, -0.2608, -0.0950, 0.0092, -0.0079, 0.2102, -0.0441, -1.6537, -0.0109,
                0.0529);
        zenithY = zY / perezBase(perezY, 0, thetaS);
        zenithX = zx / perezBase(perezX, 0, thetaS);
        zenithYChroma = zy / perezBase(perezYChroma, 0, thetaS);
    }

    /** lam[1..5] = (slope T + offset) times the user's constant, in SkyLight::SkyLight's order. */
    private static void coefficients(double[] lam, double t, double[] abcde, double... slopeOffset) {
        for (int i = 0; i < 5; i++) {
            lam[i + 1] = (slopeOffset[2 * i] * t + slopeOffset[2 * i + 1]) * abcde[i];
        }
    }

    /** sky.cpp PerezBase(lam, theta, gamma). */
    static double perezBase(double[] lam, double theta, double gamma) {
        double cg = Math.cos(gamma);
        return (1 + lam[1] * Math.exp(lam[2] / Math.cos(theta))) * (1 + lam[3] * Math.exp(lam[4] * gamma) + lam[5] * cg * cg);
    }

    /** The sky's (x, y, Y) towards the unit light-space direction w (GetSkySpectralRadiance before the spectrum). */
    double[] xyY(double wx, double wy, double wz) {
        double theta = Math.min(Math.acos(Math.max(-1, Math.min(1, wz))), Math.PI * 0.5 - 0.001);
        double gamma = Math.acos(Math.max(-1, Math.min(1, wx * sx + wy * sy + wz * sz)));
        return new double[] {zenithX * perezBase(perezX, theta, gamma), zenithYChroma * perezBase(perezYChroma, theta, gamma),
            zenithY * perezBase(perezY, theta, gamma)};
    }

    /** Radiance (linear RGB, before gain) towards the unit light-space direction w. */
    @Override
    public float[] radiance(double wx, double wy, double wz) {
        double[] c = xyY(wx, wy, wz);
        double x = c[0], y = c[1];
        // ChromaticityToSpectrum: the CIE daylight weights of (x, y).
        double den = 1 / (0.0241 + 0.2562 * x - 0.7341 * y);
        double m1 = (-1.3515 - 1.7703 * x + 5.9114 * y) * den;
        double m2 = (0.03 - 31.4424 * x + 30.0717 * y) * den;
        double norm = c[2] / (BASIS_LUX_Y[0] + m1 * BASIS_LUX_Y[1] + m2 * BASIS_LUX_Y[2]);
        double[] xyz = new double[3];
        for (int i = 0; i < 3; i++) {
            xyz[i] = norm * (BASIS_XYZ[0][i] + m1 * BASIS_XYZ[1][i] + m2 * BASIS_XYZ[2][i]);
        }
        return LuxSpectrum.toRgb(xyz[0], xyz[1], xyz[2]);
    }
}

package org.luxnet.scene.compile;

import org.luxnet.scene.desc.LuxSpectrum;

/**
 * LuxRender 1.x's {@code "sun"} light (LuxRender/Lux lights/sun.cpp, SunLight::SunLight): a disc of
 * the sun's angular radius times {@code relsize} (sin thetaMax = relsize * 695500 / 149600000, NASA's
 * solar radius over the mean distance), whose spectral radiance is the extraterrestrial solar
 * spectrum attenuated along the relative optical mass of the sun's zenith angle by Rayleigh
 * scattering, aerosols (turbidity), ozone, mixed gases and water vapour (Preetham's transmittance),
 * tabulated every 5 nm from 350 to 800 nm and scaled by gain / relsize^2, so that the irradiance the
 * disc gives does not change with its size. The spectrum becomes RGB by {@link LuxSpectrum}.
 */
final class LuxSun {
    /** Sun radius and mean distance, km (sun.cpp). */
    private static final double SUN_RADIUS = 695500, SUN_MEAN_DISTANCE = 149600000;

    private LuxSun() {
    }

    /** sin^2 of the disc's angular radius; 1 (a hemisphere) where relsize makes the sun larger than its distance. */
    static double sin2ThetaMax(double relSize) {
        if (relSize * SUN_RADIUS <= SUN_MEAN_DISTANCE) {
            double s = relSize * SUN_RADIUS / SUN_MEAN_DISTANCE;
            return s * s;
        }
        return 1;
    }

    /** 1 - cos thetaMax from sin^2 thetaMax without cancellation: sin^2 / (1 + cos). */
    static double oneMinusCosThetaMax(double sin2) {
        return sin2 / (1 + Math.sqrt(Math.max(0, 1 - sin2)));
    }

    /**
     * The sun's spectral radiance at {@code lambda} nm before gain / relsize^2 (the Ldata table of
     * SunLight::SunLight, linear between its 5 nm samples), for a sun at zenith angle {@code thetaS}.
     */
    static SampledSpd spectrum(double thetaS, double turbidity) {
        SampledSpd kO = SampledSpd.irregular(LuxSunSkyData.K_O_WAVELENGTHS, LuxSunSkyData.K_O_AMPLITUDES);
        SampledSpd kG = SampledSpd.irregular(LuxSunSkyData.K_G_WAVELENGTHS, LuxSunSkyData.K_G_AMPLITUDES);
        SampledSpd kWa = SampledSpd.irregular(LuxSunSkyData.K_WA_WAVELENGTHS, LuxSunSkyData.K_WA_AMPLITUDES);
        SampledSpd sol = SampledSpd.regular(LuxSunSkyData.SOL_AMPLITUDES, 380, 750);
        double beta = 0.04608365822050 * turbidity - 0.04586025928522;
        // Relative optical mass.
        double m = 1 / (Math.cos(thetaS) + 0.00094 * Math.pow(1.6386 - thetaS, -1.253));
        double[] data = new double[91];
        for (int i = 0; i < 91; i++) {
            double lambda = 350 + 5 * i;
            double tauR = Math.exp(-m * 0.008735 * Math.pow(lambda / 1000, -4.08));
            double tauA = Math.exp(-m * beta * Math.pow(lambda / 1000, -1.3));
            double tauO = Math.exp(-m * kO.applyAsDouble(lambda) * 0.35);
            double kg = kG.applyAsDouble(lambda);
            double tauG = Math.exp(-1.41 * kg * m / Math.pow(1 + 118.93 * kg * m, 0.45));
            double kwa = kWa.applyAsDouble(lambda);
            double tauWa = Math.exp(-0.2385 * kwa * 2 * m / Math.pow(1 + 20.07 * kwa * 2 * m, 0.45));
            data[i] = sol.applyAsDouble(lambda) * tauR * tauA * tauO * tauG * tauWa;
        }
        return SampledSpd.regular(data, 350, 800);
    }

    /** The sun's radiance as linear RGB, gain / relsize^2 applied; null when it is not finite (a sun far below the horizon). */
    static float[] radiance(double thetaS, double turbidity, double gain, double relSize) {
        float[] rgb = LuxSpectrum.rgb(spectrum(thetaS, turbidity));
        double k = gain / (relSize * relSize);
        for (int c = 0; c < 3; c++) {
            double v = rgb[c] * k;
            if (!Double.isFinite(v)) {
                return null;
            }
            rgb[c] = (float) v;
        }
        return rgb;
    }
}

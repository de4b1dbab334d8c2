package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.LuxSpectrum;

/**
 * LuxRender's "sun" as read in LuxRender/Lux lights/sun.cpp (SunLight::SunLight): the cone of
 * sin thetaMax = relsize * 695500 / 149600000, and the solar spectrum of lights/data/sun_spect.h
 * attenuated along the relative optical mass m = 1 / (cos thetaS + 0.00094 (1.6386 - thetaS)^-1.253)
 * by tauR, tauA (beta = 0.04608365822050 T - 0.04586025928522, alpha 1.3), tauO (ozone 0.35 cm),
 * tauG and tauWA (water 2 cm), with its coefficient tables resampled as luxrays IrregularSPD does
 * (5 nm from the first wavelength, then spread evenly over the table's range). Values worked by
 * hand below, wavelength by wavelength, at turbidity 2.2 with the sun at the zenith.
 */
class LuxSunTest {
    private static final double T = 2.2;
    private static final double M = 1 / (1 + 0.00094 * Math.pow(1.6386, -1.253));
    private static final double BETA = 0.04608365822050 * T - 0.04586025928522;

    /** tauR tauA of sun.cpp at lambda nm. */
    private static double rayleighAerosol(double lambda) {
        double um = lambda / 1000;
        return Math.exp(-M * 0.008735 * Math.pow(um, -4.08)) * Math.exp(-M * BETA * Math.pow(um, -1.3));
    }

    @Test
    void tablesHaveTheirSourceLengthsAndEnds() {
        // sun_spect.h: k_o 64 wavelengths (its amplitude array is declared [65] with 64 values), k_g 4, k_wa 13, sol 38.
        assertEquals(64, LuxSunSkyData.K_O_WAVELENGTHS.length);
        assertEquals(64, LuxSunSkyData.K_O_AMPLITUDES.length);
        assertEquals(4, LuxSunSkyData.K_G_WAVELENGTHS.length);
        assertEquals(4, LuxSunSkyData.K_G_AMPLITUDES.length);
        assertEquals(13, LuxSunSkyData.K_WA_WAVELENGTHS.length);
        assertEquals(13, LuxSunSkyData.K_WA_AMPLITUDES.length);
        assertEquals(38, LuxSunSkyData.SOL_AMPLITUDES.length);
        assertEquals(10.0, LuxSunSkyData.K_O_AMPLITUDES[0]);
        assertEquals(0.125, LuxSunSkyData.K_O_AMPLITUDES[LuxSunSkyData.K_O_AMPLITUDES.length - 21], "k_o at 600 nm");
        assertEquals(600.0, LuxSunSkyData.K_O_WAVELENGTHS[LuxSunSkyData.K_O_WAVELENGTHS.length - 21]);
        assertEquals(0.036, LuxSunSkyData.K_WA_AMPLITUDES[12]);
        assertEquals(16550.0, LuxSunSkyData.SOL_AMPLITUDES[0]);
        assertEquals(18260.0, LuxSunSkyData.SOL_AMPLITUDES[37]);
    }

    @Test
    void spectrumAtTurbidity22MatchesSunCppAsRead() {
        SampledSpd sun = LuxSun.spectrum(0, T);
        // 550 nm: sol 25500 (index 17), k_o 0.085 (a table point), no mixed gas, no water.
        double e550 = 25500 * rayleighAerosol(550) * Math.exp(-M * 0.085 * 0.35);
        assertEquals(e550, sun.applyAsDouble(550), 1e-9 * e550);
        // 400 nm: sol 21120, k_o halfway between 355 nm (0) and 445 nm (0.003).
        double e400 = 21120 * rayleighAerosol(400) * Math.exp(-M * 0.0015 * 0.35);
        assertEquals(e400, sun.applyAsDouble(400), 1e-9 * e400);
        // 745 nm: sol (18630 + 18260) / 2, k_o 0.0095; k_wa from 689 + 5 i resampled (744: 0.037, 749: 0.007)
        // and spread over 689..800 (24 points, 111/23 nm apart): 745 sits at 11.6036 -> 0.037 - 0.6036 * 0.030.
        double x = 56 * 23 / 111.0;
        double kwa = 0.037 + (x - 11) * (0.007 - 0.037);
        double w = 0.2385 * kwa * 2 * M / Math.pow(1 + 20.07 * kwa * 2 * M, 0.45);
        double e745 = 18445 * rayleighAerosol(745) * Math.exp(-M * 0.0095 * 0.35) * Math.exp(-w);
        assertEquals(e745, sun.applyAsDouble(745), 1e-9 * e745);
        // Outside sol's 380..750 nm the sun is dark.
        assertEquals(0, sun.applyAsDouble(760));
        assertEquals(0, sun.applyAsDouble(370));
        // Between the 5 nm samples, linear.
        assertEquals(0.5 * (sun.applyAsDouble(550) + sun.applyAsDouble(555)), sun.applyAsDouble(552.5), 1e-9 * e550);
    }

    @Test
    void mixedGasTableIsSpreadAsLuxRendersIrregularSpdDoes() {
        // k_g 759..771 resampled at 759, 764, 769, 774 (0, 1.884, 0.489, 0), then placed 4 nm apart.
        SampledSpd kg = SampledSpd.irregular(LuxSunSkyData.K_G_WAVELENGTHS, LuxSunSkyData.K_G_AMPLITUDES);
        assertEquals(0.25 * 1.884, kg.applyAsDouble(760), 1e-12);
        assertEquals(0.5 * (1.884 + 0.489), kg.applyAsDouble(765), 1e-12);
        assertEquals(0.25 * 0.489, kg.applyAsDouble(770), 1e-12);
        assertEquals(0, kg.applyAsDouble(772));
    }

    @Test
    void sunColourAtTurbidity22IsTheSpectrumsRgb() {
        SampledSpd spd = LuxSun.spectrum(0, T);
        float[] rgb = LuxSun.radiance(0, T, 1, 1);
        float[] direct = LuxSpectrum.rgb(spd);
        for (int c = 0; c < 3; c++) {
            assertEquals(direct[c], rgb[c], 1e-6f * direct[c]);
        }
        // Gain and relsize: gain / relsize^2.
        float[] scaled = LuxSun.radiance(0, T, 3, 2);
        assertEquals(0.75f * rgb[1], scaled[1], 1e-6f * rgb[1]);
        // LuxRender's luminance of the spectrum (683 lm/W) is the noon sun's, about 1.6e9 cd/m^2 through a clear sky.
        double nits = LuxSpectrum.luxY(spd);
        System.out.printf("sun at zenith, T 2.2: rgb %.1f %.1f %.1f, %.3g cd/m^2%n", rgb[0], rgb[1], rgb[2], nits);
        assertTrue(nits > 1.2e9 && nits < 2.0e9, "luminance " + nits);
        // Warmer than D65 white: the tabulated sun (about 5800 K outside the air) loses blue to Rayleigh
        // scattering; at noon it stays within 25% of white (here R/G 1.157, B/G 0.888).
        assertTrue(rgb[0] / rgb[1] > 1.05 && rgb[0] / rgb[1] < 1.25, "R/G " + rgb[0] / rgb[1]);
        assertTrue(rgb[2] / rgb[1] > 0.8 && rgb[2] / rgb[1] < 0.95, "B/G " + rgb[2] / rgb[1]);
        // Low in the sky the longer path reddens it.
        float[] low = LuxSun.radiance(Math.toRadians(80), T, 1, 1);
        assertTrue(low[2] / low[0] < 0.8 * rgb[2] / rgb[0], "low sun is redder");
    }

    @Test
    void coneIsTheSunsAngularRadiusTimesRelsize() {
        double s = 695500.0 / 149600000.0;
        assertEquals(s * s, LuxSun.sin2ThetaMax(1), 1e-18);
        assertEquals(4 * s * s, LuxSun.sin2ThetaMax(2), 1e-18);
        assertEquals(1, LuxSun.sin2ThetaMax(1000));
        double sin2 = LuxSun.sin2ThetaMax(1);
        assertEquals(1 - Math.cos(Math.asin(s)), LuxSun.oneMinusCosThetaMax(sin2), 1e-9 * sin2);
    }

    @Test
    void sunSkyMakesBothLightsFromOneStatement() {
        CompiledScene s = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "LightSource \"sunsky\" \"vector sundir\" [0 0.6 0.8] \"float turbidity\" [2.2] \"float gain\" [0.5]"
                + " \"float relsize\" [2]\nWorldEnd\n").scene();
        assertEquals(2, s.lightCount);
        assertEquals(LightLayout.SUN, s.lightType[0]);
        assertEquals(LightLayout.INFINITE, s.lightType[1]);
        assertEquals(1, s.envMapCount);
        float[] l = LuxSun.radiance(Math.acos(0.8), 2.2, 0.5, 2);
        assertEquals(l[0], s.lightParams[LightLayout.L], 1e-6f * l[0]);
        assertEquals(0.6f, s.lightParams[LightLayout.DIR + 1], 1e-6f);
        assertEquals((float) LuxSun.sin2ThetaMax(2), s.lightParams[LightLayout.SIN2_MAX]);
        assertEquals(2, s.infiniteLights.length, "both are seen by escaping rays");
    }

    @Test
    void unsupportedParametersAndASunBelowTheHorizonAreReportedAtTheirPlace() {
        var cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "LightSource \"sun\" \"vector sundir\" [0 0 -1] \"float colour\" [2]\nWorldEnd\n");
        assertEquals(0, cr.scene().lightCount);
        List<String> w = cr.warnings().stream().map(Object::toString).toList();
        assertTrue(w.stream().anyMatch(m -> m.contains("scene.lxs:4") && m.contains("colour")), w.toString());
        assertTrue(w.stream().anyMatch(m -> m.contains("scene.lxs:4") && m.contains("the sun is skipped")), w.toString());
        assertNull(LuxSun.radiance(Math.PI, 2, 1, 1));
    }
}

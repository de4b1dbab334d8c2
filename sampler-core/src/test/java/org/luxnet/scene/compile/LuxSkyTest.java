package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.EnvMapLayout;
import org.luxnet.scene.compiled.LightLayout;

/**
 * LuxRender's "sky" light against its formulas, evaluated here apart from the code under test, as
 * read in LuxRender/Lux lights/sky.cpp: SkyLight::SkyLight (Preetham's zenith luminance
 * (4.0453 T - 4.9710) tan chi - 0.2155 T + 2.4192 kcd/m^2 with chi = (4/9 - T/120)(pi - 2 thetaS), the
 * zenith chromaticity polynomials, the Perez coefficients), GetSkySpectralRadiance (theta clamped to
 * pi/2 - 0.001, Y = zenith * PerezBase(theta, gamma) / PerezBase(0, thetaS)) and
 * ChromaticityToSpectrum (a daylight spectrum of luminance Y: 683 lm/W times its CIE y sum). Also the
 * tables of lights/data/skychroma_spect.h counted against the source, and the baked map.
 */
class LuxSkyTest {
    private static final double[] ONES = {1, 1, 1, 1, 1};

    /** Preetham's Perez function F(theta, gamma) with sky.cpp's coefficients for Y at turbidity t. */
    private static double perezY(double t, double theta, double gamma) {
        double a = 0.1787 * t - 1.4630, b = -0.3554 * t + 0.4275, c = -0.0227 * t + 5.3251;
        double d = 0.1206 * t - 2.5771, e = -0.0670 * t + 0.3703;
        return (1 + a * Math.exp(b / Math.cos(theta))) * (1 + c * Math.exp(d * gamma) + e * Math.pow(Math.cos(gamma), 2));
    }

    /** Preetham's zenith luminance, cd/m^2 (kcd/m^2 times 1000, as sky.cpp converts). */
    private static double zenithLuminance(double t, double thetaS) {
        double chi = (4.0 / 9 - t / 120) * (Math.PI - 2 * thetaS);
        return ((4.0453 * t - 4.9710) * Math.tan(chi) - 0.2155 * t + 2.4192) * 1000;
    }

    private static double[] unit(double theta, double phi) {
        return new double[] {Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)};
    }

    @Test
    void daylightBasisTablesHaveTheirSourceLengthsAndEnds() {
        // skychroma_spect.h: S0, S1, S2 Amplitudes[54], 300 to 830 nm every 10 nm.
        assertEquals(54, LuxSunSkyData.S0.length);
        assertEquals(54, LuxSunSkyData.S1.length);
        assertEquals(54, LuxSunSkyData.S2.length);
        assertEquals(0.04, LuxSunSkyData.S0[0]);
        assertEquals(100.0, LuxSunSkyData.S0[26], "S0 is 100 at 560 nm");
        assertEquals(61.9, LuxSunSkyData.S0[53]);
        assertEquals(-9.8, LuxSunSkyData.S1[53]);
        assertEquals(6.5, LuxSunSkyData.S2[53]);
        assertEquals(0.0, LuxSunSkyData.S1[26]);
        assertEquals(0.0, LuxSunSkyData.S2[26]);
    }

    @Test
    void zenithHasPreethamsLuminanceAndChromaticity() {
        for (double t : new double[] {2, 2.2, 5}) {
            for (double elevation : new double[] {15, 40, 70}) {
                double thetaS = Math.toRadians(90 - elevation);
                LuxSky sky = new LuxSky(unit(thetaS, 0.3), t, ONES);
                double[] c = sky.xyY(0, 0, 1);
                double th = thetaS;
                double x = (0.00166 * th * th * th - 0.00375 * th * th + 0.00209 * th) * t * t
                        + (-0.02903 * th * th * th + 0.06377 * th * th - 0.03202 * th + 0.00394) * t
                        + (0.11693 * th * th * th - 0.21196 * th * th + 0.06052 * th + 0.25886);
                assertEquals(zenithLuminance(t, thetaS), c[2], 1e-9 * c[2], "zenith Y, T " + t + ", elevation " + elevation);
                assertEquals(x, c[0], 1e-12, "zenith x");
            }
        }
    }

    @Test
    void luminanceFollowsThePerezDistributionAndTheHorizonRepeatsBelow() {
        double t = 3, thetaS = Math.toRadians(50), phiS = 1.0;
        LuxSky sky = new LuxSky(unit(thetaS, phiS), t, ONES);
        double zenith = zenithLuminance(t, thetaS);
        double[][] dirs = {{0.1, 2}, {0.7, 1.1}, {1.2, 4}, {1.5, 0.9}, {Math.PI / 2 - 0.01, 3}};
        for (double[] d : dirs) {
            double[] w = unit(d[0], d[1]);
            double gamma = Math.acos(w[0] * Math.sin(thetaS) * Math.cos(phiS) + w[1] * Math.sin(thetaS) * Math.sin(phiS)
                    + w[2] * Math.cos(thetaS));
            double expected = zenith * perezY(t, d[0], gamma) / perezY(t, 0, thetaS);
            assertEquals(expected, sky.xyY(w[0], w[1], w[2])[2], 1e-9 * expected, "Y at theta " + d[0] + ", phi " + d[1]);
        }
        // Below the horizon theta is clamped to pi/2 - 0.001; gamma is the true angle to the sun.
        double[] below = unit(Math.PI * 0.75, phiS);
        double gamma = Math.PI * 0.75 - thetaS;
        double expected = zenith * perezY(t, Math.PI / 2 - 0.001, gamma) / perezY(t, 0, thetaS);
        assertEquals(expected, sky.xyY(below[0], below[1], below[2])[2], 1e-9 * expected);
    }

    @Test
    void gammaTakesSundirAsWrittenAsLuxRendersCreateLightLeavesIt() {
        // sky.cpp CreateLight calls Normalize(sundir) without keeping the result; thetaS is taken from
        // the unit vector, gamma from Dot(w, sundir): a sundir of length 0.5 sees cos gamma halved.
        double t = 2.5, thetaS = Math.acos(0.8);
        LuxSky sky = new LuxSky(new double[] {0, 0.3, 0.4}, t, ONES);
        double expected = zenithLuminance(t, thetaS) * perezY(t, 0, Math.acos(0.4)) / perezY(t, 0, thetaS);
        assertEquals(expected, sky.xyY(0, 0, 1)[2], 1e-9 * expected);
    }

    @Test
    void radianceIsTheDaylightSpectrumOfTheModelsLuminanceAndChromaticity() {
        LuxSky sky = new LuxSky(unit(Math.toRadians(45), 0), 2.2, ONES);
        for (double[] d : new double[][] {{0, 0}, {0.5, 3}, {1.2, 0.2}, {1.4, 2.5}}) {
            double[] w = unit(d[0], d[1]);
            double[] xyY = sky.xyY(w[0], w[1], w[2]);
            float[] rgb = sky.radiance(w[0], w[1], w[2]);
            // Back to XYZ by the sRGB (D65) matrix.
            double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
            double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
            double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
            // A spectrum of luminance Y cd/m^2 (683 lm/W) is Y / (683 * 106.856895) in units where flat 1 has Y 1;
            // LuxRender sees 380 to 720 nm only, which holds all but a few 1e-4 of the luminance.
            double expectedY = xyY[2] / (683 * 106.856895);
            assertEquals(expectedY, y, 2e-3 * expectedY, "luminance at " + d[0] + ", " + d[1]);
            // The CIE daylight basis reproduces the chromaticity to within the fit of its M1, M2 formulas.
            assertEquals(xyY[0], x / (x + y + z), 4e-3, "chromaticity x");
            assertEquals(xyY[1], y / (x + y + z), 4e-3, "chromaticity y");
        }
    }

    @Test
    void skyIsBakedIntoAnEnvironmentMapWithItsGainAtTexelCentres() {
        CompiledScene s = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "AttributeBegin\nRotate 90 1 0 0\n"
                + "LightSource \"sky\" \"vector sundir\" [0.3 -0.4 0.6] \"float turbidity\" [3] \"float gain\" [0.25]\n"
                + "AttributeEnd\nWorldEnd\n").scene();
        assertEquals(1, s.envMapCount);
        assertEquals(LightLayout.INFINITE, s.lightType[0]);
        assertEquals(1f, s.lightParams[LightLayout.MAP]);
        int w = s.envInfo[EnvMapLayout.INFO_WIDTH], h = s.envInfo[EnvMapLayout.INFO_HEIGHT];
        assertEquals(LuxSky.MAP_WIDTH, w);
        assertEquals(LuxSky.MAP_HEIGHT, h);
        LuxSky sky = new LuxSky(new double[] {0.3, -0.4, 0.6}, 3, ONES);
        int[][] texels = {{0, 0}, {17, 40}, {300, 100}, {511, 127}, {128, 128}, {400, 255}};
        for (int[] t : texels) {
            double theta = Math.PI * (t[1] + 0.5) / h, phi = 2 * Math.PI * (t[0] + 0.5) / w;
            double[] l = unit(theta, phi);
            float[] expected = sky.radiance(l[0], l[1], l[2]);
            for (int c = 0; c < 3; c++) {
                assertEquals(0.25f * expected[c], s.envTexels[3 * (t[1] * w + t[0]) + c], 1e-6f * expected[c],
                        "texel " + t[0] + ", " + t[1] + " channel " + c);
            }
        }
        assertTrue(s.lightParams[LightLayout.L] > 0, "the light's colour slot holds the map's mean");
        // The map turns with the light: Rotate 90 about x takes light z to world y (light-to-world, row major).
        int l2w = EnvMapLayout.XFORM_L2W;
        assertEquals(1f, s.envXform[l2w + 7], 1e-6f);
        assertEquals(-1f, s.envXform[l2w + 5], 1e-6f);
    }
}

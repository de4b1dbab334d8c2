package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.Blackbody;

/**
 * Each dialect's light semantics, with values worked out by hand from the renderers' code: pbrt-v3
 * lights/{diffuse,point,spot}.cpp (L or I times the spectrum "scale") and LuxRender lights/area.cpp,
 * spot.cpp (L or "texture L" times gain, normalised to power * efficacy lumens).
 */
class LightSemanticsTest {
    private static final String PBRT_HEAD = "Integrator \"path\"\nCamera \"perspective\"\n"
            + "Film \"image\" \"integer xresolution\" [40] \"integer yresolution\" [20]\nWorldBegin\n";
    private static final String QUAD = "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] "
            + "\"point P\" [0 0 0 1 0 0 1 1 0 0 1 0]\n";

    private static float[] l(CompiledScene s, int light) {
        int o = light * LightLayout.STRIDE + LightLayout.L;
        return new float[] {s.lightParams[o], s.lightParams[o + 1], s.lightParams[o + 2]};
    }

    @Test
    void pbrtAreaLightIsRadianceTimesScaleWithoutPowerNormalisation() {
        // pbrt-v3's MakeAreaLight treats "area" as "diffuse": L (2 3 4) x scale (2 1 0.5) = (4 3 2).
        for (String type : new String[] {"area", "diffuse"}) {
            CompiledRender cr = SceneCompilerTest.compile(PBRT_HEAD + "AttributeBegin\nAreaLightSource \"" + type
                    + "\" \"rgb L\" [2 3 4] \"rgb scale\" [2 1 0.5]\n" + QUAD + "AttributeEnd\nWorldEnd\n");
            assertArrayEquals(new float[] {4, 3, 2}, l(cr.scene(), 0), 1e-6f, type);
        }
    }

    @Test
    void killerooStyleSphereEmitterKeepsItsRadiance() {
        // killeroo-simple.pbrt: AreaLightSource "area" "color L" [50 50 50] on a small sphere. With LuxRender's
        // power normalisation it came out 100*17/(4 pi 9 * pi * 50) = 0.0957 of L, i.e. black.
        CompiledRender cr = SceneCompilerTest.compile(PBRT_HEAD + "AttributeBegin\nAreaLightSource \"area\" "
                + "\"color L\" [50 50 50]\nShape \"sphere\" \"float radius\" [3]\nAttributeEnd\nWorldEnd\n");
        assertArrayEquals(new float[] {50, 50, 50}, l(cr.scene(), 0), 0f);
    }

    @Test
    void pbrtPointAndSpotTakeIAndAFloatOrBlackbodyScale() {
        CompiledRender cr = SceneCompilerTest.compile(PBRT_HEAD
                + "LightSource \"point\" \"rgb I\" [1 2 3] \"float scale\" [2]\n"
                + "LightSource \"spot\" \"blackbody I\" [3000 1] \"rgb scale\" [6 6 6]\n"
                + "LightSource \"point\" \"rgb L\" [9 9 9]\n" + QUAD + "WorldEnd\n");
        CompiledScene s = cr.scene();
        assertArrayEquals(new float[] {2, 4, 6}, l(s, 0), 1e-6f);
        assertArrayEquals(new float[] {6 * 0.735065f, 6 * 0.350487f, 6 * 0.112983f}, l(s, 1), 2e-5f);
        assertArrayEquals(new float[] {1, 1, 1}, l(s, 2), 0f, "pbrt point lights ignore L, as pbrt-v3 does");
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:7", "L\" of LightSource \"point\" is not supported"),
                cr.warnings().toString());
    }

    /**
     * The spot's falloff cone: pbrt-v3 and LuxRender spot.cpp (CreateSpotLight) both read "conedeltaangle";
     * pbrt-v4's "conedelta" is not a pbrt-v3 parameter (warned). cos(coneangle - delta) starts the falloff.
     * An area light's "samples" only sets how many light samples pbrt-v3 takes: accepted without a warning.
     */
    @Test
    void spotConeDeltaIsConedeltaangleInBothDialects() {
        CompiledRender pbrt = SceneCompilerTest.compile(PBRT_HEAD + "LightSource \"spot\" \"rgb I\" [1 1 1] "
                + "\"float coneangle\" [40] \"float conedeltaangle\" [15]\nAreaLightSource \"diffuse\" \"integer samples\" [4]\n"
                + QUAD + "WorldEnd\n");
        int o = spot(pbrt.scene());
        assertEquals(Math.cos(Math.toRadians(40)), pbrt.scene().lightParams[o + LightLayout.COS_TOTAL], 1e-6);
        assertEquals(Math.cos(Math.toRadians(25)), pbrt.scene().lightParams[o + LightLayout.COS_FALLOFF], 1e-6);
        assertTrue(pbrt.warnings().isEmpty(), pbrt.warnings().toString());
        CompiledRender lux = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"spot\" \"color L\" [1 1 1] "
                + "\"float coneangle\" [40] \"float conedeltaangle\" [10] \"float conedelta\" [15]\n" + QUAD + "WorldEnd\n");
        assertEquals(Math.cos(Math.toRadians(30)), lux.scene().lightParams[spot(lux.scene()) + LightLayout.COS_FALLOFF],
                1e-6);
        assertTrue(SceneCompilerTest.warned(lux, "scene.lxs", "conedelta\" of LightSource \"spot\" is not supported"),
                lux.warnings().toString());
    }

    /** The parameter row of the scene's one spot light. */
    private static int spot(CompiledScene s) {
        for (int i = 0; i < s.lightCount; i++) {
            if (s.lightType[i] == LightLayout.SPOT) {
                return i * LightLayout.STRIDE;
            }
        }
        throw new AssertionError("no spot light");
    }

    @Test
    void pbrtBlackbodyIsNormalisedToItsPeakThenConvertedThroughCieXyz() {
        // pbrt-v3's own render of "blackbody L" [3000 1] reads back (0.735065, 0.350487, 0.112983).
        assertArrayEquals(new float[] {0.735065f, 0.350487f, 0.112983f}, Blackbody.pbrt(3000, 1), 2e-6f);
        float[] k2700 = Blackbody.pbrt(2700, 2);
        float[] k2700once = Blackbody.pbrt(2700, 1);
        for (int c = 0; c < 3; c++) {
            assertEquals(2 * k2700once[c], k2700[c], 1e-6f, "the second value scales");
        }
        // At 6500 K the peak (446 nm) lies in the visible range and the colour is near white.
        float[] k6500 = Blackbody.pbrt(6500, 1);
        assertEquals(1.0, k6500[0] / k6500[2], 0.05);
    }

    @Test
    void luxRenderBlackbodyLiesOnThePlanckianLocus() {
        // CIE 1931 chromaticities of blackbodies (CIE 015 tables): 2700 K (0.4599, 0.4106), 6500 K (0.3135, 0.3236).
        // LuxRender's spectrum stops at 720 nm, which moves them by less than 0.0003.
        double[][] locus = {{2700, 0.4599, 0.4106}, {4000, 0.3805, 0.3768}, {6500, 0.3135, 0.3236}};
        for (double[] k : locus) {
            float[] c = Blackbody.luxRender(k[0]);
            // linear sRGB back to XYZ (D65)
            double x = 0.4124564 * c[0] + 0.3575761 * c[1] + 0.1804375 * c[2];
            double y = 0.2126729 * c[0] + 0.7151522 * c[1] + 0.0721750 * c[2];
            double z = 0.0193339 * c[0] + 0.1191920 * c[1] + 0.9503041 * c[2];
            assertEquals(k[1], x / (x + y + z), 1e-3, k[0] + " K x");
            assertEquals(k[2], y / (x + y + z), 1e-3, k[0] + " K y");
        }
    }

    @Test
    void luxRenderGainMultipliesAfterPowerNormalisation() {
        // LuxRender area.cpp: gain *= power * efficacy / (area * pi * Y(L)); Y is L's, without the gain.
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "AttributeBegin\nAreaLightSource \"area\" "
                + "\"color L\" [1 1 1] \"float gain\" [2] \"float power\" [10] \"float efficacy\" [10]\n" + QUAD
                + "AttributeEnd\nWorldEnd\n");
        assertEquals(2 * 100 / Math.PI, l(cr.scene(), 0)[0], 1e-3);
    }

    @Test
    void luxRenderSpotAndPointWithPowerAreNormalisedOverTheirSolidAngle() {
        // spot.cpp: gain *= power * efficacy / (2 pi Y (1 - (cos falloff + cos total) / 2)).
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"spot\" \"color L\" [1 1 1] "
                + "\"float power\" [1] \"float efficacy\" [1] \"float coneangle\" [60] \"float conedeltaangle\" [0]\n"
                + "LightSource \"point\" \"color L\" [2 2 2] \"float gain\" [3] \"float power\" [1] \"float efficacy\" [1]\n"
                + QUAD + "WorldEnd\n");
        assertEquals(1 / (2 * Math.PI * 0.5), l(cr.scene(), 0)[0], 1e-5);
        // point.cpp: gain *= power * efficacy / (4 pi Y(L)): 2 * 3 / (4 pi 2).
        assertEquals(3 / (4 * Math.PI), l(cr.scene(), 1)[0], 1e-5);
    }

    @Test
    void luxRenderTextureLConstantAndBlackbody() {
        String scene = SceneCompilerTest.HEAD
                + "Texture \"warm\" \"color\" \"blackbody\" \"float temperature\" [2700]\n"
                + "Texture \"c\" \"color\" \"constant\" \"color value\" [0.5 0.25 2]\n"
                + "LightSource \"point\" \"texture L\" \"c\" \"float gain\" [2]\n"
                + "LightSource \"point\" \"texture L\" \"warm\"\n"
                + "AttributeBegin\nAreaLightSource \"area\" \"texture L\" \"warm\" \"float power\" [0]\n" + QUAD
                + "AttributeEnd\nWorldEnd\n";
        CompiledScene s = SceneCompilerTest.compile(scene).scene();
        float[] warm = Blackbody.luxRender(2700);
        assertArrayEquals(warm, l(s, 0), 0f, "area light with power 0 emits the texture's colour");
        assertArrayEquals(new float[] {1, 0.5f, 4}, l(s, 2), 0f);
        assertArrayEquals(warm, l(s, 3), 0f);
        // A 2700 K lamp is orange: red above green above blue.
        assertTrue(warm[0] > warm[1] && warm[1] > warm[2], java.util.Arrays.toString(warm));
    }

    @Test
    void luxRenderTextureLMustNameADefinedTexture() {
        SceneException e = assertThrows(SceneException.class, () -> SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "LightSource \"point\" \"texture L\" \"nope\"\n" + QUAD + "WorldEnd\n"));
        assertTrue(e.getMessage().contains("scene.lxs:4") && e.getMessage().contains("\"nope\""), e.getMessage());
    }
}

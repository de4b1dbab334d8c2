package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luxnet.render.BehindNormalScene.LIGHT;
import static org.luxnet.render.BehindNormalScene.LIGHT_THROUGH;
import static org.luxnet.render.BehindNormalScene.NS;
import static org.luxnet.render.BehindNormalScene.WO;
import static org.luxnet.render.BehindNormalScene.add;
import static org.luxnet.render.BehindNormalScene.d;
import static org.luxnet.render.BehindNormalScene.dot;
import static org.luxnet.render.BehindNormalScene.frDielectric;
import static org.luxnet.render.BehindNormalScene.g;
import static org.luxnet.render.BehindNormalScene.normalize;
import static org.luxnet.render.BehindNormalScene.params;
import static org.luxnet.render.BehindNormalScene.wi;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Next-event estimation for pbrt-v3's materials with transmission lobes (translucent, uber, rough glass,
 * disney) where the geometric normal and the shading normal disagree on reflection versus transmission.
 * pbrt-v3's BSDF::f (core/reflection.cpp) picks the BxDFs by the geometric normal alone ({@code reflect =
 * Dot(wiW, ng) * Dot(woW, ng) > 0}) and evaluates them at the local directions as they are:
 * LambertianReflection::f and LambertianTransmission::f are R / pi and T / pi on either side,
 * MicrofacetReflection::f is D G F / (4 |cos i| |cos o|) with wi below the shading hemisphere,
 * MicrofacetTransmission::f is 0 on wo's side. EstimateDirect (core/integrator.cpp) multiplies by
 * |wi . ns|; a point light makes the MIS weight 1. The one pixel of {@link BehindNormalScene} is then
 * f |wi . ns| I / d^2, computed here from those formulas; before, the kernel gave 0 in both cases.
 */
class AcrossKindsTest {
    @TempDir
    Path dir;

    @Test
    void theLightsAreWhereTheTestsSay() {
        BehindNormalScene.assertLightBehindTheShadingNormal();
        double[] wi = wi(LIGHT_THROUGH);
        assertTrue(wi[2] > 0 && WO[2] < 0, "the light behind the quad's plane, the camera in front");
        assertTrue(dot(wi, NS) > 0.5 && dot(WO, NS) > 0.5, "but both in front of the shading normal");
    }

    /** Geometric reflection, shading transmission: LambertianReflection and MicrofacetReflection, scaled by reflect. */
    @Test
    void translucentReflectsALightBehindTheShadingNormal() throws IOException {
        CompiledRender cr = BehindNormalScene.compile(dir, false, TRANSLUCENT);
        float[] p = params(cr, MaterialLayout.TRANSLUCENT);
        double spec = microfacetReflection(p, wi(LIGHT));
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            double r = p[MaterialLayout.TRANSLUCENT_REFLECT + c];
            f[c] = r * p[MaterialLayout.KD + c] / Math.PI + r * p[MaterialLayout.KS + c] * spec;
        }
        check(cr, f, LIGHT);
    }

    /** Geometric transmission, shading reflection: LambertianTransmission T / pi; MicrofacetTransmission 0 there. */
    @Test
    void translucentTransmitsALightInFrontOfTheShadingNormal() throws IOException {
        CompiledRender cr = BehindNormalScene.compileLitFrom(dir, TRANSLUCENT, LIGHT_THROUGH);
        float[] p = params(cr, MaterialLayout.TRANSLUCENT);
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = p[MaterialLayout.TRANSLUCENT_TRANSMIT + c] * p[MaterialLayout.KD + c] / Math.PI;
        }
        check(cr, f, LIGHT_THROUGH);
    }

    /** uber.cpp: opacity times (Kd / pi + Ks MicrofacetReflection), FresnelDielectric(1, eta). */
    @Test
    void uberReflectsALightBehindTheShadingNormal() throws IOException {
        CompiledRender cr = BehindNormalScene.compile(dir, false, "Material \"uber\" \"rgb Kd\" [ 0.5 0.3 0.2 ]"
                + " \"rgb Ks\" [ 0.2 0.3 0.4 ] \"float uroughness\" [ 0.3 ] \"float vroughness\" [ 0.3 ]"
                + " \"rgb opacity\" [ 0.9 0.8 0.7 ] \"float eta\" [ 1.7 ] \"bool remaproughness\" \"false\"");
        float[] p = params(cr, MaterialLayout.UBER);
        double spec = microfacetReflection(p, wi(LIGHT));
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = p[MaterialLayout.UBER_OPACITY + c]
                    * (p[MaterialLayout.KD + c] / Math.PI + p[MaterialLayout.KS + c] * spec);
        }
        check(cr, f, LIGHT);
    }

    /** glass.cpp with roughness: Kr MicrofacetReflection (FresnelDielectric(1, eta)) alone for reflection. */
    @Test
    void roughGlassReflectsALightBehindTheShadingNormal() throws IOException {
        CompiledRender cr = BehindNormalScene.compile(dir, false, "Material \"glass\" \"rgb Kr\" [ 1 0.9 0.8 ]"
                + " \"rgb Kt\" [ 0.6 0.7 0.8 ] \"float uroughness\" [ 0.7 ] \"float vroughness\" [ 0.7 ]"
                + " \"float eta\" [ 3 ] \"bool remaproughness\" \"false\"");
        float[] p = params(cr, MaterialLayout.ROUGH_GLASS);
        double spec = microfacetReflection(p, wi(LIGHT));
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = p[MaterialLayout.KS + c] * spec;
        }
        check(cr, f, LIGHT);
    }

    /**
     * disney.cpp, thin: LambertianTransmission(dt c) with dt = difftrans / 2 is the one transmission BxDF
     * that is not 0 on wo's side (the microfacet transmission of spectrans is).
     */
    @Test
    void thinDisneyTransmitsALightInFrontOfTheShadingNormal() throws IOException {
        CompiledRender cr = BehindNormalScene.compileLitFrom(dir, "Material \"disney\" \"rgb color\" [ 0.6 0.5 0.4 ]"
                + " \"bool thin\" \"true\" \"float difftrans\" [ 0.8 ] \"float spectrans\" [ 0.3 ]"
                + " \"float roughness\" [ 0.4 ]", LIGHT_THROUGH);
        float[] p = params(cr, MaterialLayout.DISNEY);
        assertEquals(1, p[MaterialLayout.DS_THIN], 0, "thin");
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = p[MaterialLayout.DS_DIFFTRANS] / 2 * p[MaterialLayout.DS_COLOR + c] / Math.PI;
        }
        check(cr, f, LIGHT_THROUGH);
    }

    private static final String TRANSLUCENT = "Material \"translucent\" \"rgb Kd\" [ 0.5 0.4 0.3 ]"
            + " \"rgb Ks\" [ 0.3 0.2 0.1 ] \"rgb reflect\" [ 0.6 0.7 0.8 ] \"rgb transmit\" [ 0.4 0.5 0.6 ]"
            + " \"float roughness\" [ 0.3 ] \"bool remaproughness\" \"false\"";

    /**
     * MicrofacetReflection::f without R at wi (below the shading hemisphere): Trowbridge-Reitz D(wh) G(wo,
     * wi) FrDielectric(wi . wh faced forward to ns, 1, eta) / (4 |wi . ns| |wo . ns|), wh = normalize(wo + wi).
     */
    private static double microfacetReflection(float[] p, double[] wi) {
        double a = p[MaterialLayout.ALPHA_U];
        assertEquals(a, p[MaterialLayout.ALPHA_V], 0, "isotropic");
        double[] wh = normalize(add(wi, WO));
        double cosF = dot(wi, wh) * Math.signum(dot(wh, NS));
        return d(wh, a) * g(WO, wi, a) * frDielectric(cosF, 1, p[MaterialLayout.ETA])
                / (4 * Math.abs(dot(wi, NS)) * Math.abs(dot(WO, NS)));
    }

    /** The pixel is f |wi . ns| I / d^2, channel by channel, to 0.2%. */
    private static void check(CompiledRender cr, double[] f, double[] light) {
        double cos = Math.abs(dot(wi(light), NS));
        double[] fCos = new double[3];
        for (int c = 0; c < 3; c++) {
            fCos[c] = f[c] * cos;
        }
        BehindNormalScene.assertPixel(cr, fCos, light, 4, 2e-3);
    }
}

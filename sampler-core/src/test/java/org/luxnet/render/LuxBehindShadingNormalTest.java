package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luxnet.render.BehindNormalScene.NS;
import static org.luxnet.render.BehindNormalScene.WO;
import static org.luxnet.render.BehindNormalScene.dot;
import static org.luxnet.render.BehindNormalScene.frConductor;
import static org.luxnet.render.BehindNormalScene.normalize;
import static org.luxnet.render.BehindNormalScene.wi;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * A point light on the geometric front of a quad but behind its interpolated shading normal, as in
 * {@link BehindShadingNormalTest}, lighting LuxRender's own glossy. LuxRender decides reflection by
 * the geometric normal (SchlickBSDF::F, sideTest = Dot(wiW, ng) / Dot(woW, ng) > 0), and its path
 * integrator asks {@code bsdf->F(sw, wi, wo, true)}: the light's direction first, so with it below the
 * shading normal SchlickBSDF::F takes its "back face: no coating" branch and returns the Lambertian
 * base alone, Kd / pi |wi . ns| (Lambertian::F's cosine of its first direction; reverse, so no
 * |sideTest| factor). The one pixel is then Kd / pi |wi . ns| I / d^2, computed here from those
 * formulas; the coating (Ks) must not show. metal2's and shinymetal's microfacet lobe is evaluated at
 * the two directions as they are.
 */
class LuxBehindShadingNormalTest {
    @TempDir
    Path dir;

    private CompiledRender scene(String material) throws IOException {
        return BehindNormalScene.compile(dir, true, material);
    }

    @Test
    void theLightIsOnTheGeometricFrontAndBehindTheShadingNormal() {
        BehindNormalScene.assertLightBehindTheShadingNormal();
    }

    @Test
    void glossyReflectsItsBaseAlone() throws IOException {
        CompiledRender cr = scene("Material \"glossy\" \"color Kd\" [ 0.4 0.3 0.2 ] \"color Ks\" [ 0.3 0.2 0.1 ]"
                + " \"float uroughness\" [ 0.1 ] \"float vroughness\" [ 0.1 ]");
        int m = cr.scene().triMaterial[0];
        assertEquals(MaterialLayout.LUX_GLOSSY, cr.scene().matType[m], "material type");
        double[] kd = {0.4, 0.3, 0.2};
        double cos = Math.abs(dot(wi(), NS));
        double[] fCos = new double[3];
        for (int c = 0; c < 3; c++) {
            fCos[c] = kd[c] / Math.PI * cos;
        }
        BehindNormalScene.assertPixel(cr, fCos);
    }

    /**
     * metal2 is a SingleBSDF of a two-sided MicrofacetReflection (metal2.cpp, microfacet.cpp):
     * F(light, eye) = D(wh) G(light, eye) / (4 |eye . ns|) Fr(eye . wh), wh = normalize(light + eye)
     * turned to the shading normal's side, SchlickDistribution's D = Z(|wh . ns|) A / pi and G =
     * SchlickG(|light . ns|) SchlickG(|eye . ns|) of absolute cosines; the pixel is that F I / d^2
     * (F carries the light's cosine itself).
     */
    @Test
    void metal2ReflectsItsMicrofacetLobeAsItIs() throws IOException {
        CompiledRender cr = scene("Texture \"gold\" \"fresnel\" \"fresnelname\" \"string name\" [ \"gold\" ]\n"
                + "Material \"metal2\" \"texture fresnel\" \"gold\" \"float uroughness\" [ 0.3 ] \"float vroughness\" [ 0.3 ]");
        int m = cr.scene().triMaterial[0];
        assertEquals(MaterialLayout.METAL2, cr.scene().matType[m], "material type");
        float[] p = new float[MaterialLayout.STRIDE];
        System.arraycopy(cr.scene().matParams, m * MaterialLayout.STRIDE, p, 0, p.length);
        double[][] etaK = new double[3][];
        for (int c = 0; c < 3; c++) {
            etaK[c] = new double[] {p[MaterialLayout.M2_ETA + c], p[MaterialLayout.M2_K + c]};
        }
        checkMicrofacet(cr, 0.3, etaK);
    }

    /**
     * shinymetal is a MultiBSDF of the same two-sided MicrofacetReflection, with FresnelApproxEta(Ks) =
     * (1 + sqrt Ks) / (1 - sqrt Ks) and FresnelApproxK(Ks) = 2 sqrt(Ks / (1 - Ks)), and a
     * SpecularReflection whose F is 0.
     */
    @Test
    void shinymetalReflectsItsMicrofacetLobeAsItIs() throws IOException {
        CompiledRender cr = scene("Material \"shinymetal\" \"color Ks\" [ 0.9 0.8 0.6 ] \"color Kr\" [ 0.6 0.5 0.3 ]"
                + " \"float uroughness\" [ 0.4 ] \"float vroughness\" [ 0.4 ]");
        assertEquals(MaterialLayout.SHINYMETAL, cr.scene().matType[cr.scene().triMaterial[0]], "material type");
        double[] ks = {0.9, 0.8, 0.6};
        double[][] etaK = new double[3][];
        for (int c = 0; c < 3; c++) {
            double s = Math.sqrt(ks[c]);
            etaK[c] = new double[] {(1 + s) / (1 - s), 2 * Math.sqrt(ks[c] / (1 - ks[c]))};
        }
        checkMicrofacet(cr, 0.4, etaK);
    }

    /**
     * MicrofacetReflection::F(light, eye) = D(wh) G(light, eye) / (4 |eye . ns|) Fr(eye . wh), wh =
     * normalize(light + eye) turned to the shading normal's side, SchlickDistribution (roughness u v =
     * rough^2, isotropic) D = Z(|wh . ns|) / pi and G = SchlickG(|light . ns|) SchlickG(|eye . ns|);
     * the pixel is that F I / d^2 (F carries the light's cosine itself).
     */
    private static void checkMicrofacet(CompiledRender cr, double rough, double[][] etaK) {
        double r = rough * rough;
        double[] light = wi();
        double[] wh = normalize(new double[] {light[0] + WO[0], light[1] + WO[1], light[2] + WO[2]});
        if (dot(wh, NS) < 0) {
            wh = new double[] {-wh[0], -wh[1], -wh[2]};
        }
        double cl = Math.abs(dot(light, NS)), ce = Math.abs(dot(WO, NS)), ch = Math.abs(dot(wh, NS));
        double z = r / Math.pow(1 + (r - 1) * ch * ch, 2);
        double g = cl / (cl * (1 - r) + r) * ce / (ce * (1 - r) + r);
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            double fr = frConductor(Math.abs(dot(WO, wh)), etaK[c][0], etaK[c][1]);
            f[c] = z / Math.PI * g / (4 * ce) * fr;
        }
        BehindNormalScene.assertPixel(cr, f);
    }
}

package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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

    private static final double[] HIT = {0, 0, 2};
    private static final double[] LIGHT = {2, 0, 1.5};
    private static final double[] NS = normalize(new double[] {-1.2, 0, -1});
    private static final double[] WO = {0, 0, -1};

    private CompiledRender scene(String material) throws IOException {
        Path f = Files.createTempFile(dir, "behind", ".lxs");
        Files.writeString(f, """
                Camera "orthographic" "float screenwindow" [ -0.0001 0.0001 -0.0001 0.0001 ]
                Film "fleximage" "integer xresolution" [ 1 ] "integer yresolution" [ 1 ]
                Sampler "random" "integer pixelsamples" [ 4 ]
                SurfaceIntegrator "path" "integer maxdepth" [ 1 ]
                WorldBegin
                LightSource "point" "point from" [ 2 0 1.5 ] "color L" [ 0.8 1 1.2 ]
                %s
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 2 1 -1 2 1 1 2 -1 1 2 ]
                  "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ]
                WorldEnd
                """.formatted(material));
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(java.util.List.of(), cr.warnings(), "warnings");
        return cr;
    }

    @Test
    void theLightIsOnTheGeometricFrontAndBehindTheShadingNormal() {
        double[] wi = wi();
        assertTrue(wi[2] < 0 && WO[2] < 0, "wi and wo on the same side of the quad (z = 2)");
        assertTrue(dot(wi, NS) < -0.5 && dot(WO, NS) > 0.5, "but on opposite sides of the shading normal");
    }

    @Test
    void glossyReflectsItsBaseAlone() throws IOException {
        CompiledRender cr = scene("Material \"glossy\" \"color Kd\" [ 0.4 0.3 0.2 ] \"color Ks\" [ 0.3 0.2 0.1 ]"
                + " \"float uroughness\" [ 0.1 ] \"float vroughness\" [ 0.1 ]");
        int m = cr.scene().triMaterial[0];
        assertEquals(MaterialLayout.LUX_GLOSSY, cr.scene().matType[m], "material type");
        double[] kd = {0.4, 0.3, 0.2};
        float[] px = RenderSupport.render(cr, 4, 2, 3).toRgb();
        double[] toLight = sub(LIGHT, HIT);
        double d2 = dot(toLight, toLight);
        double cos = Math.abs(dot(wi(), NS));
        for (int c = 0; c < 3; c++) {
            double expected = kd[c] / Math.PI * cos * cr.scene().lightParams[c] / d2;
            assertTrue(expected > 1e-3, "a visible contribution: " + expected);
            assertEquals(expected, px[c], 2e-3 * expected, "channel " + c);
        }
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
        double[] toLight = sub(LIGHT, HIT);
        double d2 = dot(toLight, toLight);
        float[] px = RenderSupport.render(cr, 4, 2, 3).toRgb();
        for (int c = 0; c < 3; c++) {
            double fr = frConductor(Math.abs(dot(WO, wh)), etaK[c][0], etaK[c][1]);
            double f = z / Math.PI * g / (4 * ce) * fr;
            double expected = f * cr.scene().lightParams[c] / d2;
            assertTrue(expected > 1e-3, "a visible contribution: " + expected);
            assertEquals(expected, px[c], 2e-3 * expected, "channel " + c);
        }
    }

    private static double frConductor(double c, double eta, double k) {
        double c2 = c * c, s2 = 1 - c2, eta2 = eta * eta, k2 = k * k;
        double t0 = eta2 - k2 - s2, a2b2 = Math.sqrt(t0 * t0 + 4 * eta2 * k2), t1 = a2b2 + c2;
        double aa = Math.sqrt(0.5 * (a2b2 + t0)), t2 = 2 * c * aa;
        double rs = (t1 - t2) / (t1 + t2);
        double t3 = c2 * a2b2 + s2 * s2, t4 = t2 * s2;
        return 0.5 * (rs * (t3 - t4) / (t3 + t4) + rs);
    }

    private static double[] wi() {
        return normalize(sub(LIGHT, HIT));
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] normalize(double[] a) {
        double l = Math.sqrt(dot(a, a));
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }
}

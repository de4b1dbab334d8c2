package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luxnet.render.BehindNormalScene.NS;
import static org.luxnet.render.BehindNormalScene.WO;
import static org.luxnet.render.BehindNormalScene.dot;
import static org.luxnet.render.BehindNormalScene.frConductor;
import static org.luxnet.render.BehindNormalScene.normalize;
import static org.luxnet.render.BehindNormalScene.params;
import static org.luxnet.render.BehindNormalScene.sub;
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
 * the two directions as they are, and so is every other LuxRender material's BRDF (each BxDF::F(light,
 * eye) on the local directions; the BTDFs are dropped by the side test): carpaint, glossy_lossy, velvet,
 * glossytranslucent, roughglass, scatter, matte (Lambertian and Oren-Nayar), mattetranslucent, and a mix
 * of two of them. Here wh = normalize(light + eye) has wh . ns = 0.03 > 0, so one-sided lobes (carpaint's)
 * count; with the steeper normals of the last two tests it is below ns, where they vanish and roughglass's
 * two-sided lobe turns wh and takes the exiting Fresnel.
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

    /** |light . ns|, the cosine LuxRender's BxDF::F carries. */
    private static double cosLight() {
        return Math.abs(dot(wi(), NS));
    }

    /** |eye . ns|. */
    private static double cosEye() {
        return Math.abs(dot(WO, NS));
    }

    /** normalize(light + eye), not turned. */
    private static double[] halfVector() {
        double[] l = wi();
        return normalize(new double[] {l[0] + WO[0], l[1] + WO[1], l[2] + WO[2]});
    }

    /** SchlickDistribution's Z (schlickdistribution.h). */
    private static double schlickZ(double r, double c) {
        double d = 1 + (r - 1) * c * c;
        return r / (d * d);
    }

    /** SchlickDistribution's G of one direction. */
    private static double schlickG(double r, double c) {
        return c / (c * (1 - r) + r);
    }

    /** exp(-Ka d (1/cos_l + 1/cos_e)) (SchlickBRDF::F, FresnelBlend::F), 1 for d = 0. */
    private static double absorption(double ka, double d) {
        return d > 0 ? Math.exp(-ka * d * (1 / cosLight() + 1 / cosEye())) : 1;
    }

    /**
     * carpaint (carpaint.cpp): MultiBSDF of one-sided MicrofacetReflection(Ks_k, FresnelSlick(R_k),
     * SchlickDistribution(M_k^2, 0)) per lobe with Ks_k and M_k > 0 and SchlickBRDF(Kd, 0, Ka, d): F(light,
     * eye) = sum_k [wh . ns >= 0] Z(wh . ns) / pi G / (4 |eye . ns|) Ks_k (R_k + (1 - R_k)(1 - eye . wh)^5)
     * + Kd / pi exp(-Ka d (1/cos_l + 1/cos_e)) |light . ns|.
     */
    private static double[] carPaint(double[] kd, double[] ka, double d, double[][] ks, double[] r, double[] m) {
        double[] wh = halfVector();
        assertTrue(dot(wh, NS) > 0, "the one-sided lobes see wh");
        double cl = cosLight(), ce = cosEye(), ch = dot(wh, NS), ceh = dot(WO, wh);
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = Math.min(1, kd[c]) / Math.PI * absorption(Math.min(1, ka[c]), d) * cl;
            for (int k = 0; k < 3; k++) {
                if (ks[k][0] + ks[k][1] + ks[k][2] > 0 && m[k] > 0) {
                    double rough = m[k] * m[k];
                    double lobe = schlickZ(rough, ch) / Math.PI * schlickG(rough, cl) * schlickG(rough, ce) / (4 * ce);
                    double r0 = Math.max(0, Math.min(1, r[k]));
                    f[c] += lobe * Math.min(1, ks[k][c]) * (r0 + (1 - r0) * Math.pow(1 - ceh, 5));
                }
            }
        }
        return f;
    }

    @Test
    void carpaintReflectsItsLobesAndBase() throws IOException {
        CompiledRender cr = scene("Material \"carpaint\" \"color Kd\" [ 0.2 0.3 0.1 ] \"color Ka\" [ 0.3 0.2 0.1 ]"
                + " \"float d\" [ 0.2 ] \"color Ks1\" [ 0.6 0.5 0.4 ] \"float R1\" [ 0.9 ] \"float M1\" [ 0.8 ]"
                + " \"color Ks2\" [ 0.3 0.3 0.3 ] \"float R2\" [ 0.5 ] \"float M2\" [ 0.5 ]"
                + " \"color Ks3\" [ 0 0 0 ] \"float R3\" [ 0.2 ] \"float M3\" [ 0.3 ]");
        params(cr, MaterialLayout.CARPAINT);
        double[] f = carPaint(new double[] {0.2, 0.3, 0.1}, new double[] {0.3, 0.2, 0.1}, 0.2,
                new double[][] {{0.6, 0.5, 0.4}, {0.3, 0.3, 0.3}, {0, 0, 0}}, new double[] {0.9, 0.5, 0.2},
                new double[] {0.8, 0.5, 0.3});
        BehindNormalScene.assertPixel(cr, f);
    }

    @Test
    void carpaintPresetReflectsItsLobesAndBase() throws IOException {
        CompiledRender cr = scene("Material \"carpaint\" \"string name\" [ \"white\" ]");
        float[] p = params(cr, MaterialLayout.CARPAINT);
        double[][] ks = new double[3][3];
        double[] kd = new double[3], r = new double[3], m = new double[3];
        int[] ksAt = {MaterialLayout.CP_KS1, MaterialLayout.CP_KS2, MaterialLayout.CP_KS3};
        for (int c = 0; c < 3; c++) {
            kd[c] = p[MaterialLayout.CP_KD + c];
            r[c] = p[MaterialLayout.CP_R1 + c];
            m[c] = p[MaterialLayout.CP_M1 + c];
            for (int k = 0; k < 3; k++) {
                ks[k][c] = p[ksAt[k] + c];
            }
        }
        assertTrue(kd[0] > 0 && m[0] > 0 && ks[0][0] > 0, "the preset's values");
        BehindNormalScene.assertPixel(cr, carPaint(kd, new double[3], 0, ks, r, m));
    }

    /**
     * glossy_lossy (glossy.cpp: FresnelBlend(Kd, Ks, Ka, d, SchlickDistribution(u v, 0))), FresnelBlend::F(light,
     * eye) = 28/(23 pi) (1 - (1 - cos_e/2)^5)(1 - (1 - cos_l/2)^5) cos_l a Kd (1 - Ks) + D(wh) cos_l / (4 |eye .
     * wh| max(cos_e, cos_l)) S(|eye . wh|), wh turned up, S(c) = Ks + (1 - Ks)(1 - c)^5.
     */
    @Test
    void glossyLossyReflectsItsFresnelBlend() throws IOException {
        CompiledRender cr = scene("Material \"glossy_lossy\" \"color Kd\" [ 0.5 0.4 0.3 ] \"color Ks\" [ 0.2 0.1 0.3 ]"
                + " \"color Ka\" [ 0.3 0.2 0.1 ] \"float d\" [ 0.1 ] \"float uroughness\" [ 0.4 ] \"float vroughness\" [ 0.4 ]");
        params(cr, MaterialLayout.GLOSSY_LOSSY);
        double[] kd = {0.5, 0.4, 0.3}, ks = {0.2, 0.1, 0.3}, ka = {0.3, 0.2, 0.1};
        double rough = 0.4 * 0.4, cl = cosLight(), ce = cosEye();
        double[] wh = halfVector();
        double ch = Math.abs(dot(wh, NS)), ceh = Math.abs(dot(WO, wh));
        double diff = 28 / (23 * Math.PI) * (1 - Math.pow(1 - ce / 2, 5)) * (1 - Math.pow(1 - cl / 2, 5)) * cl;
        double spec = schlickZ(rough, ch) / Math.PI * cl / (4 * ceh * Math.max(ce, cl));
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = diff * absorption(ka[c], 0.1) * kd[c] * (1 - ks[c]) + spec * (ks[c] + (1 - ks[c]) * Math.pow(1 - ceh, 5));
        }
        BehindNormalScene.assertPixel(cr, f);
    }

    /**
     * velvet (velvet.cpp: SingleBSDF of Asperity, a BRDF): Asperity::F(light, eye) = Kd clamp(p(-light . eye)
     * thickness / |eye . ns|, 0, 1), p(c) = (1 + p1 c + p2 (3c^2 - 1)/2 + p3 (5c^3 - 3c)/2) / 4pi; no cosine of
     * the light.
     */
    @Test
    void velvetReflectsItsAsperityLobe() throws IOException {
        CompiledRender cr = scene("Material \"velvet\" \"color Kd\" [ 0.5 0.4 0.3 ] \"float p1\" [ -2 ] \"float p2\" [ 0.5 ]"
                + " \"float p3\" [ 2 ] \"float thickness\" [ 0.5 ]");
        params(cr, MaterialLayout.VELVET);
        double c = -dot(wi(), WO);
        double p = (1 - 2 * c + 0.5 * (3 * c * c - 1) / 2 + 2 * (5 * c * c * c - 3 * c) / 2) / (4 * Math.PI);
        double k = Math.max(0, Math.min(1, p * 0.5 / cosEye()));
        assertTrue(k > 0 && k < 1, "the clamp is not reached: " + k);
        BehindNormalScene.assertPixel(cr, new double[] {0.5 * k, 0.4 * k, 0.3 * k});
    }

    /**
     * glossytranslucent (glossytranslucent.cpp, onesided): MultiBSDF of SchlickDoubleSidedBRDF and
     * SchlickTranslucentBTDF; the side test keeps the BRDF, whose F(light, eye) with the two on opposite sides
     * of ns is its diffuse part alone (the specular part needs both on one side), on either branch of H.z:
     * Kd (1 - S(|eye . H|)) exp(-Ka d (1/cos_l + 1/cos_e)) cos_l / pi, H = normalize(light + eye), S(c) = Ks +
     * (1 - Ks)(1 - c)^5; Kt must not show.
     */
    @Test
    void glossytranslucentReflectsItsDiffuseBrdf() throws IOException {
        CompiledRender cr = scene("Material \"glossytranslucent\" \"color Kd\" [ 0.5 0.4 0.3 ] \"color Kt\" [ 0.9 0.9 0.9 ]"
                + " \"color Ks\" [ 0.3 0.2 0.1 ] \"color Ka\" [ 0.2 0.3 0.1 ] \"float d\" [ 0.1 ]"
                + " \"float uroughness\" [ 0.2 ] \"float vroughness\" [ 0.2 ]");
        params(cr, MaterialLayout.GLOSSY_TRANSLUCENT);
        double[] kd = {0.5, 0.4, 0.3}, ks = {0.3, 0.2, 0.1}, ka = {0.2, 0.3, 0.1};
        double u = Math.abs(dot(WO, halfVector()));
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            double s = ks[c] + (1 - ks[c]) * Math.pow(1 - u, 5);
            f[c] = kd[c] * (1 - s) * absorption(ka[c], 0.1) * cosLight() / Math.PI;
        }
        BehindNormalScene.assertPixel(cr, f);
    }

    /**
     * roughglass (roughglass.cpp): MultiBSDF of a two-sided MicrofacetReflection(Kr, FresnelCauchy(index, 0),
     * SchlickDistribution(u v, 0)) and a MicrofacetTransmission the side test drops: F(light, eye) = Z(wh . ns) /
     * pi G(cos_l) G(cos_e) / (4 cos_e) Kr Fr(eye . wh), wh turned up, Fr the dielectric Fresnel entering
     * index (FresnelCauchy::Evaluate, FrDiel2).
     */
    @Test
    void roughglassReflectsItsMicrofacetReflection() throws IOException {
        CompiledRender cr = scene("Material \"roughglass\" \"color Kr\" [ 0.9 0.8 0.7 ] \"color Kt\" [ 1 1 1 ]"
                + " \"float index\" [ 3.5 ] \"float uroughness\" [ 1 ] \"float vroughness\" [ 1 ]");
        params(cr, MaterialLayout.ROUGHGLASS);
        double[] wh = halfVector();
        if (dot(wh, NS) < 0) {
            wh = new double[] {-wh[0], -wh[1], -wh[2]};
        }
        double rough = 1, cl = cosLight(), ce = cosEye();
        double fr = frDielectric(dot(WO, wh), 3.5);
        double lobe = schlickZ(rough, dot(wh, NS)) / Math.PI * schlickG(rough, cl) * schlickG(rough, ce) / (4 * ce) * fr;
        BehindNormalScene.assertPixel(cr, new double[] {0.9 * lobe, 0.8 * lobe, 0.7 * lobe});
    }

    /** Unpolarized dielectric Fresnel reflectance at cosine c > 0 entering index eta from 1 (FrDiel2). */
    private static double frDielectric(double c, double eta) {
        double sint = Math.sqrt(Math.max(0, 1 - c * c)) / eta, cost = Math.sqrt(1 - sint * sint);
        double parl = (eta * c - cost) / (eta * c + cost), perp = (c - eta * cost) / (c + eta * cost);
        return (parl * parl + perp * perp) / 2;
    }

    /**
     * scatter (scattermaterial.cpp: SchlickScatter, a BSDF with no side test at all): F(light, eye) = Kd (1 - k^2)
     * / (4 pi (1 + k light . eye)^2), k = g (1.55 - 0.55 g^2).
     */
    @Test
    void scatterScattersItAsEverywhere() throws IOException {
        CompiledRender cr = scene("Material \"scatter\" \"color Kd\" [ 0.8 0.6 0.4 ] \"color g\" [ 0.3 -0.2 0.1 ]");
        params(cr, MaterialLayout.SCATTER);
        double[] kd = {0.8, 0.6, 0.4}, g = {0.3, -0.2, 0.1};
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            double k = g[c] * (1.55 - 0.55 * g[c] * g[c]), den = 1 + k * dot(wi(), WO);
            f[c] = kd[c] * (1 - k * k) / (4 * Math.PI * den * den);
        }
        BehindNormalScene.assertPixel(cr, f);
    }

    /**
     * matte with sigma (matte.cpp: SingleBSDF of OrenNayar(Kd, sigma)): OrenNayar::F(light, eye) = Kd / pi
     * |cos_l| (A + B max(0, cos(phi_l - phi_e)) sin_l sin_e / max(|cos_l|, |cos_e|)), A = 1 - s^2 / (2 (s^2 +
     * 0.33)), B = 0.45 s^2 / (s^2 + 0.09), s = sigma in radians: even in each cos(theta).
     */
    @Test
    void matteOrenNayarReflectsIt() throws IOException {
        CompiledRender cr = scene("Material \"matte\" \"color Kd\" [ 0.6 0.5 0.4 ] \"float sigma\" [ 20 ]");
        params(cr, MaterialLayout.MATTE);
        double s2 = Math.pow(Math.toRadians(20), 2);
        double a = 1 - s2 / (2 * (s2 + 0.33)), b = 0.45 * s2 / (s2 + 0.09);
        double cl = cosLight(), ce = cosEye();
        double[] lt = tangential(wi()), et = tangential(WO);
        double sl = Math.sqrt(dot(lt, lt)), se = Math.sqrt(dot(et, et));
        double maxCos = Math.max(0, dot(lt, et) / (sl * se));
        double k = cl / Math.PI * (a + b * maxCos * sl * se / Math.max(cl, ce));
        BehindNormalScene.assertPixel(cr, new double[] {0.6 * k, 0.5 * k, 0.4 * k});
    }

    /** w's part in the shading normal's tangent plane. */
    private static double[] tangential(double[] w) {
        double d = dot(w, NS);
        return sub(w, new double[] {NS[0] * d, NS[1] * d, NS[2] * d});
    }

    /** matte without sigma: Lambertian::F(light, eye) = Kd / pi |cos_l|. */
    @Test
    void matteLambertianReflectsIt() throws IOException {
        CompiledRender cr = scene("Material \"matte\" \"color Kd\" [ 0.6 0.5 0.4 ]");
        params(cr, MaterialLayout.MATTE);
        double k = cosLight() / Math.PI;
        BehindNormalScene.assertPixel(cr, new double[] {0.6 * k, 0.5 * k, 0.4 * k});
    }

    /**
     * mattetranslucent (mattetranslucent.cpp: MultiBSDF of Lambertian(Kr) and BRDFToBTDF(Lambertian(Kt))): the
     * side test keeps the BRDF, Kr / pi |cos_l|; Kt must not show.
     */
    @Test
    void mattetranslucentReflectsItsLambertianBrdf() throws IOException {
        CompiledRender cr = scene("Material \"mattetranslucent\" \"color Kr\" [ 0.5 0.4 0.3 ] \"color Kt\" [ 0.4 0.4 0.4 ]");
        params(cr, MaterialLayout.MATTE_TRANSLUCENT);
        double k = cosLight() / Math.PI;
        BehindNormalScene.assertPixel(cr, new double[] {0.5 * k, 0.4 * k, 0.3 * k});
    }

    /**
     * mix (mixmaterial.cpp: MixBSDF, each component's F weighted, "amount" weighting namedmaterial2): 0.7 of
     * mattetranslucent's BRDF and 0.3 of velvet's; chosen per sample, hence 16384 samples and 1%.
     */
    @Test
    void mixFollowsItsComponents() throws IOException {
        CompiledRender cr = scene("MakeNamedMaterial \"a\" \"string type\" [ \"mattetranslucent\" ] \"color Kr\" [ 0.5 0.4 0.3 ]\n"
                + "MakeNamedMaterial \"b\" \"string type\" [ \"velvet\" ] \"color Kd\" [ 0.9 0.9 0.9 ] \"float p1\" [ -2 ]"
                + " \"float p2\" [ 0.5 ] \"float p3\" [ 2 ] \"float thickness\" [ 1 ]\n"
                + "Material \"mix\" \"string namedmaterial1\" [ \"a\" ] \"string namedmaterial2\" [ \"b\" ] \"float amount\" [ 0.3 ]");
        params(cr, MaterialLayout.MIX);
        double c = -dot(wi(), WO);
        double p = (1 - 2 * c + 0.5 * (3 * c * c - 1) / 2 + 2 * (5 * c * c * c - 3 * c) / 2) / (4 * Math.PI);
        double velvet = Math.min(1, p / cosEye()), matte = cosLight() / Math.PI;
        double[] kr = {0.5, 0.4, 0.3};
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            f[i] = 0.7 * kr[i] * matte + 0.3 * 0.9 * velvet;
            assertTrue(Math.abs(f[i] - kr[i] * matte) > 0.05 * f[i] && Math.abs(f[i] - 0.9 * velvet) > 0.05 * f[i],
                    "the mix differs from either component");
        }
        BehindNormalScene.assertPixel(cr, f, 16384, 1e-2);
    }

    /** Vertex normals steeper than NS's: there normalize(light + eye) is below the shading normal. */
    private static final double[] STEEP = {-3, 0, -1};

    /**
     * carpaint with wh = normalize(light + eye) below the shading normal: its one-sided MicrofacetReflection
     * lobes return nothing (microfacet.cpp: wh.z &lt; 0 and oneSided), the SchlickBRDF base alone remains, Kd /
     * pi exp(-Ka d (1/cos_l + 1/cos_e)) |light . ns|.
     */
    @Test
    void carpaintLobesAreOneSided() throws IOException {
        CompiledRender cr = BehindNormalScene.compile(dir, true, "Material \"carpaint\" \"color Kd\" [ 0.2 0.3 0.1 ]"
                + " \"color Ka\" [ 0.3 0.2 0.1 ] \"float d\" [ 0.2 ] \"color Ks1\" [ 0.6 0.5 0.4 ] \"float R1\" [ 0.9 ]"
                + " \"float M1\" [ 0.8 ]", STEEP);
        params(cr, MaterialLayout.CARPAINT);
        double[] ns = normalize(STEEP);
        double cl = Math.abs(dot(wi(), ns)), ce = Math.abs(dot(WO, ns));
        assertTrue(dot(wi(), ns) < 0 && dot(WO, ns) > 0 && dot(halfVector(), ns) < 0, "wh below the shading normal");
        double[] kd = {0.2, 0.3, 0.1}, ka = {0.3, 0.2, 0.1};
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = kd[c] / Math.PI * Math.exp(-ka[c] * 0.2 * (1 / cl + 1 / ce)) * cl;
        }
        BehindNormalScene.assertPixel(cr, f);
    }

    /**
     * roughglass with wh = normalize(light + eye) below the shading normal: the two-sided MicrofacetReflection
     * turns wh up, so eye . wh &lt; 0 and FresnelCauchy::Evaluate takes the exiting branch (from inside, index
     * 1.5: Snell's sin_t = 1.5 sin_i, total internal reflection 1 past the critical angle).
     */
    @Test
    void roughglassReflectsWithTheExitingFresnelWhereWhIsTurned() throws IOException {
        CompiledRender cr = BehindNormalScene.compile(dir, true, "Material \"roughglass\" \"color Kr\" [ 0.9 0.8 0.7 ]"
                + " \"float index\" [ 1.5 ] \"float uroughness\" [ 0.5 ] \"float vroughness\" [ 0.5 ]", STEEP);
        params(cr, MaterialLayout.ROUGHGLASS);
        double[] ns = normalize(STEEP);
        double[] h = halfVector();
        double[] wh = {-h[0], -h[1], -h[2]};
        assertTrue(dot(wh, ns) > 0, "wh turned up");
        double cl = Math.abs(dot(wi(), ns)), ce = Math.abs(dot(WO, ns)), cosH = dot(WO, wh);
        assertTrue(cosH < 0, "the eye on wh's far side");
        double c = -cosH, sint = 1.5 * Math.sqrt(1 - c * c), fr = 1;
        if (sint < 1) {
            double cost = Math.sqrt(1 - sint * sint), eta = 1 / 1.5;
            double parl = (eta * c - cost) / (eta * c + cost), perp = (c - eta * cost) / (c + eta * cost);
            fr = (parl * parl + perp * perp) / 2;
        }
        double rough = 0.25;
        double lobe = schlickZ(rough, dot(wh, ns)) / Math.PI * schlickG(rough, cl) * schlickG(rough, ce) / (4 * ce) * fr;
        BehindNormalScene.assertPixel(cr, new double[] {0.9 * lobe, 0.8 * lobe, 0.7 * lobe});
    }
}

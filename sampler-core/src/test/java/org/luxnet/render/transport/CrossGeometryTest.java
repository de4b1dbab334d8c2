package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * {@link BsdfKernel#crossGeometry}: pbrt-v3's BSDF::Sample_f for a sample that the geometric normal
 * sees as the other kind than the shading frame (core/reflection.cpp). One component keeps the sample;
 * several get f of the BxDFs of the geometric side's kind, computed here from pbrt-v3's formulas
 * (LambertianReflection and LambertianTransmission: R / pi and T / pi in either hemisphere,
 * MicrofacetReflection: D G F / (4 |cos i| |cos o|) with wh = normalize(wi + wo), MicrofacetTransmission:
 * 0 on wo's side), with the sample's pdf kept: the weight becomes f |cos i| / pdf.
 */
class CrossGeometryTest {
    static final String[] MATERIALS = {
        "\"translucent\" \"rgb Kd\" [0.6 0.5 0.4] \"rgb Ks\" [0.3 0.2 0.3] \"rgb reflect\" [0.5 0.7 0.5]"
            + " \"rgb transmit\" [0.4 0.4 0.3] \"float roughness\" [0.3] \"bool remaproughness\" \"false\"",
        "\"glass\" \"float index\" [1.5] \"float roughness\" [0.25] \"bool remaproughness\" \"false\"",
        "\"plastic\" \"rgb Kd\" [0.3 0.3 0.6] \"rgb Ks\" [0.5 0.5 0.5] \"float roughness\" [0.2]",
        "\"matte\" \"rgb Kd\" [0.5 0.5 0.5]",
        "\"uber\" \"rgb Kd\" [0.3 0.2 0.1] \"rgb Ks\" [0.2 0.2 0.2] \"rgb Kr\" [0.1 0.1 0.1] \"rgb Kt\" [0.2 0.3 0.2]",
        "\"carpaint\"",
        "\"glass\" \"float index\" [1.5] \"float roughness\" [0.9] \"bool remaproughness\" \"false\"",
        "\"disney\"",
        "\"disney\" \"float metallic\" [1]",
        "\"disney\" \"rgb color\" [0.6 0.5 0.4] \"bool thin\" \"true\" \"float difftrans\" [0.8]"
            + " \"float spectrans\" [0.3]",
    };
    static final int TRANSLUCENT = 0, ROUGH_GLASS = 1, PLASTIC = 2, MATTE = 3, UBER = 4, CARPAINT = 5, VERY_ROUGH = 6;
    static final int DISNEY = 7, DISNEY_METAL = 8, DISNEY_THIN = 9;
    static CompiledScene scene;
    static PathTraceKernel k;

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        StringBuilder pb = new StringBuilder("Camera \"perspective\"\nFilm \"image\" \"integer xresolution\" [8] "
                + "\"integer yresolution\" [8]\nWorldBegin\nLightSource \"point\"\n");
        for (int i = 0; i < MATERIALS.length; i++) {
            pb.append("AttributeBegin\nTranslate ").append(3 * i).append(" 0 10\nMaterial ").append(MATERIALS[i])
                    .append("\nShape \"sphere\"\nAttributeEnd\n");
        }
        pb.append("WorldEnd\n");
        Path pf = tmp.resolve("crossing.pbrt");
        Files.writeString(pf, pb.toString());
        CompiledRender pr = RenderSupport.compile(pf);
        assertTrue(pr.warnings().isEmpty(), "warnings: " + pr.warnings());
        scene = pr.scene();
        k = RenderSupport.transport(pr);
        assertEquals(MaterialLayout.TRANSLUCENT, scene.matType[TRANSLUCENT]);
        assertEquals(MaterialLayout.ROUGH_GLASS, scene.matType[ROUGH_GLASS]);
        assertEquals(MaterialLayout.PLASTIC, scene.matType[PLASTIC]);
        assertEquals(MaterialLayout.MATTE, scene.matType[MATTE]);
        assertEquals(MaterialLayout.UBER, scene.matType[UBER]);
        assertEquals(MaterialLayout.CARPAINT, scene.matType[CARPAINT]);
        assertEquals(MaterialLayout.ROUGH_GLASS, scene.matType[VERY_ROUGH]);
        assertEquals(MaterialLayout.DISNEY, scene.matType[DISNEY]);
        assertEquals(MaterialLayout.DISNEY, scene.matType[DISNEY_METAL]);
    }

    /**
     * disney.cpp adds DisneyDiffuse, DisneyRetro and the specular MicrofacetReflection to the default
     * material (several components, reflection only: f 0, the path ends); a metallic 1 disney has the
     * specular reflection alone (one component: the sample is kept).
     */
    @Test
    void disneyCountsTheBxdfsItsParametersAdd() {
        float[] wi = unit(-0.4f, 0.1f, 0.6f);
        assertFalse(cross(DISNEY, 0, wi, false), "default disney: diffuse, retro and specular reflection");
        assertTrue(cross(DISNEY_METAL, 0, wi, false), "metallic disney: the specular reflection alone");
        for (int c = 0; c < 3; c++) {
            assertEquals(SAMPLE[c], k.scratch[Scratch.BS_R + c], 0f, "the sampled weight");
        }
    }

    /**
     * A thin disney has its diffuse reflection lobes, the specular reflection, spectrans's
     * MicrofacetTransmission and LambertianTransmission(dt c), dt = difftrans / 2: a reflection sample
     * the geometry sees as transmission gets dt c / pi (the microfacet transmission is 0 on wo's side);
     * a transmission sample it sees as reflection gets the reflection lobes at wi (evalDisney across).
     */
    @Test
    void thinDisneyCrossesWithItsOtherKindsBxdfs() {
        float[] wi = unit(-0.4f, 0.1f, 0.6f);
        assertTrue(cross(DISNEY_THIN, 0, wi, false), "thin disney: LambertianTransmission");
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = p(DISNEY_THIN, MaterialLayout.DS_DIFFTRANS) / 2 * p(DISNEY_THIN, MaterialLayout.DS_COLOR + c) / Math.PI;
        }
        assertWeight(f, wi, "thin disney, geometric transmission");
        float[] below = unit(-0.3f, 0.2f, -0.1f);
        k.shadeMaterial(0, 0, DISNEY_THIN, 0, 0, 0);
        k.evalDisney(0, k.shadeAt[0], WO[0], WO[1], WO[2], below[0], below[1], below[2], true);
        for (int c = 0; c < 3; c++) {
            f[c] = k.scratch[Scratch.BS_R + c];
        }
        assertTrue(f[0] > 0.01, "the reflection lobes at wi: " + f[0]);
        assertTrue(cross(DISNEY_THIN, 0, below, true), "thin disney: its reflection lobes");
        assertWeight(f, below, "thin disney, geometric reflection");
    }

    private static final float[] WO = unit(0.3f, -0.2f, 0.8f);
    private static final float PDF = 0.37f;
    private static final float[] SAMPLE = {0.9f, 0.8f, 0.7f};

    /** crossGeometry for material m with the BS_ slots holding SAMPLE's weight and PDF; the slots after. */
    private static boolean cross(int m, int mixed, float[] wi, boolean geoReflect) {
        k.shadeMaterial(0, 0, m, 0, 0, 0);
        k.writeColour(0, SAMPLE[0], SAMPLE[1], SAMPLE[2], PDF);
        return k.crossGeometry(0, m, mixed, WO[0], WO[1], WO[2], wi[0], wi[1], wi[2], geoReflect);
    }

    private static float p(int m, int slot) {
        return scene.matParams[m * MaterialLayout.STRIDE + slot];
    }

    private static void assertWeight(double[] f, float[] wi, String label) {
        for (int c = 0; c < 3; c++) {
            double expected = f[c] * Math.abs(wi[2]) / PDF;
            assertEquals(expected, k.scratch[Scratch.BS_R + c], 1e-4 * Math.max(expected, 1e-3), label + " channel " + c);
        }
        assertEquals(PDF, k.scratch[Scratch.BS_PDF], 0f, label + ": the sample's pdf");
    }

    @Test
    void oneComponentKeepsTheSampleAsItIs() {
        float[] wi = unit(-0.4f, 0.1f, 0.6f);
        assertTrue(cross(MATTE, 0, wi, false), "matte: one Lambertian");
        for (int c = 0; c < 3; c++) {
            assertEquals(SAMPLE[c], k.scratch[Scratch.BS_R + c], 0f, "the sampled weight");
        }
        assertEquals(PDF, k.scratch[Scratch.BS_PDF], 0f);
    }

    @Test
    void reflectionOnlyMaterialsWithSeveralComponentsEndThePath() {
        float[] wi = unit(-0.4f, 0.1f, 0.6f);
        assertFalse(cross(PLASTIC, 0, wi, false), "plastic: Lambertian and microfacet reflection, no transmission");
        assertFalse(cross(MATTE, 1, wi, false), "a matte in a mix: the mix adds the other material's BxDFs");
        assertFalse(cross(UBER, 0, wi, false), "uber's transmission BxDFs are specular: f 0");
        assertFalse(cross(CARPAINT, 0, wi, false), "a LuxRender material keeps LuxRender's rule");
    }

    /** A diffuse or glossy reflection sample the geometry sees as transmission: LambertianTransmission's T / pi. */
    @Test
    void translucentTransmitsWhatTheShadingFrameReflects() {
        float[] wi = unit(-0.4f, 0.1f, 0.6f);
        assertTrue(cross(TRANSLUCENT, 0, wi, false));
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = p(TRANSLUCENT, MaterialLayout.TRANSLUCENT_TRANSMIT + c) * p(TRANSLUCENT, MaterialLayout.KD + c) / Math.PI;
        }
        assertWeight(f, wi, "translucent, geometric transmission");
        assertFalse(cross(ROUGH_GLASS, 0, wi, false), "rough glass: MicrofacetTransmission is 0 on wo's side");
    }

    /** A transmission sample the geometry sees as reflection: Lambertian R / pi plus MicrofacetReflection at wi. */
    @Test
    void translucentAndRoughGlassReflectWhatTheShadingFrameTransmits() {
        float[] wi = unit(-0.3f, 0.2f, -0.1f);
        assertTrue(cross(TRANSLUCENT, 0, wi, true));
        double spec = microfacet(WO, wi, p(TRANSLUCENT, MaterialLayout.ALPHA_U), p(TRANSLUCENT, MaterialLayout.ETA));
        // Fresnel keeps the glossy part small at these angles, yet far above the tolerance below.
        assertTrue(spec > 5e-3, "a glossy part: " + spec);
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            double r = p(TRANSLUCENT, MaterialLayout.TRANSLUCENT_REFLECT + c);
            f[c] = r * p(TRANSLUCENT, MaterialLayout.KD + c) / Math.PI + r * p(TRANSLUCENT, MaterialLayout.KS + c) * spec;
        }
        assertWeight(f, wi, "translucent, geometric reflection");

        assertTrue(cross(ROUGH_GLASS, 0, wi, true));
        double g = microfacet(WO, wi, p(ROUGH_GLASS, MaterialLayout.ALPHA_U), p(ROUGH_GLASS, MaterialLayout.ETA));
        for (int c = 0; c < 3; c++) {
            f[c] = p(ROUGH_GLASS, MaterialLayout.KS + c) * g;
        }
        assertWeight(f, wi, "rough glass, geometric reflection");

        // wi deeper below than wo is above: the half vector points below too, where D and G are even.
        float[] deep = unit(-0.2f, 0.1f, -0.97f);
        assertTrue(WO[2] + deep[2] < 0, "the half vector below the shading plane");
        assertTrue(cross(VERY_ROUGH, 0, deep, true));
        g = microfacet(WO, deep, p(VERY_ROUGH, MaterialLayout.ALPHA_U), p(VERY_ROUGH, MaterialLayout.ETA));
        assertTrue(g > 0.02, "a glossy part: " + g);
        for (int c = 0; c < 3; c++) {
            f[c] = p(VERY_ROUGH, MaterialLayout.KS + c) * g;
        }
        assertWeight(f, deep, "very rough glass, half vector below");
    }

    /**
     * {@link BsdfKernel#evalAcrossKinds}, next-event estimation's f and pdf where the kinds disagree:
     * BSDF::f sums the geometric kind's BxDFs at wi as it is, and BSDF::Pdf (which knows no geometric
     * normal) averages all four of translucent's components' Pdf at wi as it is: those of the shading
     * frame's kind, LambertianTransmission's |cos i| / pi and MicrofacetTransmission::Pdf below,
     * LambertianReflection's cos i / pi and MicrofacetReflection::Pdf (visible normals: D(wh) G1(wo) / (4
     * cos o)) above; the other kind's Pdf is 0 by SameHemisphere.
     */
    @Test
    void nextEventEstimationAcrossKindsUsesPbrtsPdf() {
        double a = p(TRANSLUCENT, MaterialLayout.ALPHA_U), eta = p(TRANSLUCENT, MaterialLayout.ETA);
        // The geometry sees reflection, the shading frame transmission.
        float[] below = unit(-0.2f, 0.1f, -0.9f);
        k.shadeMaterial(0, 0, TRANSLUCENT, 0, 0, 0);
        k.evalAcrossKinds(0, TRANSLUCENT, WO[0], WO[1], WO[2], below[0], below[1], below[2], true);
        double spec = microfacet(WO, below, a, eta);
        for (int c = 0; c < 3; c++) {
            double r = p(TRANSLUCENT, MaterialLayout.TRANSLUCENT_REFLECT + c);
            double f = r * p(TRANSLUCENT, MaterialLayout.KD + c) / Math.PI + r * p(TRANSLUCENT, MaterialLayout.KS + c) * spec;
            assertEquals(f, k.scratch[Scratch.BS_R + c], 1e-4 * f, "reflection f, channel " + c);
        }
        // MicrofacetTransmission::Pdf: wh = normalize(wo + eta wi), D(wh) G1(wo) |wo . wh| / |cos o| times
        // |eta^2 (wi . wh)| / (wo . wh + eta wi . wh)^2.
        double[] wh = {WO[0] + eta * below[0], WO[1] + eta * below[1], WO[2] + eta * below[2]};
        double hl = Math.sqrt(wh[0] * wh[0] + wh[1] * wh[1] + wh[2] * wh[2]);
        for (int i = 0; i < 3; i++) {
            wh[i] /= hl;
        }
        double dotO = WO[0] * wh[0] + WO[1] * wh[1] + WO[2] * wh[2];
        double dotI = below[0] * wh[0] + below[1] * wh[1] + below[2] * wh[2];
        double denom = dotO + eta * dotI;
        double pdfT = d(wh, a) / (1 + lambda(WO, a)) * Math.abs(dotO) / WO[2] * Math.abs(eta * eta * dotI) / (denom * denom);
        assertTrue(pdfT > 0.05, "a glossy transmission density: " + pdfT);
        double pdf = (Math.abs(below[2]) / Math.PI + pdfT) / 4;
        assertEquals(pdf, k.scratch[Scratch.BS_PDF], 1e-4 * pdf, "BSDF::Pdf below");

        // The geometry sees transmission, the shading frame reflection.
        float[] above = unit(-0.4f, 0.1f, 0.6f);
        k.evalAcrossKinds(0, TRANSLUCENT, WO[0], WO[1], WO[2], above[0], above[1], above[2], false);
        for (int c = 0; c < 3; c++) {
            double f = p(TRANSLUCENT, MaterialLayout.TRANSLUCENT_TRANSMIT + c) * p(TRANSLUCENT, MaterialLayout.KD + c) / Math.PI;
            assertEquals(f, k.scratch[Scratch.BS_R + c], 1e-4 * f, "transmission f, channel " + c);
        }
        double[] hr = {WO[0] + above[0], WO[1] + above[1], WO[2] + above[2]};
        hl = Math.sqrt(hr[0] * hr[0] + hr[1] * hr[1] + hr[2] * hr[2]);
        for (int i = 0; i < 3; i++) {
            hr[i] /= hl;
        }
        double pdfR = d(hr, a) / (1 + lambda(WO, a)) / (4 * WO[2]);
        pdf = (above[2] / Math.PI + pdfR) / 4;
        assertEquals(pdf, k.scratch[Scratch.BS_PDF], 1e-4 * pdf, "BSDF::Pdf above");
    }

    /** Trowbridge-Reitz D at unit wh (z the shading normal), even in cos(theta_h). */
    private static double d(double[] wh, double alpha) {
        double c2 = wh[2] * wh[2], t2 = (1 - c2) / c2, e = 1 + t2 / (alpha * alpha);
        return 1 / (Math.PI * alpha * alpha * c2 * c2 * e * e);
    }

    /**
     * pbrt-v3 MicrofacetReflection::f with TrowbridgeReitz (isotropic alpha) and FresnelDielectric(1,
     * eta) at Dot(wi, Faceforward(wh, (0, 0, 1))) (pbrt-v3's fix for issue #229, "so that TIR is handled
     * correctly": where wh points below, as for wi deep below, the Fresnel term is the inside's), in the
     * shading frame (z the shading normal), wo above, wi either side.
     */
    private static double microfacet(float[] wo, float[] wi, double alpha, double eta) {
        double hx = wo[0] + wi[0], hy = wo[1] + wi[1], hz = wo[2] + wi[2], hl = Math.sqrt(hx * hx + hy * hy + hz * hz);
        hx /= hl;
        hy /= hl;
        hz /= hl;
        double c2 = hz * hz, t2 = (1 - c2) / c2, e = 1 + t2 / (alpha * alpha);
        double d = 1 / (Math.PI * alpha * alpha * c2 * c2 * e * e);
        double g = 1 / (1 + lambda(wo, alpha) + lambda(wi, alpha));
        double fr = frDielectric((wi[0] * hx + wi[1] * hy + wi[2] * hz) * Math.signum(hz), 1, eta);
        return d * g * fr / (4 * Math.abs(wi[2]) * Math.abs(wo[2]));
    }

    private static double lambda(float[] w, double alpha) {
        double c2 = w[2] * w[2], t2 = (1 - c2) / c2;
        return (Math.sqrt(1 + alpha * alpha * t2) - 1) / 2;
    }

    private static double frDielectric(double c, double etaI, double etaT) {
        if (c < 0) {
            double t = etaI;
            etaI = etaT;
            etaT = t;
            c = -c;
        }
        double st = etaI / etaT * Math.sqrt(Math.max(0, 1 - c * c));
        if (st >= 1) {
            return 1;
        }
        double ct = Math.sqrt(1 - st * st);
        double par = (etaT * c - etaI * ct) / (etaT * c + etaI * ct), perp = (etaI * c - etaT * ct) / (etaI * c + etaT * ct);
        return (par * par + perp * perp) / 2;
    }

    private static float[] unit(float x, float y, float z) {
        float l = (float) Math.sqrt(x * x + y * y + z * z);
        return new float[] {x / l, y / l, z / l};
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Sampling and evaluation of every smooth BSDF of the light transport agree: a sampled direction's
 * pdf and weight are what {@link BsdfKernel#evalBsdf} says, the mean sampled weight equals the albedo integrated from eval, the pdf
 * integrates to the probability that sampling succeeds, and f is reciprocal. MIS is only unbiased
 * when these hold.
 */
class BsdfConsistencyTest {
    static CompiledScene scene;
    /** The light transport over the scene; BSDF results are in its scratch slots (one work item). */
    static PathTraceKernel k;
    /** The pbrt-v3 scene of {@link #PBRT_MATERIALS} and its light transport. */
    static CompiledScene pbrtScene;
    static PathTraceKernel pk;
    static final String[] MATERIALS = {
        "\"matte\" \"color Kd\" [0.8 0.5 0.2]",
        "\"matte\" \"color Kd\" [0.7 0.7 0.7] \"float sigma\" [25]",
        "\"substrate\" \"color Kd\" [0.5 0.3 0.2] \"color Ks\" [0.2 0.2 0.2] \"float uroughness\" [0.2] \"float vroughness\" [0.05]"
            + " \"bool remaproughness\" \"false\"",
        "\"metal\" \"string name\" [\"gold\"] \"float uroughness\" [0.3] \"float vroughness\" [0.1]",
        "\"metal\" \"string name\" [\"silver\"] \"float uroughness\" [0.02] \"float vroughness\" [0.02]",
        "\"plastic\" \"color Kd\" [0.3 0.3 0.6] \"color Ks\" [0.5 0.5 0.5] \"float roughness\" [0.2]",
        // Plastic with one lobe black samples the other alone (pbrt-v3 plastic.cpp adds no BxDF for it).
        "\"plastic\" \"color Kd\" [0.3 0.3 0.6] \"color Ks\" [0 0 0] \"float roughness\" [0.2]",
        "\"plastic\" \"color Kd\" [0 0 0] \"color Ks\" [0.5 0.4 0.5] \"float roughness\" [0.3]",
        "\"mattetranslucent\" \"color Kr\" [0.5 0.4 0.3] \"color Kt\" [0.3 0.3 0.3]",
        // LuxBlend's mattetranslucent: Oren-Nayar both ways, the transmission what the reflection leaves.
        "\"mattetranslucent\" \"color Kr\" [0.5 0.4 0.3] \"color Kt\" [0.9 0.6 0.3] \"float sigma\" [30]"
            + " \"bool energyconserving\" \"true\"",
        // LuxRender 1.x materials (LuxMaterialKernel).
        "\"carpaint\" \"color Kd\" [0.3 0.1 0.1] \"color Ka\" [0.5 0.2 0.1] \"float d\" [0.2] \"float M1\" [0.4]"
            + " \"float M2\" [0.25] \"float M3\" [0.3]",
        "\"carpaint\" \"string name\" [\"blue matte\"]",
        "\"glossy\" \"color Kd\" [0.5 0.3 0.2] \"color Ks\" [0.1 0.1 0.1] \"float uroughness\" [0.3] \"float vroughness\" [0.15]"
            + " \"color Ka\" [0.3 0.3 0.1] \"float d\" [0.5]",
        "\"glossy\" \"color Kd\" [0.2 0.5 0.2] \"float index\" [1.5] \"float uroughness\" [0.4] \"float vroughness\" [0.4]"
            + " \"bool multibounce\" \"true\"",
        "\"shinymetal\" \"color Ks\" [0.8 0.6 0.3] \"color Kr\" [0.7 0.7 0.7] \"float uroughness\" [0.3] \"float vroughness\" [0.5]",
        "\"glossy_lossy\" \"color Kd\" [0.6 0.4 0.2] \"color Ks\" [0.1 0.1 0.1] \"float uroughness\" [0.3]"
            + " \"float vroughness\" [0.2] \"color Ka\" [0.2 0.2 0.2] \"float d\" [0.3]",
        "\"glossytranslucent\" \"color Kd\" [0.4 0.3 0.2] \"color Kt\" [0.6 0.7 0.5] \"color Ks\" [0.05 0.05 0.05]"
            + " \"float uroughness\" [0.3] \"float vroughness\" [0.3] \"color Ka\" [0.2 0.2 0.2] \"float d\" [0.2]",
        "\"metal2\" \"float fresnel\" [3] \"float uroughness\" [0.25] \"float vroughness\" [0.4]",
        "\"roughglass\" \"color Kr\" [0.9 0.8 0.7] \"color Kt\" [0.8 0.9 0.7] \"float uroughness\" [0.35]"
            + " \"float vroughness\" [0.25] \"float cauchyb\" [0.004]",
        "\"velvet\" \"color Kd\" [0.5 0.4 0.6]",
        "\"glass\" \"float index\" [1.5]",
    };
    static final int GLASS = MATERIALS.length - 1;
    /** The energy-conserving Oren-Nayar mattetranslucent of {@link #MATERIALS}. */
    static final int MT_ENERGY = 9;
    /** Near-delta lobes cannot be integrated by uniform sampling; they get the pointwise checks only. */
    static final boolean[] INTEGRABLE = {true, true, true, true, false, true, true, true, true, true, true, false, true, true, true, true, true, true,
        true, true};
    /** LuxRender's velvet clamps p thickness / cos(wo) (asperity.cpp Asperity::F(light, eye)), which is not reciprocal. */
    static final int VELVET = GLASS - 1;
    /**
     * Rough glass scales transmitted radiance by (eta_o / eta_i)^2 as smooth glass does, so from inside
     * its albedo exceeds 1 and f obeys the generalised reciprocity f(wo, wi) / eta_i^2 = f(wi, wo) / eta_o^2.
     */
    static final int ROUGH_GLASS = GLASS - 2;
    /**
     * The pbrt-v3 multi-lobe materials (LobeKernel), in a pbrt scene: uber with every lobe (specular
     * ones included, whose samples the integrals leave out), uber with pbrt's defaults, translucent,
     * and rough glass with remapped and with raw alphas.
     */
    static final String[] PBRT_MATERIALS = {
        "\"uber\" \"rgb Kd\" [0.3 0.2 0.1] \"rgb Ks\" [0.2 0.2 0.2] \"rgb Kr\" [0.1 0.1 0.1] \"rgb Kt\" [0.2 0.3 0.2]"
            + " \"float uroughness\" [0.3] \"float vroughness\" [0.1] \"float index\" [1.4] \"rgb opacity\" [0.8 0.8 0.8]",
        "\"uber\"",
        "\"translucent\" \"rgb Kd\" [0.6 0.5 0.4] \"rgb Ks\" [0.3 0.3 0.3] \"rgb reflect\" [0.5 0.5 0.5]"
            + " \"rgb transmit\" [0.4 0.4 0.4] \"float roughness\" [0.3]",
        "\"glass\" \"float index\" [1.5] \"float uroughness\" [0.3] \"float vroughness\" [0.15]"
            + " \"bool remaproughness\" \"false\"",
        "\"glass\" \"float index\" [1.33] \"float uroughness\" [0.2] \"float vroughness\" [0.2] \"rgb Kr\" [0.8 0.8 0.8]",
    };

    /** A LuxRender scene file {@code name} in dir with one sphere per material statement, in order. */
    static CompiledRender spheres(Path dir, String name, String[] materials) throws IOException {
        StringBuilder sb = new StringBuilder("Camera \"perspective\"\nFilm \"fleximage\" \"integer xresolution\" [8] "
                + "\"integer yresolution\" [8]\nWorldBegin\n");
        for (int i = 0; i < materials.length; i++) {
            sb.append("AttributeBegin\nTranslate ").append(3 * i).append(" 0 10\nMaterial ").append(materials[i])
                    .append("\nShape \"sphere\"\nAttributeEnd\n");
        }
        sb.append("WorldEnd\n");
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return RenderSupport.compile(f);
    }

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        CompiledRender cr = spheres(tmp, "materials.lxs", MATERIALS);
        scene = cr.scene();
        k = RenderSupport.transport(cr);
        assertEquals(MATERIALS.length, scene.materialCount);
        StringBuilder pb = new StringBuilder("Camera \"perspective\"\nFilm \"image\" \"integer xresolution\" [8] "
                + "\"integer yresolution\" [8]\nWorldBegin\nLightSource \"point\"\n");
        for (int i = 0; i < PBRT_MATERIALS.length; i++) {
            pb.append("AttributeBegin\nTranslate ").append(3 * i).append(" 0 10\nMaterial ").append(PBRT_MATERIALS[i])
                    .append("\nShape \"sphere\"\nAttributeEnd\n");
        }
        pb.append("WorldEnd\n");
        Path pf = tmp.resolve("materials.pbrt");
        Files.writeString(pf, pb.toString());
        CompiledRender pr = RenderSupport.compile(pf);
        assertTrue(pr.warnings().isEmpty(), "warnings: " + pr.warnings());
        pbrtScene = pr.scene();
        pk = RenderSupport.transport(pr);
        assertEquals(PBRT_MATERIALS.length, pbrtScene.materialCount);
    }

    private static float[] randomDir(Random r) {
        double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian(), l = Math.sqrt(x * x + y * y + z * z);
        return new float[] {(float) (x / l), (float) (y / l), (float) (z / l)};
    }

    /** The kernel with material m's parameters in work item 0's shade row, as a hit would leave them. */
    static PathTraceKernel at(int m) {
        return at(k, m);
    }

    static PathTraceKernel at(PathTraceKernel kernel, int m) {
        kernel.shadeMaterial(0, 0, m, 0, 0, 0);
        return kernel;
    }

    /** The BSDF result of the last evalBsdf or sampleBsdf: colour, pdf, direction, flags. */
    private record Result(float r, float g, float pdf, float wix, float wiy, float wiz, boolean specular,
                          boolean transmission) {
    }

    private static Result result() {
        return result(k);
    }

    private static Result result(PathTraceKernel kernel) {
        float[] sc = kernel.scratch;
        return new Result(sc[Scratch.BS_R], sc[Scratch.BS_G], sc[Scratch.BS_PDF], sc[Scratch.BS_WX], sc[Scratch.BS_WY],
                sc[Scratch.BS_WZ], sc[Scratch.BS_SPECULAR] != 0, sc[Scratch.BS_TRANSMISSION] != 0);
    }

    private static Result eval(PathTraceKernel kernel, int m, float[] wo, float wix, float wiy, float wiz) {
        at(kernel, m).evalBsdf(0, m, wo[0], wo[1], wo[2], wix, wiy, wiz);
        return result(kernel);
    }

    /**
     * LuxRender's mattetranslucent with sigma and "energyconserving" (mattetranslucent.cpp, LuxCore's
     * MatteTranslucentMaterial): OrenNayar::f (A + B max(0, cos(phi_i - phi_o)) sin(alpha) tan(beta)) / pi
     * times Kr above, times Kt (1 - Kr) through (BRDFToBTDF), in closed form for random directions.
     */
    @Test
    void energyConservingMattetranslucentTransmitsWhatItsOrenNayarReflectionLeaves() {
        assertEquals(MaterialLayout.MATTE_TRANSLUCENT, scene.matType[MT_ENERGY]);
        double[] kr = {0.5, 0.4, 0.3}, kt = {0.9, 0.6, 0.3};
        double s = Math.toRadians(30), s2 = s * s, a = 1 - s2 / (2 * (s2 + 0.33)), b = 0.45 * s2 / (s2 + 0.09);
        Random r = new Random(11);
        int reflected = 0, transmitted = 0;
        for (int i = 0; i < 400; i++) {
            float[] wo = randomDir(r), wi = randomDir(r);
            eval(k, MT_ENERGY, wo, wi[0], wi[1], wi[2]);
            double sinI = Math.sqrt(Math.max(0, 1 - wi[2] * wi[2])), sinO = Math.sqrt(Math.max(0, 1 - wo[2] * wo[2]));
            double maxCos = sinI > 1e-4 && sinO > 1e-4
                    ? Math.max(0, (wi[0] * wo[0] + wi[1] * wo[1]) / (sinI * sinO)) : 0;
            double cosI = Math.abs(wi[2]), cosO = Math.abs(wo[2]);
            double sinAlpha = cosI > cosO ? sinO : sinI, tanBeta = cosI > cosO ? sinI / cosI : sinO / cosO;
            double on = (a + b * maxCos * sinAlpha * tanBeta) / Math.PI;
            boolean reflect = wo[2] * wi[2] > 0;
            if (reflect) {
                reflected++;
            } else {
                transmitted++;
            }
            int[] slots = {Scratch.BS_R, Scratch.BS_G, Scratch.BS_B};
            for (int c = 0; c < 3; c++) {
                double want = (reflect ? kr[c] : kt[c] * (1 - kr[c])) * on;
                assertEquals(want, k.scratch[slots[c]], 1e-5 * Math.max(1, want / 1e-2),
                        "channel " + c + (reflect ? " reflected" : " transmitted") + " at wo " + Arrays.toString(wo)
                        + " wi " + Arrays.toString(wi));
            }
        }
        assertTrue(reflected > 100 && transmitted > 100, reflected + " / " + transmitted);
    }

    @Test
    void sampleAgreesWithEvalAndIntegratesToTheAlbedo() {
        Random r = new Random(1);
        for (int m = 0; m < GLASS; m++) {
            assertTrue(BsdfKernel.hasSmoothLobe(scene.matType[m]), MaterialLayout.name(scene.matType[m]));
            checkSampling(k, m, MATERIALS[m], INTEGRABLE[m], false, r);
        }
    }

    /**
     * The pbrt-v3 multi-lobe materials: the same checks over their smooth lobes, and energy: the mean
     * weight of all samples, delta lobes included, is at most 1 seen from outside (inside, radiance
     * gains 1 / eta^2 on the way out).
     */
    @Test
    void pbrtMaterialsSampleAsTheyEvaluateAndConserveEnergy() {
        Random r = new Random(3);
        for (int m = 0; m < PBRT_MATERIALS.length; m++) {
            int type = pbrtScene.matType[m];
            assertTrue(BsdfKernel.multiLobe(type) && BsdfKernel.hasSmoothLobe(type), MaterialLayout.name(type));
            checkSampling(pk, m, PBRT_MATERIALS[m], true, true, r);
        }
        assertEquals(MaterialLayout.UBER, pbrtScene.matType[0]);
        assertEquals(MaterialLayout.TRANSLUCENT, pbrtScene.matType[2]);
        assertEquals(MaterialLayout.ROUGH_GLASS, pbrtScene.matType[3]);
    }

    /**
     * Sampling agrees with evaluation; energy is checked over all samples when {@code withDelta}, over
     * the smooth lobes otherwise (LuxRender's shinymetal adds its mirror Kr to a glossy Ks with no
     * bound on Kr + Ks, shinymetal.cpp, so only its glossy part is bounded).
     */
    private static void checkSampling(PathTraceKernel kn, int m, String label, boolean integrable, boolean withDelta,
                                      Random r) {
        for (int trial = 0; trial < 12; trial++) {
            float[] wo = randomDir(r);
            if (Math.abs(wo[2]) < 0.05f) {
                continue;
            }
            int n = 20000, ok = 0;
            double sum = 0, sum2 = 0, all = 0, all2 = 0;
            for (int i = 0; i < n; i++) {
                if (!at(kn, m).sampleBsdf(0, m, wo[0], wo[1], wo[2], r.nextFloat(), r.nextFloat(), r.nextFloat())) {
                    continue;
                }
                Result s = result(kn);
                double w = s.g();
                all += w;
                all2 += w * w;
                if (s.specular()) {
                    continue;
                }
                ok++;
                sum += w;
                sum2 += w * w;
                Result e = eval(kn, m, wo, s.wix(), s.wiy(), s.wiz());
                assertEquals(s.pdf(), e.pdf(), 2e-3 * s.pdf() + 1e-6, label + ": pdf of a sampled direction");
                double expected = e.g() * Math.abs(s.wiz()) / e.pdf();
                assertEquals(expected, w, 2e-3 * expected + 1e-6, label + ": weight = f cos / pdf");
            }
            double mean = sum / n, se = Math.sqrt(Math.max(0, sum2 / n - mean * mean) / n);
            double amean = all / n, ase = Math.sqrt(Math.max(0, all2 / n - amean * amean) / n);
            if (!withDelta) {
                amean = mean;
                ase = se;
            }
            if (wo[2] > 0) {
                assertTrue(amean <= 1 + 5 * ase + 1e-3, label + ": energy " + amean + " for wo " + Arrays.toString(wo));
            }
            // The same integral by uniform sphere sampling of eval alone.
            double isum = 0, isum2 = 0, pdfSum = 0, pdfSum2 = 0;
            for (int i = 0; i < n; i++) {
                float[] wi = randomDir(r);
                Result e = eval(kn, m, wo, wi[0], wi[1], wi[2]);
                double v = e.g() * Math.abs(wi[2]) * 4 * Math.PI;
                isum += v;
                isum2 += v * v;
                double pv = e.pdf() * 4 * Math.PI;
                pdfSum += pv;
                pdfSum2 += pv * pv;
            }
            if (!integrable) {
                continue;
            }
            double imean = isum / n, ise = Math.sqrt(Math.max(0, isum2 / n - imean * imean) / n);
            assertEquals(imean, mean, 5 * Math.hypot(se, ise) + 1e-3, label + ": albedo for wo " + Arrays.toString(wo));
            double pmean = pdfSum / n, pse = Math.sqrt(Math.max(0, pdfSum2 / n - pmean * pmean) / n);
            assertEquals((double) ok / n, pmean, 5 * pse + 0.01, label + ": pdf integrates to the success rate");
        }
    }

    @Test
    void reflectionIsReciprocal() {
        Random r = new Random(2);
        for (int m = 0; m < GLASS; m++) {
            if (m == VELVET || m == ROUGH_GLASS) {
                continue;
            }
            for (int i = 0; i < 2000; i++) {
                float[] wo = randomDir(r), wi = randomDir(r);
                Result a = eval(k, m, wo, wi[0], wi[1], wi[2]);
                Result b = eval(k, m, wi, wo[0], wo[1], wo[2]);
                assertEquals(a.r(), b.r(), 1e-4f * Math.max(1, a.r()), MATERIALS[m] + ": f(wo, wi) = f(wi, wo)");
            }
        }
    }

    /**
     * The pbrt-v3 lobes are reciprocal in reflection; rough glass's transmission obeys the generalised
     * reciprocity of radiance BTDFs (Veach 1997, 5.2): f(wi, wo) = (n_i / n_o)^2 f(wo, wi) for wo outside.
     */
    @Test
    void pbrtLobesAreReciprocal() {
        Random r = new Random(4);
        for (int m = 0; m < PBRT_MATERIALS.length; m++) {
            boolean glass = pbrtScene.matType[m] == MaterialLayout.ROUGH_GLASS;
            float eta = pbrtScene.matParams[m * MaterialLayout.STRIDE + MaterialLayout.ETA];
            int checked = 0;
            for (int i = 0; i < 4000; i++) {
                float[] wo = randomDir(r), wi = randomDir(r);
                boolean reflect = wo[2] * wi[2] > 0;
                if (!reflect && !(glass && wo[2] > 0)) {
                    continue;
                }
                Result a = eval(pk, m, wo, wi[0], wi[1], wi[2]);
                Result b = eval(pk, m, wi, wo[0], wo[1], wo[2]);
                double expected = reflect ? a.r() : a.r() * eta * eta;
                assertEquals(expected, b.r(), 1e-3 * Math.max(1e-3, expected), PBRT_MATERIALS[m] + ": reciprocity, wo "
                        + Arrays.toString(wo) + " wi " + Arrays.toString(wi));
                checked++;
            }
            assertTrue(checked > 1000);
        }
    }

    @Test
    void smoothGlassRefractsBySnellsLawAndSplitsByFresnel() {
        assertEquals(MaterialLayout.GLASS, scene.matType[GLASS]);
        float sinI = 0.6f, cosI = 0.8f;
        float f = k.fresnelDielectric(cosI, 1, 1.5f);
        // Entering: above F the ray refracts with sin(t) = sin(i) / 1.5 and radiance scales by 1/1.5^2.
        assertTrue(at(GLASS).sampleBsdf(0, GLASS, sinI, 0, cosI, 0.5f, 0.5f, f + 0.01f));
        Result s = result();
        assertTrue(s.transmission() && s.specular());
        assertEquals(-sinI / 1.5f, s.wix(), 1e-6);
        assertEquals(-Math.sqrt(1 - (sinI / 1.5) * (sinI / 1.5)), s.wiz(), 1e-6);
        assertEquals(1 / 2.25f, s.r(), 1e-6);
        assertEquals(1 - f, s.pdf(), 1e-6);
        // Below F it reflects with weight Kr.
        assertTrue(at(GLASS).sampleBsdf(0, GLASS, sinI, 0, cosI, 0.5f, 0.5f, f - 0.01f));
        s = result();
        assertTrue(!s.transmission());
        assertEquals(cosI, s.wiz(), 1e-6);
        assertEquals(1f, s.r(), 1e-6);
        // Leaving beyond the critical angle: total internal reflection, always.
        assertEquals(1f, k.fresnelDielectric(-0.3f, 1, 1.5f));
        assertTrue(at(GLASS).sampleBsdf(0, GLASS, 0.95f, 0, -(float) Math.sqrt(1 - 0.95 * 0.95), 0.5f, 0.5f, 0.999f));
        assertTrue(!result().transmission());
    }
}

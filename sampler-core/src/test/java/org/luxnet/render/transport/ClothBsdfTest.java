package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's cloth BSDF in the light transport (ClothKernel, IrawanKernel), called on the CPU as the path
 * tracer calls it: the specular term against {@link ClothReference}, a double-precision transcription of
 * irawan.cpp, for every preset over random directions and surface points; the yarn a surface point picks
 * in denim's pattern; reciprocity; the specular normalization's intent (an average of 1 under diffuse
 * illumination); and the sampling's weight and density.
 */
class ClothBsdfTest {
    static final String[] PRESETS = {"denim", "silk_charmeuse", "cotton_twill", "wool_gabardine",
        "polyester_lining_cloth", "silk_shantung"};
    /** Materials: each preset with white Ks and black Kd (repeats 7 x 5), then denim with coloured Kd only. */
    static final int DIFFUSE_DENIM = PRESETS.length;
    static PathTraceKernel k;
    static CompiledScene scene;

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        String[] materials = new String[PRESETS.length + 1];
        for (int i = 0; i < PRESETS.length; i++) {
            materials[i] = "\"cloth\" \"string presetname\" [\"" + PRESETS[i] + "\"] \"color warp_Ks\" [1 1 1]"
                    + " \"color weft_Ks\" [1 1 1] \"float repeat_u\" [7] \"float repeat_v\" [5]";
        }
        materials[DIFFUSE_DENIM] = "\"cloth\" \"color warp_Kd\" [0.3 0.5 0.7] \"color weft_Kd\" [0.9 0.1 0.2]"
                + " \"float repeat_u\" [1] \"float repeat_v\" [1]";
        CompiledRender cr = BsdfConsistencyTest.spheres(tmp, "cloth.lxs", materials);
        assertTrue(cr.warnings().stream().allMatch(w -> w.message().contains("no lights")), "warnings: " + cr.warnings());
        scene = cr.scene();
        k = RenderSupport.transport(cr);
        for (int m = 0; m < materials.length; m++) {
            assertEquals(MaterialLayout.CLOTH, scene.matType[m]);
            assertEquals(1, scene.matTextured[m], "cloth rows are shaded per hit (for the hit's u, v)");
        }
    }

    static float param(int m, int slot) {
        return scene.matParams[m * MaterialLayout.STRIDE + slot];
    }

    static int table(int m) {
        return (int) param(m, MaterialLayout.CL_TABLE_HI) * 4096 + (int) param(m, MaterialLayout.CL_TABLE_LO);
    }

    static float[] eval(int m, float u, float v, double[] wo, double[] wi) {
        k.shadeMaterial(0, 0, m, 0, 0, 0);
        k.scratch[Scratch.SURF_U * k.capacity] = u;
        k.scratch[Scratch.SURF_V * k.capacity] = v;
        k.evalBsdf(0, m, (float) wo[0], (float) wo[1], (float) wo[2], (float) wi[0], (float) wi[1], (float) wi[2]);
        float[] s = k.scratch;
        return new float[] {s[Scratch.BS_R], s[Scratch.BS_G], s[Scratch.BS_B], s[Scratch.BS_PDF]};
    }

    /** pbrt's and LuxRender's UniformSampleHemisphere, +z. */
    static double[] hemisphere(Random rng) {
        double z = rng.nextDouble(), r = Math.sqrt(Math.max(0, 1 - z * z)), phi = 2 * Math.PI * rng.nextDouble();
        return new double[] {r * Math.cos(phi), r * Math.sin(phi), z};
    }

    /** LuxRender's CosineSampleHemisphere (Malley's method, the disk sampled uniformly by area). */
    static double[] cosine(Random rng) {
        double r = Math.sqrt(rng.nextDouble()), phi = 2 * Math.PI * rng.nextDouble();
        double x = r * Math.cos(phi), y = r * Math.sin(phi);
        return new double[] {x, y, Math.sqrt(Math.max(0, 1 - x * x - y * y))};
    }

    /**
     * f pi / (specularNormalization) with white Ks and black Kd is evalSpecular times the fineness scale:
     * against ClothReference for 40000 random (wo, wi, u, v) per preset (about 3% to 30% of them inside a
     * highlight, at least 500 per preset). Tolerance 2e-3 relative (plus 1e-6 absolute): the kernel's float
     * chain (normalisations, atan2, acos, RadiusOfCurvature's pow(., 1.5) over ahat bhat, the von Mises
     * exp) carries a few dozen roundings, a relative 1e-5 or so, which acos near |D| = 1 (the staples) and
     * atanh near the hyperbola's pole magnify (measured worst error over |expected| + 1e-6 / specularNormalization: 2.8e-3, printed per preset). Samples within 1e-4 of a highlight's cut-off (where single precision may fall
     * on the other side) are left out, at most 1% of them.
     */
    @Test
    void specularIsIrawanEvalSpecularAsLuxRenderComputesIt() {
        Random rng = new Random(5);
        for (int m = 0; m < PRESETS.length; m++) {
            ClothReference ref = new ClothReference(scene.texTexels, table(m), param(m, MaterialLayout.CL_REPEAT_U),
                    param(m, MaterialLayout.CL_REPEAT_V));
            float norm = param(m, MaterialLayout.CL_SPEC_NORM);
            assertTrue(norm > 0 && Float.isFinite(norm), PRESETS[m] + " normalization " + norm);
            int lit = 0, skipped = 0, count = 40000;
            double worst = 0;
            for (int i = 0; i < count; i++) {
                float u = rng.nextFloat(), v = rng.nextFloat();
                double[] wo = hemisphere(rng), wi = hemisphere(rng);
                if (rng.nextInt(4) == 0) {
                    // Both below: evalSpecular turns them up.
                    wo = new double[] {-wo[0], -wo[1], -wo[2]};
                    wi = new double[] {-wi[0], -wi[1], -wi[2]};
                }
                ref.getYarn(u, v);
                double expected = ref.evalSpecular(wo, wi) * ref.scale;
                if (ref.margin < 1e-4) {
                    skipped++;
                    continue;
                }
                float[] f = eval(m, u, v, wo, wi);
                double got = f[1] * Math.PI / norm;
                lit += expected > 0 ? 1 : 0;
                double err = Math.abs(got - expected) / (Math.abs(expected) + 1e-6 / norm);
                worst = Math.max(worst, err);
                String at = PRESETS[m] + " at uv (" + u + ", " + v + ") wo " + java.util.Arrays.toString(wo) + " wi "
                        + java.util.Arrays.toString(wi) + ": kernel " + got + ", reference " + expected;
                assertEquals(expected, got, 2e-3 * Math.abs(expected) + 1e-6, at);
                assertEquals(f[0], f[1], 0f, at);
                assertEquals(f[2], f[1], 0f, at);
                assertEquals(Math.abs(wi[2]) / Math.PI, f[3], 1e-6, at);
            }
            System.out.printf("cloth %s: %d of %d samples in a highlight, %d near a cut-off, worst relative error %.2g%n",
                    PRESETS[m], lit, count, skipped, worst);
            assertTrue(lit >= 500, PRESETS[m] + ": only " + lit + " samples in a highlight");
            assertTrue(skipped <= count / 100, PRESETS[m] + ": " + skipped + " samples near a cut-off");
        }
    }

    /**
     * WeavePattern::GetYarn on denim's tile (3 x 6, rows from the top: 1 3 8 / 1 3 5 / 1 7 5 / 1 4 5 / 6 4 5
     * / 2 4 5; yarns 1-5 warps, 6-8 wefts) with repeat 1: (u, v) picks column floor(3 u) and row 5 -
     * floor(6 v), and the yarn's colour index picks warp_Kd or weft_Kd (Ks black: f = Kd / pi).
     */
    @Test
    void aSurfacePointPicksItsCellsYarn() {
        float[][] points = {{0.9f, 0.95f}, {0.1f, 0.95f}, {0.5f, 0.5f}, {0.1f, 0.2f}, {0.1f, 0.05f}, {0.5f, 0.05f},
            {0.9f, 0.7f}};
        int[] yarns = {8, 1, 7, 6, 2, 4, 5};
        double[] warp = {0.3, 0.5, 0.7}, weft = {0.9, 0.1, 0.2};
        double[] wo = {0.3, -0.2, 0.9}, wi = {-0.4, 0.1, 0.8};
        int base = table(DIFFUSE_DENIM);
        for (int i = 0; i < points.length; i++) {
            float[] f = eval(DIFFUSE_DENIM, points[i][0], points[i][1], wo, wi);
            int yarnAt = base + (int) scene.texTexels[base + MaterialLayout.CLT_YARNS]
                    + MaterialLayout.CLY_STRIDE * (yarns[i] - 1);
            assertEquals(yarnAt, (int) k.scratch[Scratch.CL_YARN * k.capacity], "yarn at " + points[i][0] + ", "
                    + points[i][1]);
            double[] kd = yarns[i] <= 5 ? warp : weft;
            for (int c = 0; c < 3; c++) {
                assertEquals(kd[c] / Math.PI, f[c], 1e-6, "yarn " + yarns[i] + " channel " + c);
            }
        }
    }

    /**
     * wo and wi on opposite sides of the shading normal: evalBsdf gives 0 (MultiBSDF::F drops the BRDFs where the
     * geometric normal sees transmission, and the shading frame agrees here), while LuxRender's F towards a light
     * behind the shading normal (the geometric normal seeing reflection: evalLuxReversed) keeps both BRDFs, the
     * Irawan term with both directions turned up by evalSpecular: the reference at (wo, wi) as they are, pdf 0.
     */
    @Test
    void behindTheShadingNormalTheBrdfsTurnTheLightUp() {
        Random rng = new Random(17);
        int lit = 0;
        for (int m = 0; m < PRESETS.length; m++) {
            ClothReference ref = new ClothReference(scene.texTexels, table(m), param(m, MaterialLayout.CL_REPEAT_U),
                    param(m, MaterialLayout.CL_REPEAT_V));
            float norm = param(m, MaterialLayout.CL_SPEC_NORM);
            for (int i = 0; i < 4000; i++) {
                float u = rng.nextFloat(), v = rng.nextFloat();
                double[] wo = hemisphere(rng), wi = hemisphere(rng);
                wi[2] = -wi[2];
                assertEquals(0f, eval(m, u, v, wo, wi)[1]);
                ref.getYarn(u, v);
                double expected = ref.evalSpecular(wo, wi) * ref.scale;
                if (ref.margin < 1e-4) {
                    continue;
                }
                k.evalLuxReversed(0, MaterialLayout.CLOTH, (float) wo[0], (float) wo[1], (float) wo[2], (float) wi[0],
                        (float) wi[1], (float) wi[2]);
                double got = k.scratch[Scratch.BS_G * k.capacity] * Math.PI / norm;
                assertEquals(expected, got, 2e-3 * Math.abs(expected) + 1e-6, PRESETS[m]);
                assertEquals(0f, k.scratch[Scratch.BS_PDF * k.capacity]);
                lit += expected > 0 ? 1 : 0;
            }
        }
        assertTrue(lit > 500, "only " + lit + " samples in a highlight");
    }

    /** f(wo, wi) = f(wi, wo): evalSpecular is symmetric (h, |om_i + om_r|, the phase and Seeliger terms). */
    @Test
    void clothIsReciprocal() {
        Random rng = new Random(7);
        int nonzero = 0;
        for (int m = 0; m < PRESETS.length; m++) {
            for (int i = 0; i < 5000; i++) {
                float u = rng.nextFloat(), v = rng.nextFloat();
                double[] a = hemisphere(rng), b = hemisphere(rng);
                float[] f = eval(m, u, v, a, b), g = eval(m, u, v, b, a);
                assertEquals(f[1], g[1], 1e-6f * Math.abs(f[1]), PRESETS[m]);
                nonzero += f[1] > 0 ? 1 : 0;
            }
        }
        assertTrue(nonzero > 1000, "only " + nonzero + " non-zero values");
    }

    /**
     * Cloth's constructor scales the specular so that its average over cosine-distributed wo and wi and
     * uniform (u, v) is 1 ("Estimate the average reflectance under diffuse illumination and use it to
     * normalize"): the same average with other random numbers is 1 within four standard errors of both
     * estimates (100000 samples each).
     */
    @Test
    void theSpecularAveragesOneUnderDiffuseIllumination() {
        Random rng = new Random(11);
        for (int m = 0; m < PRESETS.length; m++) {
            int n = 100000;
            double sum = 0, sum2 = 0;
            for (int i = 0; i < n; i++) {
                double[] wi = cosine(rng), wo = cosine(rng);
                float[] f = eval(m, rng.nextFloat(), rng.nextFloat(), wo, wi);
                double x = f[1] * Math.PI;
                sum += x;
                sum2 += x * x;
            }
            double mean = sum / n, err = Math.sqrt((sum2 / n - mean * mean) / n);
            String at = PRESETS[m] + ": " + mean + " +- " + err;
            System.out.println("cloth average " + at);
            assertEquals(1, mean, 4 * Math.sqrt(2) * err / mean, at);
        }
    }

    /** Sampling: the cosine hemisphere on wo's side, weight f |wi.z| / pdf with pdf = |wi.z| / pi. */
    @Test
    void samplingIsTheCosineHemisphereWeightedByF() {
        Random rng = new Random(13);
        for (int m = 0; m < PRESETS.length; m++) {
            for (int i = 0; i < 500; i++) {
                float u = rng.nextFloat(), v = rng.nextFloat();
                double[] wo = hemisphere(rng);
                if (rng.nextBoolean()) {
                    wo[2] = -wo[2];
                }
                k.shadeMaterial(0, 0, m, 0, 0, 0);
                k.scratch[Scratch.SURF_U * k.capacity] = u;
                k.scratch[Scratch.SURF_V * k.capacity] = v;
                boolean ok = k.sampleBsdf(0, m, (float) wo[0], (float) wo[1], (float) wo[2], rng.nextFloat(),
                        rng.nextFloat(), rng.nextFloat());
                float[] s = k.scratch;
                if (!ok) {
                    continue;
                }
                double[] wi = {s[Scratch.BS_WX], s[Scratch.BS_WY], s[Scratch.BS_WZ]};
                float weight = s[Scratch.BS_G], pdf = s[Scratch.BS_PDF];
                assertTrue(wi[2] * wo[2] > 0, "same side");
                assertEquals(Math.abs(wi[2]) / Math.PI, pdf, 1e-6);
                float[] f = eval(m, u, v, wo, wi);
                assertEquals(f[1] * Math.abs(wi[2]) / pdf, weight, 1e-5 * Math.max(1, weight), PRESETS[m]);
            }
        }
    }
}

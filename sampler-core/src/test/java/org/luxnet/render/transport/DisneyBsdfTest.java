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
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's disney material in the light transport (DisneyKernel) against {@link DisneyReference}, a
 * double-precision transcription of disney.cpp and reflection.cpp: f and pdf at many direction pairs;
 * the pdf integrates over the sphere to the probability that sampling yields a direction; sampled
 * directions are distributed as the pdf says (chi-square over sphere cells); a sample's weight is f cos
 * / pdf.
 */
class DisneyBsdfTest {
    /** pbrt-v3 parameter lists; {@link #reference} gives the same parameters to DisneyReference. */
    static final String[] MATERIALS = {
        "",
        "\"rgb color\" [0.8 0.3 0.2] \"float metallic\" [0.3] \"float roughness\" [0.3] \"float speculartint\" [0.5]"
            + " \"float anisotropic\" [0.5] \"float sheen\" [0.7] \"float sheentint\" [0.3] \"float clearcoat\" [0.8]"
            + " \"float clearcoatgloss\" [0.6] \"float spectrans\" [0.4] \"float eta\" [1.45]",
        "\"bool thin\" \"true\" \"float flatness\" [0.6] \"float difftrans\" [0.7] \"float spectrans\" [0.3]"
            + " \"float roughness\" [0.4] \"rgb color\" [0.2 0.6 0.9] \"float sheen\" [0.5] \"float clearcoat\" [0.3]"
            + " \"float clearcoatgloss\" [0.2]",
        "\"float metallic\" [1] \"float roughness\" [0.2] \"rgb color\" [0.9 0.7 0.3] \"float anisotropic\" [-0.4]",
        "\"float spectrans\" [1] \"float roughness\" [0.25] \"rgb color\" [0.9 0.95 1] \"float eta\" [1.33]",
    };

    static PathTraceKernel k;
    static CompiledRender cr;

    static DisneyReference reference(int m) {
        DisneyReference r = new DisneyReference();
        switch (m) {
            case 1 -> {
                r.color = new double[] {0.8, 0.3, 0.2};
                r.metallic = 0.3;
                r.roughness = 0.3;
                r.specularTint = 0.5;
                r.anisotropic = 0.5;
                r.sheen = 0.7;
                r.sheenTint = 0.3;
                r.clearcoat = 0.8;
                r.clearcoatGloss = 0.6;
                r.specTrans = 0.4;
                r.eta = 1.45;
            }
            case 2 -> {
                r.thin = true;
                r.flatness = 0.6;
                r.diffTrans = 0.7;
                r.specTrans = 0.3;
                r.roughness = 0.4;
                r.color = new double[] {0.2, 0.6, 0.9};
                r.sheen = 0.5;
                r.clearcoat = 0.3;
                r.clearcoatGloss = 0.2;
            }
            case 3 -> {
                r.metallic = 1;
                r.roughness = 0.2;
                r.color = new double[] {0.9, 0.7, 0.3};
                r.anisotropic = -0.4;
            }
            case 4 -> {
                r.specTrans = 1;
                r.roughness = 0.25;
                r.color = new double[] {0.9, 0.95, 1};
                r.eta = 1.33;
            }
            default -> {
            }
        }
        return r;
    }

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder("Camera \"perspective\"\nFilm \"image\" \"integer xresolution\" [8] "
                + "\"integer yresolution\" [8]\nWorldBegin\nLightSource \"point\"\n");
        for (int i = 0; i < MATERIALS.length; i++) {
            sb.append("AttributeBegin\nTranslate ").append(3 * i).append(" 0 10\nMaterial \"disney\" ")
                    .append(MATERIALS[i]).append("\nShape \"sphere\"\nAttributeEnd\n");
        }
        sb.append("WorldEnd\n");
        Path f = tmp.resolve("disney.pbrt");
        Files.writeString(f, sb.toString());
        cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        k = RenderSupport.transport(cr);
        for (int m = 0; m < MATERIALS.length; m++) {
            assertEquals(MaterialLayout.DISNEY, cr.scene().matType[m]);
        }
    }

    static double[] randomDir(Random r) {
        double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian(), l = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / l, y / l, z / l};
    }

    /** The kernel's f (rgb) and pdf for material m. */
    static double[] eval(int m, double[] wo, double[] wi) {
        k.shadeMaterial(0, 0, m, 0, 0, 0);
        k.evalBsdf(0, m, (float) wo[0], (float) wo[1], (float) wo[2], (float) wi[0], (float) wi[1], (float) wi[2]);
        float[] sc = k.scratch;
        return new double[] {sc[Scratch.BS_R], sc[Scratch.BS_G], sc[Scratch.BS_B], sc[Scratch.BS_PDF]};
    }

    /** Directions with their float rounding, so that kernel and reference see the same vectors. */
    static double[] asFloat(double[] w) {
        return new double[] {(float) w[0], (float) w[1], (float) w[2]};
    }

    @Test
    void fAndPdfArePbrtV3s() {
        Random r = new Random(5);
        for (int m = 0; m < MATERIALS.length; m++) {
            DisneyReference ref = reference(m);
            int checked = 0, transmitted = 0;
            for (int i = 0; i < 3000; i++) {
                double[] wo = asFloat(randomDir(r)), wi = asFloat(randomDir(r));
                if (Math.abs(wo[2]) < 0.02 || Math.abs(wi[2]) < 0.02) {
                    continue;
                }
                double[] got = eval(m, wo, wi);
                double[] f = ref.f(wo, wi);
                double pdf = ref.pdf(wo, wi);
                String at = "disney " + MATERIALS[m] + " wo " + Arrays.toString(wo) + " wi " + Arrays.toString(wi);
                for (int c = 0; c < 3; c++) {
                    assertEquals(f[c], got[c], 2e-3 * f[c] + 1e-6, at + " channel " + c);
                }
                assertEquals(pdf, got[3], 2e-3 * pdf + 1e-6, at + " pdf");
                checked++;
                transmitted += wo[2] * wi[2] < 0 && f[0] > 0 ? 1 : 0;
            }
            assertTrue(checked > 2500);
            // Every material but the opaque defaults and the metal transmits some of them.
            assertTrue((m == 0 || m == 3) == (transmitted == 0), "transmitted pairs " + transmitted);
        }
    }

    /**
     * Where the geometric normal sees reflection but wi lies below wo's shading hemisphere (a bumped or
     * interpolated normal), pbrt-v3's BSDF::f sums the reflection lobes at wi as it is.
     */
    @Test
    void reflectionAcrossTheShadingNormalSumsTheReflectionLobes() {
        Random r = new Random(7);
        for (int m = 0; m < MATERIALS.length; m++) {
            assertTrue(BsdfKernel.reflectsAcross(cr.scene().matType[m]));
            DisneyReference ref = reference(m);
            int nonzero = 0;
            for (int i = 0; i < 2000; i++) {
                double[] wo = asFloat(randomDir(r)), wi = asFloat(randomDir(r));
                if (wo[2] * wi[2] >= 0 || Math.abs(wo[2]) < 0.02 || Math.abs(wi[2]) < 0.02) {
                    continue;
                }
                k.shadeMaterial(0, 0, m, 0, 0, 0);
                k.evalReflectionAcross(0, m, (float) wo[0], (float) wo[1], (float) wo[2], (float) wi[0], (float) wi[1],
                        (float) wi[2]);
                double[] f = ref.f(wo, wi, true);
                String at = "disney " + MATERIALS[m] + " wo " + Arrays.toString(wo) + " wi " + Arrays.toString(wi);
                float[] sc = k.scratch;
                double[] got = {sc[Scratch.BS_R], sc[Scratch.BS_G], sc[Scratch.BS_B]};
                for (int c = 0; c < 3; c++) {
                    assertEquals(f[c], got[c], 2e-3 * f[c] + 1e-6, at + " channel " + c);
                }
                nonzero += f[0] > 1e-3 ? 1 : 0;
            }
            assertTrue(nonzero > 200, "pairs with a visible reflection: " + nonzero);
        }
    }

    /** A few values worked by hand from disney.cpp, so that the reference itself is pinned down. */
    @Test
    void defaultMaterialAtNormalIncidenceIsDiffusePlusRetroPlusSpecular() {
        DisneyReference ref = reference(0);
        assertEquals(3, ref.lobeCount());
        double[] n = {0, 0, 1};
        // wo = wi = n: Fo = Fi = 0, cos(theta_d) = 1: DisneyDiffuse c / pi; DisneyRetro's Fo + Fi + Fo Fi (Rr - 1)
        // is 0; the microfacet term is D(n) G1(n)^2 F(1) / 4 with D(n) = 1 / (pi a^2), a = 0.25, G1(n) = 1 and
        // F(1) = ((1.5 - 1) / (1.5 + 1))^2 = 0.04, times c.
        double a = 0.25;
        double expected = 0.5 / Math.PI + 0.5 * (1 / (Math.PI * a * a)) * 0.04 / 4;
        assertEquals(expected, ref.f(n, n)[0], 1e-12);
        assertEquals(expected, eval(0, n, n)[0], 1e-5 * expected);
        // Pdf: two cosine lobes 1 / pi each and the visible-normal density D(n) / 4, over three lobes.
        double pdf = (2 / Math.PI + 1 / (Math.PI * a * a) / 4) / 3;
        assertEquals(pdf, ref.pdf(n, n), 1e-12);
        assertEquals(pdf, eval(0, n, n)[3], 1e-5 * pdf);
    }

    /**
     * The pdf integrated over the sphere by a midpoint rule in (theta, phi) equals the fraction of
     * sampleBsdf calls that return a direction, and the sampled directions fall into 12 x 16 cells of
     * the sphere as the pdf integrated over each cell predicts (chi-square).
     */
    @Test
    void samplingDrawsFromThePdf() {
        Random r = new Random(6);
        int nt = 12, np = 16, sub = 60;
        for (int m = 1; m < MATERIALS.length; m++) {
            double[][] wos = {{0.5, 0.3, Math.sqrt(1 - 0.34)}, {-0.6, 0.2, -Math.sqrt(1 - 0.4)}};
            for (double[] w : wos) {
                double[] wo = asFloat(w);
                // Expected probability per cell, from the kernel's pdf.
                double[] cell = new double[nt * np];
                double total = 0;
                for (int a = 0; a < nt * sub; a++) {
                    double theta = (a + 0.5) * Math.PI / (nt * sub);
                    for (int b = 0; b < np * sub / 4; b++) {
                        double phi = (b + 0.5) * 2 * Math.PI / (np * sub / 4);
                        double st = Math.sin(theta);
                        double[] wi = {st * Math.cos(phi), st * Math.sin(phi), Math.cos(theta)};
                        double p = eval(m, wo, wi)[3] * st * (Math.PI / (nt * sub)) * (2 * Math.PI / (np * sub / 4));
                        cell[(a / sub) * np + b * 4 / sub] += p;
                        total += p;
                    }
                }
                int n = 100000, ok = 0;
                int[] count = new int[nt * np];
                for (int i = 0; i < n; i++) {
                    k.shadeMaterial(0, 0, m, 0, 0, 0);
                    if (!k.sampleBsdf(0, m, (float) wo[0], (float) wo[1], (float) wo[2], r.nextFloat(), r.nextFloat(),
                            r.nextFloat())) {
                        continue;
                    }
                    ok++;
                    float[] sc = k.scratch;
                    double x = sc[Scratch.BS_WX], y = sc[Scratch.BS_WY], z = sc[Scratch.BS_WZ], weight = sc[Scratch.BS_G];
                    double l = Math.sqrt(x * x + y * y + z * z);
                    double theta = Math.acos(Math.max(-1, Math.min(1, z / l)));
                    double phi = Math.atan2(y, x);
                    if (phi < 0) {
                        phi += 2 * Math.PI;
                    }
                    int a = Math.min(nt - 1, (int) (theta / Math.PI * nt)), b = Math.min(np - 1, (int) (phi / (2 * Math.PI) * np));
                    count[a * np + b]++;
                    // The weight is f cos / pdf at the sampled direction.
                    double[] e = eval(m, wo, new double[] {x, y, z});
                    assertEquals(e[1] * Math.abs(z) / e[3], weight, 2e-3 * weight + 1e-6, "weight");
                }
                String label = "disney " + MATERIALS[m] + " wo " + Arrays.toString(wo);
                double rate = (double) ok / n;
                assertTrue(total <= 1.005 && total > 0.75, label + ": pdf integral " + total);
                assertEquals(rate, total, 5 * Math.sqrt(rate * (1 - rate) / n) + 0.004, label + ": pdf integral vs success rate");
                // Chi-square over cells expecting at least 20 samples (the rest pooled).
                double chi2 = 0, pooledE = 0, pooledO = 0;
                int dof = 0;
                for (int c = 0; c < cell.length; c++) {
                    double expected = cell[c] * n;
                    if (expected < 20) {
                        pooledE += expected;
                        pooledO += count[c];
                    } else {
                        chi2 += (count[c] - expected) * (count[c] - expected) / expected;
                        dof++;
                    }
                }
                if (pooledE >= 20) {
                    chi2 += (pooledO - pooledE) * (pooledO - pooledE) / pooledE;
                    dof++;
                }
                assertTrue(dof > 20, label + ": cells " + dof);
                assertTrue(chi2 < dof + 6 * Math.sqrt(2.0 * dof), label + ": chi-square " + chi2 + " over " + dof + " cells");
            }
        }
    }
}

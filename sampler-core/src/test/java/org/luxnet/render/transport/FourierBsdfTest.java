package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.FourierFiles;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's FourierBSDF in the light transport (FourierKernel), called on the CPU as the path tracer calls
 * it, on tables written by {@link FourierFiles}: f, Pdf and Sample_f against {@link FourierReference}, a
 * double-precision transcription of reflection.cpp and interpolation.cpp, over many random directions and
 * sample numbers; sampling consistency (the sampled weight is f |cos| / pdf with f and the density at the
 * sampled direction, and sampling integrates f |cos| as uniform sampling does); a table of a Lambertian
 * reflector against the closed form of a matte (f = R / pi, pdf = |cos| / pi) and its white furnace.
 */
class FourierBsdfTest {
    static PathTraceKernel k;
    static CompiledRender cr;
    /** Materials in scene order. */
    static final int LAMBERT = 0, WHITE = 1, RGB = 2, MONO = 3;
    static FourierReference[] ref = new FourierReference[4];

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        FourierFiles.Table[] tables = {FourierFiles.lambertian(0.8), FourierFiles.lambertian(1),
            FourierFiles.random(11, 12, 8, 3, 1.5f), FourierFiles.random(12, 9, 5, 1, 1.33f)};
        StringBuilder sb = new StringBuilder("Camera \"perspective\"\nWorldBegin\nLightSource \"point\"\n");
        Files.createDirectories(tmp.resolve("bsdfs"));
        for (int i = 0; i < tables.length; i++) {
            byte[] bytes = FourierFiles.write(tables[i]);
            Files.write(tmp.resolve("bsdfs/t" + i + ".bsdf"), bytes);
            ref[i] = new FourierReference(bytes);
            sb.append("AttributeBegin\nTranslate ").append(3 * i).append(" 0 10\nMaterial \"fourier\" \"string bsdffile\" "
                    + "\"bsdfs/t").append(i).append(".bsdf\"\nShape \"sphere\"\nAttributeEnd\n");
        }
        sb.append("WorldEnd\n");
        Path f = tmp.resolve("fourier.pbrt");
        Files.writeString(f, sb.toString());
        cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        k = RenderSupport.transport(cr);
        for (int m = 0; m < tables.length; m++) {
            assertEquals(MaterialLayout.FOURIER, cr.scene().matType[m]);
        }
    }

    static float[] eval(int m, double[] wo, double[] wi) {
        k.shadeMaterial(0, 0, m, 0, 0, 0);
        k.evalBsdf(0, m, (float) wo[0], (float) wo[1], (float) wo[2], (float) wi[0], (float) wi[1], (float) wi[2]);
        float[] s = k.scratch;
        return new float[] {s[Scratch.BS_R], s[Scratch.BS_G], s[Scratch.BS_B], s[Scratch.BS_PDF]};
    }

    /** The weight f |cos| / pdf (rgb), pdf, and wi of a sample; null where sampling failed. */
    static float[] sample(int m, double[] wo, double u1, double u2) {
        k.shadeMaterial(0, 0, m, 0, 0, 0);
        boolean ok = k.sampleBsdf(0, m, (float) wo[0], (float) wo[1], (float) wo[2], (float) u1, (float) u2, 0.5f);
        float[] s = k.scratch;
        return ok ? new float[] {s[Scratch.BS_R], s[Scratch.BS_G], s[Scratch.BS_B], s[Scratch.BS_PDF], s[Scratch.BS_WX],
            s[Scratch.BS_WY], s[Scratch.BS_WZ]} : null;
    }

    /** pbrt-v3 UniformSampleSphere, rounded to float as the kernel takes it. */
    static double[] sphere(double u1, double u2) {
        double z = 1 - 2 * u1, r = Math.sqrt(Math.max(0, 1 - z * z)), phi = 2 * Math.PI * u2;
        return new double[] {(float) (r * Math.cos(phi)), (float) (r * Math.sin(phi)), (float) z};
    }

    /**
     * The kernel's error allowance against the double reference for a value of a table whose cells' series
     * have coefficient sums up to {@code bound} in magnitude: the kernel sums 16 cells of up to 8 terms in
     * float (significands of 2^-24, 6e-8), with Catmull-Rom weights up to about 1.25 and the cosine
     * recurrence, then divides by |mu_i| and scales by up to eta^2. Measured over the 80000 pairs of
     * fAndPdfMatchTheReference: at most 5e-7 bound / |mu_i| (eta^2) absolute and 4e-5 relative on values
     * above a thousandth of that; allowed: 4e-6 and 1e-4, eight and two and a half times those.
     */
    static double tol(double value, double bound, double muI, double eta) {
        return 1e-4 * Math.abs(value) + 4e-6 * bound * Math.max(eta * eta, 1) / Math.max(Math.abs(muI), 1e-3);
    }

    /** The largest sum of |coefficients| of one channel of one cell. */
    static double bound(FourierReference r) {
        double b = 0;
        for (int cell = 0; cell < r.nMu * r.nMu; cell++) {
            for (int c = 0; c < r.nChannels; c++) {
                double s = 0;
                for (int kk = 0; kk < r.m[cell]; kk++) {
                    s += Math.abs(r.a[r.aOffset[cell] + c * r.m[cell] + kk]);
                }
                b = Math.max(b, s);
            }
        }
        return b;
    }

    @Test
    void fAndPdfMatchTheReference() {
        Random rng = new Random(3);
        for (int m = 0; m < 4; m++) {
            FourierReference r = ref[m];
            double bound = bound(r);
            int lit = 0;
            for (int i = 0; i < 20000; i++) {
                double[] wo = sphere(rng.nextDouble(), rng.nextDouble());
                double[] wi = sphere(rng.nextDouble(), rng.nextDouble());
                float[] got = eval(m, wo, wi);
                double[] want = r.f(wo, wi);
                double pdf = r.pdf(wo, wi);
                String at = "material " + m + " wo " + java.util.Arrays.toString(wo) + " wi "
                        + java.util.Arrays.toString(wi);
                for (int c = 0; c < 3; c++) {
                    assertEquals(want[c], got[c], tol(want[c], bound, wi[2], r.eta), at + " channel " + c);
                }
                // pdf = Y / rho, a density of order 1 / pi: measured at most 1.2e-7 absolute, 3e-6 relative.
                assertEquals(pdf, got[3], 1e-4 * pdf + 1e-6, at + " pdf");
                lit += want[0] + want[1] + want[2] > 0 ? 1 : 0;
            }
            assertTrue(lit > 5000, "material " + m + ": " + lit + " of 20000 pairs scatter");
        }
    }

    static double rho(FourierReference r, double muO) {
        double[] w = new double[4];
        int off = FourierReference.catmullRomWeights(r.mu, muO, w);
        double rho = 0;
        for (int o = 0; o < 4; o++) {
            rho += w[o] == 0 ? 0 : w[o] * r.cdf[(off + o) * r.nMu + r.nMu - 1] * 2 * Math.PI;
        }
        return rho;
    }

    @Test
    void sampleFMatchesTheReference() {
        Random rng = new Random(4);
        for (int m = 0; m < 4; m++) {
            FourierReference r = ref[m];
            double bound = bound(r);
            int sampled = 0;
            for (int i = 0; i < 5000; i++) {
                double[] wo = sphere(rng.nextDouble(), rng.nextDouble());
                double u1 = (float) rng.nextDouble(), u2 = (float) rng.nextDouble();
                float[] got = sample(m, wo, u1, u2);
                double[] want = r.sample(wo, u1, u2);
                String at = "material " + m + " wo " + java.util.Arrays.toString(wo) + " u " + u1 + ", " + u2;
                if (want == null) {
                    assertNull(got, at);
                    continue;
                }
                assertNotNull(got, at);
                sampled++;
                // Both Newton-bisection iterations stop where |F - u| < 1e-6, the kernel's in float: measured over
                // these 20000 samples, wi within 2.2e-5, the pdf within 3.8e-4 and the weight within 2.6e-4
                // relative; allowed 1e-4, 2e-3 and 2e-3 (plus tol for the weight's f).
                for (int c = 0; c < 3; c++) {
                    assertEquals(want[c], got[4 + c], 1e-4, at + " wi " + c);
                }
                assertEquals(want[3], got[3], 2e-3 * want[3] + 1e-6, at + " pdf");
                for (int c = 0; c < 3; c++) {
                    double w = want[4 + c] * Math.abs(want[2]) / want[3];
                    assertEquals(w, got[c], 2e-3 * Math.abs(w) + tol(w, bound, want[2], r.eta) * Math.abs(want[2])
                            / want[3], at + " weight " + c);
                }
            }
            assertTrue(sampled > 4000, "material " + m + ": " + sampled + " samples");
        }
    }

    /** Sampled weight times pdf over |cos| is f at the sampled direction; the density there is close to Pdf. */
    @Test
    void samplingConsistency() {
        Random rng = new Random(5);
        for (int m = 0; m < 4; m++) {
            double pdfErr = 0;
            int n = 0;
            for (int i = 0; i < 5000; i++) {
                double[] wo = sphere(rng.nextDouble(), rng.nextDouble());
                float[] s = sample(m, wo, rng.nextDouble(), rng.nextDouble());
                if (s == null) {
                    continue;
                }
                double[] wi = {s[4], s[5], s[6]};
                float[] e = eval(m, wo, wi);
                for (int c = 0; c < 3; c++) {
                    double f = s[c] * s[3] / Math.abs(s[6]);
                    assertEquals(e[c], f, 1e-5 * Math.abs(e[c]) + 1e-6, "material " + m + " channel " + c);
                }
                pdfErr += Math.abs(e[3] - s[3]) / s[3];
                n++;
            }
            // Sample_f's pdf (the spline's own density of mu_i times the phi density) and Pdf (the interpolated
            // series over its interpolated total) are two interpolations of one density.
            assertTrue(pdfErr / n < 0.05, "material " + m + ": mean relative pdf difference " + pdfErr / n);
        }
    }

    /**
     * Sampling integrates f |cos| over the sphere as uniform sampling does (reflectance and transmittance
     * together, per channel), for a few wo: the estimators agree within their standard errors.
     */
    @Test
    void samplingIntegratesAsUniformSampling() {
        Random rng = new Random(6);
        for (int m : new int[] {LAMBERT, RGB, MONO}) {
            for (int j = 0; j < 3; j++) {
                double[] wo = sphere(rng.nextDouble(), rng.nextDouble());
                int count = 40000;
                double[] us = new double[3], us2 = new double[3], bs = new double[3], bs2 = new double[3];
                for (int i = 0; i < count; i++) {
                    double[] wi = sphere(rng.nextDouble(), rng.nextDouble());
                    float[] e = eval(m, wo, wi);
                    float[] s = sample(m, wo, rng.nextDouble(), rng.nextDouble());
                    for (int c = 0; c < 3; c++) {
                        double x = e[c] * Math.abs(wi[2]) * 4 * Math.PI;
                        us[c] += x;
                        us2[c] += x * x;
                        double y = s == null ? 0 : s[c];
                        bs[c] += y;
                        bs2[c] += y * y;
                    }
                }
                for (int c = 0; c < 3; c++) {
                    double a = us[c] / count, b = bs[c] / count;
                    double ea = Math.sqrt((us2[c] / count - a * a) / count), eb = Math.sqrt((bs2[c] / count - b * b) / count);
                    assertTrue(Math.abs(a - b) < 4 * Math.hypot(ea, eb) + 1e-3 * a,
                            "material " + m + " channel " + c + ": uniform " + a + " +- " + ea + ", sampled " + b + " +- " + eb);
                    assertTrue(a > 0.1, "material " + m + " scatters: " + a);
                }
            }
        }
    }

    /**
     * The Lambertian table is a matte of reflectance 0.8: f = 0.8 / pi and pdf = |cos theta_i| / pi (over 1.0002) for
     * reflection, 0 for transmission, wherever the spline reproduces a0 exactly (|mu_i|, |mu_o| >= 0.075, see
     * FourierFiles#lambertian); the white one (R = 1) returns every sample with the same weight there, the
     * spline's albedo 2 pi (integral of a0 over mu_i) = 1.0002 (the spline's interval across the kink of |mu_i|
     * at 0 adds 2e-4): a white furnace without variance, its mu_i and phi sampling being exact.
     */
    @Test
    void lambertianTableIsAMatte() {
        Random rng = new Random(7);
        int checked = 0;
        for (int i = 0; i < 20000; i++) {
            double[] wo = sphere(rng.nextDouble(), rng.nextDouble());
            double[] wi = sphere(rng.nextDouble(), rng.nextDouble());
            if (Math.abs(wo[2]) < 0.075 || Math.abs(wi[2]) < 0.075) {
                continue;
            }
            checked++;
            boolean reflect = wo[2] * wi[2] > 0;
            float[] e = eval(LAMBERT, wo, wi);
            for (int c = 0; c < 3; c++) {
                assertEquals(reflect ? 0.8 / Math.PI : 0, e[c], 2e-6, "f " + c);
            }
            // Pdf divides by the spline's albedo (1.0002 times 0.8, see below).
            double excess = rho(ref[LAMBERT], wo[2]) / 0.8;
            assertEquals(1, excess, 5e-4);
            assertEquals(reflect ? Math.abs(wi[2]) / Math.PI / excess : 0, e[3], 2e-6, "pdf");
            float[] s = sample(WHITE, wo, rng.nextDouble(), rng.nextDouble());
            if (s != null && Math.abs(s[6]) >= 0.075) {
                assertTrue(s[6] * wo[2] > 0, "reflects");
                double albedo = rho(ref[WHITE], wo[2]);
                assertEquals(1, albedo, 5e-4, "the spline's albedo");
                for (int c = 0; c < 3; c++) {
                    // f |cos| / pdf = Y / (fhat / max / (2 pi)): Y and fhat are one spline at mu_i, evaluated in float
                    // by CatmullRomWeights and by SampleCatmullRom2D's Horner form (they differ by a few 1e-5).
                    assertEquals(albedo, s[c], 1e-4, "white furnace weight " + c);
                }
            }
        }
        assertTrue(checked > 15000);
    }

    /** White furnace over whole hemispheres, grazing directions included: the albedo is 1 within 0.5%. */
    @Test
    void whiteFurnace() {
        Random rng = new Random(8);
        for (int j = 0; j < 20; j++) {
            double[] wo = sphere(rng.nextDouble(), rng.nextDouble());
            double sum = 0;
            int count = 4000;
            for (int i = 0; i < count; i++) {
                float[] s = sample(WHITE, wo, rng.nextDouble(), rng.nextDouble());
                sum += s == null ? 0 : s[1];
            }
            assertEquals(1, sum / count, 0.005, "wo " + java.util.Arrays.toString(wo));
        }
    }
}

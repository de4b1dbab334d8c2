package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's scatter material (materials/scattermaterial.cpp, core/reflection/bxdf/schlickscatter.cpp):
 * F = Kd (1 - k^2) / (4 pi (1 + k wo.wi)^2), k = g (1.55 - 0.55 g^2) per channel, over the whole sphere,
 * sampled with k's mean (the layered material: LuxLayeredTest).
 */
class LuxScatterTest {
    static final String[] MATERIALS = {
        "\"scatter\" \"color Kd\" [0.8 0.6 0.4] \"color g\" [0.3 0 -0.5]",
        "\"scatter\" \"float g\" [0]",
        "\"scatter\" \"color g\" [3 -3 0.5]",
    };
    static CompiledScene scene;
    static PathTraceKernel k;

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        CompiledRender r = BsdfConsistencyTest.spheres(tmp, "scatter.lxs", MATERIALS);
        assertTrue(r.warnings().stream().allMatch(w -> w.message().contains("no lights")), r.warnings().toString());
        scene = r.scene();
        k = RenderSupport.transport(r);
    }

    private static double kOf(double g) {
        g = Math.max(-1, Math.min(1, g));
        return g * (1.55 - 0.55 * g * g);
    }

    private static double phase(double k, double cos) {
        return (1 - k * k) / (4 * Math.PI * (1 + k * cos) * (1 + k * cos));
    }

    /** f |cos wi| is SchlickScatter::F, for wi on either side; the pdf is the phase of k's mean. */
    @Test
    void fTimesCosineIsSchlickScatterF() {
        assertEquals(MaterialLayout.SCATTER, scene.matType[0]);
        double[] kd = {0.8, 0.6, 0.4}, g = {0.3, 0, -0.5};
        float[][] wis = {{0, 0.6f, 0.8f}, {0.48f, 0, -0.877496f}};
        float wox = 0.6f, woy = 0, woz = 0.8f;
        for (float[] wi : wis) {
            double cos = wox * wi[0] + woy * wi[1] + woz * wi[2];
            k.shadeMaterial(0, 0, 0, 0, 0, 0);
            k.evalBsdf(0, 0, wox, woy, woz, wi[0], wi[1], wi[2]);
            double kMean = (kOf(0.3) + kOf(0) + kOf(-0.5)) / 3;
            for (int c = 0; c < 3; c++) {
                double expected = kd[c] * phase(kOf(g[c]), cos);
                assertEquals(expected, k.scratch[Scratch.BS_R + c] * Math.abs(wi[2]), 1e-6, "channel " + c);
            }
            assertEquals(phase(kMean, cos), k.scratch[Scratch.BS_PDF], 1e-6);
        }
    }

    /** SampleF: cos(wo, wi) = -(2 u1 + k - 1) / (2 k u1 - k + 1); weight F / pdf, which is Kd when g is 0. */
    @Test
    void samplesThePhaseFunction() {
        float wox = 0.6f, woy = 0, woz = 0.8f;
        double kMean = (kOf(0.3) + kOf(0) + kOf(-0.5)) / 3;
        for (float u1 : new float[] {0.1f, 0.5f, 0.93f}) {
            k.shadeMaterial(0, 0, 0, 0, 0, 0);
            assertTrue(k.sampleBsdf(0, 0, wox, woy, woz, u1, 0.3f, 0.5f));
            float ix = k.scratch[Scratch.BS_WX], iy = k.scratch[Scratch.BS_WY], iz = k.scratch[Scratch.BS_WZ];
            assertEquals(1, ix * ix + iy * iy + iz * iz, 1e-5);
            double cos = wox * ix + woy * iy + woz * iz;
            assertEquals(-(2 * u1 + kMean - 1) / (2 * kMean * u1 - kMean + 1), cos, 2e-5);
            assertEquals(iz < 0, k.scratch[Scratch.BS_TRANSMISSION] != 0, "crossing the surface is transmission");
            double w = 0.8 * phase(kOf(0.3), cos) / phase(kMean, cos);
            assertEquals(w, k.scratch[Scratch.BS_R], 1e-4 * w);
        }
        for (float u1 : new float[] {0.2f, 0.7f}) {
            k.shadeMaterial(0, 0, 1, 0, 0, 0);
            assertTrue(k.sampleBsdf(0, 1, wox, woy, woz, u1, 0.8f, 0.5f));
            assertEquals(0.9, k.scratch[Scratch.BS_G], 1e-5, "isotropic: the weight is Kd");
        }
    }

    @Test
    void gIsClampedToPlusMinusOne() {
        float wox = 0, woy = 0, woz = 1;
        k.shadeMaterial(0, 0, 2, 0, 0, 0);
        k.evalBsdf(0, 2, wox, woy, woz, 0.6f, 0, 0.8f);
        assertEquals(0.9 * phase(kOf(1), 0.8) / 0.8, k.scratch[Scratch.BS_R], 1e-5);
        assertEquals(0.9 * phase(kOf(-1), 0.8) / 0.8, k.scratch[Scratch.BS_G], 1e-5);
    }

    /**
     * Over many samples from random wo: each sample's pdf and weight agree with evaluation, the mean
     * weight of each channel is Kd (the phase function integrates to 1 over the sphere) and uniform
     * sphere sampling of f |cos wi| gives the same.
     */
    @Test
    void samplingIntegratesToKdOverTheSphere() {
        java.util.Random r = new java.util.Random(5);
        double[] kd = {0.8, 0.6, 0.4};
        for (int trial = 0; trial < 4; trial++) {
            double z = 2 * r.nextDouble() - 1, phi = 2 * Math.PI * r.nextDouble(), s = Math.sqrt(1 - z * z);
            float wox = (float) (s * Math.cos(phi)), woy = (float) (s * Math.sin(phi)), woz = (float) z;
            int n = 40000;
            double[] sum = new double[3], sum2 = new double[3], uni = new double[3];
            for (int i = 0; i < n; i++) {
                k.shadeMaterial(0, 0, 0, 0, 0, 0);
                assertTrue(k.sampleBsdf(0, 0, wox, woy, woz, r.nextFloat(), r.nextFloat(), r.nextFloat()));
                float ix = k.scratch[Scratch.BS_WX], iy = k.scratch[Scratch.BS_WY], iz = k.scratch[Scratch.BS_WZ];
                double pdf = k.scratch[Scratch.BS_PDF];
                double[] w = {k.scratch[Scratch.BS_R], k.scratch[Scratch.BS_G], k.scratch[Scratch.BS_B]};
                k.evalBsdf(0, 0, wox, woy, woz, ix, iy, iz);
                assertEquals(k.scratch[Scratch.BS_PDF], pdf, 1e-4 * pdf);
                for (int c = 0; c < 3; c++) {
                    sum[c] += w[c];
                    sum2[c] += w[c] * w[c];
                }
                double uz = 2 * r.nextDouble() - 1, up = 2 * Math.PI * r.nextDouble(), us = Math.sqrt(1 - uz * uz);
                k.evalBsdf(0, 0, wox, woy, woz, (float) (us * Math.cos(up)), (float) (us * Math.sin(up)), (float) uz);
                for (int c = 0; c < 3; c++) {
                    uni[c] += k.scratch[Scratch.BS_R + c] * Math.abs(uz) * 4 * Math.PI;
                }
            }
            for (int c = 0; c < 3; c++) {
                double mean = sum[c] / n, se = Math.sqrt(Math.max(0, sum2[c] / n - mean * mean) / n);
                assertEquals(kd[c], mean, 5 * se + 1e-3, "mean weight, channel " + c);
                assertEquals(kd[c], uni[c] / n, 0.02 * kd[c], "uniform integral, channel " + c);
            }
        }
    }
}

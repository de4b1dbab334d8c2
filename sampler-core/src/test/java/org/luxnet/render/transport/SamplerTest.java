package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luxnet.render.transport.SampleKernel.BSDF_U;
import static org.luxnet.render.transport.SampleKernel.BSDF_V;
import static org.luxnet.render.transport.SampleKernel.LIGHT_U;
import static org.luxnet.render.transport.SampleKernel.LIGHT_V;
import static org.luxnet.render.transport.SampleKernel.ROULETTE;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compiled.RenderSettings.SamplerKind;

/**
 * The sample numbers' contract (the light transport's bottom layer): a pure function of (seed, pixel,
 * index), uniform, and (Sobol) stratified.
 */
class SamplerTest {
    private static final int SLOTS = ROULETTE + 1;
    private static PathTraceKernel sobol, independent;

    @BeforeAll
    static void kernels(@TempDir Path dir) throws Exception {
        sobol = RenderSupport.tinyTransport(dir);
        independent = RenderSupport.tinyTransport(dir);
    }

    /** The kernel for a sampler kind. */
    private static PathTraceKernel of(SamplerKind kind) {
        return kind == SamplerKind.INDEPENDENT ? independent : sobol;
    }

    /** One value per dimension of sample i: camera uv, lens uv, and the bounce slots of 6 bounces. */
    private static float[] values(SamplerKind kind, long seed, int pixel, int index) {
        PathTraceKernel k = of(kind);
        k.setupSampler(kind, seed);
        int ps = k.pixelSeed(pixel);
        float[] v = new float[4 + SLOTS * 6];
        for (int d = 0; d < 4; d++) {
            v[d] = k.cameraDimension(ps, index, d);
        }
        for (int b = 0; b < 6; b++) {
            for (int slot = 0; slot < SLOTS; slot++) {
                v[4 + SLOTS * b + slot] = k.bounceDimension(ps, index, b, slot);
            }
        }
        return v;
    }

    @Test
    void valuesArePureFunctionsOfSeedPixelAndIndex() {
        for (SamplerKind s : SamplerKind.values()) {
            float[] a = values(s, 42, 1234, 17);
            values(s, 7, 99, 3); // other state in between must not matter
            float[] b = values(s, 42, 1234, 17);
            assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
            assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(values(s, 43, 1234, 17)),
                    "another seed gives other numbers");
            assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(values(s, 42, 1235, 17)),
                    "another pixel gives other numbers");
            for (float v : a) {
                assertTrue(v >= 0 && v < 1, "value in [0,1): " + v);
            }
        }
    }

    /** Every elementary interval of area 1/n holds exactly one of the first n points: a (0,m,2)-net. */
    private static void assertNet(float[] u, float[] v, int m) {
        int n = 1 << m;
        for (int a = 0; a <= m; a++) {
            int cx = 1 << a, cy = 1 << (m - a);
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                int ix = (int) (u[i] * cx), iy = (int) (v[i] * cy);
                count[iy * cx + ix]++;
            }
            for (int c : count) {
                assertEquals(1, c, "elementary interval " + cx + "x" + cy + " of a (0," + m + ",2)-net");
            }
        }
    }

    @Test
    void owenSobolPixelPrefixesAreNetsInEveryPair() {
        SamplerKind s = SamplerKind.LOW_DISCREPANCY;
        for (int m : new int[] {2, 4, 6, 8}) {
            int n = 1 << m;
            for (int pixel : new int[] {0, 777, 65535}) {
                float[][] pairs = new float[2 + 2 * SampleKernel.LD_BOUNCES * 2][n];
                for (int i = 0; i < n; i++) {
                    float[] v = values(s, 5, pixel, i);
                    pairs[0][i] = v[0];
                    pairs[1][i] = v[1];
                    for (int b = 0; b < SampleKernel.LD_BOUNCES; b++) {
                        pairs[2 + 4 * b][i] = v[4 + SLOTS * b + LIGHT_U];
                        pairs[3 + 4 * b][i] = v[4 + SLOTS * b + LIGHT_V];
                        pairs[4 + 4 * b][i] = v[4 + SLOTS * b + BSDF_U];
                        pairs[5 + 4 * b][i] = v[4 + SLOTS * b + BSDF_V];
                    }
                }
                for (int p = 0; p < pairs.length; p += 2) {
                    assertNet(pairs[p], pairs[p + 1], m);
                }
            }
        }
    }

    @Test
    void independentSamplerIsUniform() {
        SamplerKind s = SamplerKind.INDEPENDENT;
        int bins = 32;
        long[] counts = new long[bins];
        double[] expected = new double[bins];
        for (int i = 0; i < 20000; i++) {
            float[] v = values(s, 9, i % 100, i / 100);
            for (float x : v) {
                counts[(int) (x * bins)]++;
            }
        }
        long total = java.util.Arrays.stream(counts).sum();
        java.util.Arrays.fill(expected, (double) total / bins);
        assertTrue(new ChiSquareTest().chiSquareTest(expected, counts) > 1e-4, "uniform histogram");
    }

    @Test
    void sobolMatricesMatchCommonsMath() {
        org.apache.commons.math3.random.SobolSequenceGenerator gen =
                new org.apache.commons.math3.random.SobolSequenceGenerator(4);
        // Commons Math enumerates in Gray-code order: its n-th vector is the Sobol point of gray(n).
        for (int n = 1; n < 300; n++) {
            double[] v = gen.skipTo(n);
            int gray = n ^ (n >>> 1);
            for (int d = 0; d < 4; d++) {
                assertEquals(v[d], (SobolMatrices.point(gray, d) & 0xffffffffL) * 0x1p-32, 1e-9, "dim " + d + " index " + n);
            }
        }
    }

    @Test
    void streamsOfNodesAndDevicesAreDistinct() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int node = 0; node < 64; node++) {
            for (int dev = 0; dev < 4; dev++) {
                assertTrue(seen.add(Hash.streamSeed(1, node, dev)), "stream " + node + "/" + dev + " repeats");
            }
        }
    }
}

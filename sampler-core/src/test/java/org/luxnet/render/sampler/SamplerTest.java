package org.luxnet.render.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** The samplers' contract: a pure function of (seed, pixel, index), uniform, and (Sobol) stratified. */
class SamplerTest {

    /** One value per (dimension pair) of sample i: camera uv, lens uv, and bounce slots. */
    private static float[] values(Sampler s, long seed, int pixel, int index) {
        s.startSample(seed, pixel, index);
        float[] v = new float[4 + 8 * 6];
        v[0] = s.cameraU();
        v[1] = s.cameraV();
        v[2] = s.lensU();
        v[3] = s.lensV();
        for (int b = 0; b < 6; b++) {
            s.startBounce(b);
            for (int k = 0; k < 8; k++) {
                v[4 + 8 * b + k] = s.get(k);
            }
        }
        return v;
    }

    @Test
    void valuesArePureFunctionsOfSeedPixelAndIndex() {
        for (Sampler s : new Sampler[] {new OwenSobolSampler(), new IndependentSampler()}) {
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
        OwenSobolSampler s = new OwenSobolSampler();
        for (int m : new int[] {2, 4, 6, 8}) {
            int n = 1 << m;
            for (int pixel : new int[] {0, 777, 65535}) {
                float[][] pairs = new float[2 + 2 * OwenSobolSampler.LD_BOUNCES * 2][n];
                for (int i = 0; i < n; i++) {
                    float[] v = values(s, 5, pixel, i);
                    pairs[0][i] = v[0];
                    pairs[1][i] = v[1];
                    for (int b = 0; b < OwenSobolSampler.LD_BOUNCES; b++) {
                        pairs[2 + 4 * b][i] = v[4 + 8 * b + Sampler.LIGHT_U];
                        pairs[3 + 4 * b][i] = v[4 + 8 * b + Sampler.LIGHT_V];
                        pairs[4 + 4 * b][i] = v[4 + 8 * b + Sampler.BSDF_U];
                        pairs[5 + 4 * b][i] = v[4 + 8 * b + Sampler.BSDF_V];
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
        IndependentSampler s = new IndependentSampler();
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

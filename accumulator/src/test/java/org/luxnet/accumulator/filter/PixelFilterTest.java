package org.luxnet.accumulator.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PixelFilterTest {
    static Stream<PixelFilter> filters() {
        return Stream.of(
                new BoxFilter(0.5f, 0.5f), new BoxFilter(0.5f, 1.5f),
                new TriangleFilter(2f, 2f), new TriangleFilter(1f, 2f),
                new GaussianFilter(2f, 2f, 2f), new GaussianFilter(1.5f, 2.5f, 1f),
                new MitchellFilter(2f, 2f, 1f / 3, 1f / 3), new MitchellFilter(2f, 1.2f, 0f, 0.75f),
                new SincFilter(4f, 4f, 3f), new SincFilter(3f, 2f, 2f));
    }

    /** An asymmetric, non-separable test function, so errors in sign, spread or axis show. */
    private static double g(double x, double y) {
        return Math.exp(0.4 * x) * Math.cos(0.7 * y + 0.3) + 0.5 * x * y + 0.2 * x * x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void weightedSampleMeanConvergesToFilteredIntegral(PixelFilter f) {
        double exact = filteredMeanByQuadrature(f);
        SplittableRandom rnd = new SplittableRandom(42);
        int n = 200_000;
        float[] out = new float[3];
        double[] w = new double[n], wg = new double[n];
        double sw = 0, swg = 0;
        for (int i = 0; i < n; i++) {
            f.sample((float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
            w[i] = out[2];
            wg[i] = out[2] * g(out[0], out[1]);
            sw += w[i];
            swg += wg[i];
        }
        double ratio = swg / sw;
        // Delta-method standard error of a ratio estimator.
        double meanW = sw / n, var = 0;
        for (int i = 0; i < n; i++) {
            double r = wg[i] - ratio * w[i];
            var += r * r;
        }
        double se = Math.sqrt(var / (n - 1) / n) / meanW;
        assertTrue(se < 0.01, "estimator too noisy to test anything: se " + se);
        assertEquals(exact, ratio, 5 * se + 1e-4, "filtered mean of g for " + f + " (se " + se + ")");
    }

    /** ∫ f g / ∫ f over the support by composite Gauss-Legendre; pieces end at Mitchell's kinks. */
    private static double filteredMeanByQuadrature(PixelFilter f) {
        double[][] xs = nodes(f.radiusX()), ys = nodes(f.radiusY());
        double num = 0, den = 0;
        for (int i = 0; i < xs[0].length; i++) {
            for (int j = 0; j < ys[0].length; j++) {
                double wf = xs[1][i] * ys[1][j] * f.evaluate((float) xs[0][i], (float) ys[0][j]);
                num += wf * g(xs[0][i], ys[0][j]);
                den += wf;
            }
        }
        return num / den;
    }

    private static double[][] nodes(double r) {
        int pieces = 16, order = 8;
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        double[] p = new double[pieces * order], w = new double[pieces * order];
        for (int k = 0; k < pieces; k++) {
            double a = -r + 2 * r * k / pieces, b = -r + 2 * r * (k + 1) / pieces;
            GaussIntegrator gi = factory.legendre(order, a, b);
            for (int i = 0; i < order; i++) {
                p[k * order + i] = gi.getPoint(i);
                w[k * order + i] = gi.getWeight(i);
            }
        }
        return new double[][] {p, w};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void offsetsStayWithinRadiusAndWeightHasFilterSign(PixelFilter f) {
        float[] out = new float[3];
        float[] edges = {0f, Float.MIN_VALUE, 0.5f, Math.nextDown(1f), 1f};
        for (float a : edges) {
            for (float b : edges) {
                f.sample(a, b, out);
                assertWithin(f, out);
            }
        }
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            f.sample((float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
            assertWithin(f, out);
            float v = f.evaluate(out[0], out[1]);
            assertTrue(v * out[2] >= 0, "weight " + out[2] + " has the wrong sign for filter value " + v);
        }
    }

    private static void assertWithin(PixelFilter f, float[] out) {
        assertTrue(Math.abs(out[0]) <= f.radiusX() && Math.abs(out[1]) <= f.radiusY(),
                "offset (" + out[0] + ", " + out[1] + ") outside radius of " + f);
        assertTrue(Float.isFinite(out[2]), "weight " + out[2]);
    }

    @Test
    void boxAndTriangleWeightsAreExactlyOne() {
        float[] out = new float[3];
        SplittableRandom rnd = new SplittableRandom(3);
        PixelFilter[] exact = {new BoxFilter(0.5f, 0.5f), new BoxFilter(1.5f, 0.25f), new TriangleFilter(2f, 1f)};
        for (PixelFilter f : exact) {
            for (int i = 0; i < 10_000; i++) {
                f.sample((float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
                assertEquals(1f, out[2], f.toString());
            }
        }
    }

    @Test
    void tabulatedWeightsStayCloseToOneForNonNegativeFilters() {
        PixelFilter f = new GaussianFilter(2f, 2f, 2f);
        float[] out = new float[3];
        SplittableRandom rnd = new SplittableRandom(11);
        int far = 0, n = 100_000;
        for (int i = 0; i < n; i++) {
            f.sample((float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
            assertTrue(out[2] > 0);
            if (Math.abs(out[2] - 1) > 0.05) {
                far++;
            }
        }
        // Only the few bins at the very edge, where f falls to 0, may stray further from 1.
        assertTrue(far < n / 1000, far + " weights differ from 1 by more than 5%");
    }

    @Test
    void evaluateFollowsPbrtDefinitions() {
        double e = Math.exp(-2 * 4);
        assertEquals((1 - e) * (1 - e), new GaussianFilter(2f, 2f, 2f).evaluate(0f, 0f), 1e-6);
        assertEquals((Math.exp(-2) - e) * (1 - e), new GaussianFilter(2f, 2f, 2f).evaluate(1f, 0f), 1e-6);
        double m0 = (6 - 2.0 / 3) / 6;
        assertEquals(m0 * m0, new MitchellFilter(2f, 2f, 1f / 3, 1f / 3).evaluate(0f, 0f), 1e-6);
        assertEquals(0, new MitchellFilter(2f, 2f, 1f / 3, 1f / 3).evaluate(2f, 0f), 1e-6);
        assertTrue(new MitchellFilter(2f, 2f, 1f / 3, 1f / 3).evaluate(1.5f, 0f) < 0, "negative lobe");
        assertEquals(0, new SincFilter(4f, 4f, 3f).evaluate(1f, 0f), 1e-6);
        assertEquals(0, new SincFilter(4f, 4f, 3f).evaluate(4.5f, 0f));
        assertEquals(2f, new TriangleFilter(2f, 1f).evaluate(0f, 0f));
        assertEquals(0.5f, new TriangleFilter(2f, 1f).evaluate(1f, 0.5f));
        assertEquals(0f, new BoxFilter(0.5f, 0.5f).evaluate(0.6f, 0f));
    }

    @Test
    void samplingDoesNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PixelFilter[] fs = filters().toArray(PixelFilter[]::new);
        float[] out = new float[3];
        long tid = Thread.currentThread().getId();
        for (PixelFilter f : fs) {
            f.sample(0.3f, 0.6f, out);
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                f.sample(i / 20_000f, 1 - i / 20_001f, out);
            }
            long bytes = mx.getThreadAllocatedBytes(tid) - before;
            assertTrue(bytes < 4096, f + " allocated " + bytes + " bytes in 20000 samples");
        }
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.luxnet.accumulator.filter.BoxFilter;
import org.luxnet.accumulator.filter.GaussianFilter;
import org.luxnet.accumulator.filter.MitchellFilter;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.accumulator.filter.SincFilter;
import org.luxnet.accumulator.filter.TriangleFilter;
import org.luxnet.render.RenderSupport;

/**
 * Filter importance sampling in the light transport's camera step ({@link CameraKernel}): offsets stay
 * within the radius, weights have the filter's sign (exactly 1 for box and triangle), and the weighted
 * mean of any function converges to its filtered integral, for every filter kind.
 */
class FilterSamplingTest {
    private static PathTraceKernel kernel;
    /** The filter the kernel is set up for (setting it up exports the tables, so it is done once per filter). */
    private static PixelFilter current;

    @BeforeAll
    static void kernel(@TempDir Path dir) throws Exception {
        kernel = RenderSupport.tinyTransport(dir);
    }

    /**
     * The filter offset and weight the camera step draws from numbers (u1, u2) with filter {@code f}:
     * out[0], out[1] the offset, out[2] the weight (as {@link CameraKernel#startPath} combines them).
     */
    private static void sample(PixelFilter f, float u1, float u2, float[] out) {
        PathTraceKernel k = kernel;
        if (f != current) {
            k.setupFilter(f);
            current = f;
        }
        int bx = 0, by = 0;
        if (k.filterKind == CameraKernel.TABULATED) {
            bx = k.filterBin(0, u1);
            by = k.filterBin(1, u2);
        }
        out[0] = k.filterOffset(0, u1, bx);
        out[1] = k.filterOffset(1, u2, by);
        out[2] = k.filterFactor(0, out[0], bx) * k.filterFactor(1, out[1], by);
    }

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
            sample(f, (float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
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
                sample(f, a, b, out);
                assertWithin(f, out);
            }
        }
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            sample(f, (float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
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
                sample(f, (float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
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
            sample(f, (float) rnd.nextDouble(), (float) rnd.nextDouble(), out);
            assertTrue(out[2] > 0);
            if (Math.abs(out[2] - 1) > 0.05) {
                far++;
            }
        }
        // Only the few bins at the very edge, where f falls to 0, may stray further from 1.
        assertTrue(far < n / 1000, far + " weights differ from 1 by more than 5%");
    }
}

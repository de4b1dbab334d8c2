package org.luxnet.accumulator.filter;

import java.util.Arrays;

/**
 * Piecewise-constant sampling of |f| on [-r, r] for a 1D filter profile f without an analytic
 * sampler, as pbrt-v4's FilterSampler does in 2D. Each bin holds the mean of |f| at five points
 * across it, so a bin is empty only if f vanishes at all five; an isolated zero crossing (sinc,
 * Mitchell) does not empty a bin. Immutable and thread-safe.
 */
final class TabulatedSampler1D {
    /** Bins per pixel of radius: fine enough that f varies little inside a bin. */
    private static final int BINS_PER_PIXEL = 256;
    private static final int MIN_BINS = 64, MAX_BINS = 8192;
    private static final int POINTS_PER_BIN = 5;

    private final double radius, binWidth;
    private final double[] binMean;
    private final double[] cdf;

    TabulatedSampler1D(Profile f, double radius) {
        int n = (int) Math.max(MIN_BINS, Math.min(MAX_BINS, Math.ceil(2 * radius * BINS_PER_PIXEL)));
        this.radius = radius;
        this.binWidth = 2 * radius / n;
        this.binMean = new double[n];
        this.cdf = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double a = -radius + i * binWidth, sum = 0;
            for (int k = 0; k < POINTS_PER_BIN; k++) {
                sum += Math.abs(f.value(a + binWidth * k / (POINTS_PER_BIN - 1), radius));
            }
            binMean[i] = sum / POINTS_PER_BIN;
            cdf[i + 1] = cdf[i] + binMean[i];
        }
        double total = cdf[n];
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("filter profile has no mass on [-" + radius + ", " + radius + "]");
        }
        for (int i = 1; i < n; i++) {
            cdf[i] /= total;
        }
        cdf[n] = 1;
    }

    /**
     * Maps {@code u} in [0, 1) to an offset drawn with density proportional to the table, writes it to
     * {@code out[k]} and returns the table value (mean |f|) of the bin it fell in, which is always
     * positive. {@code f(x) / returned} is then f/pdf up to a constant, close to ±1.
     */
    double sample(double u, float[] out, int k) {
        double v = Math.min(Math.max(u, 0), Math.nextDown(1.0));
        // Largest i with cdf[i] <= v: it has cdf[i+1] > v, so its bin is never empty.
        int i = Arrays.binarySearch(cdf, v);
        i = i >= 0 ? lastEqual(i, v) : -i - 2;
        double t = (v - cdf[i]) / (cdf[i + 1] - cdf[i]);
        double x = -radius + (i + t) * binWidth;
        out[k] = Filters.clamp((float) x, (float) radius);
        return binMean[i];
    }

    /**
     * The table as floats, with {@code f} tabulated at {@code steps} points per bin (see {@link
     * FilterAxisTable}).
     */
    FilterAxisTable export(Profile f, int steps) {
        int n = binMean.length;
        float[] c = new float[n + 1], low = new float[n + 1], m = new float[n], prof = new float[n * steps + 1];
        for (int i = 0; i <= n; i++) {
            c[i] = (float) cdf[i];
            low[i] = (float) (cdf[i] - c[i]);
        }
        for (int i = 0; i < n; i++) {
            m[i] = (float) binMean[i];
        }
        for (int k = 0; k < prof.length; k++) {
            prof[k] = (float) f.value(-radius + binWidth * k / steps, radius);
        }
        return new FilterAxisTable((float) radius, (float) binWidth, c, low, m, steps, prof);
    }

    /** Steps past runs of equal CDF values (empty bins) to the last index holding {@code v}. */
    private int lastEqual(int i, double v) {
        while (i + 1 < cdf.length - 1 && cdf[i + 1] == v) {
            i++;
        }
        return i;
    }
}

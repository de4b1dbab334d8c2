package org.luxnet.accumulator.filter;

/**
 * The piecewise-constant table of |f| on [-r, r] from which the light transport samples a 1D filter
 * profile f that has no analytic sampler, as pbrt-v4's FilterSampler does in 2D. Each bin holds the mean of |f| at five points
 * across it, so a bin is empty only if f vanishes at all five; an isolated zero crossing (sinc,
 * Mitchell) does not empty a bin. Immutable and thread-safe.
 */
final class FilterTable1D {
    /** Bins per pixel of radius: fine enough that f varies little inside a bin. */
    private static final int BINS_PER_PIXEL = 256;
    private static final int MIN_BINS = 64, MAX_BINS = 8192;
    private static final int POINTS_PER_BIN = 5;

    private final double radius, binWidth;
    private final double[] binMean;
    private final double[] cdf;

    FilterTable1D(Profile f, double radius) {
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
}

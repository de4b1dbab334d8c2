package org.luxnet.accumulator.filter;

/**
 * pbrt's Gaussian filter: per axis {@code max(0, exp(-alpha x^2) - exp(-alpha r^2))}, which reaches 0
 * at the radius instead of being cut off there; the 2D filter is the product of the two axes.
 * Sampled from tables of the profile (see {@link PixelFilter#sample} for the weight).
 */
public final class GaussianFilter implements TabulatedFilter {
    private final float rx, ry;
    private final double alpha;
    private final SeparableSampler sampler;

    /**
     * A Gaussian of half-widths {@code xwidth, ywidth} pixels and falloff {@code alpha} (pbrt's and
     * LuxRender's defaults: 2, 2, alpha 2).
     */
    public GaussianFilter(float xwidth, float ywidth, float alpha) {
        this.rx = Filters.checkRadius("xwidth", xwidth);
        this.ry = Filters.checkRadius("ywidth", ywidth);
        if (!(alpha > 0) || !Float.isFinite(alpha)) {
            throw new IllegalArgumentException("gaussian alpha must be positive and finite, got " + alpha);
        }
        this.alpha = alpha;
        this.sampler = new SeparableSampler(this::profile, rx, ry);
    }

    private double profile(double v, double radius) {
        if (Math.abs(v) > radius) {
            return 0;
        }
        return Math.max(0, Math.exp(-alpha * v * v) - Math.exp(-alpha * radius * radius));
    }

    @Override
    public float radiusX() {
        return rx;
    }

    @Override
    public float radiusY() {
        return ry;
    }

    @Override
    public float evaluate(float dx, float dy) {
        return (float) (profile(dx, rx) * profile(dy, ry));
    }

    @Override
    public void sample(float u1, float u2, float[] out) {
        sampler.sample(u1, u2, out);
    }

    @Override
    public FilterAxisTable samplingTable(int axis) {
        return sampler.table(axis);
    }

    @Override
    public String toString() {
        return "gaussian(" + rx + ", " + ry + ", alpha " + alpha + ")";
    }
}

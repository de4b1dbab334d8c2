package org.luxnet.accumulator.filter;

/**
 * pbrt's Lanczos windowed sinc filter: per axis {@code sinc(x) * sinc(x / tau)} for |x| up to the
 * radius, 0 beyond; the 2D filter is the product of the two axes. Its negative lobes give negative
 * sample weights. Sampled from tables of |profile|.
 */
public final class SincFilter implements TabulatedFilter {
    private final float rx, ry;
    private final double tau;
    private final SeparableSampler sampler;

    /** A windowed sinc of half-widths {@code xwidth, ywidth} pixels and window {@code tau} (defaults 4, 4, 3). */
    public SincFilter(float xwidth, float ywidth, float tau) {
        this.rx = Filters.checkRadius("xwidth", xwidth);
        this.ry = Filters.checkRadius("ywidth", ywidth);
        if (!(tau > 0) || !Float.isFinite(tau)) {
            throw new IllegalArgumentException("sinc tau must be positive and finite, got " + tau);
        }
        this.tau = tau;
        this.sampler = new SeparableSampler(this::profile, rx, ry);
    }

    private double profile(double v, double radius) {
        double x = Math.abs(v);
        return x > radius ? 0 : sinc(x) * sinc(x / tau);
    }

    private static double sinc(double x) {
        // Below 1e-5 sin(pi x)/(pi x) equals 1 to double precision; the guard avoids 0/0 at the centre.
        if (x < 1e-5) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
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
        return "sinc(" + rx + ", " + ry + ", tau " + tau + ")";
    }
}

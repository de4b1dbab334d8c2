package org.luxnet.accumulator.filter;

/**
 * pbrt's Mitchell-Netravali filter: per axis the cubic of Mitchell and Netravali with parameters B and
 * C, stretched so its support [-2, 2] covers [-radius, radius]; the 2D filter is the product of the
 * two axes. Its negative lobes give negative sample weights. Sampled from tables of |profile|.
 */
public final class MitchellFilter implements TabulatedFilter {
    private final float rx, ry;
    private final double b, c;
    private final SeparableSampler sampler;

    /** A Mitchell filter of half-widths {@code xwidth, ywidth} pixels (defaults 2, 2, B = C = 1/3). */
    public MitchellFilter(float xwidth, float ywidth, float b, float c) {
        this.rx = Filters.checkRadius("xwidth", xwidth);
        this.ry = Filters.checkRadius("ywidth", ywidth);
        if (!Float.isFinite(b) || !Float.isFinite(c)) {
            throw new IllegalArgumentException("mitchell B and C must be finite, got " + b + ", " + c);
        }
        this.b = b;
        this.c = c;
        this.sampler = new SeparableSampler(this::profile, rx, ry);
    }

    private double profile(double v, double radius) {
        double x = Math.abs(2 * v / radius);
        if (x > 2) {
            return 0;
        }
        if (x > 1) {
            return ((-b - 6 * c) * x * x * x + (6 * b + 30 * c) * x * x + (-12 * b - 48 * c) * x + (8 * b + 24 * c))
                    / 6;
        }
        return ((12 - 9 * b - 6 * c) * x * x * x + (-18 + 12 * b + 6 * c) * x * x + (6 - 2 * b)) / 6;
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
        return "mitchell(" + rx + ", " + ry + ", B " + b + ", C " + c + ")";
    }
}

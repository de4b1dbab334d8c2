package org.luxnet.accumulator.filter;

/**
 * The triangle (tent) filter of pbrt: {@code max(0, xwidth - |x|) * max(0, ywidth - |y|)}. Sampled
 * exactly by inverting the tent's distribution per axis, so the weight is always 1.
 */
public final class TriangleFilter implements PixelFilter {
    private final float rx, ry;

    /** A tent of half-widths {@code xwidth, ywidth} pixels (default 2). */
    public TriangleFilter(float xwidth, float ywidth) {
        this.rx = Filters.checkRadius("xwidth", xwidth);
        this.ry = Filters.checkRadius("ywidth", ywidth);
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
        return Math.max(0f, rx - Math.abs(dx)) * Math.max(0f, ry - Math.abs(dy));
    }

    @Override
    public void sample(float u1, float u2, float[] out) {
        out[0] = Filters.clamp((float) (sampleTent(u1) * rx), rx);
        out[1] = Filters.clamp((float) (sampleTent(u2) * ry), ry);
        out[2] = 1f;
    }

    /** Inverse of the distribution of the unit tent on [-1, 1]: each half holds probability 1/2. */
    private static double sampleTent(double u) {
        return u < 0.5 ? Math.sqrt(2 * u) - 1 : 1 - Math.sqrt(Math.max(0, 2 - 2 * u));
    }

    @Override
    public String toString() {
        return "triangle(" + rx + ", " + ry + ")";
    }
}

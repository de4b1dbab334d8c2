package org.luxnet.accumulator.filter;

/**
 * The triangle (tent) filter of pbrt: {@code max(0, xwidth - |x|) * max(0, ywidth - |y|)}. The light
 * transport samples it exactly by inverting the tent's distribution per axis, so the weight is 1.
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
    public String toString() {
        return "triangle(" + rx + ", " + ry + ")";
    }
}

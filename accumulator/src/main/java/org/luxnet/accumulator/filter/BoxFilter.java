package org.luxnet.accumulator.filter;

/** The box filter: constant over [-xwidth, xwidth] x [-ywidth, ywidth]. The light transport samples it exactly, weight 1. */
public final class BoxFilter implements PixelFilter {
    private final float rx, ry;

    /** A box of half-widths {@code xwidth, ywidth} pixels (pbrt's and LuxRender's default is 0.5). */
    public BoxFilter(float xwidth, float ywidth) {
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
        return Math.abs(dx) <= rx && Math.abs(dy) <= ry ? 1f : 0f;
    }

    @Override
    public String toString() {
        return "box(" + rx + ", " + ry + ")";
    }
}

package org.luxnet.accumulator.filter;

/** Box filter. */
public final class BoxFilter implements PixelFilter {
    private final float rx, ry;

    public BoxFilter(float xwidth, float ywidth) {
        rx = xwidth;
        ry = ywidth;
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
    public void sample(float u1, float u2, float[] out) {
        out[0] = (2 * u1 - 1) * rx;
        out[1] = (2 * u2 - 1) * ry;
        out[2] = 1f;
    }
}

package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "maxwhite" operator (MaxWhiteOp, tonemaps/maxwhite.cpp): scales the frame so that its
 * brightest pixel's luminance Y is 1. A frame with no lit pixel is left as it is (LuxRender would
 * divide by zero).
 */
public final class MaxWhiteKernel implements ToneKernel {
    @Override
    public void apply(float[] xyz, int width, int height) {
        Frames.check(xyz, width, height);
        double max = 0;
        for (int i = 0, n = width * height; i < n; i++) {
            double y = xyz[3 * i + 1];
            if (y > max && Double.isFinite(y)) {
                max = y;
            }
        }
        if (max > 0) {
            Frames.scale(xyz, 1 / max);
        }
    }

    @Override
    public String toString() {
        return "maxwhite";
    }
}

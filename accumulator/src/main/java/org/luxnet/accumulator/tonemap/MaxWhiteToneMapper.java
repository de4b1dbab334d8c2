package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "maxwhite" operator: scales the image so that its brightest pixel's luminance is 1. An
 * image with no lit pixel is left as it is.
 */
public final class MaxWhiteToneMapper implements ToneMapper {
    @Override
    public float[] map(float[] rgb, int width, int height) {
        Frames.check(rgb, width, height);
        double max = 0;
        for (int i = 0, n = width * height; i < n; i++) {
            double y = Frames.luminance(rgb, i);
            if (y > max && Double.isFinite(y)) {
                max = y;
            }
        }
        return Frames.scaled(rgb, max > 0 ? 1 / max : 1);
    }

    @Override
    public String toString() {
        return "maxwhite";
    }
}

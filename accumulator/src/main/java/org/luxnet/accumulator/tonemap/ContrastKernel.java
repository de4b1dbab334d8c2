package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "contrast" operator (ContrastOp, tonemaps/contrast.cpp): Ward's contrast-preserving
 * scale. With Ywa the log-average luminance of the pixels with Y > 0 and Yd the display adaptation
 * luminance ({@code contrast_ywa}), every value is multiplied by {@code ((1.219 + Yd^0.4) / (1.219 +
 * Ywa^0.4))^2.5 / 100}, 100 being the maximum display luminance LuxRender's pipeline passes.
 */
public final class ContrastKernel implements ToneKernel {
    /** maxDisplayY of ApplyImagingPipeline (core/film.cpp). */
    static final double MAX_DISPLAY_Y = 100;

    private final double displayY;

    /** @param displayY the display adaptation luminance {@code contrast_ywa} (LuxRender's film default 1) */
    public ContrastKernel(double displayY) {
        if (!(displayY >= 0) || !Double.isFinite(displayY)) {
            throw new IllegalArgumentException("contrast ywa must be finite and non-negative, got " + displayY);
        }
        this.displayY = displayY;
    }

    /** The factor for a frame whose lit pixels have log-average luminance {@code ywa}. */
    public double factor(double ywa) {
        return Math.pow((1.219 + Math.pow(displayY, 0.4)) / (1.219 + Math.pow(ywa, 0.4)), 2.5) / MAX_DISPLAY_Y;
    }

    @Override
    public void apply(float[] xyz, int width, int height) {
        Frames.check(xyz, width, height);
        double logSum = 0;
        long lit = 0;
        for (int i = 0, n = width * height; i < n; i++) {
            double y = xyz[3 * i + 1];
            if (y > 0 && Double.isFinite(y)) {
                logSum += Math.log(y);
                lit++;
            }
        }
        Frames.scale(xyz, factor(Math.exp(logSum / Math.max(1, lit))));
    }

    @Override
    public String toString() {
        return "contrast(ywa " + displayY + ")";
    }
}

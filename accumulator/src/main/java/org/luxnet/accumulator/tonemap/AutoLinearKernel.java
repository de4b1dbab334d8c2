package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "autolinear" operator (EVOp, tonemaps/lineartonemap.cpp): the linear exposure a camera's
 * meter would choose. The mean luminance Y of the pixels with Y > 0 is scaled to {@code 1.25 *
 * (118/255)^gamma} with the film's gamma; sensitivity, time and f-stop cancel out. A frame with no lit
 * pixel is left as it is.
 */
public final class AutoLinearKernel implements ToneKernel {
    private final double gamma;

    /** @param gamma the film's display gamma (LuxRender default 2.2) */
    public AutoLinearKernel(double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("autolinear gamma must be positive and finite, got " + gamma);
        }
        this.gamma = gamma;
    }

    /** The factor LuxRender applies to a frame whose lit pixels have mean luminance {@code meanY}. */
    public double factor(double meanY) {
        return 1.25 / meanY * Math.pow(118.0 / 255.0, gamma);
    }

    @Override
    public void apply(float[] xyz, int width, int height) {
        Frames.check(xyz, width, height);
        double sum = 0;
        long lit = 0;
        for (int i = 0, n = width * height; i < n; i++) {
            double y = xyz[3 * i + 1];
            if (y > 0 && Double.isFinite(y)) {
                sum += y;
                lit++;
            }
        }
        if (lit > 0 && sum > 0) {
            Frames.scale(xyz, factor(sum / lit));
        }
    }

    @Override
    public String toString() {
        return "autolinear(gamma " + gamma + ")";
    }
}

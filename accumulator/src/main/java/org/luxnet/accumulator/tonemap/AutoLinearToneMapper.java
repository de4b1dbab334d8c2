package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "autolinear" operator: the linear exposure that a camera's meter would choose. The mean
 * luminance of the lit pixels is taken as the metered value and scaled to {@code 1.25 *
 * (118/255)^gamma}, where the sensitivity, time and f-stop of {@link LinearToneMapper} cancel out.
 * An image with no lit pixel is left as it is.
 */
public final class AutoLinearToneMapper implements ToneMapper {
    private final double gamma;

    /** @param gamma the film's display gamma (LuxRender default 2.2) */
    public AutoLinearToneMapper(double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("autolinear gamma must be positive and finite, got " + gamma);
        }
        this.gamma = gamma;
    }

    @Override
    public float[] map(float[] rgb, int width, int height) {
        Frames.check(rgb, width, height);
        double sum = 0;
        long lit = 0;
        for (int i = 0, n = width * height; i < n; i++) {
            double y = Frames.luminance(rgb, i);
            if (y > 0) {
                sum += y;
                lit++;
            }
        }
        if (lit == 0 || !(sum > 0) || !Double.isFinite(sum)) {
            return Frames.scaled(rgb, 1);
        }
        double mean = sum / lit;
        return Frames.scaled(rgb, 1.25 / mean * Math.pow(118.0 / 255.0, gamma));
    }

    @Override
    public String toString() {
        return "autolinear(gamma " + gamma + ")";
    }
}

package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "linear" operator, a camera exposure (LinearOp, tonemaps/lineartonemap.h): by the ISO
 * speed definition an exposure H = q L t / N^2 (q = 0.65, t the exposure time in seconds, N the
 * f-stop) of 10 / ISO maps to mid-grey 118/255 of a display of gamma {@code linear_gamma}, so every
 * value is multiplied by {@code t / N^2 * ISO * 0.65 / 10 * (118/255)^gamma}.
 */
public final class LinearKernel implements ToneKernel {
    private final double factor;

    /**
     * @param sensitivity film speed in ISO (LuxRender's film default 50)
     * @param exposure exposure time in seconds (film default 1)
     * @param fstop aperture f-number (film default 2.8)
     * @param gamma {@code linear_gamma}, the display gamma the mid-grey target assumes (film default 1)
     */
    public LinearKernel(double sensitivity, double exposure, double fstop, double gamma) {
        if (!(sensitivity > 0) || !(exposure > 0) || !(fstop > 0) || !(gamma > 0)) {
            throw new IllegalArgumentException("linear tone map needs positive sensitivity, exposure, fstop and gamma, got "
                    + sensitivity + ", " + exposure + ", " + fstop + ", " + gamma);
        }
        this.factor = exposure / (fstop * fstop) * sensitivity * 0.65 / 10 * Math.pow(118.0 / 255.0, gamma);
    }

    /** The constant every value is multiplied by. */
    public double factor() {
        return factor;
    }

    @Override
    public void apply(float[] xyz, int width, int height) {
        Frames.check(xyz, width, height);
        Frames.scale(xyz, factor);
    }

    @Override
    public String toString() {
        return "linear(factor " + factor + ")";
    }
}

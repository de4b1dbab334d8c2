package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "linear" operator: a camera exposure. By the ISO speed definition an exposure H = q L t
 * / N^2 (q = 0.65, t exposure time in seconds, N the f-stop) of 10 / ISO maps to the mid-grey code
 * 118/255 of a display with the given gamma, so every value is multiplied by {@code t / N^2 * ISO *
 * 0.65 / 10 * (118/255)^gamma}.
 */
public final class LinearToneMapper implements ToneMapper {
    private final double factor;

    /**
     * @param sensitivity film speed in ISO (LuxRender default 100)
     * @param exposure exposure time in seconds (default 1/1000)
     * @param fstop aperture f-number (default 2.8)
     * @param gamma display gamma the mid-grey target is meant for (default 2.2)
     */
    public LinearToneMapper(double sensitivity, double exposure, double fstop, double gamma) {
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
    public float[] map(float[] rgb, int width, int height) {
        Frames.check(rgb, width, height);
        return Frames.scaled(rgb, factor);
    }

    @Override
    public String toString() {
        return "linear(factor " + factor + ")";
    }
}

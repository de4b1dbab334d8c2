package org.luxnet.accumulator.tonemap;

/**
 * Multiplies every value by a constant after clamping it at 0: pbrt-v3's film "scale", which its
 * Film::WriteImage applies to every output format. With scale 1 this is no tone mapping at all.
 */
public final class ScaleToneMapper implements ToneMapper {
    private final double scale;

    /** Multiplies by {@code scale}, which must be finite and non-negative. */
    public ScaleToneMapper(double scale) {
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("tone map scale must be finite and non-negative, got " + scale);
        }
        this.scale = scale;
    }

    @Override
    public float[] map(float[] rgb, int width, int height) {
        Frames.check(rgb, width, height);
        return Frames.scaled(rgb, scale);
    }

    @Override
    public String toString() {
        return "scale(" + scale + ")";
    }
}

package org.luxnet.accumulator.filter;

/**
 * Samples a separable filter {@code f(x, y) = p(x) p(y)} by sampling each axis from its own table of
 * |p|. The weight is {@code f(d) / pdf(d)} divided by the table's integral: exactly unbiased for the
 * filtered mean, and close to ±1 because the tables follow |p| closely. Immutable and thread-safe.
 */
final class SeparableSampler {
    private final Profile profile;
    private final double rx, ry;
    private final TabulatedSampler1D x, y;

    SeparableSampler(Profile profile, double rx, double ry) {
        this.profile = profile;
        this.rx = rx;
        this.ry = ry;
        this.x = new TabulatedSampler1D(profile, rx);
        // Square filters are common; share the table rather than build it twice.
        this.y = rx == ry ? x : new TabulatedSampler1D(profile, ry);
    }

    /** See {@link PixelFilter#sample}. */
    void sample(float u1, float u2, float[] out) {
        double tx = x.sample(u1, out, 0);
        double ty = y.sample(u2, out, 1);
        out[2] = (float) (profile.value(out[0], rx) / tx * (profile.value(out[1], ry) / ty));
    }
}

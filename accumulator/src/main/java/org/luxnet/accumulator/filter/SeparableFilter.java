package org.luxnet.accumulator.filter;

/**
 * The common part of the separable filters sampled from tables (Gaussian, Mitchell, windowed sinc):
 * {@code f(x, y) = p(x) p(y)} for a 1D profile p given by the subclass, radii, evaluation,
 * sampling and table export. Immutable and thread-safe.
 */
abstract class SeparableFilter implements TabulatedFilter {
    private final float rx, ry;
    private final Profile profile;
    private final SeparableSampler sampler;

    SeparableFilter(float xwidth, float ywidth, Profile profile) {
        this.rx = Filters.checkRadius("xwidth", xwidth);
        this.ry = Filters.checkRadius("ywidth", ywidth);
        this.profile = profile;
        this.sampler = new SeparableSampler(profile, rx, ry);
    }

    @Override
    public final float radiusX() {
        return rx;
    }

    @Override
    public final float radiusY() {
        return ry;
    }

    @Override
    public final float evaluate(float dx, float dy) {
        return (float) (profile.value(dx, rx) * profile.value(dy, ry));
    }

    @Override
    public final void sample(float u1, float u2, float[] out) {
        sampler.sample(u1, u2, out);
    }

    @Override
    public final FilterAxisTable samplingTable(int axis) {
        return sampler.table(axis);
    }
}

package org.luxnet.accumulator.filter;

/**
 * The common part of the separable filters sampled from tables (Gaussian, Mitchell, windowed sinc):
 * {@code f(x, y) = p(x) p(y)} for a 1D profile p given by the subclass, radii, evaluation,
 * and the export of the tables the light transport samples it from. Immutable and thread-safe.
 */
abstract class SeparableFilter implements TabulatedFilter {
    private final float rx, ry;
    /** Profile samples per table bin in an exported table: linear interpolation off by at most a few 1e-8 of the peak. */
    private static final int EXPORT_STEPS_PER_BIN = 16;
    private final Profile profile;
    private final FilterTable1D x, y;

    SeparableFilter(float xwidth, float ywidth, Profile profile) {
        this.rx = Filters.checkRadius("xwidth", xwidth);
        this.ry = Filters.checkRadius("ywidth", ywidth);
        this.profile = profile;
        this.x = new FilterTable1D(profile, rx);
        // Square filters are common; share the table rather than build it twice.
        this.y = rx == ry ? x : new FilterTable1D(profile, ry);
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
    public final FilterAxisTable samplingTable(int axis) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("filter axis must be 0 (x) or 1 (y), got " + axis);
        }
        return (axis == 0 ? x : y).export(profile, EXPORT_STEPS_PER_BIN);
    }
}

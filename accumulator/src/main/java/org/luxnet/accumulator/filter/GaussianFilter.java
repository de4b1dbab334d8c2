package org.luxnet.accumulator.filter;

/**
 * pbrt's Gaussian filter: per axis {@code max(0, exp(-alpha x^2) - exp(-alpha r^2))}, which reaches 0
 * at the radius instead of being cut off there; the 2D filter is the product of the two axes.
 * Sampled from tables of the profile (see {@link TabulatedFilter}).
 */
public final class GaussianFilter extends SeparableFilter {
    private final double alpha;

    /**
     * A Gaussian of half-widths {@code xwidth, ywidth} pixels and falloff {@code alpha} (pbrt's and
     * LuxRender's defaults: 2, 2, alpha 2).
     */
    public GaussianFilter(float xwidth, float ywidth, float alpha) {
        super(xwidth, ywidth, profile(checkAlpha(alpha)));
        this.alpha = alpha;
    }

    private static float checkAlpha(float alpha) {
        if (!(alpha > 0) || !Float.isFinite(alpha)) {
            throw new IllegalArgumentException("gaussian alpha must be positive and finite, got " + alpha);
        }
        return alpha;
    }

    private static Profile profile(double alpha) {
        return (v, radius) -> Math.abs(v) > radius ? 0
                : Math.max(0, Math.exp(-alpha * v * v) - Math.exp(-alpha * radius * radius));
    }

    @Override
    public String toString() {
        return "gaussian(" + radiusX() + ", " + radiusY() + ", alpha " + alpha + ")";
    }
}

package org.luxnet.accumulator.filter;

/**
 * pbrt's Lanczos windowed sinc filter: per axis {@code sinc(x) * sinc(x / tau)} for |x| up to the
 * radius, 0 beyond; the 2D filter is the product of the two axes. Its negative lobes give negative
 * sample weights. Sampled from tables of |profile|.
 */
public final class SincFilter extends SeparableFilter {
    private final double tau;

    /** A windowed sinc of half-widths {@code xwidth, ywidth} pixels and window {@code tau} (defaults 4, 4, 3). */
    public SincFilter(float xwidth, float ywidth, float tau) {
        super(xwidth, ywidth, profile(checkTau(tau)));
        this.tau = tau;
    }

    private static float checkTau(float tau) {
        if (!(tau > 0) || !Float.isFinite(tau)) {
            throw new IllegalArgumentException("sinc tau must be positive and finite, got " + tau);
        }
        return tau;
    }

    private static Profile profile(double tau) {
        return (v, radius) -> {
            double x = Math.abs(v);
            return x > radius ? 0 : sinc(x) * sinc(x / tau);
        };
    }

    private static double sinc(double x) {
        // Below 1e-5 sin(pi x)/(pi x) equals 1 to double precision; the guard avoids 0/0 at the centre.
        if (x < 1e-5) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    @Override
    public String toString() {
        return "sinc(" + radiusX() + ", " + radiusY() + ", tau " + tau + ")";
    }
}

package org.luxnet.accumulator.filter;

/**
 * pbrt's Mitchell-Netravali filter: per axis the cubic of Mitchell and Netravali with parameters B and
 * C, stretched so its support [-2, 2] covers [-radius, radius]; the 2D filter is the product of the
 * two axes. Its negative lobes give negative sample weights. Sampled from tables of |profile|.
 */
public final class MitchellFilter extends SeparableFilter {
    private final double b, c;

    /** A Mitchell filter of half-widths {@code xwidth, ywidth} pixels (defaults 2, 2, B = C = 1/3). */
    public MitchellFilter(float xwidth, float ywidth, float b, float c) {
        super(xwidth, ywidth, profile(checkFinite(b, c), c));
        this.b = b;
        this.c = c;
    }

    private static float checkFinite(float b, float c) {
        if (!Float.isFinite(b) || !Float.isFinite(c)) {
            throw new IllegalArgumentException("mitchell B and C must be finite, got " + b + ", " + c);
        }
        return b;
    }

    private static Profile profile(double b, double c) {
        return (v, radius) -> {
            double x = Math.abs(2 * v / radius);
            if (x > 2) {
                return 0;
            }
            if (x > 1) {
                return ((-b - 6 * c) * x * x * x + (6 * b + 30 * c) * x * x + (-12 * b - 48 * c) * x + (8 * b + 24 * c))
                        / 6;
            }
            return ((12 - 9 * b - 6 * c) * x * x * x + (-18 + 12 * b + 6 * c) * x * x + (6 - 2 * b)) / 6;
        };
    }

    @Override
    public String toString() {
        return "mitchell(" + radiusX() + ", " + radiusY() + ", B " + b + ", C " + c + ")";
    }
}

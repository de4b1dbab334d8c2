package org.luxnet.accumulator.filter;

/** Argument checks and small numeric helpers shared by the filters. */
final class Filters {
    private Filters() {
    }

    /** Returns {@code r} if it is a usable filter half-width, else throws. */
    static float checkRadius(String name, float r) {
        if (!(r > 0) || !Float.isFinite(r)) {
            throw new IllegalArgumentException("filter " + name + " must be positive and finite, got " + r);
        }
        return r;
    }

    /** Keeps an offset inside [-r, r]; rounding at u close to 1 can otherwise step just past it. */
    static float clamp(float v, float r) {
        return Math.max(-r, Math.min(r, v));
    }
}

package org.luxnet.accumulator.tonemap;

/**
 * The last step before an 8-bit image: clamps display-linear values to [0, 1], applies the display's
 * transfer curve (the sRGB curve, or a film gamma as {@code v^(1/gamma)}) and quantizes to 8 bits, by
 * rounding (pbrt) or, for LuxRender's PNG, by truncation as its PNG writer does ({@code
 * (png_byte) Clamp(255 * v, 0, 255)} in core/pngio.cpp). Immutable and thread-safe.
 */
public final class DisplayEncoding {
    /** Below this linear value the sRGB curve is a straight line (IEC 61966-2-1). */
    private static final double SRGB_LINEAR_LIMIT = 0.0031308;

    private final double invGamma;
    private final boolean truncate;

    private DisplayEncoding(double invGamma, boolean truncate) {
        this.invGamma = invGamma;
        this.truncate = truncate;
    }

    /** The sRGB transfer curve, rounded to 8 bits (pbrt-v3's PNG). */
    public static DisplayEncoding srgb() {
        return new DisplayEncoding(0, false);
    }

    /** A pure power curve {@code v^(1/gamma)}, rounded to 8 bits. */
    public static DisplayEncoding gamma(double gamma) {
        return new DisplayEncoding(inverse(gamma), false);
    }

    /**
     * LuxRender's PNG: the power curve {@code v^(1/gamma)} of the film's gamma (default 2.2), then
     * {@code floor(255 v)}.
     */
    public static DisplayEncoding luxRender(double gamma) {
        return new DisplayEncoding(inverse(gamma), true);
    }

    private static double inverse(double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("display gamma must be positive and finite, got " + gamma);
        }
        return 1 / gamma;
    }

    /** The power curve's gamma, or 0 for the sRGB curve. */
    public double gamma() {
        return invGamma == 0 ? 0 : 1 / invGamma;
    }

    /** True for the sRGB curve, false for a power gamma. */
    public boolean isSrgb() {
        return invGamma == 0;
    }

    /** The encoded value in [0, 1] of display-linear {@code v}; NaN counts as 0. */
    public double encode(double v) {
        double c = v > 0 ? Math.min(v, 1) : 0;
        if (invGamma != 0) {
            return Math.pow(c, invGamma);
        }
        return c <= SRGB_LINEAR_LIMIT ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    /** The 8-bit code (0..255) of display-linear {@code v}: rounded to nearest, or truncated for LuxRender. */
    public int quantize(double v) {
        double e = encode(v) * 255;
        return truncate ? (int) e : (int) Math.round(e);
    }

    /** Encodes and quantizes every value of {@code rgb}: one byte per float, same order. */
    public byte[] toBytes(float[] rgb) {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = (byte) quantize(rgb[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return isSrgb() ? "sRGB" : (truncate ? "luxrender gamma " : "gamma ") + (1 / invGamma);
    }
}

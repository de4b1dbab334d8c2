package org.luxnet.accumulator.tonemap;

/**
 * The last step before an 8-bit image: clamps display-linear values to [0, 1], applies the display's
 * transfer curve (the sRGB curve, or LuxRender's film gamma as {@code v^(1/gamma)}) and quantizes to
 * 8 bits by rounding. Immutable and thread-safe.
 */
public final class DisplayEncoding {
    /** Below this linear value the sRGB curve is a straight line (IEC 61966-2-1). */
    private static final double SRGB_LINEAR_LIMIT = 0.0031308;

    private final double invGamma;

    private DisplayEncoding(double invGamma) {
        this.invGamma = invGamma;
    }

    /** The sRGB transfer curve. */
    public static DisplayEncoding srgb() {
        return new DisplayEncoding(0);
    }

    /** A pure power curve {@code v^(1/gamma)}: LuxRender's film gamma (default 2.2). */
    public static DisplayEncoding gamma(double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("display gamma must be positive and finite, got " + gamma);
        }
        return new DisplayEncoding(1 / gamma);
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

    /** The 8-bit code (0..255) of display-linear {@code v}, rounded to nearest. */
    public int quantize(double v) {
        return (int) Math.round(encode(v) * 255);
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
        return isSrgb() ? "sRGB" : "gamma " + (1 / invGamma);
    }
}

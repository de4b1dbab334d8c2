package org.luxnet.accumulator.tonemap;

/** Helpers shared by the tone mappers: size checks and scaling. */
final class Frames {
    private Frames() {
    }

    /** Throws unless {@code values} holds exactly three floats per pixel. */
    static void check(float[] values, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height * 3 != values.length) {
            throw new IllegalArgumentException("expected 3 floats for each of " + width + "x" + height
                    + " pixels, got " + values.length);
        }
    }

    /** Multiplies every value by {@code k}, in place. */
    static void scale(float[] values, double k) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] * k);
        }
    }

    /** {@code rgb * k} as a new array, with negative and NaN results set to 0. */
    static float[] scaled(float[] rgb, double k) {
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = nonNegative(rgb[i] * k);
        }
        return out;
    }

    /** {@code v} if positive, else 0 (NaN included). */
    static float nonNegative(double v) {
        return v > 0 ? (float) v : 0f;
    }
}

package org.luxnet.accumulator.tonemap;

/** Helpers shared by the tone mappers: size checks, luminance and the final scaling. */
final class Frames {
    private Frames() {
    }

    /** Throws unless {@code rgb} holds exactly one RGB triple per pixel. */
    static void check(float[] rgb, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException("expected 3 floats for each of " + width + "x" + height
                    + " pixels, got " + rgb.length);
        }
    }

    /** Luminance Y of linear Rec. 709 RGB, the Y that LuxRender's XYZ operators work on. */
    static double luminance(float[] rgb, int pixel) {
        return 0.2126 * rgb[3 * pixel] + 0.7152 * rgb[3 * pixel + 1] + 0.0722 * rgb[3 * pixel + 2];
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

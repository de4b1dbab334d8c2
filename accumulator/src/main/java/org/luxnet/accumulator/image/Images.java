package org.luxnet.accumulator.image;

/** Argument checks shared by the image writers and readers. */
final class Images {
    private Images() {
    }

    /** Throws unless {@code rgb} holds exactly 3 values for each of {@code width * height} pixels. */
    static void check(float[] rgb, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException("expected 3 floats for each of " + width + "x" + height + " pixels, got "
                    + rgb.length);
        }
    }
}

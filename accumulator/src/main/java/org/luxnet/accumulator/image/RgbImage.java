package org.luxnet.accumulator.image;

/**
 * A linear float RGB image as the readers return it: 3 floats per pixel, row-major, top row first
 * (whatever order the file stored its rows in).
 *
 * @param width width in pixels, positive
 * @param height height in pixels, positive
 * @param rgb {@code 3 * width * height} values; not copied
 */
public record RgbImage(int width, int height, float[] rgb) {
    /** Checks that the array holds exactly one RGB triple per pixel. */
    public RgbImage {
        Images.check(rgb, width, height);
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of the pixel at column x, row y (0 = top). */
    public float get(int x, int y, int c) {
        return rgb[3 * (y * width + x) + c];
    }
}

package org.luxnet.accumulator.tonemap;

/**
 * Maps a frame of linear RGB radiance to display-linear RGB: values of 0 and up where 1 is the
 * display's white. Encoding (sRGB or gamma) and clamping to [0, 1] come later, in {@link
 * DisplayEncoding}. Implementations are immutable and thread-safe.
 */
public interface ToneMapper {
    /**
     * Tone maps a whole frame. Operators that adapt to the image (Reinhard, autolinear, maxwhite) look
     * at all of it, so a tile cannot be mapped on its own.
     *
     * @param rgb linear RGB, 3 floats per pixel, row-major from the top-left; not modified
     * @param width frame width in pixels
     * @param height frame height in pixels
     * @return a new array of the same layout with values in [0, ∞): negative and NaN inputs (from
     *     negative filter lobes or empty pixels) map to 0
     * @throws IllegalArgumentException when {@code rgb.length != 3 * width * height}
     */
    float[] map(float[] rgb, int width, int height);
}

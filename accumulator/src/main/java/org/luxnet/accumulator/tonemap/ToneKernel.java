package org.luxnet.accumulator.tonemap;

/**
 * One of LuxRender's tone reproduction operators (ToneMap::Map): scales each pixel of a frame of CIE
 * XYZ values by a factor that depends on its luminance Y and, for the adaptive operators, on the
 * whole frame. Implementations are immutable and thread-safe.
 */
public interface ToneKernel {
    /**
     * Tone maps a whole frame in place.
     *
     * @param xyz XYZ, 3 floats per pixel (Y second), row-major; non-negative, as LuxRender clamps the
     *     film's XYZ before tone mapping
     * @param width frame width in pixels
     * @param height frame height in pixels
     * @throws IllegalArgumentException when {@code xyz.length != 3 * width * height}
     */
    void apply(float[] xyz, int width, int height);
}

package org.luxnet.scene.compiled;

/**
 * Where the rendered film lies in the camera's full frame. The camera maps the full frame ({@code
 * fullWidth x fullHeight} pixels) onto its screen window; a crop window renders, and writes, only
 * the {@code width x height} pixels starting at ({@code x0}, {@code y0}) of it, as pbrt-v3 (film.cpp,
 * croppedPixelBounds) and LuxRender (fleximage.cpp, xPixelStart/xPixelCount) do.
 *
 * @param fullWidth  full frame width in pixels (Film xresolution)
 * @param fullHeight full frame height in pixels (Film yresolution)
 * @param x0         first rendered column of the full frame
 * @param y0         first rendered row of the full frame (raster y grows downwards)
 * @param width      rendered columns: the film's and the images' width
 * @param height     rendered rows: the film's and the images' height
 */
public record FilmFrame(int fullWidth, int fullHeight, int x0, int y0, int width, int height) {
    /** The whole frame, no crop window. */
    public static FilmFrame full(int width, int height) {
        return new FilmFrame(width, height, 0, 0, width, height);
    }
}

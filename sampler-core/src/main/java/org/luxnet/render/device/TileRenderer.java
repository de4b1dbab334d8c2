package org.luxnet.render.device;

import java.util.function.BooleanSupplier;
import org.luxnet.accumulator.FilmTile;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * What one CPU render thread runs: one sample of every pixel of a rectangle into a film tile, each
 * computed by the thread's own instance of the light transport ({@link PathTraceKernel}, the code the
 * OpenCL device runs), called directly in Java with room for one work item. Not thread-safe: one
 * instance per thread.
 */
public final class TileRenderer {
    private final PathTraceKernel kernel;
    private final int width;

    /** A renderer of stream {@code streamSeed} of the render ({@code scene}, {@code settings}, {@code filter}). */
    public TileRenderer(CompiledScene scene, RenderSettings settings, PixelFilter filter, long streamSeed) {
        this.kernel = new PathTraceKernel(scene, settings, filter, streamSeed, 1);
        this.width = settings.width();
    }

    /**
     * Renders sample {@code index} of every pixel of the rectangle (x0, y0, w, h) into {@code tile},
     * which must be placed over that rectangle.
     */
    public void render(FilmTile tile, int x0, int y0, int w, int h, int index) {
        render(tile, x0, y0, w, h, index, () -> false);
    }

    /**
     * As {@link #render(FilmTile, int, int, int, int, int)}, asking {@code stop} after every row: a
     * row costs at most {@code w} samples of the deepest path, milliseconds even for maxdepth 1024.
     *
     * @return true when the tile is complete, false when {@code stop} ended it part way (the tile is then
     *     incomplete and must be dropped)
     */
    public boolean render(FilmTile tile, int x0, int y0, int w, int h, int index, BooleanSupplier stop) {
        PathTraceKernel k = kernel;
        for (int y = y0; y < y0 + h; y++) {
            if (stop.getAsBoolean()) {
                return false;
            }
            for (int x = x0; x < x0 + w; x++) {
                k.renderSample(0, y * width + x, index);
                tile.add(x, y, k.output(0, PathTraceKernel.OUT_WEIGHT), k.output(0, PathTraceKernel.OUT_R),
                        k.output(0, PathTraceKernel.OUT_G), k.output(0, PathTraceKernel.OUT_B));
            }
        }
        return true;
    }
}

package org.luxnet.render.integrator;

import org.luxnet.accumulator.FilmTile;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.render.camera.PerspectiveCamera;
import org.luxnet.render.sampler.IndependentSampler;
import org.luxnet.render.sampler.OwenSobolSampler;
import org.luxnet.render.sampler.Sampler;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * Renders one sample per pixel of a rectangle into a film tile: the unit of work of a CPU render
 * thread. For each pixel it starts the sampler at (stream, pixel, sample index), offsets the camera
 * sample by the pixel filter (filter importance sampling: the sample lands in its own pixel with
 * the filter's weight), traces the path and adds the radiance. One instance per thread.
 */
public final class TileRenderer {
    private final int width;
    private final PerspectiveCamera camera;
    private final PixelFilter filter;
    private final Sampler sampler;
    private final PathTracer tracer;
    private final float[] ray = new float[6];
    private final float[] tmp = new float[3];
    private final float[] fs = new float[3];

    public TileRenderer(CompiledScene scene, RenderSettings settings, PixelFilter filter) {
        this.width = settings.width();
        this.camera = new PerspectiveCamera(scene.camera);
        this.filter = filter;
        this.sampler = settings.sampler() == RenderSettings.SamplerKind.INDEPENDENT ? new IndependentSampler()
                : new OwenSobolSampler();
        this.tracer = new PathTracer(scene, settings.path());
    }

    /** The path tracer this renderer drives (for ray statistics). */
    public PathTracer tracer() {
        return tracer;
    }

    /**
     * Renders sample {@code sampleIndex} of stream {@code streamSeed} for every pixel of the
     * rectangle (x0, y0, w, h) into {@code tile}, which must be placed over that rectangle.
     */
    public void render(FilmTile tile, int x0, int y0, int w, int h, long streamSeed, int sampleIndex) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                renderPixel(tile, x, y, streamSeed, sampleIndex);
            }
        }
    }

    /** Renders one sample of pixel (x, y) into {@code tile}. */
    public void renderPixel(FilmTile tile, int x, int y, long streamSeed, int sampleIndex) {
        Sampler s = sampler;
        s.startSample(streamSeed, y * width + x, sampleIndex);
        filter.sample(s.cameraU(), s.cameraV(), fs);
        camera.generate(x + 0.5f + fs[0], y + 0.5f + fs[1], s.lensU(), s.lensV(), ray, tmp);
        tracer.trace(s, ray[0], ray[1], ray[2], ray[3], ray[4], ray[5]);
        tile.add(x, y, fs[2], tracer.r, tracer.g, tracer.b);
    }
}

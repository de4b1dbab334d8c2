package org.luxnet.scene.compiled;

import java.util.Map;

import org.luxnet.render.transport.PathSettings;
import org.luxnet.scene.desc.Dialect;

/**
 * How a scene asks to be rendered and written, from its Film, Sampler, SurfaceIntegrator and
 * PixelFilter statements; the command line may override parts of it.
 *
 * @param width             image width in pixels
 * @param height            image height in pixels
 * @param sampler           low-discrepancy or independent numbers
 * @param path              path tracer settings
 * @param filter            pixel filter name and parameters
 * @param haltSpp           stop at this many samples per pixel (0: never)
 * @param haltTimeSeconds   stop after this many seconds (0: never)
 * @param outputBase        image file name without extension
 * @param writePng          write a tonemapped PNG
 * @param writeExr          write a linear OpenEXR
 * @param writePfm          write a linear PFM
 * @param writeFlm          write the resumable FLM film
 * @param tonemap           tonemapping of the PNG
 * @param writeIntervalSeconds  images are rewritten this often while rendering
 * @param scaleBits         fixed-point fraction bits of the film, from the scene's brightest emitter
 * @param dialect           the scene language
 */
public record RenderSettings(int width, int height, SamplerKind sampler, PathSettings path, FilterSpec filter,
                             int haltSpp, double haltTimeSeconds, String outputBase, boolean writePng,
                             boolean writeExr, boolean writePfm, boolean writeFlm, ToneSpec tonemap,
                             double writeIntervalSeconds, int scaleBits, Dialect dialect) {

    /** Which sample numbers the samplers draw. */
    public enum SamplerKind {
        /** Owen-scrambled Sobol (LuxRender "lowdiscrepancy", pbrt "sobol" and the other stratified ones). */
        LOW_DISCREPANCY,
        /** Independent uniform numbers (LuxRender/pbrt "random"). */
        INDEPENDENT
    }

    /**
     * A pixel filter by name with the parameters the scene gave (defaults come from the filter
     * registry, {@link org.luxnet.accumulator.filter.PixelFilters}).
     *
     * @param name   "box", "gaussian", "mitchell", "triangle" or "sinc"
     * @param params parameters by name (xwidth, ywidth, alpha, B, C, tau)
     */
    public record FilterSpec(String name, Map<String, Double> params) {
        public FilterSpec {
            params = Map.copyOf(params);
        }
    }

    /**
     * Tonemapping of the PNG output: a LuxRender tonemap kernel with the parameters the scene gave
     * (defaults come from {@link org.luxnet.accumulator.tonemap.ToneMappers}), and the display curve.
     *
     * @param kernel "autolinear", "linear", "reinhard", "maxwhite" or "none" (no tonemapping, as pbrt)
     * @param params kernel parameters by name (sensitivity, exposure, fstop, gamma, prescale, postscale, burn, scale)
     * @param gamma  display gamma of the PNG; 0 means the sRGB curve
     */
    public record ToneSpec(String kernel, Map<String, Double> params, float gamma) {
        public ToneSpec {
            params = Map.copyOf(params);
        }
    }

    /** A copy with other halt conditions. */
    public RenderSettings withHalt(int spp, double seconds) {
        return new RenderSettings(width, height, sampler, path, filter, spp, seconds, outputBase, writePng, writeExr,
                writePfm, writeFlm, tonemap, writeIntervalSeconds, scaleBits, dialect);
    }

    /** A copy that writes to another base name. */
    public RenderSettings withOutputBase(String base) {
        return new RenderSettings(width, height, sampler, path, filter, haltSpp, haltTimeSeconds, base, writePng, writeExr,
                writePfm, writeFlm, tonemap, writeIntervalSeconds, scaleBits, dialect);
    }

    /** A copy with another sampler. */
    public RenderSettings withSampler(SamplerKind kind) {
        return new RenderSettings(width, height, kind, path, filter, haltSpp, haltTimeSeconds, outputBase, writePng,
                writeExr, writePfm, writeFlm, tonemap, writeIntervalSeconds, scaleBits, dialect);
    }

    /** A copy with other path settings. */
    public RenderSettings withPath(PathSettings p) {
        return new RenderSettings(width, height, sampler, p, filter, haltSpp, haltTimeSeconds, outputBase, writePng,
                writeExr, writePfm, writeFlm, tonemap, writeIntervalSeconds, scaleBits, dialect);
    }
}

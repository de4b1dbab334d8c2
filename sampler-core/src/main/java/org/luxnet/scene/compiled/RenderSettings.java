package org.luxnet.scene.compiled;

import java.util.Map;

import org.luxnet.accumulator.tonemap.ColorSpace;
import org.luxnet.accumulator.tonemap.LdrClamp;
import org.luxnet.accumulator.tonemap.OutputImaging;
import org.luxnet.accumulator.tonemap.ToneMapParams;
import org.luxnet.accumulator.tonemap.ToneMappers;
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
 * @param writeExr          write an OpenEXR (linear, or tonemapped where LuxRender does)
 * @param writePfm          write a linear PFM
 * @param writeFlm          write the resumable FLM film
 * @param tonemap           tone mapping and encoding of the images
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
     * How the images are tone mapped and encoded, as the scene's renderer does it.
     *
     * @param kernel        a LuxRender tonemap kernel ("autolinear", "linear", "reinhard", "contrast",
     *                      "maxwhite"), or "none" for pbrt-v3's plain scale
     * @param params        kernel parameters by name (sensitivity, exposure, fstop, gamma, prescale,
     *                      postscale, burn, ywa; scale for "none"); defaults come from {@link ToneMappers}
     * @param gamma         display gamma of the PNG; 0 means pbrt's sRGB curve
     * @param colorSpace    LuxRender's output colour space, null for pbrt
     * @param ldrClamp      LuxRender's {@code ldr_clamp_method}, null for pbrt
     * @param exrTonemapped LuxRender's {@code write_exr_applyimaging}: the EXR holds the tonemapped image
     */
    public record ToneSpec(String kernel, Map<String, Double> params, double gamma, ColorSpace colorSpace,
                           LdrClamp ldrClamp, boolean exrTonemapped) {
        public ToneSpec {
            params = Map.copyOf(params);
        }

        /** pbrt-v3's film: every image multiplied by {@code scale}, the PNG sRGB-encoded. */
        public static ToneSpec pbrt(double scale) {
            return new ToneSpec(ToneMappers.NONE, Map.of("scale", scale), 0, null, null, false);
        }

        /** What each image file holds. */
        public OutputImaging imaging() {
            if (colorSpace == null) {
                return OutputImaging.pbrt(params.getOrDefault("scale", 1.0));
            }
            return OutputImaging.luxRender(ToneMappers.kernel(kernel, new ToneMapParams(params)), gamma, colorSpace,
                    ldrClamp, exrTonemapped);
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

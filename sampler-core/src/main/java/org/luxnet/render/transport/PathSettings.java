package org.luxnet.render.transport;

/**
 * Settings of the path tracer.
 *
 * @param maxDepth        longest path in bounces (pbrt/LuxRender "maxdepth"); emission is still
 *                        collected at the vertex where the limit is reached
 * @param roulette        how paths are terminated early
 * @param rrStartBounce   first bounce at which Russian roulette may terminate a path
 * @param rrContinueProb  continuation probability for {@link Roulette#PROBABILITY}
 * @param directLighting  direct lighting only (pbrt-v3's directlighting and whitted integrators, LuxRender's
 *                        directlighting): light at every vertex, paths continued by specular bounces only,
 *                        {@code maxDepth} of them at most
 * @param maxSampleLuminance a sample whose luminance exceeds this is scaled down to it (pbrt-v3's Film
 *                        "maxsampleluminance", FilmTile::AddSample); infinite for none
 */
public record PathSettings(int maxDepth, Roulette roulette, int rrStartBounce, float rrContinueProb,
                           boolean directLighting, float maxSampleLuminance) {

    /** Russian roulette strategies (LuxRender's rrstrategy names). */
    public enum Roulette {
        /** Continue with probability max(throughput), as pbrt-v4 (LuxRender "efficiency"). */
        EFFICIENCY,
        /** Continue with a fixed probability (LuxRender "probability"). */
        PROBABILITY,
        /** Never terminate early (LuxRender "none"). */
        NONE
    }

    /** A path tracer's settings (not direct lighting only). */
    public PathSettings(int maxDepth, Roulette roulette, int rrStartBounce, float rrContinueProb) {
        this(maxDepth, roulette, rrStartBounce, rrContinueProb, false, Float.POSITIVE_INFINITY);
    }

    public PathSettings {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxdepth must be >= 0, got " + maxDepth);
        }
        if (!(rrContinueProb > 0 && rrContinueProb <= 1)) {
            throw new IllegalArgumentException("rrcontinueprob must be in (0, 1], got " + rrContinueProb);
        }
        if (!(maxSampleLuminance > 0)) {
            throw new IllegalArgumentException("maxsampleluminance must be positive, got " + maxSampleLuminance);
        }
    }

    /** pbrt-v3's path integrator defaults with the given depth. */
    public static PathSettings pbrt(int maxDepth) {
        return new PathSettings(maxDepth, Roulette.EFFICIENCY, 4, 0.65f);
    }
}

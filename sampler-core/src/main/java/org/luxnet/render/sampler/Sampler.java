package org.luxnet.render.sampler;

/**
 * Sample values for one camera path: a pure function of (stream seed, pixel, sample index,
 * dimension). The same arguments give the same numbers on any thread, device or machine, which makes
 * renders reproducible, lets any node render any sample, and lets a pixel's sample be replayed.
 *
 * <p>One instance per thread; not thread-safe. Dimensions are consumed in a fixed order by the
 * integrator: {@link #startSample} resets to the first dimension.
 */
public interface Sampler {

    /**
     * Begins the sample {@code sampleIndex} of pixel {@code pixel} in stream {@code streamSeed}.
     * Streams with different seeds are independent.
     */
    void startSample(long streamSeed, int pixel, int sampleIndex);

    /** Two values for the camera: position within the pixel's filter footprint, in [0,1). */
    float cameraU();

    float cameraV();

    /** Two values for the lens, in [0,1). */
    float lensU();

    float lensV();

    /**
     * Moves to the dimensions of path vertex {@code bounce} (0 = first surface hit). Each bounce has
     * 8 values, read with {@link #get(int)}: see {@link #LIGHT_U} and following.
     */
    void startBounce(int bounce);

    /** The value of dimension {@code slot} (0..7) of the current bounce, in [0,1). */
    float get(int slot);

    // Slots of a bounce. The two pairs that matter most for noise (position on the light, BSDF
    // direction) sit on the first two dimensions of their 4D low-discrepancy chunk.
    /** Bounce slots: position on the light. */
    int LIGHT_U = 0;
    int LIGHT_V = 1;
    /** Bounce slot: which light to sample. */
    int LIGHT_SELECT = 2;
    /** Bounce slot: which BSDF lobe, or reflection vs refraction. */
    int BSDF_LOBE = 3;
    /** Bounce slots: direction from the BSDF. */
    int BSDF_U = 4;
    int BSDF_V = 5;
    /** Bounce slot: Russian roulette. */
    int ROULETTE = 6;
    /** Bounce slot: spare, for material choices (mix) or pass-through. */
    int SPARE = 7;
}

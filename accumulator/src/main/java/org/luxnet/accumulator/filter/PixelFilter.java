package org.luxnet.accumulator.filter;

/**
 * A pixel reconstruction filter used by filter importance sampling: the camera offsets each sample
 * from the pixel centre by an offset drawn from (the absolute value of) the filter, and the film adds
 * the sample to that one pixel with the returned weight. The film never splats a sample over
 * neighbouring pixels, so the filter only has to be sampled, not spread.
 *
 * <p>Offsets are in pixels, relative to the pixel centre. Implementations are immutable and
 * thread-safe; {@link #sample} is on the renderer's hot path and allocates nothing, takes no lock and
 * costs at most O(log n) in the size of its tables.
 */
public interface PixelFilter {
    /** Half-width of the filter's support along x, in pixels; {@link #evaluate} is 0 beyond it. */
    float radiusX();

    /** Half-width of the filter's support along y, in pixels; {@link #evaluate} is 0 beyond it. */
    float radiusY();

    /**
     * The filter's value at offset ({@code dx}, {@code dy}) from the pixel centre, in pixels. Not
     * normalised: only ratios of values matter. May be negative (Mitchell, sinc) and is 0 outside the
     * radius.
     */
    float evaluate(float dx, float dy);

    /**
     * Draws an offset from the filter. From two uniform numbers {@code u1, u2} in [0, 1) writes
     * {@code out[0] = dx}, {@code out[1] = dy} (pixels, within the radius) and {@code out[2] =
     * weight}, such that for any function g of position the weighted mean {@code E[weight * g(p + d)] /
     * E[weight]} equals the filtered value {@code ∫ f g / ∫ f}. For box and triangle filters the weight
     * is exactly 1; for tabulated filters it is {@code f(d) / pdf(d)} scaled so that it is close to ±1,
     * negative where the filter is negative.
     *
     * @param out array of length at least 3, written at indices 0..2
     */
    void sample(float u1, float u2, float[] out);
}

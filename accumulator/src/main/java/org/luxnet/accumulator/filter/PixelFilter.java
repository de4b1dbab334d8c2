package org.luxnet.accumulator.filter;

/**
 * A pixel reconstruction filter used by filter importance sampling: the camera offsets each sample
 * from the pixel centre by an offset drawn from (the absolute value of) the filter, and the film adds
 * the sample to that one pixel with the weight f(d) / pdf(d) (exactly 1 for box and triangle filters,
 * close to ±1 for tabulated ones, see {@link TabulatedFilter}). The film never splats a sample over
 * neighbouring pixels, so the filter only has to be sampled, not spread. The sampling itself is light
 * transport, done by the renderer's camera step on every device; this describes the filter.
 *
 * <p>Offsets are in pixels, relative to the pixel centre. Implementations are immutable and
 * thread-safe.
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
}

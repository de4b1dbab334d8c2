package org.luxnet.accumulator;

/**
 * The per-pixel sums a film keeps. All are 64-bit integers; the radiance sums are fixed point (see
 * {@link Film}), the counts are plain counts.
 */
public enum Channel {
    /** Sum of filter weight times red radiance, fixed point with {@link Film#scaleBits()} fraction bits. */
    R,
    /** Sum of filter weight times green radiance, fixed point with {@link Film#scaleBits()} fraction bits. */
    G,
    /** Sum of filter weight times blue radiance, fixed point with {@link Film#scaleBits()} fraction bits. */
    B,
    /** Sum of filter weights, fixed point with {@link Film#WEIGHT_BITS} fraction bits. */
    W,
    /** Sum of squared luminance of the pixel's own samples, fixed point with {@link Film#lumSqBits()} fraction bits. */
    LUM_SQ,
    /** Number of samples taken for the pixel. */
    SAMPLES,
    /** Number of those samples that carried non-zero radiance. */
    CONTRIBUTIONS;

    /** All channels in wire/file order. */
    public static final Channel[] ALL = values();
}

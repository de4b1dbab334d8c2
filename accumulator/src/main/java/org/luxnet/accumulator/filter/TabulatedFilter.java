package org.luxnet.accumulator.filter;

/**
 * A separable filter sampled from per-axis tables (Gaussian, Mitchell, sinc): it can export those
 * tables so that a renderer outside the JVM's filter code (the GPU sampler) draws the same offsets
 * and weights as {@link PixelFilter#sample}. Box and triangle filters are sampled analytically and
 * have no tables.
 */
public interface TabulatedFilter extends PixelFilter {
    /**
     * The sampling table of axis {@code axis} (0 = x, 1 = y), as fresh arrays the caller owns.
     *
     * @throws IllegalArgumentException when axis is not 0 or 1
     */
    FilterAxisTable samplingTable(int axis);
}

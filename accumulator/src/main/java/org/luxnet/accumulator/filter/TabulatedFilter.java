package org.luxnet.accumulator.filter;

/**
 * A separable filter sampled from per-axis tables (Gaussian, Mitchell, sinc): it exports those
 * tables, from which the light transport draws offsets with density proportional to |f| and weights
 * {@code f / pdf} scaled to about ±1. Box and triangle filters are sampled analytically and have no
 * tables.
 */
public interface TabulatedFilter extends PixelFilter {
    /**
     * The sampling table of axis {@code axis} (0 = x, 1 = y), as fresh arrays the caller owns.
     *
     * @throws IllegalArgumentException when axis is not 0 or 1
     */
    FilterAxisTable samplingTable(int axis);
}

package org.luxnet.accumulator.filter;

/** One axis of a separable filter: its value at offset {@code v} for half-width {@code radius}. */
@FunctionalInterface
interface Profile {
    /** The 1D filter value at {@code v} (pixels), 0 where {@code |v| > radius}. Must be pure. */
    double value(double v, double radius);
}

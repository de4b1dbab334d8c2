package org.luxnet.accumulator.filter;

/**
 * The sampling table of one axis of a tabulated separable filter, exported as plain float arrays for
 * the light transport, which samples the filter from them on every device. The cumulative distribution is in double precision in the filter; here each
 * entry is the float sum {@code cdf[i] + cdfLow[i]}, which keeps the tail bins (masses far below the
 * float spacing near 1) apart. To sample with number {@code u}: take the largest bin {@code i < bins}
 * whose cumulative value is at most {@code u}; the offset is {@code -radius + (i + t) * binWidth}
 * with {@code t = ((u - cdf[i]) - cdfLow[i]) / ((cdf[i+1] - cdf[i]) + (cdfLow[i+1] - cdfLow[i]))},
 * clamped to [-radius, radius]; this axis's weight factor is the profile at the offset divided by
 * {@code binMean[i]}. The profile is tabulated at {@code profileStepsPerBin} points per bin ({@code
 * profile[k]} is its value at {@code -radius + k * binWidth / profileStepsPerBin}); interpolating it
 * linearly reproduces the exact profile to a few 1e-8 of its peak.
 *
 * @param radius             half-width of the axis, pixels
 * @param binWidth           width of one bin, pixels
 * @param cdf                {@code bins + 1} cumulative values rounded to float, 0 first and 1 last
 * @param cdfLow             {@code bins + 1} remainders: the double value minus {@code cdf}, rounded to float
 * @param binMean            {@code bins} table values (mean |profile| of each bin), positive where sampled
 * @param profileStepsPerBin profile samples per bin
 * @param profile            {@code bins * profileStepsPerBin + 1} profile values, signed
 */
public record FilterAxisTable(float radius, float binWidth, float[] cdf, float[] cdfLow, float[] binMean,
                              int profileStepsPerBin, float[] profile) {

    /** Number of bins. */
    public int bins() {
        return binMean.length;
    }
}

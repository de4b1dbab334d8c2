package org.luxnet.accumulator.stats;

/**
 * The counts and speed of one part of a render, as one segment of the statistics line: the local
 * threads ("2T"), one network node ("host:port"), or a sum of them.
 *
 * @param label what the segment is called on the line, e.g. "2T" or "render1:18018"
 * @param samples samples this part has put in the film, cumulative
 * @param contributions those samples that carried non-zero radiance, at most {@code samples}
 * @param samplesPerSecond the part's current sampling speed, in samples per second
 */
public record SegmentStats(String label, long samples, long contributions, double samplesPerSecond) {
    /** Checks that counts are non-negative and consistent and the speed finite and non-negative. */
    public SegmentStats {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("segment label must not be blank");
        }
        if (samples < 0 || contributions < 0 || contributions > samples) {
            throw new IllegalArgumentException("segment " + label + ": " + contributions + " contributions of " + samples
                    + " samples");
        }
        if (!(samplesPerSecond >= 0) || !Double.isFinite(samplesPerSecond)) {
            throw new IllegalArgumentException("segment " + label + ": speed " + samplesPerSecond + " samples/s");
        }
    }

    /** Contributions per sample, 0 when there are no samples. */
    public double efficiency() {
        return samples == 0 ? 0 : (double) contributions / samples;
    }

    /** The segment with {@code other}'s counts and speed added, under {@code newLabel}. */
    public SegmentStats plus(SegmentStats other, String newLabel) {
        return new SegmentStats(newLabel, samples + other.samples, contributions + other.contributions,
                samplesPerSecond + other.samplesPerSecond);
    }
}

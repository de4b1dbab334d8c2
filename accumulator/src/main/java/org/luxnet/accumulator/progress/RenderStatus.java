package org.luxnet.accumulator.progress;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of a running render, as numbers: what the statistics line shows, per source, and the
 * halt conditions. The live monitor serves this as JSON.
 *
 * @param elapsed          rendering time so far
 * @param pixels           pixels in the frame
 * @param samples          samples in the total film
 * @param contributions    of which carried radiance
 * @param samplesPerSecond current total rate
 * @param noise            90th percentile of relative per-pixel error at the last estimate (NaN before one)
 * @param local            the local sources
 * @param remote           the remote sources
 * @param halt             the halt conditions
 * @param state            "rendering", "stopping" or "done"
 * @param haltReason       why it stopped ("spp", "time", "noise", "stopped") or null while running
 */
public record RenderStatus(Duration elapsed, long pixels, long samples, long contributions, double samplesPerSecond,
                           double noise, List<SourceStats> local, List<SourceStats> remote, HaltConditions halt,
                           String state, String haltReason) {

    /** Samples per pixel in the total film. */
    public double samplesPerPixel() {
        return (double) samples / pixels;
    }
}

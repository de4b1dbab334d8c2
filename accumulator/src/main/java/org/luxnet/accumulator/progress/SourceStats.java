package org.luxnet.accumulator.progress;

/**
 * A snapshot of one film source.
 *
 * @param label             the source's label
 * @param state             "rendering", "idle", "connecting", "lost", "refused", "stopped" ...
 * @param threads           CPU threads rendering (0 for a remote node whose count is unknown)
 * @param devices           a human-readable device list, e.g. "CPU + OpenCL (NVIDIA H100)"
 * @param samples           samples rendered so far (cumulative, delivered or not)
 * @param contributions     those that carried radiance
 * @param samplesPerSecond  current sample rate
 */
public record SourceStats(String label, String state, int threads, String devices, long samples, long contributions,
                          double samplesPerSecond) {
}

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
 * @param host              the load of the machine it renders on, as a remote server reports it; null
 *                          for local sources and nodes that have not reported yet
 */
public record SourceStats(String label, String state, int threads, String devices, long samples, long contributions,
                          double samplesPerSecond, HostLoad host) {

    /** A snapshot without host load (local sources). */
    public SourceStats(String label, String state, int threads, String devices, long samples, long contributions,
                       double samplesPerSecond) {
        this(label, state, threads, devices, samples, contributions, samplesPerSecond, null);
    }
}

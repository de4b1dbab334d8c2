package org.luxnet.bridge.protocol;

/**
 * The server's render progress and its host's load, sent after every {@link Heartbeat}.
 *
 * <p>Wire: {@code u8 state (a {@link ServerState} code), string detail, i64 samples, i64 contributions, f64 samplesPerSecond, i32 threads,
 * string devices, f64 cpuLoad, i64 memoryUsed, i64 memoryTotal}.
 *
 * @param state            what the session does
 * @param detail           why it failed (with {@link ServerState#FAILED}), else empty
 * @param samples          samples the job has rendered so far, delivered or not
 * @param contributions    of which carried radiance
 * @param samplesPerSecond the job's current speed
 * @param threads          CPU threads rendering
 * @param devices          devices rendering
 * @param cpuLoad          the host's CPU load from 0 to 1, NaN when unknown
 * @param memoryUsed       bytes of the host's memory in use, -1 when unknown
 * @param memoryTotal      bytes of the host's memory, -1 when unknown
 */
public record Status(ServerState state, String detail, long samples, long contributions, double samplesPerSecond, int threads,
                     String devices, double cpuLoad, long memoryUsed, long memoryTotal) implements Message {
    /** Checks the fields. */
    public Status {
        if (state == null) {
            throw new IllegalArgumentException("a status needs a state");
        }
        Fields.string(detail, "detail");
        Fields.string(devices, "devices");
        Fields.nonNegative(samples, "samples");
        if (contributions < 0 || contributions > samples) {
            throw new IllegalArgumentException(contributions + " contributions of " + samples + " samples");
        }
        if (!(samplesPerSecond >= 0) || Double.isInfinite(samplesPerSecond)) {
            throw new IllegalArgumentException("speed " + samplesPerSecond + " samples/s");
        }
    }

    /** "rendering", or "failed: why" when there is a detail. */
    public String describe() {
        return detail.isEmpty() ? state.label() : state.label() + ": " + detail;
    }

    @Override
    public MessageType type() {
        return MessageType.STATUS;
    }
}

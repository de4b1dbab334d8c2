package org.luxnet.bridge.protocol;

/**
 * The server renders for the session: freshly started, or reattached ({@code attached}), in which
 * case deltas the client has not acknowledged follow at once, with their old sequence numbers.
 *
 * <p>Wire: {@code string jobId, i32 node, u8 attached, i32 width, i32 height, i32 threads, string
 * devices}.
 *
 * @param jobId    id of this server's render of the session; sequence numbers count within it
 * @param node     the node index the render uses (the server's own when reattached)
 * @param attached true when the server already held the session
 * @param width    film width in pixels
 * @param height   film height in pixels
 * @param threads  CPU threads rendering
 * @param devices  devices rendering, e.g. "CPU + OpenCL (NVIDIA H100)"
 */
public record Started(String jobId, int node, boolean attached, int width, int height, int threads, String devices)
        implements Message {
    /** Checks the fields. */
    public Started {
        Fields.string(jobId, "jobId");
        Fields.string(devices, "devices");
        if (node < 0 || width <= 0 || height <= 0 || threads < 0) {
            throw new IllegalArgumentException("started: node " + node + ", size " + width + "x" + height
                    + ", threads " + threads + " out of range");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.STARTED;
    }
}

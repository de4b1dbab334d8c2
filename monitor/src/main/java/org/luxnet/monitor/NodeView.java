package org.luxnet.monitor;

import org.luxnet.accumulator.progress.HostLoad;
import org.luxnet.accumulator.progress.SourceStats;

/**
 * One row of the monitor's node table: a local device or a render server.
 *
 * @param id                 stable key of the row within the render, e.g. "device-0" or "server-2"
 * @param kind               "device" (this machine) or "server"
 * @param label              what to call it: a device description or the server's host:port
 * @param state              the table state, see {@link NodeStates}
 * @param detail             the node's own, more detailed state
 * @param threads            CPU threads it renders on (0 when unknown)
 * @param devices            its devices, e.g. "CPU + OpenCL (NVIDIA H100)"; "" when unknown
 * @param samples            samples it contributed to the film so far
 * @param contributions      of which carried radiance
 * @param samplesPerSecond   its current rate
 * @param lastContactSeconds seconds since the client last heard from the server; NaN for local
 *                           devices and servers never heard from
 * @param host               its machine's CPU load and memory, null when unknown
 */
public record NodeView(String id, String kind, String label, String state, String detail, int threads, String devices,
                       long samples, long contributions, double samplesPerSecond, double lastContactSeconds,
                       HostLoad host) {

    /** The row of a source with statistics {@code s}. */
    public static NodeView of(String id, String kind, SourceStats s, double lastContactSeconds) {
        return new NodeView(id, kind, s.label(), NodeStates.classify(s.state()), s.state(), s.threads(),
                s.devices() == null ? "" : s.devices(), s.samples(), s.contributions(), Math.max(0, s.samplesPerSecond()),
                lastContactSeconds, s.host());
    }
}

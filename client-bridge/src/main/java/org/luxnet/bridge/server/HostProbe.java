package org.luxnet.bridge.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.luxnet.accumulator.progress.HostLoad;

/**
 * The host's CPU load and memory, as the JVM reports them, for the status the client (and the live
 * monitor) shows per node, and the monitor shows for the client machine: users of render farms want to
 * see what a node is doing.
 */
public final class HostProbe {
    private HostProbe() {
    }

    /** Host CPU load from 0 to 1, NaN when the JVM cannot tell. */
    static double cpuLoad() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean s) {
            double v = s.getCpuLoad();
            return v >= 0 ? v : Double.NaN;
        }
        return Double.NaN;
    }

    /** The host's CPU load and memory now. */
    public static HostLoad current() {
        long[] mem = memory();
        return new HostLoad(cpuLoad(), mem[0], mem[1]);
    }

    /** {used, total} bytes of the host's physical memory; -1 each when unknown. */
    static long[] memory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean s) {
            long total = s.getTotalMemorySize(), free = s.getFreeMemorySize();
            return new long[] {total - free, total};
        }
        return new long[] {-1, -1};
    }
}

package org.luxnet.bridge.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.luxnet.accumulator.progress.HostLoad;

/**
 * The host's CPU load and memory, as the JVM reports them, for the status the client (and the live
 * monitor) shows per node, and the monitor shows for the client machine: users of render farms want to
 * see what a node is doing.
 */
public final class HostProbe {
    /** The JVM measures CPU load since its previous measurement, whoever asked; shorter spans are noise. */
    static final long MIN_SPAN_NANOS = 1_000_000_000L;
    // One measurement per JVM, as the JVM's own is: every caller (status replies, status port,
    // monitor) shares it, so one caller asking right after another does not see an empty span.
    private static final LoadMeter SHARED = new LoadMeter(System::nanoTime, HostProbe::jvmCpuLoad);

    private HostProbe() {
    }

    /**
     * CPU load measured at most once per {@link #MIN_SPAN_NANOS} of its clock; callers in between
     * share the last measurement. Thread-safe.
     */
    static final class LoadMeter {
        private final LongSupplier clock;
        private final DoubleSupplier source;
        private long measuredAt;
        private double lastLoad = Double.NaN;
        private boolean measured;

        /**
         * @param clock  nanoseconds, monotonic
         * @param source the load from 0 to 1 since its previous call, negative when unknown
         */
        LoadMeter(LongSupplier clock, DoubleSupplier source) {
            this.clock = clock;
            this.source = source;
        }

        synchronized double load() {
            long now = clock.getAsLong();
            if (measured && now - measuredAt < MIN_SPAN_NANOS) {
                return lastLoad;
            }
            double v = source.getAsDouble();
            lastLoad = v >= 0 ? Math.min(1, v) : Double.NaN;
            measuredAt = now;
            measured = true;
            return lastLoad;
        }
    }

    /** Host CPU load from 0 to 1 over the last second or more, NaN when the JVM cannot tell. */
    static double cpuLoad() {
        return SHARED.load();
    }

    private static double jvmCpuLoad() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getCpuLoad() : -1;
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

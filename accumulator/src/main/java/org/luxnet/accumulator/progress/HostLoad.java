package org.luxnet.accumulator.progress;

import java.util.Locale;

/**
 * How busy a render node's machine is, as its server reports it, so that the statistics and the
 * live monitor can show what each node is doing.
 *
 * @param cpuLoad     the host's CPU load from 0 to 1, NaN when unknown
 * @param memoryUsed  bytes of physical memory in use, -1 when unknown
 * @param memoryTotal bytes of physical memory, -1 when unknown
 */
public record HostLoad(double cpuLoad, long memoryUsed, long memoryTotal) {

    /** "CPU 97%, mem 3.1/15.6 GiB", leaving out what is unknown. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!Double.isNaN(cpuLoad)) {
            sb.append(String.format(Locale.ROOT, "CPU %.0f%%", 100 * cpuLoad));
        }
        if (memoryUsed >= 0 && memoryTotal > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "mem %.1f/%.1f GiB",
                    memoryUsed / 1073741824.0, memoryTotal / 1073741824.0));
        }
        return sb.toString();
    }
}

package org.luxnet.accumulator.stats;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * LuxRender's statistics line, which benchmark scripts parse, so its format is exact:
 *
 * <pre>
 * 00:00:36 - 2T: 3.67 S/p  78.79 kS/s  99% Eff  77.86 kC/s - 3N: 10.9 S/p  233.1 kS/s - Tot: 14.6 S/p  311.9 kS/s
 * </pre>
 *
 * <p>Elapsed time as hh:mm:ss (hours may pass 99). The local segment shows samples per pixel and
 * speed with 2 decimals, the efficiency (contributions per sample) as a whole percentage and the
 * contribution speed. The network segment, labelled with the number of nodes, sums all nodes; the
 * total adds local and network; both show S/p and speed with 1 decimal and appear only when there are
 * nodes. Speeds are in kS/s (thousands of samples per second) below 10^6 S/s and in MS/s from there;
 * kC/s and MC/s likewise. S/p counts the samples in the film, so it is comparable across segments.
 * Fields are separated by two spaces. An optional device note follows as {@code " - " + note}.
 *
 * <p>The verbose per-node line, one per node under the main line, is:
 *
 * <pre>
 *   node render1:18018: 10.9 S/p  233.1 kS/s  99% Eff
 * </pre>
 *
 * <p>Numbers use '.' as decimal separator whatever the default locale. Stateless and thread-safe.
 */
public final class StatsLine {
    private StatsLine() {
    }

    /**
     * The statistics line.
     *
     * @param elapsed render time so far, not negative
     * @param pixels pixels in the film, positive
     * @param local this machine's threads; its label (e.g. "2T") starts the segment
     * @param nodes the network nodes, summed into one "nN" segment; empty for a standalone render
     * @param deviceNote appended after " - " when not null or blank, e.g. "Using CPU + OpenCL (NVIDIA H100)"
     */
    public static String format(Duration elapsed, long pixels, SegmentStats local, List<SegmentStats> nodes,
            String deviceNote) {
        checkPixels(pixels);
        StringBuilder sb = new StringBuilder(160);
        sb.append(elapsed(elapsed)).append(" - ").append(local.label()).append(": ");
        sb.append(String.format(Locale.ROOT, "%.2f S/p  ", (double) local.samples() / pixels));
        sb.append(rate(local.samplesPerSecond(), 2, "S")).append("  ");
        sb.append(efficiency(local)).append("  ");
        sb.append(rate(local.samplesPerSecond() * local.efficiency(), 2, "C"));
        if (!nodes.isEmpty()) {
            SegmentStats network = new SegmentStats(nodes.size() + "N", 0, 0, 0);
            for (SegmentStats n : nodes) {
                network = network.plus(n, network.label());
            }
            SegmentStats total = local.plus(network, "Tot");
            sb.append(" - ").append(brief(network, pixels));
            sb.append(" - ").append(brief(total, pixels));
        }
        if (deviceNote != null && !deviceNote.isBlank()) {
            sb.append(" - ").append(deviceNote);
        }
        return sb.toString();
    }

    /** The verbose line for one node, labelled with its {@code host:port}; see the class comment. */
    public static String formatNode(SegmentStats node, long pixels) {
        checkPixels(pixels);
        return "  node " + brief(node, pixels) + "  " + efficiency(node);
    }

    /** The verbose line for one local device, like a node's: {@code "  device CPU (2T): 8.0 S/p  344.9 kS/s  85% Eff"}. */
    public static String formatDevice(SegmentStats device, long pixels) {
        checkPixels(pixels);
        return "  device " + brief(device, pixels) + "  " + efficiency(device);
    }

    private static String brief(SegmentStats s, long pixels) {
        return s.label() + ": " + String.format(Locale.ROOT, "%.1f S/p  ", (double) s.samples() / pixels)
                + rate(s.samplesPerSecond(), 1, "S");
    }

    private static String efficiency(SegmentStats s) {
        return String.format(Locale.ROOT, "%.0f%% Eff", 100 * s.efficiency());
    }

    /** A speed in thousands or, from 10^6 per second, millions: "78.79 kS/s", "1.50 MC/s". */
    private static String rate(double perSecond, int decimals, String unit) {
        boolean mega = perSecond >= 1e6;
        double v = mega ? perSecond / 1e6 : perSecond / 1e3;
        return String.format(Locale.ROOT, "%." + decimals + "f %s%s/s", v, mega ? "M" : "k", unit);
    }

    private static String elapsed(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("elapsed time is negative: " + d);
        }
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static void checkPixels(long pixels) {
        if (pixels <= 0) {
            throw new IllegalArgumentException("pixel count must be positive, got " + pixels);
        }
    }
}

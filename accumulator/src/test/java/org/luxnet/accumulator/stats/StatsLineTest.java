package org.luxnet.accumulator.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatsLineTest {
    private static final long PIXELS = 10_000;

    /** Local: 3.67 S/p at 78.79 kS/s with 98.82% of samples contributing. */
    private static final SegmentStats LOCAL = new SegmentStats("2T", 36_700, 36_267, 78_790);
    /** Three nodes: together 10.9 S/p at 233.1 kS/s. */
    private static final List<SegmentStats> NODES = List.of(new SegmentStats("a:18018", 40_000, 39_900, 80_000),
            new SegmentStats("b:18018", 30_000, 29_000, 70_000), new SegmentStats("c:18018", 39_000, 39_000, 83_100));

    @Test
    void reproducesLuxRendersNetworkLine() {
        assertEquals("00:00:36 - 2T: 3.67 S/p  78.79 kS/s  99% Eff  77.86 kC/s - 3N: 10.9 S/p  233.1 kS/s"
                + " - Tot: 14.6 S/p  311.9 kS/s", StatsLine.format(Duration.ofSeconds(36), PIXELS, LOCAL, NODES, null));
    }

    @Test
    void standaloneRenderHasNoNetworkOrTotal() {
        assertEquals("01:02:03 - 2T: 3.67 S/p  78.79 kS/s  99% Eff  77.86 kC/s",
                StatsLine.format(Duration.ofSeconds(3723), PIXELS, LOCAL, List.of(), ""));
    }

    @Test
    void deviceNoteIsAppended() {
        assertEquals("00:00:36 - 2T: 3.67 S/p  78.79 kS/s  99% Eff  77.86 kC/s - Using CPU + OpenCL (NVIDIA H100)",
                StatsLine.format(Duration.ofMillis(36_900), PIXELS, LOCAL, List.of(), "Using CPU + OpenCL (NVIDIA H100)"));
    }

    @Test
    void switchesToMegaAtOneMillionPerSecond() {
        SegmentStats fast = new SegmentStats("16T", 2_000_000, 1_000_000, 2_500_000);
        assertEquals("00:00:01 - 16T: 200.00 S/p  2.50 MS/s  50% Eff  1.25 MC/s",
                StatsLine.format(Duration.ofSeconds(1), PIXELS, fast, List.of(), null));
        SegmentStats edge = new SegmentStats("1T", 10, 10, 999_999);
        assertEquals("00:00:00 - 1T: 0.00 S/p  1000.00 kS/s  100% Eff  1000.00 kC/s",
                StatsLine.format(Duration.ZERO, PIXELS, edge, List.of(), null));
        SegmentStats net = new SegmentStats("n:1", 10, 10, 1_000_000);
        assertEquals("00:00:00 - 1T: 0.00 S/p  1000.00 kS/s  100% Eff  1000.00 kC/s - 1N: 0.0 S/p  1.0 MS/s"
                + " - Tot: 0.0 S/p  2.0 MS/s", StatsLine.format(Duration.ZERO, PIXELS, edge, List.of(net), null));
    }

    @Test
    void hoursPassNinetyNineAndNoSamplesMeansZeroEfficiency() {
        SegmentStats idle = new SegmentStats("4T", 0, 0, 0);
        assertEquals("123:04:05 - 4T: 0.00 S/p  0.00 kS/s  0% Eff  0.00 kC/s",
                StatsLine.format(Duration.ofHours(123).plusMinutes(4).plusSeconds(5), PIXELS, idle, List.of(), null));
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("00:00:36 - 2T: 3.67 S/p  78.79 kS/s  99% Eff  77.86 kC/s",
                    StatsLine.format(Duration.ofSeconds(36), PIXELS, LOCAL, List.of(), null));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void verboseNodeLine() {
        assertEquals("  node a:18018: 4.0 S/p  80.0 kS/s  100% Eff", StatsLine.formatNode(NODES.get(0), PIXELS));
        assertEquals("  node b:18018: 3.0 S/p  70.0 kS/s  97% Eff", StatsLine.formatNode(NODES.get(1), PIXELS));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new SegmentStats("x", 5, 6, 1));
        assertThrows(IllegalArgumentException.class, () -> new SegmentStats("x", 5, 5, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> StatsLine.format(Duration.ofSeconds(-1), PIXELS, LOCAL, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> StatsLine.formatNode(LOCAL, 0));
    }
}

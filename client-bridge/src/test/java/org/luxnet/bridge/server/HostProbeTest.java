package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.progress.HostLoad;

class HostProbeTest {
    @Test
    void callersWithinASpanShareOneMeasurementInsteadOfEmptyingEachOthersSpan() {
        AtomicLong clock = new AtomicLong(5_000_000_000L);
        AtomicInteger calls = new AtomicInteger();
        // Every measurement differs, so a shared one is told apart from two that happen to agree.
        HostProbe.LoadMeter m = new HostProbe.LoadMeter(clock::get, () -> 0.25 * calls.incrementAndGet());
        assertEquals(0.25, m.load());
        clock.addAndGet(HostProbe.MIN_SPAN_NANOS - 1);
        assertEquals(0.25, m.load(), "a second caller within the span sees the same load, not a 0 % blip");
        assertEquals(1, calls.get(), "the JVM was asked once");
        clock.addAndGet(1);
        assertEquals(0.5, m.load(), "a full span later it measures again");
        assertEquals(2, calls.get());
    }

    @Test
    void anUnknownLoadIsNaNAndALoadAboveOneIsClamped() {
        AtomicLong clock = new AtomicLong();
        double[] next = {-1};
        HostProbe.LoadMeter m = new HostProbe.LoadMeter(clock::get, () -> next[0]);
        assertTrue(Double.isNaN(m.load()), "the JVM's -1 means unknown");
        next[0] = 1.0000001;
        clock.addAndGet(HostProbe.MIN_SPAN_NANOS);
        assertEquals(1.0, m.load());
    }

    @Test
    void theHostsFiguresAreInRange() {
        HostLoad a = HostProbe.current();
        assertTrue(Double.isNaN(a.cpuLoad()) || a.cpuLoad() >= 0 && a.cpuLoad() <= 1, a.toString());
        assertTrue(a.memoryTotal() == -1 || a.memoryTotal() > 0 && a.memoryUsed() >= 0
                && a.memoryUsed() <= a.memoryTotal(), a.toString());
    }
}

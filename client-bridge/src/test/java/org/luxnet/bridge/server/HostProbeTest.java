package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.progress.HostLoad;

class HostProbeTest {
    @Test
    void callersInOneJvmShareAMeasurementInsteadOfEmptyingEachOthersSpan() {
        HostLoad a = HostProbe.current(), b = HostProbe.current();
        assertTrue(Double.isNaN(a.cpuLoad()) || a.cpuLoad() >= 0 && a.cpuLoad() <= 1, a.toString());
        assertEquals(a.cpuLoad(), b.cpuLoad(), "a second caller within a second sees the same load, not a 0 % blip");
        assertTrue(a.memoryTotal() == -1 || a.memoryTotal() > 0 && a.memoryUsed() >= 0
                && a.memoryUsed() <= a.memoryTotal(), a.toString());
    }
}

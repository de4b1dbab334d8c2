package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.render.device.GpuDevices.Scan;
import org.luxnet.render.device.GpuDevices.Selection;

/** The device selection policy of {@code --gpu auto|off|only} and {@code --gpu-device N}. */
class GpuDevicesTest {
    private static final OpenClDeviceInfo POCL = device(0, "pthread-pocl", OpenClDeviceInfo.Type.CPU, 16);
    private static final OpenClDeviceInfo SMALL_GPU = device(1, "small GPU", OpenClDeviceInfo.Type.GPU, 20);
    private static final OpenClDeviceInfo BIG_GPU = device(2, "big GPU", OpenClDeviceInfo.Type.GPU, 132);
    private static final OpenClDeviceInfo ACCEL = device(3, "accelerator", OpenClDeviceInfo.Type.ACCELERATOR, 200);

    private static OpenClDeviceInfo device(int index, String name, OpenClDeviceInfo.Type type, int units) {
        return new OpenClDeviceInfo(index, null, name, type, "vendor", "platform", units, 8L << 30, 2L << 30);
    }

    private static Scan scan(OpenClDeviceInfo... devices) {
        return new Scan(List.of(devices), devices.length == 0 ? "OpenCL is not available (test)" : null);
    }

    @Test
    void autoTakesTheBiggestGpuAndPrefersGpusToAccelerators() {
        Selection s = GpuDevices.choose(GpuMode.AUTO, null, scan(POCL, SMALL_GPU, BIG_GPU, ACCEL));
        assertSame(BIG_GPU, s.device());
        assertTrue(s.message().contains("big GPU"), s.message());
        assertSame(ACCEL, GpuDevices.choose(GpuMode.AUTO, null, scan(POCL, ACCEL)).device());
    }

    @Test
    void autoIgnoresCpuDevicesAndSaysSoOnce() {
        Selection s = GpuDevices.choose(GpuMode.AUTO, null, scan(POCL));
        assertNull(s.device());
        assertTrue(s.message().contains("only CPU OpenCL devices") && s.message().contains("CPU alone"), s.message());
    }

    @Test
    void autoWithoutOpenClRendersOnTheCpuAndSaysWhy() {
        Selection s = GpuDevices.choose(GpuMode.AUTO, null, scan());
        assertNull(s.device());
        assertTrue(s.message().contains("OpenCL is not available (test)") && s.message().contains("CPU alone"),
                s.message());
    }

    @Test
    void onlyFallsBackToACpuDeviceButNeverToNothing() {
        assertSame(BIG_GPU, GpuDevices.choose(GpuMode.ONLY, null, scan(POCL, BIG_GPU)).device());
        Selection cpu = GpuDevices.choose(GpuMode.ONLY, null, scan(POCL));
        assertSame(POCL, cpu.device());
        assertTrue(cpu.message().contains("CPU device"), cpu.message());
        GpuSelectionException e = assertThrows(GpuSelectionException.class,
                () -> GpuDevices.choose(GpuMode.ONLY, null, scan()));
        assertTrue(e.getMessage().contains("OpenCL is not available"), e.getMessage());
    }

    @Test
    void anExplicitIndexSelectsExactlyThatDevice() {
        assertSame(POCL, GpuDevices.choose(GpuMode.AUTO, 0, scan(POCL, SMALL_GPU)).device());
        assertSame(SMALL_GPU, GpuDevices.choose(GpuMode.ONLY, 1, scan(POCL, SMALL_GPU, BIG_GPU)).device());
        GpuSelectionException e = assertThrows(GpuSelectionException.class,
                () -> GpuDevices.choose(GpuMode.AUTO, 5, scan(POCL, SMALL_GPU)));
        assertTrue(e.getMessage().contains("no OpenCL device 5") && e.getMessage().contains("small GPU"), e.getMessage());
        assertThrows(GpuSelectionException.class, () -> GpuDevices.choose(GpuMode.AUTO, -1, scan(POCL)));
    }

    @Test
    void offSelectsNothingAndSaysNothing() {
        assertEquals(new Selection(null, null), GpuDevices.choose(GpuMode.OFF, null, scan(BIG_GPU)));
        assertEquals(new Selection(null, null), GpuDevices.select(GpuMode.OFF, 3));
    }

    @Test
    void modesParseAndSayWhetherCpuThreadsRun() {
        assertEquals(GpuMode.AUTO, GpuMode.parse("auto"));
        assertEquals(GpuMode.ONLY, GpuMode.parse(" ONLY "));
        assertEquals(GpuMode.OFF, GpuMode.parse("Off"));
        assertTrue(GpuMode.AUTO.usesCpuThreads() && GpuMode.OFF.usesCpuThreads() && !GpuMode.ONLY.usesCpuThreads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuMode.parse("sometimes"));
        assertTrue(e.getMessage().contains("auto, off, only"), e.getMessage());
    }

    @Test
    void theMachinesDevicesAreListedInOrder() {
        List<OpenClDeviceInfo> all = GpuDevices.list();
        for (int i = 0; i < all.size(); i++) {
            OpenClDeviceInfo d = all.get(i);
            assertEquals(i, d.index());
            assertTrue(d.computeUnits() > 0 && d.globalMemoryBytes() > 0 && !d.name().isEmpty(), d.describe());
            assertTrue(d.describe().startsWith(i + ": " + d.name()), d.describe());
        }
        Selection auto = GpuDevices.select(GpuMode.AUTO, null);
        assertTrue(auto.device() != null || auto.message().contains("CPU alone"), String.valueOf(auto));
    }
}

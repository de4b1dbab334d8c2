package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.exception.CompileFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The GPU sampler on a real OpenCL device: the kernel must really run in OpenCL (no silent fallback
 * to Java threads) and its render must converge to the pbrt reference. Skipped, saying why, on a
 * machine without OpenCL; CI installs PoCL so that these run on every build.
 */
class OpenClRenderTest {
    private static OpenClDeviceInfo device;

    @BeforeAll
    static void findDevice() {
        List<OpenClDeviceInfo> all = GpuDevices.list();
        // Prefer a GPU when there is one; PoCL (a CPU device) is what CI has.
        Optional<OpenClDeviceInfo> d = all.stream().min(Comparator.comparing(OpenClDeviceInfo::isCpu));
        device = d.orElse(null);
    }

    private static void assumeOpenCl() {
        assumeTrue(device != null, "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
    }

    @Test
    void kernelRunsInOpenClAndConvergesToTheReference() throws IOException, CompileFailedException {
        assumeOpenCl();
        CompiledRender r = TestScenes.cornellBox();
        int pixels = r.settings().width() * r.settings().height();
        Film film = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        BatchRenderer renderer = new BatchRenderer(device.aparapiDevice(), r.scene(), r.settings(), TestScenes.filter(r),
                99L, pixels);
        try {
            renderer.compile();
            for (int pass = 0; pass < 16; pass++) {
                renderer.launch((long) pass * pixels, pixels);
                assertTrue(renderer.ranInOpenCl(), "the kernel fell back to Java threads on " + device);
                renderer.addSamples(film);
            }
        } finally {
            renderer.dispose();
        }
        RgbImage ref = PfmIO.read(TestScenes.REFERENCE.resolve("cornell-box.ref.pfm"));
        float[] rgb = film.toRgb();
        for (int c = 0; c < 3; c++) {
            double mean = 0, refMean = 0;
            for (int i = 0; i < pixels; i++) {
                mean += rgb[3 * i + c];
                refMean += ref.rgb()[3 * i + c];
            }
            assertEquals(1.0, mean / refMean, 0.005, "channel " + c + " mean relative to the pbrt reference");
        }
    }

    @Test
    void gpuDeviceRendersBesideTheCpuInASession() throws InterruptedException {
        assumeOpenCl();
        CompiledRender r = TestScenes.cornellBox();
        GpuDevice gpu = GpuDevice.withCapacity(device, 1 << 16);
        RenderSession session = new RenderSession(r.scene(), r.settings(),
                new SessionOptions(1, 5L, 0, 0, List.of(gpu), null));
        CpuDevice cpu = (CpuDevice) session.devices().get(0);
        session.start();
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        // The GPU starts after building its kernel; render until both devices have added samples.
        while ((gpu.samples() == 0 || cpu.samples() == 0) && session.failure() == null && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        session.requestStop();
        assertTrue(session.awaitStopped(Duration.ofMinutes(1)), "the session did not stop");
        assertNull(session.failure(), () -> "device failed: " + session.failure());
        assertTrue(gpu.samples() > 0 && cpu.samples() > 0, "gpu " + gpu.samples() + ", cpu " + cpu.samples());
        Film total = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        session.drainInto(total);
        assertEquals(gpu.samples() + cpu.samples(), total.totalSamples());
        assertEquals(gpu.samples(), gpu.nextItem(), "the GPU resume position is the items it rendered");
        assertEquals("OpenCL (" + device.name() + ")", gpu.description());
        assertEquals(1, gpu.threads());
    }

    @Test
    void gpuAloneMeetsThePassBudgetExactly() {
        assumeOpenCl();
        CompiledRender r = TestScenes.cornellBox();
        GpuDevice gpu = GpuDevice.withCapacity(device, 1 << 14);
        RenderSession session = new RenderSession(r.scene(), r.settings(),
                new SessionOptions(0, 5L, 0, 3, List.of(gpu), null));
        session.start();
        assertTrue(session.awaitStopped(Duration.ofMinutes(1)), "the session did not finish");
        assertNull(session.failure(), () -> "device failed: " + session.failure());
        Film total = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        session.drainInto(total);
        long pixels = (long) r.settings().width() * r.settings().height();
        assertEquals(3 * pixels, total.totalSamples());
        assertEquals(3 * pixels, gpu.nextItem());
        assertTrue(gpu.launches() >= 12, "expected batches of at most 16384 items, got " + gpu.launches() + " launches");
    }
}

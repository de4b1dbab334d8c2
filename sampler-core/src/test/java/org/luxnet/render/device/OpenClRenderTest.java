package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.exception.CompileFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /**
     * The camera step in OpenCL: each camera variant of the features scene (orthographic with a lens,
     * bladed aperture with autofocus and clipping, environment; all cropped) rendered in OpenCL agrees
     * with the CPU render of the same stream. OpenCL's maths may round differently, so a few paths may
     * part ways; the pixels must agree on the whole.
     */
    @ParameterizedTest
    @ValueSource(strings = {"pbrt-orthographic", "pbrt-environment", "luxrender-blades", "luxrender-environment"})
    void everyCameraRunsInOpenCl(String variant, @TempDir Path dir) throws CompileFailedException {
        assumeOpenCl();
        CompiledRender r = TestScenes.compile(dir, TestScenes.cameraVariant(variant));
        int pixels = r.settings().width() * r.settings().height();
        int passes = 4;
        Film cpu = TestScenes.cpuFilm(r, TestScenes.filter(r), 21L, 0, passes);
        Film gpu = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        int capacity = (pixels + BatchRenderer.LOCAL_SIZE - 1) / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE;
        BatchRenderer renderer = new BatchRenderer(device.aparapiDevice(), r.scene(), r.settings(), TestScenes.filter(r),
                21L, capacity);
        try {
            renderer.compile();
            for (int pass = 0; pass < passes; pass++) {
                renderer.launch((long) pass * pixels, pixels);
                assertTrue(renderer.ranInOpenCl(), "the kernel fell back to Java threads on " + device);
                renderer.addSamples(gpu);
            }
        } finally {
            renderer.dispose();
        }
        float[] a = cpu.toRgb(), b = gpu.toRgb();
        int differing = 0;
        double sa = 0, sb = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
            if (Math.abs(a[i] - b[i]) > 1e-3 * Math.max(1, Math.abs(a[i]))) {
                differing++;
            }
        }
        System.out.printf("%s in OpenCL: %d of %d values differ beyond 1e-3, mean ratio %.5f%n", variant, differing,
                a.length, sb / sa);
        assertTrue(sa > 0, "the scene is lit");
        assertEquals(1.0, sb / sa, 0.01, "mean of the OpenCL render against the CPU's");
        assertTrue(differing <= a.length / 50, differing + " of " + a.length + " values differ beyond 1e-3");
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

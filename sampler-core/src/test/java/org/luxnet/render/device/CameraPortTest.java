package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.exception.CompileFailedException;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luxnet.accumulator.Channel;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.desc.Dialect;

/**
 * Every camera model computes the same samples on every device: the features scene seen through
 * each camera variant of {@link TestScenes#cameraVariant} (pbrt-v3's orthographic camera with its
 * lens, both renderers' environment cameras, LuxRender's bladed aperture with a gaussian lens
 * distribution, autofocus and hither/yon clipping; all cropped), rendered by a CPU render thread and
 * by the kernel launched through Aparapi on its Java thread pool and on OpenCL (PoCL in CI; skipped,
 * saying why, without a driver). As in {@link FaithfulPortTest}, no channel of any pixel may differ
 * by more than 2e-4 of its value.
 */
class CameraPortTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"pbrt-orthographic, JAVA_THREADS", "pbrt-environment, JAVA_THREADS", "luxrender-blades, JAVA_THREADS",
            "luxrender-environment, JAVA_THREADS", "pbrt-orthographic, OPENCL", "pbrt-environment, OPENCL",
            "luxrender-blades, OPENCL", "luxrender-environment, OPENCL"})
    void everyCameraSampleForSample(String variant, String launch) throws CompileFailedException {
        CompiledRender r = TestScenes.compile(dir, TestScenes.cameraVariant(variant));
        assertEquals(variant.startsWith("pbrt") ? Dialect.PBRT : Dialect.LUXRENDER, r.settings().dialect());
        assertEquals(28, r.settings().width(), "the crop window's width");
        Device device = JavaDevice.THREAD_POOL;
        if (launch.equals("OPENCL")) {
            OpenClDeviceInfo d = GpuDevices.list().stream().min(Comparator.comparing(OpenClDeviceInfo::isCpu)).orElse(null);
            assumeTrue(d != null, "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
            device = d.aparapiDevice();
        }
        int pixels = r.settings().width() * r.settings().height(), passes = 2;
        long seed = 79L;
        Film cpu = TestScenes.cpuFilm(r, TestScenes.filter(r), seed, 5, passes);
        Film gpu = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        int capacity = (pixels + BatchRenderer.LOCAL_SIZE - 1) / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE;
        BatchRenderer renderer = new BatchRenderer(device, r.scene(), r.settings(), TestScenes.filter(r), seed, capacity);
        try {
            renderer.compile();
            for (int p = 5; p < 5 + passes; p++) {
                renderer.launch((long) p * pixels, pixels);
                assertTrue(launch.equals("JAVA_THREADS") || renderer.ranInOpenCl(), "the kernel fell back to Java threads");
                renderer.addSamples(gpu);
            }
        } finally {
            renderer.dispose();
        }
        assertEquals(cpu.totalSamples(), gpu.totalSamples());
        int differing = 0;
        double worst = 0;
        for (int i = 0; i < pixels; i++) {
            double d = 0;
            for (Channel c : new Channel[] {Channel.R, Channel.G, Channel.B, Channel.W}) {
                double a = cpu.get(c, i), b = gpu.get(c, i);
                d = Math.max(d, Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.scalb(1.0, 20)));
            }
            worst = Math.max(worst, d);
            if (d > 2e-4) {
                differing++;
            }
        }
        System.out.printf("%s on %s: %d of %d pixels differ beyond 2e-4, worst %.3g, contributions %d%n", variant, launch,
                differing, pixels, worst, cpu.totalContributions());
        assertTrue(cpu.totalContributions() > pixels * passes / 2, "the scene should be mostly lit");
        assertEquals(0, differing, differing + " of " + pixels + " pixels differ by more than 2e-4 of their value");
    }
}

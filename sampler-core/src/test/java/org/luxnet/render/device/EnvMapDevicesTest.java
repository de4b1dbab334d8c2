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
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Channel;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The environment-map light computes the same samples on every device for the same stream, as
 * FaithfulPortTest checks for the other features: the env-mapped scene of {@link TestScenes#ENVMAP}
 * (map lookup, 2D importance sampling, MIS against glossy and diffuse BSDFs, the map as background)
 * on a CPU render thread against the kernel launched on Aparapi's Java thread pool and on OpenCL
 * (PoCL in CI, where the kernel must not fall back to Java). No channel of any pixel may differ by
 * more than 2e-4 of its value.
 */
class EnvMapDevicesTest {
    /** How the kernel is launched. */
    enum Launch {
        JAVA_THREADS, OPENCL
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void environmentMapSampleForSample(Launch launch) throws CompileFailedException {
        Device device = JavaDevice.THREAD_POOL;
        if (launch == Launch.OPENCL) {
            OpenClDeviceInfo d = GpuDevices.list().stream().min(Comparator.comparing(OpenClDeviceInfo::isCpu)).orElse(null);
            assumeTrue(d != null, "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
            device = d.aparapiDevice();
        }
        CompiledRender r = TestScenes.envMap(dir);
        assertEquals(1, r.scene().envMapCount);
        int pixels = r.settings().width() * r.settings().height();
        int passes = 4;
        long seed = 79L;
        Film cpu = TestScenes.cpuFilm(r, TestScenes.filter(r), seed, 5, passes);
        Film gpu = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        int capacity = (pixels + BatchRenderer.LOCAL_SIZE - 1) / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE;
        BatchRenderer renderer = new BatchRenderer(device, r.scene(), r.settings(), TestScenes.filter(r), seed, capacity);
        try {
            renderer.compile();
            for (int p = 5; p < 5 + passes; p++) {
                renderer.launch((long) p * pixels, pixels);
                if (launch == Launch.OPENCL) {
                    assertTrue(renderer.ranInOpenCl(), "the kernel fell back to Java threads");
                }
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
        System.out.printf("env map, %s: %d of %d pixels differ beyond 2e-4, worst %.3g%n", launch, differing, pixels, worst);
        assertEquals(0, differing, launch + ": " + differing + " of " + pixels
                + " pixels differ by more than 2e-4 of their value (worst relative " + worst + ")");
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.exception.CompileFailedException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The environment-map light runs in OpenCL (PoCL in CI), not on Aparapi's Java fallback: the
 * env-mapped scene of {@link TestScenes#ENVMAP} rendered there with the CPU's stream matches the
 * CPU render (OpenCL's own sin, cos and atan2 round differently, so the check is on channel means
 * and on most pixels, not every sample).
 */
class EnvMapOpenClTest {
    @TempDir
    Path dir;

    @Test
    void envMapRendersInOpenClAsOnTheCpu() throws CompileFailedException {
        List<OpenClDeviceInfo> all = GpuDevices.list();
        Optional<OpenClDeviceInfo> device = all.stream().min(Comparator.comparing(OpenClDeviceInfo::isCpu));
        assumeTrue(device.isPresent(), "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
        CompiledRender r = TestScenes.envMap(dir);
        int pixels = r.settings().width() * r.settings().height();
        int passes = 64;
        Film cpu = TestScenes.cpuFilm(r, TestScenes.filter(r), 7L, 0, passes);
        Film gpu = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        BatchRenderer renderer = new BatchRenderer(device.get().aparapiDevice(), r.scene(), r.settings(),
                TestScenes.filter(r), 7L, pixels);
        try {
            renderer.compile();
            for (int pass = 0; pass < passes; pass++) {
                renderer.launch((long) pass * pixels, pixels);
                assertTrue(renderer.ranInOpenCl(), "the kernel fell back to Java threads on " + device.get());
                renderer.addSamples(gpu);
            }
        } finally {
            renderer.dispose();
        }
        float[] a = cpu.toRgb(), b = gpu.toRgb();
        int close = 0;
        for (int i = 0; i < pixels; i++) {
            double la = a[3 * i] + a[3 * i + 1] + a[3 * i + 2], lb = b[3 * i] + b[3 * i + 1] + b[3 * i + 2];
            if (Math.abs(la - lb) <= 1e-3 * Math.max(la, 1e-3)) {
                close++;
            }
        }
        double[] ratio = new double[3];
        for (int c = 0; c < 3; c++) {
            double sa = 0, sb = 0;
            for (int i = 0; i < pixels; i++) {
                sa += a[3 * i + c];
                sb += b[3 * i + c];
            }
            ratio[c] = sb / sa;
        }
        System.out.printf("env map on %s: channel mean ratios %.5f %.5f %.5f, %d of %d pixels within 1e-3%n",
                device.get(), ratio[0], ratio[1], ratio[2], close, pixels);
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0, ratio[c], 0.01, "channel " + c + " mean, OpenCL relative to the CPU");
        }
        assertTrue(close > pixels * 0.9, close + " of " + pixels + " pixels agree to 1e-3");
    }
}

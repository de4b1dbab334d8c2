package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.JavaDevice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The kernel on Aparapi's Java thread pool and the CPU path tracer, each with its own stream, render
 * the same Cornell box: the image means agree within 0.5% and every pixel's difference is consistent
 * with the two renders' own noise (z-scores from each film's second moments).
 */
class StatisticalAgreementTest {
    private static final int RES = 128, SPP = 64;

    @TempDir
    Path dir;

    @Test
    void kernelAndCpuAgreeWithinNoise() {
        CompiledRender r = TestScenes.cornellBox(dir, RES);
        PixelFilter filter = TestScenes.filter(r);
        int pixels = RES * RES;
        Film cpu = TestScenes.cpuFilm(r, filter, 1L, 0, SPP);
        Film gpu = new Film(RES, RES, r.settings().scaleBits());
        int capacity = pixels / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE;
        BatchRenderer renderer = new BatchRenderer(JavaDevice.THREAD_POOL, r.scene(), r.settings(), filter, 2L, capacity);
        try {
            for (long item = 0; item < (long) SPP * pixels; item += capacity) {
                renderer.launch(item, (int) Math.min(capacity, (long) SPP * pixels - item));
                renderer.addSamples(gpu);
            }
        } finally {
            renderer.dispose();
        }
        assertEquals((long) SPP * pixels, gpu.totalSamples());
        float[] a = cpu.toRgb(), b = gpu.toRgb();
        float[] ea = cpu.relativeErrors(), eb = gpu.relativeErrors();
        double sumA = 0, sumB = 0;
        int outliers = 0, compared = 0;
        for (int i = 0; i < pixels; i++) {
            double la = luminance(a, i), lb = luminance(b, i);
            sumA += la;
            sumB += lb;
            double sa = ea[i] * la, sb = eb[i] * lb;
            double se = Math.sqrt(sa * sa + sb * sb);
            if (se > 0) {
                compared++;
                if (Math.abs(la - lb) / se > 4) {
                    outliers++;
                }
            }
        }
        System.out.printf("mean ratio %.5f, %d of %d pixels beyond 4 sigma%n", sumB / sumA, outliers, compared);
        assertEquals(1.0, sumB / sumA, 0.005, "image mean of the kernel relative to the CPU");
        assertTrue(compared > pixels / 2, "too few pixels with a noise estimate: " + compared);
        // Beyond 4 standard errors: about 6e-5 of the pixels for Gaussian noise; path-traced noise
        // has heavier tails, so allow 1%.
        assertTrue(outliers <= compared / 100, outliers + " of " + compared + " pixels differ by more than 4 sigma");
    }

    private static double luminance(float[] rgb, int i) {
        return 0.2126 * rgb[3 * i] + 0.7152 * rgb[3 * i + 1] + 0.0722 * rgb[3 * i + 2];
    }
}

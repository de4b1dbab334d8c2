package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.JavaDevice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luxnet.accumulator.Channel;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * The kernel, run on Aparapi's Java thread pool, computes the same samples as the CPU path tracer
 * for the same stream: the strongest check that the port is faithful. Both sides add their samples
 * to a film; per pixel the weighted radiance and weight sums must agree to float rounding: no
 * channel of any pixel may differ by more than 2e-4 of its value.
 */
class FaithfulPortTest {
    @TempDir
    Path dir;

    @Test
    void cornellBoxSampleForSample() {
        CompiledRender r = TestScenes.cornellBox(dir, 48);
        assertSameSamples(r, TestScenes.filter(r), 0x5eedL, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"triangle", "mitchell", "sinc", "gaussian"})
    void everyPixelFilterSampleForSample(String filter) {
        CompiledRender r = TestScenes.cornellBox(dir, 32, filter);
        assertEquals(filter, r.settings().filter().name());
        assertSameSamples(r, TestScenes.filter(r), 31L, 1);
    }

    @Test
    void everyMaterialAndLightSampleForSample() {
        CompiledRender r = TestScenes.compile(dir, TestScenes.FEATURES);
        assertSameSamples(r, TestScenes.filter(r), 77L, 4);
    }

    @Test
    void objectInstancesSampleForSample() {
        CompiledRender r = TestScenes.compile(dir, TestScenes.INSTANCES);
        assertEquals(5, r.scene().instanceCount);
        assertSameSamples(r, TestScenes.filter(r), 79L, 3);
    }

    @Test
    void independentSamplerSampleForSample() {
        CompiledRender r = TestScenes.compile(dir, TestScenes.FEATURES.replace("Sampler \"sobol\"", "Sampler \"random\""));
        assertEquals(RenderSettings.SamplerKind.INDEPENDENT, r.settings().sampler());
        assertSameSamples(r, TestScenes.filter(r), 78L, 2);
    }

    private static void assertSameSamples(CompiledRender r, PixelFilter filter, long seed, int passes) {
        int pixels = r.settings().width() * r.settings().height();
        Film cpu = TestScenes.cpuFilm(r, filter, seed, 5, passes);
        Film gpu = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        int capacity = (pixels + BatchRenderer.LOCAL_SIZE - 1) / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE;
        BatchRenderer renderer = new BatchRenderer(JavaDevice.THREAD_POOL, r.scene(), r.settings(), filter, seed, capacity);
        try {
            for (int p = 5; p < 5 + passes; p++) {
                renderer.launch((long) p * pixels, pixels);
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
        assertTrue(cpu.totalContributions() > pixels * passes / 2, "the scene should be mostly lit");
        assertEquals(0, differing, differing + " of " + pixels + " pixels differ by more than 2e-4 of their value"
                + " (worst relative " + worst + ")");
        System.out.printf("%s %s: %d of %d pixels differ beyond 2e-4, worst %.3g, contributions cpu %d gpu %d%n",
                r.settings().sampler(), filter, differing, pixels, worst, cpu.totalContributions(), gpu.totalContributions());
    }
}

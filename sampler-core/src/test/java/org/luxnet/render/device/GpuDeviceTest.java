package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Channel;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.render.transport.Hash;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The GPU device's part of the session contract, with the kernel on Aparapi's Java thread pool so
 * that it runs on any machine: passes claimed from the shared budget are met exactly, batches that
 * straddle passes and a resumed render give the samples of the device's stream in order, and a
 * device that cannot render fails loudly and returns its passes.
 */
class GpuDeviceTest {
    private static final long SEED = 2024L;

    @TempDir
    Path dir;

    private static Film render(CompiledRender r, int cpuThreads, long passes, GpuDevice gpu, long startItem) {
        RenderSession session = new RenderSession(r.scene(), r.settings(),
                new SessionOptions(cpuThreads, SEED, 0, passes, List.of(gpu),
                        new long[] {0, startItem}));
        session.start();
        assertTrue(session.awaitStopped(Duration.ofMinutes(1)), "the session did not finish");
        assertNull(session.failure(), () -> "device failed: " + session.failure());
        Film film = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        session.drainInto(film);
        return film;
    }

    @Test
    void aloneItRendersItsStreamPassByPassAndResumes() {
        CompiledRender r = TestScenes.cornellBox(dir, 24);
        int pixels = 24 * 24;
        // 320 items per launch: batches straddle pass boundaries.
        GpuDevice first = GpuDevice.javaThreadPool(320);
        Film film = render(r, 0, 3, first, 0);
        assertEquals(3L * pixels, film.totalSamples());
        assertEquals(3L * pixels, first.nextItem());
        assertEquals(3L * pixels, first.samples());
        assertTrue(first.launches() > 3, "expected several launches, got " + first.launches());
        GpuDevice resumed = GpuDevice.javaThreadPool(320);
        film.add(render(r, 0, 2, resumed, first.nextItem()));
        assertEquals(5L * pixels, resumed.nextItem());

        // Without CPU threads the GPU is device 1 of the session, so its stream is that seed's.
        Film cpu = TestScenes.cpuFilm(r, TestScenes.filter(r), Hash.streamSeed(SEED, 0, 1), 0, 5);
        assertEquals(cpu.totalSamples(), film.totalSamples());
        assertEquals(cpu.totalContributions(), film.totalContributions());
        for (int i = 0; i < pixels; i++) {
            for (Channel c : new Channel[] {Channel.R, Channel.W, Channel.SAMPLES}) {
                double a = cpu.get(c, i), b = film.get(c, i);
                assertTrue(Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.scalb(1.0, 20)),
                        "pixel " + i + " channel " + c + ": cpu " + a + ", gpu " + b);
            }
        }
    }

    @Test
    void besideTheCpuTheBudgetIsMetExactly() {
        CompiledRender r = TestScenes.cornellBox(dir, 32);
        GpuDevice gpu = GpuDevice.javaThreadPool(512);
        Film film = render(r, 1, 10, gpu, 0);
        assertEquals(10L * 32 * 32, film.totalSamples());
        assertTrue(gpu.samples() <= film.totalSamples());
        assertEquals(gpu.samples(), gpu.nextItem());
        assertTrue(gpu.description().contains("not a GPU"), gpu.description());
    }

    @Test
    void aDeviceThatCannotRenderFailsLoudlyAndReturnsItsPasses() {
        CompiledRender r = TestScenes.cornellBox(dir, 16);
        PixelFilter unsupported = new PixelFilter() {
            @Override
            public float radiusX() {
                return 0.5f;
            }

            @Override
            public float radiusY() {
                return 0.5f;
            }

            @Override
            public float evaluate(float dx, float dy) {
                return 1f;
            }
        };
        PassBudget budget = new PassBudget(7);
        GpuDevice gpu = GpuDevice.javaThreadPool(256);
        gpu.start(new DeviceContext(r.scene(), r.settings(), unsupported, 1L, 0, budget));
        assertTrue(gpu.awaitStopped(Duration.ofSeconds(30)));
        assertTrue(gpu.isStopped());
        assertNotNull(gpu.failure(), "the device must report why it stopped");
        assertTrue(gpu.failure().getMessage().contains("cannot sample pixel filter"), gpu.failure().getMessage());
        assertEquals(7, budget.remaining(), "the passes it could not render go back to the budget");
        assertEquals(0, gpu.samples());
    }
}

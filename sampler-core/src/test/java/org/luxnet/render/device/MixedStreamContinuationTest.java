package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;

/**
 * A node's --node-passes budget over a CPU stream and a GPU stream (the kernel on Aparapi's Java
 * thread pool): a session killed mid-render (what it drained is all that survives) and continued
 * at the positions of the drained film, with both devices, the GPU alone or the CPU alone, ends
 * with exactly the budget's passes, whole passes per stream, bit for bit the samples of those
 * positions rendered by each stream alone.
 */
@Timeout(240)
class MixedStreamContinuationTest {
    private static final long SEED = 77L;
    private static final int NODE = 3, RES = 48, PASSES = 60;
    private static final long PIXELS = (long) RES * RES;
    private static final long TILES = CpuDevice.itemAfter(PIXELS, RES, RES); // CPU items per pass

    @TempDir
    Path dir;

    private static RenderSession session(CompiledRender r, int threads, boolean gpu, long haltPasses, long[] start) {
        List<RenderDevice> extra = gpu ? List.of(GpuDevice.javaThreadPool(320)) : List.of();
        RenderSession s = new RenderSession(r.scene(), r.settings(),
                new SessionOptions(threads, SEED, NODE, haltPasses, extra, start));
        s.start();
        return s;
    }

    private static Film film(CompiledRender r) {
        return new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
    }

    private static void finish(RenderSession s, Film into) {
        assertTrue(s.awaitStopped(Duration.ofMinutes(2)), "the session did not finish");
        assertNull(s.failure(), () -> "device failed: " + s.failure());
        s.drainInto(into);
    }

    /** Each stream alone, from its start, to whole passes {@code items} (CPU in tiles, GPU in pixels). */
    private static Film reference(CompiledRender r, long[] items) {
        Film f = film(r);
        if (items[0] > 0) {
            finish(session(r, 1, false, items[0] / TILES, null), f);
        }
        if (items[1] > 0) {
            finish(session(r, 0, true, items[1] / PIXELS, null), f);
        }
        return f;
    }

    /**
     * Renders the budget on CPU and GPU, and kills the session (stops it without a last drain) once
     * the film drained so far ends where {@code cut} wants; returns the drained film and the positions.
     */
    private static long[] renderUntilKilled(CompiledRender r, Film film, java.util.function.Predicate<long[]> cut) {
        RenderSession first = session(r, 1, true, PASSES, null);
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long[] at;
        try {
            do {
                assertTrue(System.nanoTime() < end, "no drain ended at the wanted positions");
                assertTrue(!first.isStopped(), "the render finished before it could be cut where wanted");
                first.drainInto(film);
                at = first.nextItems();
            } while (!cut.test(at));
        } finally {
            first.requestStop();
            assertTrue(first.awaitStopped(Duration.ofMinutes(1)));
        }
        return at;
    }

    private void continueAndCheck(CompiledRender r, Film film, long[] at, int threads, boolean gpu) {
        RenderSession next = session(r, threads, gpu, RenderSession.passBudget(PASSES, at, RES, RES), at);
        finish(next, film);
        long[] done = next.nextItems();
        assertEquals(2, done.length, "both streams' positions, also one without a device here");
        assertEquals(0, done[0] % TILES, "whole CPU passes: " + done[0]);
        assertEquals(0, done[1] % PIXELS, "whole GPU passes: " + done[1]);
        assertEquals(PASSES, done[0] / TILES + done[1] / PIXELS, "the budget counts both streams' passes");
        if (threads == 0) {
            assertEquals(at[0], done[0], "a GPU-only session leaves the CPU stream where it was");
        }
        if (!gpu) {
            assertEquals(at[1], done[1], "a CPU-only session keeps the GPU stream's position");
        }
        assertEquals(PASSES * PIXELS, film.totalSamples());
        assertTrue(film.contentEquals(reference(r, done)), "bit for bit each stream's own samples to those positions");
    }

    @Test
    void killedWithBothStreamsInsideAPassAndContinuedOnBoth() {
        CompiledRender r = TestScenes.cornellBox(dir, RES);
        Film film = film(r);
        long[] at = renderUntilKilled(r, film, p -> p[0] % TILES != 0 && p[1] % PIXELS != 0 && p[1] > PIXELS);
        continueAndCheck(r, film, at, 1, true);
    }

    @Test
    void killedWithTheGpuInsideAPassAndContinuedOnTheGpuAlone() {
        CompiledRender r = TestScenes.cornellBox(dir, RES);
        Film film = film(r);
        long[] at = renderUntilKilled(r, film, p -> p[0] > 0 && p[0] % TILES == 0 && p[1] % PIXELS != 0);
        continueAndCheck(r, film, at, 0, true);
    }

    @Test
    void aMixedFilmContinuedOnTheCpuAloneKeepsTheGpuStreamsPosition() {
        CompiledRender r = TestScenes.cornellBox(dir, RES);
        Film film = film(r);
        // An undisturbed render of half the budget on both devices: both streams end at whole passes.
        RenderSession half = session(r, 1, true, PASSES / 2, null);
        finish(half, film);
        long[] at = half.nextItems();
        assertEquals(PASSES / 2, at[0] / TILES + at[1] / PIXELS);
        continueAndCheck(r, film, at, 1, false);
    }
}

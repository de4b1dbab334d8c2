package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;

/**
 * A device stops within a second even where every sample costs the deepest path, no render thread
 * outlives its session, and the resume position always matches the film drained so far.
 */
class DeviceStopTest {
    /** A camera inside a closed box of perfect mirrors: every path bounces to the maxdepth cap (1024). */
    static final Path MIRROR_BOX = Path.of("src", "test", "resources", "scenes", "mirror-box.pbrt");

    @TempDir
    Path dir;

    @Test
    void stopEndsTheDeepestPathsWithinASecondAndJoinsEveryThread() {
        CompiledRender r = RenderSupport.compile(MIRROR_BOX);
        assertEquals(1024, r.settings().path().maxDepth(), "maxdepth 2^31-1 is capped");
        long before = DeviceBase.liveThreads();
        for (int i = 0; i < 3; i++) {
            RenderSession s = new RenderSession(r.scene(), r.settings(), SessionOptions.cpu(2, 7, 0));
            s.start();
            assertTrue(awaitSamples(s, 1), "the mirror box renders");
            s.requestStop();
            // A whole 32x32 tile of 1024-bounce paths takes 4 s and more here; a row, a tenth of a second.
            // (2 s leaves room for a loaded machine; stopping between tiles fails it.)
            assertTrue(s.awaitStopped(Duration.ofSeconds(2)), "stopped within 2 s");
            assertEquals(before, DeviceBase.liveThreads(), "no render thread outlives its session " + i);
            Film f = new Film(64, 64, r.settings().scaleBits());
            s.drainInto(f);
            assertEquals(f.totalSamples(), s.stats().samples(), "an unfinished tile is dropped, not counted");
            assertEquals(CpuDevice.itemAfter(f.totalSamples(), 64, 64), s.nextItems()[0]);
        }
    }

    @Test
    void aFilmDrainedMidRenderAndResumedFromItsPositionEqualsAnUndisturbedRender() {
        CompiledRender r = TestScenes.cornellBox(dir, 64);
        var st = r.settings();
        int passes = 12;
        Film undisturbed = render(r, 3, new long[] {0}, passes);
        // A render interrupted at whatever moment its film was last drained (a saved FLM, a delta).
        RenderSession a = new RenderSession(r.scene(), st, new SessionOptions(3, 3, 0, passes, List.of(), null));
        a.start();
        Film saved = new Film(st.width(), st.height(), st.scaleBits());
        awaitSamples(a, 2L * st.width() * st.height());
        a.drainInto(saved);
        long[] position = a.nextItems();
        a.requestStop();
        assertTrue(a.awaitStopped(Duration.ofSeconds(30)));
        assertEquals(CpuDevice.itemAfter(saved.totalSamples(), st.width(), st.height()), position[0]);
        long tiles = 4; // 64x64 in 32x32 tiles
        long left = passes - (position[0] + tiles - 1) / tiles;
        if (left > 0 || position[0] % tiles != 0) {
            saved.add(render(r, 3, position, Math.max(left, 0)));
        }
        assertEquals(passes * 64L * 64, saved.totalSamples());
        assertTrue(saved.contentEquals(undisturbed), "resumed at the drained position: bit for bit the same film");
    }

    private static Film render(CompiledRender r, long seed, long[] start, long passes) {
        var st = r.settings();
        RenderSession s = new RenderSession(r.scene(), st, new SessionOptions(2, seed, 0, passes, List.of(), start));
        s.start();
        assertTrue(s.awaitStopped(Duration.ofMinutes(2)));
        Film f = new Film(st.width(), st.height(), st.scaleBits());
        s.drainInto(f);
        return f;
    }

    private static boolean awaitSamples(RenderSession s, long samples) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (s.stats().samples() < samples && !s.isStopped() && System.nanoTime() < end) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return s.stats().samples() >= samples;
    }

}

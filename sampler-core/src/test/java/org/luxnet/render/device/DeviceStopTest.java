package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;

/**
 * A device stops within a second even where every sample costs the deepest path, no render thread
 * outlives its session, and the resume position always matches the film drained so far.
 */
class DeviceStopTest {
    /** A camera inside a closed box of perfect mirrors: every path bounces to the maxdepth cap (1024). */
    static final String MIRROR_BOX = """
            LookAt 0 0 0  0 0 1  0 1 0
            Camera "perspective" "float fov" [ 60 ]
            Film "image" "integer xresolution" [ 64 ] "integer yresolution" [ 64 ]
            Integrator "path" "integer maxdepth" [ 2147483647 ] "string rrstrategy" [ "none" ]
            WorldBegin
            Material "mirror" "rgb Kr" [ 1 1 1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3  4 6 5 4 7 6  0 4 5 0 5 1  3 2 6 3 6 7  0 3 7 0 7 4  1 5 6 1 6 2 ]
                "point P" [ -1 -1 -1  1 -1 -1  1 1 -1  -1 1 -1  -1 -1 1  1 -1 1  1 1 1  -1 1 1 ]
            WorldEnd
            """;

    @TempDir
    Path dir;

    @Test
    void stopEndsTheDeepestPathsWithinASecondAndJoinsEveryThread() {
        CompiledRender r = TestScenes.compile(dir, MIRROR_BOX);
        assertEquals(1024, r.settings().path().maxDepth(), "maxdepth 2^31-1 is capped");
        long before = liveRenderThreads();
        for (int i = 0; i < 3; i++) {
            RenderSession s = new RenderSession(r.scene(), r.settings(), SessionOptions.cpu(2, 7, 0));
            s.start();
            assertTrue(awaitSamples(s, 1), "the mirror box renders");
            s.requestStop();
            // A whole 32x32 tile of 1024-bounce paths takes seconds here; a row, milliseconds.
            assertTrue(s.awaitStopped(Duration.ofSeconds(1)), "stopped within a second");
            assertEquals(before, liveRenderThreads(), "no render thread outlives its session " + i);
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

    static long liveRenderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(DeviceBase.THREAD_PREFIX)).count();
    }
}

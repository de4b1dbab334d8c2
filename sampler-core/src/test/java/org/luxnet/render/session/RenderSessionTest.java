package org.luxnet.render.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;

/** Reproducibility and exactness of a render session's films. */
class RenderSessionTest {
    static CompiledRender box;
    /** Work items of one pass of the 256x256 Cornell box with 32-pixel tiles. */
    static final long TILES = 64;

    @BeforeAll
    static void load() {
        box = RenderSupport.compile(RenderSupport.examples().resolve("cornell-box.lxs"));
    }

    @Test
    void sameSeedGivesTheSameFilmWhateverTheThreadCount() {
        Film a = RenderSupport.render(box, 4, 2, 99);
        Film b = RenderSupport.render(box, 4, 2, 99);
        Film c = RenderSupport.render(box, 4, 1, 99);
        assertTrue(a.contentEquals(b), "same seed, same threads: identical film");
        assertTrue(a.contentEquals(c), "same seed, 1 thread instead of 2: identical film");
        assertFalse(a.contentEquals(RenderSupport.render(box, 4, 2, 100)), "another seed: another film");
    }

    @Test
    void filmsOfDisjointPassesMergeIntoExactlyTheFilmOfAllPasses() {
        Film first = RenderSupport.render(box, 3, 2, 5, new long[] {0});
        Film second = RenderSupport.render(box, 2, 1, 5, new long[] {3 * TILES});
        Film all = RenderSupport.render(box, 5, 2, 5, new long[] {0});
        assertFalse(first.contentEquals(all));
        Film merged = first.copy();
        merged.add(second);
        assertTrue(merged.contentEquals(all), "3 passes + 2 passes == 5 passes, bit for bit");
        // Merging is order-independent.
        Film other = second.copy();
        other.add(first);
        assertTrue(other.contentEquals(all));
        assertEquals(5L * 256 * 256, all.totalSamples());
    }

    @Test
    void haltBudgetIsSharedAndExactAndResumePositionIsReported() {
        var s = box.settings();
        RenderSession session = new RenderSession(box.scene(), s, SessionOptions.cpu(2, 1, 3));
        session.start();
        assertTrue(session.awaitStopped(Duration.ofMinutes(2)));
        Film f = new Film(s.width(), s.height(), s.scaleBits());
        assertEquals(3L * 256 * 256, session.drainInto(f));
        assertEquals(0, session.drainInto(f), "a drained session has nothing left");
        assertEquals(3 * TILES, session.nextItems()[0], "the next item is the first of pass 3");
        assertEquals(3L * 256 * 256, session.stats().samples());
        assertEquals("stopped", session.stats().state());
    }

    @Test
    void stopRequestEndsARenderWithoutLimitAndKeepsEveryFinishedTile() throws Exception {
        var s = box.settings();
        RenderSession session = new RenderSession(box.scene(), s, SessionOptions.cpu(2, 1, 0));
        session.start();
        Film f = new Film(s.width(), s.height(), s.scaleBits());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (session.stats().samples() < 100_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        session.requestStop();
        assertTrue(session.awaitStopped(Duration.ofSeconds(30)));
        session.drainInto(f);
        long items = session.nextItems()[0];
        // Every claimed item was finished: the film holds exactly the samples of the items before it.
        assertEquals(f.totalSamples(), session.stats().samples());
        assertTrue(items > 0);
        // Tiles are 32x32 and the frame is a whole number of tiles, so each item is 1024 samples.
        assertEquals(items * 1024, f.totalSamples());
    }
}

package org.luxnet.accumulator.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.luxnet.accumulator.Film;

/** The render driver halts on the total film, reports and writes, whatever its sources are. */
@Timeout(60)
class RenderDriverTest {
    static final class Recorder implements RenderListener {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger writes = new AtomicInteger(), finals = new AtomicInteger(), failures = new AtomicInteger();

        @Override
        public void statistics(String line, RenderStatus status) {
            lines.add(line);
        }

        @Override
        public void written(List<Path> files, boolean last) {
            writes.incrementAndGet();
            if (last) {
                finals.incrementAndGet();
            }
        }

        @Override
        public void writeFailed(Exception e) {
            failures.incrementAndGet();
        }
    }

    private static RenderDriver driver(Film film, HaltConditions halt, ImageOutput out, Recorder rec, Duration write) {
        return new RenderDriver(film, halt, out, rec, Duration.ofMillis(100), write, Duration.ZERO);
    }

    @Test
    void haltsAtSamplesPerPixelOfTheTotalAcrossSources() throws Exception {
        Film film = new Film(8, 8, 32);
        Recorder rec = new Recorder();
        RenderDriver d = driver(film, new HaltConditions(10, null, 0), (f, last) -> List.of(), rec, null);
        FakeSource a = new FakeSource(8, 8, 1, 0, 0, 5), b = new FakeSource(8, 8, 1, 0, 0, 5);
        d.addLocal(a);
        d.addRemote(b);
        a.start();
        b.start();
        RenderDriver.Result r = d.run();
        assertEquals("spp", r.reason());
        assertTrue(film.totalSamples() >= 10 * 64, "at least the halt: " + film.totalSamples());
        // Everything rendered ended up in the film: both sources were drained after they stopped.
        assertEquals(a.stats().samples() + b.stats().samples(), film.totalSamples());
        assertEquals(1, rec.finals.get(), "one final write");
        assertTrue(rec.lines.get(rec.lines.size() - 1).contains(" - 1N: "), "network segment: " + rec.lines);
        assertEquals("done", d.status().state());
    }

    @Test
    void haltsOnTimeAndOnRequest() throws Exception {
        Film film = new Film(4, 4, 32);
        Recorder rec = new Recorder();
        RenderDriver d = driver(film, new HaltConditions(0, Duration.ofMillis(300), 0), (f, last) -> List.of(), rec, null);
        FakeSource a = new FakeSource(4, 4, 1, 0, 0, 2);
        d.addLocal(a);
        a.start();
        long t0 = System.nanoTime();
        assertEquals("time", d.run().reason());
        assertTrue(System.nanoTime() - t0 >= 300_000_000L);

        Film film2 = new Film(4, 4, 32);
        RenderDriver[] d2 = new RenderDriver[1];
        // Stop as soon as the driver has reported samples: a condition, not a guess at how long that takes.
        RenderListener stopOnFirstSamples = (line, st) -> {
            if (st.samples() > 0) {
                d2[0].requestStop();
            }
        };
        d2[0] = new RenderDriver(film2, HaltConditions.NEVER, (f, last) -> List.of(), stopOnFirstSamples,
                Duration.ofMillis(100), null, Duration.ZERO);
        FakeSource s = new FakeSource(4, 4, 1, 0, 0, 2);
        d2[0].addLocal(s);
        s.start();
        assertEquals("stopped", d2[0].run().reason());
        assertTrue(film2.totalSamples() > 0);
        assertEquals(s.stats().samples(), film2.totalSamples(), "nothing lost on stop");
    }

    @Test
    void haltsWhenNoiseFallsBelowTheThreshold() throws Exception {
        Film film = new Film(8, 8, 32);
        // Per-sample relative noise 0.2: the relative error of a pixel mean is 0.2 / sqrt(n), below 0.05 at n >= 16.
        RenderDriver d = driver(film, new HaltConditions(0, null, 0.05), (f, last) -> List.of(), new Recorder(), null);
        FakeSource a = new FakeSource(8, 8, 1, 0.2, 0, 1);
        d.addLocal(a);
        a.start();
        assertEquals("noise", d.run().reason());
        double spp = film.samplesPerPixel();
        assertTrue(spp >= 12, "stopped only once the estimate was low enough: " + spp);
        assertTrue(d.status().noise() < 0.05, "noise " + d.status().noise());
    }

    @Test
    void writesAtTheIntervalReportsFailuresAndKeepsGoing() throws Exception {
        Film film = new Film(4, 4, 32);
        Recorder rec = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        RenderDriver[] d = new RenderDriver[1];
        ImageOutput flaky = (f, last) -> {
            int n = calls.incrementAndGet();
            if (n == 2) {
                throw new IOException("disk full");
            }
            // Stop once four periodic writes and three statistics lines happened, however long that takes.
            if (!last && n >= 4 && rec.lines.size() >= 3) {
                d[0].requestStop();
            }
            return List.of(Path.of("x.png"));
        };
        d[0] = driver(film, HaltConditions.NEVER, flaky, rec, Duration.ofMillis(100));
        FakeSource a = new FakeSource(4, 4, 1, 0, 0, 2);
        d[0].addLocal(a);
        a.start();
        assertEquals("stopped", d[0].run().reason());
        assertTrue(calls.get() >= 5, "periodic writes, then the final one: " + calls.get());
        assertEquals(1, rec.failures.get(), "the failing write was reported");
        assertEquals(1, rec.finals.get(), "and the final write still happened");
        assertEquals(calls.get() - 1, rec.writes.get(), "every write but the failed one was reported as written");
    }

    @Test
    void requestWriteWritesAtOnce() throws Exception {
        Film film = new Film(4, 4, 32);
        RenderDriver[] d = new RenderDriver[1];
        AtomicInteger writes = new AtomicInteger(), finals = new AtomicInteger();
        // Ask for a write at the first statistics line; stop once it is written. No write interval.
        RenderListener listener = new RenderListener() {
            @Override
            public void statistics(String line, RenderStatus status) {
                d[0].requestWrite();
            }

            @Override
            public void written(List<Path> files, boolean last) {
                writes.incrementAndGet();
                if (last) {
                    finals.incrementAndGet();
                } else {
                    d[0].requestStop();
                }
            }
        };
        d[0] = new RenderDriver(film, HaltConditions.NEVER, (f, last) -> List.of(), listener, Duration.ofMillis(100),
                null, Duration.ZERO);
        FakeSource a = new FakeSource(4, 4, 1, 0, 0, 2);
        d[0].addLocal(a);
        a.start();
        assertEquals("stopped", d[0].run().reason());
        assertEquals(2, writes.get(), "one requested write and the final one");
        assertEquals(1, finals.get());
    }
}

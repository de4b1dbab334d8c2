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
        RenderDriver d2 = driver(film2, HaltConditions.NEVER, (f, last) -> List.of(), new Recorder(), null);
        FakeSource s = new FakeSource(4, 4, 1, 0, 0, 2);
        d2.addLocal(s);
        s.start();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            d2.requestStop();
        });
        stopper.start();
        assertEquals("stopped", d2.run().reason());
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
        ImageOutput flaky = (f, last) -> {
            if (calls.incrementAndGet() == 2) {
                throw new IOException("disk full");
            }
            return List.of(Path.of("x.png"));
        };
        RenderDriver d = driver(film, new HaltConditions(0, Duration.ofMillis(700), 0), flaky, rec, Duration.ofMillis(100));
        FakeSource a = new FakeSource(4, 4, 1, 0, 0, 2);
        d.addLocal(a);
        a.start();
        d.run();
        assertTrue(calls.get() >= 4, "periodic writes: " + calls.get());
        assertEquals(1, rec.failures.get(), "the failing write was reported");
        assertEquals(1, rec.finals.get(), "and the final write still happened");
        assertTrue(rec.lines.size() >= 3, "statistics every 100 ms: " + rec.lines.size());
    }

    @Test
    void requestWriteWritesAtOnce() throws Exception {
        Film film = new Film(4, 4, 32);
        Recorder rec = new Recorder();
        RenderDriver d = driver(film, new HaltConditions(0, Duration.ofSeconds(2), 0), (f, last) -> List.of(), rec, null);
        FakeSource a = new FakeSource(4, 4, 1, 0, 0, 2);
        d.addLocal(a);
        a.start();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(200);
                d.requestWrite();
                Thread.sleep(300);
                d.requestStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        d.run();
        assertEquals(2, rec.writes.get(), "one requested write and the final one");
    }
}

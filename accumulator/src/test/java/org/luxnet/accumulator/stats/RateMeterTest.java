package org.luxnet.accumulator.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateMeterTest {
    private static final long S = 1_000_000_000L;

    @Test
    void windowFollowsSpeedChangesWhileAverageKeepsHistory() {
        RateMeter m = new RateMeter();
        long n = 0;
        for (int t = 0; t <= 20; t++) {
            m.record(t * S, n);
            n += 1000; // 1000 S/s for the first 20 s
        }
        n -= 1000;
        assertEquals(1000, m.windowRate(), 1e-9);
        for (int t = 21; t <= 40; t++) {
            n += 3000; // then 3000 S/s
            m.record(t * S, n);
        }
        assertEquals(3000, m.windowRate(), 1e-9);
        assertEquals((20 * 1000 + 20 * 3000) / 40.0, m.averageRate(), 1e-9);
        m.record(45 * S, n + 5 * 500);
        // The last 10 s: 5 s at 3000 S/s and 5 s at 500 S/s.
        assertEquals((5 * 3000 + 5 * 500) / 10.0, m.windowRate(), 1e-9);
    }

    @Test
    void needsTwoPointsAndCopesWithEqualTimes() {
        RateMeter m = new RateMeter(Duration.ofSeconds(2));
        assertEquals(0, m.windowRate());
        m.record(5 * S, 100);
        assertEquals(0, m.windowRate());
        assertEquals(0, m.averageRate());
        m.record(5 * S, 150);
        assertEquals(0, m.windowRate());
        m.record(6 * S, 250);
        assertEquals(150, m.windowRate(), 1e-9);
    }

    @Test
    void frequentFeedingStaysExactOnASteadyRate() {
        RateMeter m = new RateMeter(Duration.ofSeconds(1));
        // A point every microsecond for 3 s at 2 MS/s: coalescing must not bend the rate.
        for (long t = 0; t <= 3_000_000; t++) {
            m.record(t * 1000, t * 2);
        }
        assertEquals(2_000_000, m.windowRate(), 1e-6);
        assertEquals(2_000_000, m.averageRate(), 1e-6);
    }

    @Test
    void stalePointsAreIgnoredAndDecreasesRejected() {
        RateMeter m = new RateMeter();
        m.record(0, 0);
        m.record(2 * S, 2000);
        m.record(1 * S, 1500); // arrived late from another thread
        assertEquals(1000, m.windowRate(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> m.record(3 * S, 10));
        m.reset();
        m.record(3 * S, 10);
        m.record(4 * S, 20);
        assertEquals(10, m.averageRate(), 1e-9);
    }

    @Test
    void concurrentFeedersAndReaders() throws InterruptedException {
        RateMeter m = new RateMeter(Duration.ofMillis(50));
        AtomicLong clock = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    long t = clock.incrementAndGet() * 10_000; // 10 us per tick, 7 samples per tick
                    m.record(t, t / 10_000 * 7);
                    double r = m.windowRate();
                    if (r != 0 && Math.abs(r - 700_000) > 1e-3) {
                        throw new AssertionError("rate " + r);
                    }
                }
            });
            th.setUncaughtExceptionHandler((t, e) -> {
                synchronized (errors) {
                    errors.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), errors);
        assertEquals(700_000, m.windowRate(), 1e-3);
    }
}

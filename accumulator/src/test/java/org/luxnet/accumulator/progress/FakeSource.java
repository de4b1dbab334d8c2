package org.luxnet.accumulator.progress;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.luxnet.accumulator.Film;

/** A film source that "renders" one sample of constant radiance per pixel per pass on a thread. */
final class FakeSource implements FilmSource {
    final Film pending;
    final float value;
    final double noise;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stop;
    private volatile long samples;
    final int passLimit;

    FakeSource(int w, int h, float value, double noise, int passLimit, long passMillis) {
        this.pending = new Film(w, h, 32);
        this.value = value;
        this.noise = noise;
        this.passLimit = passLimit;
        this.thread = new Thread(() -> {
            java.util.Random r = new java.util.Random(1);
            try {
                for (int pass = 0; !stop && (passLimit == 0 || pass < passLimit); pass++) {
                    synchronized (pending) {
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                float v = (float) (value * (1 + noise * r.nextGaussian()));
                                pending.addSample(x, y, 1f, v, v, v);
                            }
                        }
                        samples += (long) w * h;
                    }
                    Thread.sleep(passMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        }, "fake-source");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public String label() {
        return "fake";
    }

    @Override
    public long drainInto(Film total) {
        synchronized (pending) {
            long n = pending.totalSamples();
            total.add(pending);
            pending.clear();
            return n;
        }
    }

    @Override
    public SourceStats stats() {
        return new SourceStats("fake", stopped.getCount() == 0 ? "stopped" : "rendering", 2, "CPU", samples, samples, 1000);
    }

    @Override
    public void requestStop() {
        stop = true;
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

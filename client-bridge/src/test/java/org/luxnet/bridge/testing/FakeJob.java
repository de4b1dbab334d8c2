package org.luxnet.bridge.testing;

import java.time.Duration;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.RenderJob;

/**
 * A stand-in renderer: a thread adds full passes of samples whose values are a pure function of
 * (seed, node, pass, pixel), so that the same spec always yields the same film, at a bounded pace
 * so that tests leave the machine's cores to others.
 */
public final class FakeJob implements RenderJob {
    public static final int WIDTH = 24, HEIGHT = 16, SCALE_BITS = 32;

    private final JobSpec spec;
    private final Film film = new Film(WIDTH, HEIGHT, SCALE_BITS);
    private final Thread thread;
    private final long passPauseMillis;
    private volatile boolean stop;
    private volatile long samples, contributions;
    private volatile boolean finished;

    public FakeJob(JobSpec spec, long passPauseMillis) {
        this.spec = spec;
        this.passPauseMillis = passPauseMillis;
        this.thread = new Thread(this::run, "fake-job-node-" + spec.node());
        thread.setDaemon(true);
        thread.start();
    }

    /** The film that {@code passes} passes of {@code spec} make, rendered directly. */
    public static Film reference(JobSpec spec, long passes) {
        Film f = new Film(WIDTH, HEIGHT, SCALE_BITS);
        for (long p = 0; p < passes; p++) {
            pass(f, spec, p);
        }
        return f;
    }

    private static void pass(Film f, JobSpec spec, long p) {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                long h = mix(spec.sessionSeed() * 31 + spec.node() * 1_000_003L + p * 7919 + y * WIDTH + x);
                float v = (h >>> 40) / (float) (1 << 24);
                f.addSample(x, y, 1f, v, v * 0.5f, (h & 1) == 0 ? 0f : v * 0.25f);
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private void run() {
        try {
            for (long p = spec.startSamples() / ((long) WIDTH * HEIGHT); !stop && (spec.passBudget() == 0 || p < spec.passBudget()); p++) {
                synchronized (film) {
                    long before = film.totalContributions();
                    pass(film, spec, p);
                    samples += (long) WIDTH * HEIGHT;
                    contributions += film.totalContributions() - before;
                }
                if (passPauseMillis > 0) {
                    Thread.sleep(passPauseMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished = true;
        }
    }

    @Override
    public Film newFilm() {
        return new Film(WIDTH, HEIGHT, SCALE_BITS);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public Throwable failure() {
        return null;
    }

    @Override
    public String label() {
        return "fake node " + spec.node();
    }

    @Override
    public long drainInto(Film total) {
        synchronized (film) {
            long n = film.totalSamples();
            total.add(film);
            film.clear();
            return n;
        }
    }

    @Override
    public SourceStats stats() {
        return new SourceStats(label(), finished ? "stopped" : "rendering", 1, "fake CPU", samples, contributions,
                1000.0 * WIDTH * HEIGHT / Math.max(1, passPauseMillis));
    }

    @Override
    public void requestStop() {
        stop = true;
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}

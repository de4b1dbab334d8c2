package org.luxnet.bridge.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.RenderJob;

/**
 * A stand-in renderer with the stream model of a real render session: one thread per device stream
 * (0: the CPU, 1..: GPUs) adds samples whose values are a pure function of (seed, node, stream, pass,
 * pixel), so that the same work always yields the same film, at a bounded pace so that tests leave
 * the machine's cores to others. Work items are rows, {@link #HEIGHT} to a pass; the CPU stream
 * commits whole passes, a GPU stream row by row (its film can end inside a pass, as a real GPU's
 * batches do). The streams share the spec's pass budget as a session's devices do, counting the
 * passes begun by the start items ({@link JobSpec#startItems}, or for the CPU stream alone {@link
 * JobSpec#startSamples} when they are not given), and every stream first completes a pass it begun.
 */
public final class FakeJob implements RenderJob {
    public static final int WIDTH = 24, HEIGHT = 16, SCALE_BITS = 32;

    private final JobSpec spec;
    private final Film film = new Film(WIDTH, HEIGHT, SCALE_BITS);
    private final List<Thread> threads = new ArrayList<>();
    private final long passPauseMillis;
    /** Per stream, the next row to render; guarded by film. */
    private final long[] positions;
    /** {@link #positions} at the last drain; guarded by film. */
    private long[] drained;
    private long remaining; // passes left in the budget; guarded by this
    private volatile boolean stop;
    private volatile Throwable endFailure;
    private volatile long samples, contributions;

    /** A job on the CPU stream alone. */
    public FakeJob(JobSpec spec, long passPauseMillis) {
        this(spec, passPauseMillis, 0);
    }

    /** A job rendering the device streams {@code streams} (0: CPU, 1..: GPUs). */
    public FakeJob(JobSpec spec, long passPauseMillis, int... streams) {
        this.spec = spec;
        this.passPauseMillis = passPauseMillis;
        long[] start = spec.startItems().isEmpty() ? new long[] {spec.startSamples() / WIDTH} : spec.startItemArray();
        int n = start.length;
        for (int s : streams) {
            n = Math.max(n, s + 1);
        }
        positions = java.util.Arrays.copyOf(start, n);
        drained = positions.clone();
        long begun = 0;
        for (long p : positions) {
            begun += (p + HEIGHT - 1) / HEIGHT;
        }
        remaining = spec.passBudget() == 0 ? Long.MAX_VALUE : Math.max(0, spec.passBudget() - begun);
        for (int s : streams) {
            Thread t = new Thread(() -> run(s), "fake-job-node-" + spec.node() + "-stream-" + s);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** The film that {@code passes} passes of the CPU stream of {@code spec}'s node make, rendered directly. */
    public static Film reference(JobSpec spec, long passes) {
        return reference(spec.sessionSeed(), spec.node(), new long[] {passes * HEIGHT});
    }

    /** The film of the rows below {@code items[s]} of each stream s of node {@code node}, rendered directly. */
    public static Film reference(long seed, int node, long[] items) {
        Film f = new Film(WIDTH, HEIGHT, SCALE_BITS);
        for (int s = 0; s < items.length; s++) {
            for (long i = 0; i < items[s]; i++) {
                row(f, seed, node, s, i);
            }
        }
        return f;
    }

    private static void row(Film f, long seed, int node, int stream, long item) {
        long p = item / HEIGHT;
        int y = (int) (item % HEIGHT);
        for (int x = 0; x < WIDTH; x++) {
            long h = mix(seed * 31 + node * 1_000_003L + p * 7919 + y * WIDTH + x + stream * 0x9E3779B97F4A7C15L);
            float v = (h >>> 40) / (float) (1 << 24);
            f.addSample(x, y, 1f, v, v * 0.5f, (h & 1) == 0 ? 0f : v * 0.25f);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private synchronized boolean claimPass() {
        if (remaining == 0) {
            return false;
        }
        if (remaining != Long.MAX_VALUE) {
            remaining--;
        }
        return true;
    }

    private void run(int stream) {
        // The CPU commits up to the end of the pass at once, a GPU a row at a time.
        long pos;
        synchronized (film) {
            pos = positions[stream];
        }
        try {
            while (!stop) {
                if (pos % HEIGHT == 0 && !claimPass()) {
                    return;
                }
                long end = stream == 0 ? (pos / HEIGHT + 1) * HEIGHT : pos + 1;
                synchronized (film) {
                    long before = film.totalContributions();
                    for (long i = pos; i < end; i++) {
                        row(film, spec.sessionSeed(), spec.node(), stream, i);
                    }
                    positions[stream] = end;
                    samples += (end - pos) * WIDTH;
                    contributions += film.totalContributions() - before;
                }
                pos = end;
                long pause = stream == 0 ? passPauseMillis : (passPauseMillis + HEIGHT - 1) / HEIGHT;
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Film newFilm() {
        return new Film(WIDTH, HEIGHT, SCALE_BITS);
    }

    @Override
    public boolean isFinished() {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes the job report {@code t} once it has finished, as a render session whose GPU failed while
     * its CPU rendered the budget on.
     */
    public void failWhenFinished(Throwable t) {
        endFailure = t;
    }

    @Override
    public Throwable failure() {
        return isFinished() ? endFailure : null;
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
            drained = positions.clone();
            return n;
        }
    }

    @Override
    public long[] streamItems() {
        synchronized (film) {
            return drained.clone();
        }
    }

    /** The rows each stream has rendered up to now (from the stream's start, not this job's). */
    public long[] positions() {
        synchronized (film) {
            return positions.clone();
        }
    }

    @Override
    public SourceStats stats() {
        return new SourceStats(label(), isFinished() ? "stopped" : "rendering", threads.size(), "fake CPU", samples,
                contributions, 1000.0 * WIDTH * HEIGHT / Math.max(1, passPauseMillis));
    }

    @Override
    public void requestStop() {
        stop = true;
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return isFinished();
    }
}

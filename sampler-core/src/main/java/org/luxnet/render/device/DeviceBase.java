package org.luxnet.render.device;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.luxnet.accumulator.Film;

/**
 * What every render device shares: its own film, drained by the session; sample and contribution
 * counters; the stop request; the failure that ended it; and the bookkeeping of its worker threads,
 * so that {@link #awaitStopped} and {@link #isStopped} mean the same for a CPU and a GPU.
 * Subclasses schedule the work.
 */
public abstract class DeviceBase implements RenderDevice {
    private final AtomicLong samples = new AtomicLong(), contributions = new AtomicLong();
    private volatile Film film;
    private volatile boolean stop;
    private volatile Throwable failure;
    private int running = -1; // worker threads still running; -1 before start; guarded by this

    /**
     * Creates the device's film for {@code context} and records that {@code workers} threads will
     * run; call once from {@link #start}, before starting them.
     */
    protected final synchronized Film begin(DeviceContext context, int workers) {
        if (running >= 0) {
            throw new IllegalStateException("device already started");
        }
        film = new Film(context.settings().width(), context.settings().height(), context.settings().scaleBits());
        running = workers;
        return film;
    }

    /** Each worker thread calls this last, even when it fails. */
    protected final synchronized void workerFinished() {
        running--;
        notifyAll();
    }

    /** Counts work that was added to the film. */
    protected final void counted(long sampleCount, long contributionCount) {
        samples.addAndGet(sampleCount);
        contributions.addAndGet(contributionCount);
    }

    /** Records the error that ends the device and stops its other workers. */
    protected final void fail(Throwable t) {
        failure = t;
        stop = true;
    }

    /** True once a stop was requested (or a worker failed): workers take no new work. */
    protected final boolean stopRequested() {
        return stop;
    }

    @Override
    public final void requestStop() {
        stop = true;
    }

    @Override
    public final synchronized boolean awaitStopped(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (running != 0) {
            if (running < 0) {
                return true; // never started: nothing to wait for
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public final synchronized boolean isStopped() {
        return running == 0;
    }

    @Override
    public final void drainInto(Film target) {
        Film f = film;
        if (f == null) {
            return;
        }
        synchronized (f) {
            target.add(f);
            f.clear();
        }
    }

    @Override
    public final long samples() {
        return samples.get();
    }

    @Override
    public final long contributions() {
        return contributions.get();
    }

    @Override
    public final Throwable failure() {
        return failure;
    }
}

package org.luxnet.render.device;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.luxnet.accumulator.Film;

/**
 * What every render device shares: its own film, drained by the session; sample and contribution
 * counters; the stop request; the failure that ended it; and the bookkeeping of its worker threads,
 * so that {@link #awaitStopped} and {@link #isStopped} mean the same for a CPU and a GPU: both
 * hold only once every worker thread has ended (joined), so no render thread outlives its device.
 * Subclasses schedule the work.
 */
public abstract class DeviceBase implements RenderDevice {
    private static final Logger LOG = Logger.getLogger(DeviceBase.class.getName());
    /** Every render thread's name starts with this (tests count live render threads by it). */
    public static final String THREAD_PREFIX = "render-";

    /** Render threads alive in this JVM now, of any device (for status reports and leak checks). */
    public static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(THREAD_PREFIX)).count();
    }

    private final AtomicLong samples = new AtomicLong(), contributions = new AtomicLong();
    private volatile Film film;
    private volatile boolean stop;
    private volatile Throwable failure;
    private int running = -1; // worker threads still running; -1 before start; guarded by this
    private List<Thread> workers = List.of(); // guarded by this
    private volatile long drainedItem;

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
        drainedItem = context.startItem();
        return film;
    }

    /** Starts the worker threads, as many as given to {@link #begin}; {@link #awaitStopped} joins them. */
    protected final void launch(List<Thread> threads) {
        synchronized (this) {
            workers = List.copyOf(threads);
        }
        threads.forEach(Thread::start);
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
        LOG.warning(() -> description() + " stopped: " + t.getMessage());
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
    public final boolean awaitStopped(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Thread> threads;
        synchronized (this) {
            if (running < 0) {
                return true; // never started: nothing to wait for
            }
            threads = workers;
        }
        try {
            for (Thread t : threads) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return isStopped();
                }
                t.join(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return isStopped();
    }

    @Override
    public final synchronized boolean isStopped() {
        if (running < 0) {
            return false;
        }
        for (Thread t : workers) {
            if (t.isAlive()) {
                return false;
            }
        }
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
            drainedItem = nextItem();
        }
    }

    /**
     * The device's {@link #nextItem()} when it was last drained: the film drained so far holds exactly
     * this stream's items below it (a subclass updates its next item under the film's lock).
     */
    @Override
    public final long drainedItem() {
        return drainedItem;
    }

    /** The device's film (null before start), whose monitor guards what enters it. */
    protected final Film deviceFilm() {
        return film;
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

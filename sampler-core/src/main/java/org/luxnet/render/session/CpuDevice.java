package org.luxnet.render.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.FilmTile;
import org.luxnet.render.integrator.TileRenderer;

/**
 * The CPU device: N threads that render tiles of progressive passes from one sample stream. Work
 * items are numbered pass-major ({@code item = pass * tiles + tile}) and handed out strictly in
 * order, so a stopped device has rendered exactly the items below {@link #nextItem()}: the image for
 * a given number of passes is the same whatever the thread count, and a resumed render continues
 * without repeating a sample. Each thread fills a private tile, then adds it to the device film in
 * one short locked step.
 */
public final class CpuDevice implements RenderDevice {
    /** Tile edge in pixels: big enough to amortize the merge, small enough to balance 2 to 64 threads. */
    static final int TILE = 32;

    private final int threadCount;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong samples = new AtomicLong(), contributions = new AtomicLong();
    private DeviceContext ctx;
    private Film film;
    private int tilesX, tiles;
    private long next;          // next work item; guarded by this
    private long grantedEnd;    // passes granted by the budget, as an exclusive pass bound; guarded by this
    private volatile boolean stop;
    private volatile Throwable failure;
    private int running;        // guarded by this

    public CpuDevice(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("CPU device needs at least 1 thread, got " + threads);
        }
        this.threadCount = threads;
    }

    @Override
    public String description() {
        return "CPU";
    }

    @Override
    public int threads() {
        return threadCount;
    }

    @Override
    public synchronized void start(DeviceContext context) {
        if (ctx != null) {
            throw new IllegalStateException("device already started");
        }
        ctx = context;
        int w = context.settings().width(), h = context.settings().height();
        film = new Film(w, h, context.settings().scaleBits());
        tilesX = (w + TILE - 1) / TILE;
        tiles = tilesX * ((h + TILE - 1) / TILE);
        next = context.startItem();
        grantedEnd = next / tiles + (next % tiles == 0 ? 0 : 1);
        running = threadCount;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::work, "render-cpu-" + i);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    /** The next item to render, or -1 when stopping or the pass budget is spent. */
    private synchronized long claim() {
        if (stop) {
            return -1;
        }
        long pass = next / tiles;
        if (pass >= grantedEnd) {
            if (ctx.budget().claim(1) == 0) {
                return -1;
            }
            grantedEnd = pass + 1;
        }
        return next++;
    }

    private void work() {
        try {
            TileRenderer renderer = new TileRenderer(ctx.scene(), ctx.settings(), ctx.filter());
            FilmTile tile = new FilmTile(TILE, TILE, ctx.settings().scaleBits());
            int w = ctx.settings().width(), h = ctx.settings().height();
            long item;
            while ((item = claim()) >= 0) {
                long pass = item / tiles;
                int t = (int) (item % tiles);
                int x0 = (t % tilesX) * TILE, y0 = (t / tilesX) * TILE;
                int tw = Math.min(TILE, w - x0), th = Math.min(TILE, h - y0);
                if (pass > Integer.MAX_VALUE) {
                    throw new IllegalStateException("sample index overflow: more than 2^31 passes");
                }
                tile.reset(x0, y0, tw, th);
                renderer.render(tile, x0, y0, tw, th, ctx.streamSeed(), (int) pass);
                synchronized (film) {
                    film.add(tile);
                }
                samples.addAndGet(tile.totalSamples());
                contributions.addAndGet(tile.totalContributions());
            }
        } catch (Throwable e) {
            failure = e;
            stop = true;
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    @Override
    public void requestStop() {
        stop = true;
    }

    @Override
    public synchronized boolean awaitStopped(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
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
    public synchronized boolean isStopped() {
        return ctx != null && running == 0;
    }

    @Override
    public void drainInto(Film target) {
        if (film == null) {
            return;
        }
        synchronized (film) {
            target.add(film);
            film.clear();
        }
    }

    @Override
    public long samples() {
        return samples.get();
    }

    @Override
    public long contributions() {
        return contributions.get();
    }

    @Override
    public synchronized long nextItem() {
        return next;
    }

    @Override
    public Throwable failure() {
        return failure;
    }
}

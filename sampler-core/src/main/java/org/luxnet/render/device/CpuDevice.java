package org.luxnet.render.device;

import java.util.ArrayList;
import java.util.List;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.FilmTile;

/**
 * The CPU device: N threads that render tiles of progressive passes from one sample stream, each
 * thread running the light transport ({@link org.luxnet.render.transport.PathTraceKernel}, the very code the OpenCL device runs)
 * directly in Java through its own {@link TileRenderer}. Work
 * items are numbered pass-major ({@code item = pass * tiles + tile}) and handed out strictly in
 * order, so a stopped device has rendered exactly the items below {@link #nextItem()}: the image for
 * a given number of passes is the same whatever the thread count, and a resumed render continues
 * without repeating a sample. Each thread fills a private tile, then adds it to the device film in
 * one short locked step.
 */
public final class CpuDevice extends DeviceBase {
    /** Tile edge in pixels: big enough to amortize the merge, small enough to balance 2 to 64 threads. */
    static final int TILE = 32;

    private final int threadCount;
    private DeviceContext ctx;
    private Film film;
    private int tilesX, tiles;
    private long next;          // next work item; guarded by this
    private long grantedEnd;    // passes granted by the budget, as an exclusive pass bound; guarded by this

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
        film = begin(context, threadCount);
        ctx = context;
        int w = context.settings().width(), h = context.settings().height();
        tilesX = (w + TILE - 1) / TILE;
        tiles = tilesX * ((h + TILE - 1) / TILE);
        next = context.startItem();
        grantedEnd = next / tiles + (next % tiles == 0 ? 0 : 1);
        List<Thread> workers = new ArrayList<>();
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
        if (stopRequested()) {
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
            TileRenderer renderer = new TileRenderer(ctx.scene(), ctx.settings(), ctx.filter(), ctx.streamSeed());
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
                renderer.render(tile, x0, y0, tw, th, (int) pass);
                synchronized (film) {
                    film.add(tile);
                }
                counted(tile.totalSamples(), tile.totalContributions());
            }
        } catch (Throwable e) {
            fail(e);
        } finally {
            workerFinished();
        }
    }

    @Override
    public synchronized long nextItem() {
        return next;
    }
}

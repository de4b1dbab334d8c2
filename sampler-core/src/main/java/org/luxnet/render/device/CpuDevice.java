package org.luxnet.render.device;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.FilmTile;

/**
 * The CPU device: N threads that render tiles of progressive passes from one sample stream, each
 * thread running the light transport ({@link org.luxnet.render.transport.PathTraceKernel}, the very code the OpenCL device runs)
 * directly in Java through its own {@link TileRenderer}. Work
 * items are numbered pass-major ({@code item = pass * tiles + tile}) and handed out strictly in
 * order; finished tiles enter the device film strictly in order too (a tile finished ahead of an
 * earlier one waits for it), so the film always holds exactly the items below {@link #nextItem()}:
 * the image for a given number of passes is the same whatever the thread count, and a resumed
 * render, or a server job continuing a node's stream, goes on without repeating or missing a sample.
 * A stop request is checked after every row of a tile, so a pathological scene stops within
 * milliseconds; the unfinished tile and those finished after it are dropped, never half-added.
 */
public final class CpuDevice extends DeviceBase {
    /** Tile edge in pixels: big enough to amortize the merge, small enough to balance 2 to 64 threads. */
    static final int TILE = 32;
    /** Finished tiles that may wait for an earlier one, per thread; bounds the memory a slow tile holds. */
    private static final int WAITING_PER_THREAD = 16;

    private final int threadCount;
    private DeviceContext ctx;
    private Film film;
    private int tilesX, tiles;
    // All guarded by film: which items are handed out, which are in the film, and those waiting.
    private long next;          // next work item to hand out
    private long grantedEnd;    // passes granted by the budget, as an exclusive pass bound
    private long committed;     // items below this are in the film
    private final TreeMap<Long, FilmTile> waiting = new TreeMap<>();

    public CpuDevice(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("CPU device needs at least 1 thread, got " + threads);
        }
        this.threadCount = threads;
    }

    /**
     * The work item at which {@code samples} samples of a stream of a {@code width x height} film
     * end: passes are whole frames and items whole tiles, so each sample count at an item boundary
     * names exactly one item.
     *
     * @throws IllegalArgumentException when {@code samples} does not end at a tile boundary
     */
    public static long itemAfter(long samples, int width, int height) {
        long pixels = (long) width * height;
        int tx = (width + TILE - 1) / TILE, ty = (height + TILE - 1) / TILE;
        long item = samples / pixels * tx * ty;
        long rest = samples % pixels;
        for (int t = 0; rest > 0 && t < tx * ty; t++, item++) {
            int x0 = (t % tx) * TILE, y0 = (t / tx) * TILE;
            rest -= (long) Math.min(TILE, width - x0) * Math.min(TILE, height - y0);
        }
        if (rest != 0) {
            throw new IllegalArgumentException(samples + " samples do not end at a tile of a " + width + "x" + height
                    + " film");
        }
        return item;
    }

    /** Passes that items below {@code item} have begun (the last one possibly unfinished). */
    public static long passesBegun(long item, int width, int height) {
        long tiles = (long) ((width + TILE - 1) / TILE) * ((height + TILE - 1) / TILE);
        return (item + tiles - 1) / tiles;
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
    public void start(DeviceContext context) {
        synchronized (this) {
            film = begin(context, threadCount);
            ctx = context;
            int w = context.settings().width(), h = context.settings().height();
            tilesX = (w + TILE - 1) / TILE;
            tiles = tilesX * ((h + TILE - 1) / TILE);
            next = committed = context.startItem();
            grantedEnd = next / tiles + (next % tiles == 0 ? 0 : 1);
        }
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::work, THREAD_PREFIX + "cpu-" + i);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            workers.add(t);
        }
        launch(workers);
    }

    /** The next item to render, or -1 when stopping or the pass budget is spent. */
    private long claim() throws InterruptedException {
        synchronized (film) {
            while (next - committed >= (long) WAITING_PER_THREAD * threadCount && !stopRequested()) {
                film.wait(50); // a slow tile holds the others back; a stop request ends the wait
            }
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
    }

    /** Adds finished item {@code item} to the film once every item before it is there; false when it waits. */
    private boolean commit(long item, FilmTile tile) {
        synchronized (film) {
            if (item != committed) {
                waiting.put(item, tile);
                return false;
            }
            add(tile);
            committed++;
            FilmTile w;
            while ((w = waiting.remove(committed)) != null) {
                add(w);
                committed++;
            }
            film.notifyAll();
            return true;
        }
    }

    private void add(FilmTile tile) {
        film.add(tile);
        counted(tile.totalSamples(), tile.totalContributions());
    }

    private void work() {
        try {
            TileRenderer renderer = new TileRenderer(ctx.scene(), ctx.settings(), ctx.filter(), ctx.streamSeed());
            FilmTile tile = newTile();
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
                if (!renderer.render(tile, x0, y0, tw, th, (int) pass, this::stopRequested)) {
                    return; // stopped inside the tile: it never reaches the film, nor anything after it
                }
                if (!commit(item, tile)) {
                    tile = newTile();
                }
            }
        } catch (Throwable e) {
            fail(e);
        } finally {
            workerFinished();
        }
    }

    private FilmTile newTile() {
        return new FilmTile(TILE, TILE, ctx.settings().scaleBits());
    }

    /** The first item not in the film: where a resumed render continues. Exact at any time. */
    @Override
    public long nextItem() {
        Film f = deviceFilm();
        if (f == null) {
            return 0;
        }
        synchronized (f) {
            return committed;
        }
    }
}

package org.luxnet.render.device;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.exception.CompileFailedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.luxnet.accumulator.Film;
import org.luxnet.render.transport.PathTraceKernel;

/**
 * The GPU sampler: a render device that path-traces its own sample stream on an OpenCL device with
 * the Aparapi kernel, beside the CPU threads. One host thread claims passes from the session's
 * {@link PassBudget}, launches the kernel over batches of work items sized to take about 100 ms
 * (adapted after every launch, so the device stays busy and a stop request is answered quickly),
 * waits for each launch to finish, and adds the samples to the device's own film. It waits blocked
 * in the OpenCL driver, never polling in Java: with PoCL the thread used about 1% of a core while
 * the device rendered. Whether a GPU driver sleeps or spins while it waits is the driver's choice,
 * which is one reason the device counts as one thread in {@link #threads()}.
 *
 * <p>Work items are numbered {@code pass * pixels + pixel} and rendered strictly in order, so
 * {@link #nextItem()} is an exact resume position, as for the CPU device.
 *
 * <p>The device fails loudly: if the kernel cannot be built for OpenCL or a launch does not run in
 * OpenCL (Aparapi would quietly fall back to the CPU's Java threads), it stops, sets {@link
 * #failure()} and gives its unrendered passes back to the budget. It never renders on Java threads
 * while calling itself a GPU; the only Java-thread mode is the explicit test mode {@link
 * #javaThreadPool}, which says so in its description.
 */
public final class GpuDevice extends DeviceBase {
    private static final Logger LOG = Logger.getLogger(GpuDevice.class.getName());
    /** Most work items per launch: 16 MiB of outputs and 112 MiB of scratch memory. */
    static final int MAX_BATCH = 1 << 20;
    private static final int FIRST_BATCH = 1 << 14;
    private static final long TARGET_NANOS = 100_000_000L, MIN_NANOS = 50_000_000L, MAX_NANOS = 200_000_000L;

    private final Device device;
    private final String description;
    private final int hostThreads;
    private final int capacity;
    private final AtomicLong launches = new AtomicLong();
    private DeviceContext ctx;
    private Film film;
    private long next;              // guarded by this

    /** A GPU sampler on {@code device}, one of {@link GpuDevices#list()}. */
    public GpuDevice(OpenClDeviceInfo device) {
        this(device.aparapiDevice(), "OpenCL (" + device.name() + ")", 1, capacityFor(device));
    }

    private GpuDevice(Device device, String description, int hostThreads, int capacity) {
        this.device = device;
        this.description = description;
        this.hostThreads = hostThreads;
        this.capacity = capacity;
    }

    /**
     * Test mode: the same kernel on Aparapi's Java thread pool, which uses every core. Never chosen by
     * {@link GpuDevices}; its description says it is not a GPU.
     */
    static GpuDevice javaThreadPool(int capacity) {
        return new GpuDevice(JavaDevice.THREAD_POOL, "Aparapi Java thread pool (test mode, not a GPU)",
                Runtime.getRuntime().availableProcessors(), capacity);
    }

    /** A device with a given batch capacity (tests use small ones). */
    static GpuDevice withCapacity(OpenClDeviceInfo device, int capacity) {
        return new GpuDevice(device.aparapiDevice(), "OpenCL (" + device.name() + ")", 1, capacity);
    }

    /**
     * Work items per launch that the device's memory and this JVM's heap allow (Aparapi mirrors every
     * device buffer in a Java array; an eighth of the heap at most), at most {@link #MAX_BATCH}.
     */
    private static int capacityFor(OpenClDeviceInfo d) {
        long perItem = 4L * (PathTraceKernel.SCRATCH_SLOTS + PathTraceKernel.OUT_SLOTS);
        long byAlloc = d.maxAllocationBytes() / (4L * PathTraceKernel.SCRATCH_SLOTS);
        long byMemory = d.globalMemoryBytes() / 4 / perItem;
        long byHeap = Runtime.getRuntime().maxMemory() / 8 / perItem;
        long items = Math.min(MAX_BATCH, Math.min(byHeap, Math.min(byAlloc, byMemory)));
        return (int) Math.max(BatchRenderer.LOCAL_SIZE, items / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int threads() {
        return hostThreads;
    }

    @Override
    public synchronized void start(DeviceContext context) {
        film = begin(context, 1);
        ctx = context;
        next = context.startItem();
        Thread thread = new Thread(this::work, THREAD_PREFIX + "gpu");
        thread.setDaemon(true);
        launch(java.util.List.of(thread));
    }

    /**
     * Work items per launch for {@code scene}: {@code capacity}, or fewer in the same memory when
     * something moves, whose kernel keeps {@link PathTraceKernel#MOTION_WORDS_PER_ITEM} more per item.
     */
    static int capacityFor(org.luxnet.scene.compiled.CompiledScene scene, int capacity) {
        if (scene.motion.length == 0 && (scene.camera == null || scene.camera.motion() == null)) {
            return capacity;
        }
        long perItem = PathTraceKernel.SCRATCH_SLOTS + PathTraceKernel.OUT_SLOTS;
        long items = capacity * perItem / (perItem + PathTraceKernel.MOTION_WORDS_PER_ITEM);
        return (int) Math.max(BatchRenderer.LOCAL_SIZE, items / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE);
    }

    private void work() {
        int capacity = capacityFor(ctx.scene(), this.capacity);
        BatchRenderer renderer = null;
        long pixels = (long) ctx.settings().width() * ctx.settings().height();
        long first = nextItem();
        long granted = ceilDiv(first, pixels); // passes granted so far, as an exclusive pass bound
        try {
            renderer = new BatchRenderer(device, ctx.scene(), ctx.settings(), ctx.filter(), ctx.streamSeed(), capacity);
            try {
                renderer.compile();
            } catch (CompileFailedException e) {
                // Drivers' kernel caches can fail a build transiently (PoCL's, when another process
                // builds at the same time: "unable to rename temporary ... kcache"); one more try on a
                // fresh kernel tells a transient failure from a real one, which then fails the device.
                LOG.warning(() -> "building the GPU path tracer for " + description + " failed (" + e.getMessage()
                        + "); trying once more");
                renderer.dispose();
                renderer = null;
                renderer = new BatchRenderer(device, ctx.scene(), ctx.settings(), ctx.filter(), ctx.streamSeed(), capacity);
                renderer.compile();
            }
            int batch = Math.min(capacity, FIRST_BATCH);
            boolean more = true;
            while (more && !stopRequested()) {
                long end = first + batch;
                long needed = ceilDiv(end, pixels);
                if (needed > granted) {
                    granted += ctx.budget().claim((int) Math.min(Integer.MAX_VALUE, needed - granted));
                }
                end = Math.min(end, granted * pixels);
                more = end > first;
                if (more) {
                    int count = (int) (end - first);
                    long t0 = System.nanoTime();
                    renderer.launch(first, count);
                    long took = Math.max(1, System.nanoTime() - t0);
                    long before;
                    long after;
                    synchronized (film) {
                        before = film.totalContributions();
                        renderer.addSamples(film);
                        after = film.totalContributions();
                        synchronized (this) {
                            next = end; // under the film's lock: a drain sees the film and its position together
                        }
                    }
                    counted(count, after - before);
                    launches.incrementAndGet();
                    first = end;
                    batch = nextBatch(batch, count, took, capacity);
                }
            }
        } catch (CompileFailedException e) {
            fail(new IllegalStateException("the GPU path tracer could not be built for " + description + ": "
                    + e.getMessage(), e));
        } catch (Throwable e) {
            fail(new IllegalStateException("the GPU sampler on " + description + " failed: " + e, e));
        } finally {
            long unrendered = granted - ceilDiv(first, pixels);
            if (unrendered > 0) {
                ctx.budget().giveBack((int) Math.min(Integer.MAX_VALUE, unrendered));
            }
            if (renderer != null) {
                renderer.dispose();
            }
            workerFinished();
        }
    }

    /**
     * The next batch size: scaled so a launch takes about {@link #TARGET_NANOS}, changed only when
     * the last one took less than {@link #MIN_NANOS} or more than {@link #MAX_NANOS}, growing at most
     * fourfold at a time, a multiple of the work-group size, within the renderer's {@code capacity}.
     */
    private static int nextBatch(int batch, int count, long took, int capacity) {
        if (count < batch || (took >= MIN_NANOS && took <= MAX_NANOS)) {
            return batch;
        }
        double scaled = (double) count * TARGET_NANOS / took;
        long target = (long) Math.min(scaled, 4.0 * batch);
        target = target / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE;
        return (int) Math.max(BatchRenderer.LOCAL_SIZE, Math.min(capacity, target));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public synchronized long nextItem() {
        return next;
    }

    /** Kernel launches so far (for tests and benchmarks). */
    long launches() {
        return launches.get();
    }
}

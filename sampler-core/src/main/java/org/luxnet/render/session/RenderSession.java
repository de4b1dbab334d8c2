package org.luxnet.render.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.filter.FilterParams;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.accumulator.filter.PixelFilters;
import org.luxnet.accumulator.progress.FilmSource;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.accumulator.stats.RateMeter;
import org.luxnet.render.device.CpuDevice;
import org.luxnet.render.device.DeviceContext;
import org.luxnet.render.device.PassBudget;
import org.luxnet.render.device.RenderDevice;
import org.luxnet.render.transport.Hash;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * Renders one frame on this machine's devices: the CPU threads and any GPU, each with its own sample
 * stream ({@link Hash#streamSeed} of the session seed, this node's index and the device's index),
 * each into its own film. The session is a {@link FilmSource}: draining it moves every device's sums
 * into the caller's film. It knows nothing of files or sockets; the render driver (local mode) or
 * the render server (network mode) decides when to drain and when to stop.
 */
public final class RenderSession implements FilmSource {
    private final RenderSettings settings;
    private final List<RenderDevice> devices = new ArrayList<>();
    private final List<DeviceContext> contexts = new ArrayList<>();
    private final RateMeter rate = new RateMeter(Duration.ofSeconds(10));
    private final String label;
    /** Stream (device index) of each device in {@link #devices}; see {@link SessionOptions#startItems}. */
    private final List<Integer> streamOf = new ArrayList<>();
    private final long[] startItems;
    private final List<RateMeter> deviceRates = new ArrayList<>();
    private volatile boolean started;

    public RenderSession(CompiledScene scene, RenderSettings settings, SessionOptions options) {
        this(scene, settings, options, "local");
    }

    public RenderSession(CompiledScene scene, RenderSettings settings, SessionOptions options, String label) {
        this.settings = settings;
        this.label = label;
        PixelFilter filter = createFilter(settings.filter());
        PassBudget budget = new PassBudget(options.haltPasses());
        if (options.cpuThreads() > 0) {
            devices.add(new CpuDevice(options.cpuThreads()));
        }
        devices.addAll(options.extraDevices());
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("a render session needs at least one device (threads 0 and no GPU)");
        }
        long[] start = options.startItems();
        // Streams past this session's devices (a GPU stream continued on a server without one) keep
        // their start item, so nextItems() still tells where the node's film ends in them.
        int streams = Math.max(options.extraDevices().size() + 1, start.length);
        startItems = new long[streams];
        System.arraycopy(start, 0, startItems, 0, start.length);
        for (int i = 0; i < devices.size(); i++) {
            // Device indices are fixed by kind (0 = CPU, 1.. = extra devices) so that streams stay
            // distinct and stable whether or not the CPU takes part.
            int deviceIndex = options.cpuThreads() > 0 ? i : i + 1;
            streamOf.add(deviceIndex);
            deviceRates.add(new RateMeter(Duration.ofSeconds(10)));
            long seed = Hash.streamSeed(options.sessionSeed(), options.node(), deviceIndex);
            contexts.add(new DeviceContext(scene, settings, filter, seed, startItems[deviceIndex], budget));
        }
    }

    /**
     * The {@link SessionOptions#haltPasses} that makes a session starting at {@code startItems} end
     * with exactly {@code passes} passes of this node in all: what the start items began counts
     * (stream 0 in CPU tiles, the others in pixels, as the devices number their work), and a pass
     * begun but not finished is completed, not given again. 0 for {@code passes} 0 (no limit).
     */
    public static long passBudget(long passes, long[] startItems, int width, int height) {
        if (passes <= 0) {
            return 0;
        }
        long begun = 0;
        long pixels = (long) width * height;
        for (int d = 0; startItems != null && d < startItems.length; d++) {
            begun += d == 0 ? CpuDevice.passesBegun(startItems[0], width, height)
                    : (startItems[d] + pixels - 1) / pixels;
        }
        return passes > begun ? passes - begun : -1;
    }

    /** The pixel filter of the settings, from the filter registry. */
    public static PixelFilter createFilter(RenderSettings.FilterSpec spec) {
        return PixelFilters.create(spec.name(), new FilterParams(Map.copyOf(spec.params())));
    }

    /** Starts every device; returns at once. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("session already started");
        }
        started = true;
        long now = System.nanoTime();
        rate.record(now, 0);
        for (RateMeter m : deviceRates) {
            m.record(now, 0);
        }
        for (int i = 0; i < devices.size(); i++) {
            devices.get(i).start(contexts.get(i));
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public long drainInto(Film total) {
        long before = total.totalSamples();
        for (RenderDevice d : devices) {
            d.drainInto(total);
        }
        return total.totalSamples() - before;
    }

    @Override
    public SourceStats stats() {
        long s = 0, c = 0;
        int threads = 0;
        List<String> names = new ArrayList<>();
        boolean allStopped = true;
        for (RenderDevice d : devices) {
            s += d.samples();
            c += d.contributions();
            threads += d.threads();
            names.add(d.description());
            allStopped &= d.isStopped();
        }
        rate.record(System.nanoTime(), s);
        String state = !started ? "starting" : allStopped ? (failure() != null ? "failed" : "stopped") : "rendering";
        return new SourceStats(label, state, threads, String.join(" + ", names), s, c, rate.windowRate());
    }

    @Override
    public void requestStop() {
        for (RenderDevice d : devices) {
            d.requestStop();
        }
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        boolean ok = true;
        for (RenderDevice d : devices) {
            ok &= d.awaitStopped(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        }
        return ok;
    }

    /** True when every device has stopped (halt budget spent, stop requested, or failure). */
    public boolean isStopped() {
        for (RenderDevice d : devices) {
            if (!d.isStopped()) {
                return false;
            }
        }
        return started;
    }

    /** The first device failure, or null. */
    public Throwable failure() {
        for (RenderDevice d : devices) {
            if (d.failure() != null) {
                return d.failure();
            }
        }
        return null;
    }

    /**
     * Per device stream (index 0: CPU, then the extra devices), where a render saved with the sums
     * drained so far continues: each device's {@link RenderDevice#drainedItem()}, so the position
     * always matches the drained film, even while rendering (a film saved mid-render and then
     * resumed repeats and misses nothing). Streams without a device here keep their start item, also
     * those past the last device here (the array is as long as the start items, if that is longer).
     */
    public long[] nextItems() {
        long[] out = startItems.clone();
        for (int i = 0; i < devices.size(); i++) {
            out[streamOf.get(i)] = devices.get(i).drainedItem();
        }
        return out;
    }

    /**
     * One snapshot per device (label = its description), for the verbose per-device statistics:
     * each device's samples and its own sample rate.
     */
    public List<SourceStats> deviceStats() {
        List<SourceStats> out = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < devices.size(); i++) {
            RenderDevice d = devices.get(i);
            RateMeter m = deviceRates.get(i);
            m.record(now, d.samples());
            String state = d.failure() != null ? "failed" : d.isStopped() ? "stopped" : "rendering";
            out.add(new SourceStats(d.description(), state, d.threads(), d.description(), d.samples(), d.contributions(),
                    m.windowRate()));
        }
        return out;
    }

    /** The devices, CPU first. */
    public List<RenderDevice> devices() {
        return List.copyOf(devices);
    }

    /** The settings this session renders with. */
    public RenderSettings settings() {
        return settings;
    }
}

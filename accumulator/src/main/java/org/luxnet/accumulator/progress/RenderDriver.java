package org.luxnet.accumulator.progress;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.stats.SegmentStats;
import org.luxnet.accumulator.stats.StatsLine;

/**
 * Runs a progressive render from the film's point of view: drains every {@link FilmSource} (local
 * devices, remote servers) into one total film, prints the statistics line, writes images at the
 * write interval, and stops every source when a halt condition is met on the total or a stop is
 * requested; then drains what is left and writes the final images. Local mode and network client
 * mode are the same loop with different sources.
 *
 * <p>{@link #run} blocks the calling thread. {@link #requestStop}, {@link #requestWrite}, {@link
 * #addRemote}, {@link #status} and {@link #snapshotRgb} may be called from any thread.
 */
public final class RenderDriver {
    private final Film total;
    private final HaltConditions halt;
    private final ImageOutput output;
    private final RenderListener listener;
    private final Duration statsInterval, writeInterval, drainInterval, stopTimeout;
    private final List<FilmSource> local = new CopyOnWriteArrayList<>();
    private final List<FilmSource> remote = new CopyOnWriteArrayList<>();
    private final Object wake = new Object();
    private final Duration elapsedBefore;
    private volatile boolean stopRequested, writeRequested;
    private volatile String stopReason = "stopped";
    /** What the film held before this run (a resumed render): counted in the local segment of the line. */
    private final long priorSamples, priorContributions;
    private volatile RenderStatus status;
    private volatile long startNanos;
    private volatile double lastNoise = Double.NaN;
    private List<Path> lastFiles = List.of();

    /** How a run ended. */
    public record Result(String reason, long samples, Duration elapsed, List<Path> files) {
    }

    /**
     * @param total          the film all sources are drained into (may already hold a resumed render)
     * @param halt           when to stop
     * @param output         writes images from the total film
     * @param listener       receives statistics lines and write reports
     * @param statsInterval  how often the statistics line is printed
     * @param writeInterval  how often images are written while rendering (null or zero: only at the end)
     * @param elapsedBefore  render time already spent on the film before this run (resume), or zero
     */
    public RenderDriver(Film total, HaltConditions halt, ImageOutput output, RenderListener listener,
                        Duration statsInterval, Duration writeInterval, Duration elapsedBefore) {
        this.total = total;
        this.halt = halt;
        this.output = output;
        this.listener = listener;
        this.statsInterval = statsInterval;
        this.writeInterval = writeInterval == null || writeInterval.isZero() ? null : writeInterval;
        this.drainInterval = Duration.ofMillis(Math.min(1000, Math.max(50, statsInterval.toMillis() / 4)));
        this.stopTimeout = Duration.ofSeconds(60);
        this.elapsedBefore = elapsedBefore == null ? Duration.ZERO : elapsedBefore;
        this.priorSamples = total.totalSamples();
        this.priorContributions = total.totalContributions();
        this.status = snapshotStatus("starting", null);
    }

    /** Adds a source rendering on this machine. */
    public void addLocal(FilmSource s) {
        local.add(s);
    }

    /** Adds a remote render server; allowed while running (a server added from the monitor). */
    public void addRemote(FilmSource s) {
        remote.add(s);
        wakeUp();
    }

    /** The remote sources, in the order added. */
    public List<FilmSource> remoteSources() {
        return List.copyOf(remote);
    }

    /** Asks the render to halt: sources stop, the rest is collected and the final images written. */
    public void requestStop() {
        requestStop("stopped");
    }

    /**
     * Asks the render to halt for {@code reason}, the {@link Result#reason} it then ends with (e.g.
     * "passes" when every node spent its pass budget); a first request's reason stays.
     */
    public void requestStop(String reason) {
        if (!stopRequested) {
            stopReason = reason;
        }
        stopRequested = true;
        wakeUp();
    }

    /** Asks for the images to be written at once, without stopping. */
    public void requestWrite() {
        writeRequested = true;
        wakeUp();
    }

    /** The latest status (updated at every drain). */
    public RenderStatus status() {
        return status;
    }

    /** The current image of the total film as linear RGB (3 floats per pixel, top row first). */
    public float[] snapshotRgb() {
        synchronized (total) {
            return total.toRgb();
        }
    }

    /** Width and height of the film. */
    public int[] size() {
        return new int[] {total.width(), total.height()};
    }

    private void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Renders until a halt condition or a stop request; returns how it ended. */
    public Result run() throws InterruptedException {
        startNanos = System.nanoTime();
        long nextStats = startNanos + statsInterval.toNanos();
        long nextWrite = writeInterval == null ? Long.MAX_VALUE : startNanos + writeInterval.toNanos();
        String reason = null;
        while (reason == null) {
            synchronized (wake) {
                if (!stopRequested && !writeRequested) {
                    wake.wait(Math.max(1, drainInterval.toMillis()));
                }
            }
            drainAll();
            long now = System.nanoTime();
            reason = haltReason(now);
            status = snapshotStatus("rendering", null);
            if (reason == null && now >= nextStats) {
                if (halt.noise() > 0) {
                    lastNoise = noiseEstimate();
                    if (lastNoise < halt.noise()) {
                        reason = "noise";
                    }
                    status = snapshotStatus("rendering", null);
                }
                if (reason == null) {
                    // A halting render reports once, below, after the last samples are in.
                    report();
                }
                nextStats = now + statsInterval.toNanos();
            }
            if (reason == null && (writeRequested || now >= nextWrite)) {
                writeRequested = false;
                write(false);
                nextWrite = writeInterval == null ? Long.MAX_VALUE : System.nanoTime() + writeInterval.toNanos();
            }
        }
        status = snapshotStatus("stopping", reason);
        for (FilmSource s : all()) {
            s.requestStop();
        }
        for (FilmSource s : all()) {
            s.awaitStopped(stopTimeout);
        }
        drainAll();
        status = snapshotStatus("done", reason);
        report();
        write(true);
        return new Result(reason, total.totalSamples(), elapsed(System.nanoTime()), lastFiles);
    }

    private List<FilmSource> all() {
        List<FilmSource> a = new ArrayList<>(local);
        a.addAll(remote);
        return a;
    }

    private void drainAll() {
        synchronized (total) {
            for (FilmSource s : all()) {
                s.drainInto(total);
            }
        }
    }

    private String haltReason(long now) {
        if (stopRequested) {
            return stopReason;
        }
        if (halt.samplesPerPixel() > 0 && total.totalSamples() >= (long) halt.samplesPerPixel() * total.pixelCount()) {
            return "spp";
        }
        if (halt.time() != null && elapsed(now).compareTo(halt.time()) >= 0) {
            return "time";
        }
        return null;
    }

    private Duration elapsed(long now) {
        return elapsedBefore.plusNanos(Math.max(0, now - startNanos));
    }

    /** 90th percentile of per-pixel relative standard error, over pixels with an estimate. */
    private double noiseEstimate() {
        float[] e;
        synchronized (total) {
            e = total.relativeErrors();
        }
        float[] valid = new float[e.length];
        int n = 0;
        for (float v : e) {
            if (!Float.isNaN(v)) {
                valid[n++] = v;
            }
        }
        if (n < e.length / 2) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(valid, 0, n);
        return valid[Math.min(n - 1, (int) (0.9 * n))];
    }

    private RenderStatus snapshotStatus(String state, String reason) {
        List<SourceStats> l = new ArrayList<>(), r = new ArrayList<>();
        double rate = 0;
        for (FilmSource s : local) {
            SourceStats st = s.stats();
            l.add(st);
            rate += st.samplesPerSecond();
        }
        for (FilmSource s : remote) {
            SourceStats st = s.stats();
            r.add(st);
            rate += st.samplesPerSecond();
        }
        long samples, contributions;
        synchronized (total) {
            samples = total.totalSamples();
            contributions = total.totalContributions();
        }
        long now = startNanos == 0 ? System.nanoTime() : System.nanoTime();
        Duration el = startNanos == 0 ? elapsedBefore : elapsed(now);
        return new RenderStatus(el, total.pixelCount(), samples, contributions, rate, lastNoise, l, r, halt, state, reason);
    }

    private void report() {
        RenderStatus st = status;
        int threads = 0;
        long ls = 0, lc = 0;
        double lr = 0;
        List<String> devices = new ArrayList<>();
        for (SourceStats s : st.local()) {
            threads += s.threads();
            ls += s.samples();
            lc += s.contributions();
            lr += s.samplesPerSecond();
            if (s.devices() != null && !s.devices().isBlank()) {
                devices.add(s.devices());
            }
        }
        List<SegmentStats> nodes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (SourceStats s : st.remote()) {
            SegmentStats seg = new SegmentStats(s.label(), s.samples(), s.contributions(), s.samplesPerSecond());
            nodes.add(seg);
            String load = s.host() == null ? "" : s.host().describe();
            lines.add(StatsLine.formatNode(seg, st.pixels()) + "  [" + s.state()
                    + (s.devices() == null || s.devices().isBlank() ? "" : ", " + s.devices())
                    + (load.isEmpty() ? "" : ", " + load) + "]");
        }
        // S/p counts the whole film: what a resumed render started with is this machine's film.
        SegmentStats localSeg = new SegmentStats(threads + "T", ls + priorSamples, lc + priorContributions, lr);
        List<String> notes = new ArrayList<>();
        if (halt.noise() > 0) {
            notes.add(noiseNote(st.noise(), halt.noise()));
        }
        if (!devices.isEmpty()) {
            notes.add("Using " + String.join(" + ", devices));
        }
        String note = notes.isEmpty() ? null : String.join(" - ", notes);
        listener.statistics(StatsLine.format(st.elapsed(), st.pixels(), localSeg, nodes, note), st);
        if (!lines.isEmpty()) {
            listener.sourceLines(lines);
        }
    }

    /** {@code "Noise: 0.0312 (halt at 0.0200)"}; a dash before the first estimate. */
    static String noiseNote(double noise, double target) {
        String now = Double.isFinite(noise) ? String.format(java.util.Locale.ROOT, "%.4f", noise) : "-";
        return String.format(java.util.Locale.ROOT, "Noise: %s (halt at %.4f)", now, target);
    }

    private void write(boolean last) {
        try {
            List<Path> files;
            synchronized (total) {
                files = output.write(total, last);
            }
            lastFiles = files;
            listener.written(files, last);
        } catch (IOException | RuntimeException e) {
            listener.writeFailed(e);
        }
    }
}

package org.luxnet.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.FilmImages;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.monitor.RenderEvents;
import org.luxnet.monitor.RenderMonitor;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * A render on this machine alone: load the scene, resume the film if asked, run a render session on
 * the CPU threads under the render driver until a halt condition, write the images. Ctrl-C stops the
 * render cleanly: what was rendered is collected and written, never lost.
 */
final class LocalRender {
    private final RenderOptions o;
    private final GpuOptions gpu;
    private final MonitorOptions mon;
    private final PrintWriter out, err;

    LocalRender(RenderOptions options, GpuOptions gpu, MonitorOptions monitor, PrintWriter out, PrintWriter err) {
        this.o = options;
        this.gpu = gpu;
        this.mon = monitor;
        this.out = out;
        this.err = err;
    }

    int run(String scenePath) throws InterruptedException {
        RenderStart.checkOptions(o, mon);
        int cpuThreads = gpu.cpuThreads(o.threads);
        RenderStart st = RenderStart.prepare(scenePath, o, out, err);
        if (st.nothingToDo(out)) {
            return ExitCode.OK;
        }
        RenderSettings s = st.settings;
        Film film = st.film;
        // The session stops by itself at the halt's pass: no sample past it.
        long haltPasses = st.halts.spp() > 0 ? st.halts.spp() - film.totalSamples() / film.pixelCount() : 0;
        long seed = st.seed(o);
        java.util.List<org.luxnet.render.device.RenderDevice> extra = GpuOptions.devices(gpu.select(err));
        if (cpuThreads == 0 && extra.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "--threads " + o.threads + " and no GPU leave no device to render on");
        }
        RenderSession session = new RenderSession(st.scene.compiled().scene(), s,
                new SessionOptions(cpuThreads, seed, o.chunk != null ? o.chunk.node() : 0, haltPasses, extra, st.localStart()));
        ConsoleListener listener = new ConsoleListener(out, err, o.details(), o.hideInfo());
        listener.showDevices(session::deviceStats);
        RenderEvents events = new RenderEvents(listener);
        RenderDriver[] driverRef = new RenderDriver[1];
        java.util.Map<String, String> chunkEntries = ChunkRender.metadata(o, st);
        FilmImages images = Outputs.create(s, o, () -> {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>(new ResumeState(st.scene.sha256(), seed,
                    driverRef[0].status().elapsed(), session.nextItems()).toMetadata());
            m.putAll(chunkEntries);
            return m;
        });
        double wi = o.writeInterval != null ? o.writeInterval : s.writeIntervalSeconds();
        RenderDriver driver = new RenderDriver(film, st.halts.conditions(), Outputs.nonEmpty(images::write),
                events, seconds(o.statsInterval), seconds(wi), st.before());
        driverRef[0] = driver;
        driver.addLocal(session);
        out.printf(Locale.ROOT, "Rendering %s%s: %dx%d, %s, %s, seed %d%s%n", scenePath,
                o.chunk != null ? ", " + o.chunk : "", s.width(), s.height(),
                s.sampler() == RenderSettings.SamplerKind.INDEPENDENT ? "random sampler" : "low-discrepancy sampler",
                describeDevices(cpuThreads, extra), seed, st.halts.describe());
        out.flush();
        RenderDriver.Result result;
        try (StopOnInterrupt ctrlC = new StopOnInterrupt(driver::requestStop);
             RenderMonitor monitor = Monitors.start(mon, new DriverControls(driver, events, images, session, null, null, 0),
                     out)) {
            session.start();
            result = driver.run();
        }
        st.printDone(result, out);
        return RenderStart.outcome(session.failure(), listener);
    }

    static Duration seconds(double s) {
        return s > 0 ? Duration.ofNanos((long) (s * 1e9)) : null;
    }

    static String describeDevices(int cpuThreads, java.util.List<org.luxnet.render.device.RenderDevice> extra) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (cpuThreads > 0) {
            parts.add(cpuThreads + " CPU thread(s)");
        }
        for (var d : extra) {
            parts.add(d.description());
        }
        return String.join(" + ", parts);
    }

    /** The Done line's reason: the driver's word, spelled out where it needs it. */
    static String describeReason(String reason) {
        return switch (reason) {
            case "passes" -> "passes: every node rendered its --node-passes";
            case "refused" -> "refused: no server could render";
            default -> reason;
        };
    }

    static String formatDuration(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}

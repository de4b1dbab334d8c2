package org.luxnet.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.FilmImages;
import org.luxnet.accumulator.io.FlmContents;
import org.luxnet.accumulator.io.FlmFile;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.monitor.RenderEvents;
import org.luxnet.bridge.monitor.RenderMonitor;
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
        LoadedScene scene = LoadedScene.load(scenePath, err);
        RenderSettings s = scene.compiled().settings();
        Halts halts = Halts.resolve(o, s);
        int haltSpp = halts.spp();
        if (!(o.statsInterval > 0)) {
            throw new CliException(ExitCode.USAGE, "--stats-interval must be positive, got " + o.statsInterval);
        }
        int cpuThreads = gpu.cpuThreads(o.threads);
        if (o.threads < 0) {
            throw new CliException(ExitCode.USAGE, "--threads must not be negative, got " + o.threads);
        }
        mon.checkForRender();
        Path base = Outputs.base(s, o);
        Outputs.checkDirectory(base);
        Film film = new Film(s.width(), s.height(), s.scaleBits());
        ResumeState prior = null;
        Path flm = o.resumeFilm(base);
        if (flm != null) {
            if (!Files.exists(flm)) {
                throw new CliException(ExitCode.IO, "cannot resume: " + flm + " does not exist (render with --write-flm first)");
            }
            FlmContents contents = readFlm(flm, s);
            prior = checkResume(flm, contents, scene, film);
            film = contents.film();
            out.printf(Locale.ROOT, "Resuming %s: %.2f S/p, %s rendered%n", flm, film.samplesPerPixel(),
                    formatDuration(prior.elapsed()));
        }
        long pixels = film.pixelCount();
        long donePasses = film.totalSamples() / pixels;
        long haltPasses = 0;
        if (haltSpp > 0) {
            haltPasses = haltSpp - donePasses;
            if (haltPasses <= 0) {
                out.printf(Locale.ROOT, "Nothing to do: the film already has %.2f S/p (halt at %d)%n",
                        film.samplesPerPixel(), haltSpp);
                out.flush();
                return ExitCode.OK;
            }
        }
        long seed = prior != null ? prior.seed() : o.seed;
        long[] start = prior != null ? prior.nextItems() : null;
        java.util.List<org.luxnet.render.session.RenderDevice> extra = GpuOptions.devices(gpu.select(err));
        if (cpuThreads == 0 && extra.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "--threads " + o.threads + " and no GPU leave no device to render on");
        }
        RenderSession session = new RenderSession(scene.compiled().scene(), s,
                new SessionOptions(cpuThreads, seed, 0, haltPasses, extra, start));
        ConsoleListener listener = new ConsoleListener(out, err, o.details(), o.hideInfo());
        listener.showDevices(session::deviceStats);
        RenderEvents events = new RenderEvents(listener);
        Duration before = prior != null ? prior.elapsed() : Duration.ZERO;
        RenderDriver[] driverRef = new RenderDriver[1];
        FilmImages images = Outputs.create(s, o, () -> new ResumeState(scene.sha256(), seed,
                driverRef[0].status().elapsed(), session.nextItems()).toMetadata());
        double wi = o.writeInterval != null ? o.writeInterval : s.writeIntervalSeconds();
        RenderDriver driver = new RenderDriver(film, halts.conditions(), Outputs.nonEmpty(images::write),
                events, seconds(o.statsInterval), seconds(wi), before);
        driverRef[0] = driver;
        driver.addLocal(session);
        out.printf(Locale.ROOT, "Rendering %s: %dx%d, %s, %s, seed %d%s%n", scenePath, s.width(), s.height(),
                s.sampler() == RenderSettings.SamplerKind.INDEPENDENT ? "random sampler" : "low-discrepancy sampler",
                describeDevices(cpuThreads, extra), seed, halts.describe());
        out.flush();
        RenderDriver.Result result;
        try (StopOnInterrupt ctrlC = new StopOnInterrupt(driver::requestStop);
             RenderMonitor monitor = Monitors.start(mon, new DriverControls(driver, events, images, session, null, null, 0),
                     out)) {
            session.start();
            result = driver.run();
        }
        double secs = Math.max(1e-9, result.elapsed().minus(before).toNanos() / 1e9);
        out.printf(Locale.ROOT, "Done (%s): %.2f S/p in %s, %.2f kS/s average%n", describeReason(result.reason()),
                (double) result.samples() / pixels, formatDuration(result.elapsed()),
                (result.samples() - donePasses * pixels) / secs / 1000);
        out.flush();
        Throwable failure = session.failure();
        if (failure != null) {
            throw new CliException(ExitCode.RENDER_FAILURE, "rendering failed: " + failure, failure);
        }
        if (listener.lastWriteError() != null) {
            throw new CliException(ExitCode.IO, "could not write the final images: " + listener.lastWriteError().getMessage(),
                    listener.lastWriteError());
        }
        return ExitCode.OK;
    }

    private static ResumeState checkResume(Path flm, FlmContents c, LoadedScene scene, Film probe) {
        ResumeState st = ResumeState.fromMetadata(c.metadata(), flm.toString());
        if (!st.sceneSha256().equals(scene.sha256())) {
            throw new CliException(ExitCode.USAGE, "cannot resume from " + flm + ": the scene has changed since it was written");
        }
        if (c.film().width() != probe.width() || c.film().height() != probe.height()
                || c.film().scaleBits() != probe.scaleBits()) {
            throw new CliException(ExitCode.USAGE, "cannot resume from " + flm + ": it holds a " + c.film().width() + "x"
                    + c.film().height() + " film, the scene renders " + probe.width() + "x" + probe.height());
        }
        return st;
    }

    private static FlmContents readFlm(Path flm, RenderSettings s) {
        try {
            return FlmFile.read(flm, (long) s.width() * s.height());
        } catch (IOException e) {
            throw new CliException(ExitCode.IO, "cannot resume: " + e.getMessage(), e);
        }
    }

    static Duration seconds(double s) {
        return s > 0 ? Duration.ofNanos((long) (s * 1e9)) : null;
    }

    static String describeDevices(int cpuThreads, java.util.List<org.luxnet.render.session.RenderDevice> extra) {
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

package org.luxnet.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.FilmImages;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.monitor.RenderEvents;
import org.luxnet.monitor.RenderMonitor;
import org.luxnet.render.device.RenderDevice;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * A render: load the scene, resume the film if asked, run a render session on this machine's devices
 * and collect the samples of every server ({@code -u}, {@code --listen}) into one film under the
 * render driver until a halt condition, write the images. A render on this machine alone is this
 * pipeline with no servers: its network part ({@link ClientNetwork}) is absent, and it opens no event
 * loop and no socket. Ctrl-C stops the render cleanly: what was rendered is collected and written.
 */
final class Render {
    private final RenderOptions o;
    private final NetworkOptions net;
    private final GpuOptions gpu;
    private final MonitorOptions mon;
    private final PrintWriter out, err;

    Render(RenderOptions options, NetworkOptions net, GpuOptions gpu, MonitorOptions monitor, PrintWriter out,
           PrintWriter err) {
        this.o = options;
        this.net = net;
        this.gpu = gpu;
        this.mon = monitor;
        this.out = out;
        this.err = err;
    }

    int run(String scenePath) throws InterruptedException {
        boolean networked = ClientNetwork.wanted(net);
        if (networked && o.chunk != null) {
            throw new CliException(ExitCode.USAGE, "--chunk renders on this machine alone: it cannot be combined with "
                    + "-u or --listen");
        }
        List<NodeAddress> servers = networked ? ClientNetwork.checkOptions(net) : List.of();
        RenderStart.checkOptions(o, mon);
        int cpuThreads = gpu.cpuThreads(o.threads); // checks --gpu before the scene is read
        RenderStart st = RenderStart.prepare(scenePath, o, out, err);
        if (st.nothingToDo(out)) {
            return ExitCode.OK;
        }
        RenderSettings s = st.settings;
        Film film = st.film;
        long seed = st.seed(o);
        long[] localStart = st.localStart() != null ? st.localStart() : new long[0];
        NetworkResume resume = networked ? NetworkResume.of(st) : null;
        if (networked && st.prior != null
                && NodePasses.allDone(net.nodePasses, localStart, cpuThreads > 0, servers, resume, s, out)) {
            return ExitCode.OK;
        }
        List<RenderDevice> extra = GpuOptions.devices(gpu.select(err));
        if (cpuThreads == 0 && extra.isEmpty() && !networked) {
            throw new CliException(ExitCode.USAGE, "--threads " + o.threads + " and no GPU leave no device to render on");
        }
        // Alone, the session stops by itself at the halt's pass: no sample past it. With servers it
        // renders (with --node-passes) only what its budget still lacks.
        long passes = networked ? RenderSession.passBudget(net.nodePasses, localStart, s.width(), s.height())
                : st.halts.spp() > 0 ? st.halts.spp() - film.totalSamples() / film.pixelCount() : 0;
        RenderSession local = cpuThreads == 0 && extra.isEmpty() ? null : new RenderSession(st.scene.compiled().scene(),
                s, new SessionOptions(cpuThreads, seed, o.chunk != null ? o.chunk.node() : 0, passes, extra, localStart));
        Map<String, String> chunkEntries = ChunkRender.metadata(o, st);
        try (ClientNetwork network = networked
                ? ClientNetwork.open(net, servers, resume, st, scenePath, seed, o, out, err) : null) {
            RenderDriver[] driverRef = new RenderDriver[1];
            FilmImages images = Outputs.create(s, o, () -> {
                Map<String, String> m = new LinkedHashMap<>(new ResumeState(st.scene.sha256(), seed,
                        driverRef[0].status().elapsed(), local != null ? local.nextItems() : localStart).toMetadata());
                m.putAll(chunkEntries);
                if (network != null) {
                    m.putAll(network.metadata());
                }
                return m;
            });
            ConsoleListener console = new ConsoleListener(out, err, o.details(), o.hideInfo());
            if (local != null) {
                console.showDevices(local::deviceStats);
            }
            RenderEvents events = new RenderEvents(network == null ? console : network.watch(console, local, driverRef));
            double wi = o.writeInterval != null ? o.writeInterval : s.writeIntervalSeconds();
            RenderDriver driver = new RenderDriver(film, st.halts.conditions(),
                    Outputs.nonEmpty(network == null ? images::write : network.savesAcknowledged(images)), events,
                    seconds(o.statsInterval), seconds(wi), st.before());
            driverRef[0] = driver;
            if (local != null) {
                driver.addLocal(local);
            }
            if (network != null) {
                network.attach(driver, out);
            }
            String devices = local == null ? null : describeDevices(cpuThreads, extra);
            out.printf(Locale.ROOT, "Rendering %s%s: %dx%d, %s%n", scenePath, o.chunk != null ? ", " + o.chunk : "",
                    s.width(), s.height(), network != null ? network.describe(devices, seed) : String.format(Locale.ROOT,
                            "%s, %s, seed %d%s", s.sampler() == RenderSettings.SamplerKind.INDEPENDENT ? "random sampler"
                                    : "low-discrepancy sampler", devices, seed, st.halts.describe()));
            out.flush();
            RenderDriver.Result result;
            DriverControls controls = network == null ? new DriverControls(driver, events, images, local, null, null, 0)
                    : new DriverControls(driver, events, images, local, network.session(), network.nodes(),
                    network.nodePasses());
            // Alone, the devices' warnings (a GPU build tried again) print as the network layer's do.
            try (LogBridge deviceLog = network == null ? LogBridge.install(out, err, o.logLevel()) : null;
                 StopOnInterrupt ctrlC = new StopOnInterrupt(driver::requestStop);
                 RenderMonitor monitor = Monitors.start(mon, controls, out)) {
                if (local != null) {
                    local.start();
                }
                result = driver.run();
            }
            st.printDone(result, out);
            if (network != null) {
                network.finish(out);
            }
            return RenderStart.outcome(local != null ? local.failure() : null, console);
        }
    }

    static Duration seconds(double s) {
        return s > 0 ? Duration.ofNanos((long) (s * 1e9)) : null;
    }

    static String describeDevices(int cpuThreads, List<RenderDevice> extra) {
        List<String> parts = new ArrayList<>();
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

package org.luxnet.console;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.FilmImages;
import org.luxnet.accumulator.image.ImageWriteException;
import org.luxnet.accumulator.progress.ImageOutput;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.accumulator.progress.RenderListener;
import org.luxnet.accumulator.progress.RenderStatus;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientOptions;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.ErrorPolicy;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.NodeState;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.monitor.RenderEvents;
import org.luxnet.monitor.RenderMonitor;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.compiled.RenderSettings;
import org.luxnet.scene.parse.FileSystemResources;

/**
 * {@code luxconsole -u host:port ... scene}: renders on this machine (unless {@code -t 0}) and on
 * every listed server, collecting each server's samples every upload interval into one film; halt
 * conditions apply to the total and images are written as in local mode. The client is node 0, the
 * servers 1..n in the order given. A server that is down is retried until it answers; one that
 * refuses (wrong password, bad scene) is reported and left out.
 */
final class ClientMode {
    private final RenderOptions o;
    private final NetworkOptions net;
    private final GpuOptions gpu;
    private final MonitorOptions mon;
    private final PrintWriter out, err;

    ClientMode(RenderOptions options, NetworkOptions net, GpuOptions gpu, MonitorOptions monitor, PrintWriter out,
               PrintWriter err) {
        this.o = options;
        this.net = net;
        this.gpu = gpu;
        this.mon = monitor;
        this.out = out;
        this.err = err;
    }

    int run(String scenePath) throws InterruptedException {
        List<NodeAddress> addresses = new ArrayList<>();
        for (String u : net.servers) {
            try {
                addresses.add(NodeAddress.parse(u));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage(), e);
            }
        }
        if (net.nodePasses < 0 || !(net.uploadInterval > 0)) {
            throw new CliException(ExitCode.USAGE, "--node-passes must be >= 0 and --serverinterval positive");
        }
        if (net.errorsAvoidHost < 0 || !(net.errorsForgiveSeconds > 0)) {
            throw new CliException(ExitCode.USAGE, "--errors-avoid-host must be >= 0 and --errors-forgive-time positive, "
                    + "got " + net.errorsAvoidHost + " and " + net.errorsForgiveSeconds);
        }
        RenderStart.checkOptions(o, mon);
        RenderStart st = RenderStart.prepare(scenePath, o, out, err);
        if (st.nothingToDo(out)) {
            return ExitCode.OK;
        }
        LoadedScene scene = st.scene;
        RenderSettings s = st.settings;
        Film film = st.film;
        NetworkResume resume = st.prior != null ? NetworkResume.fromMetadata(st.metadata) : NetworkResume.fresh();
        long seed = st.seed(o);
        long[] localStart = st.localStart() != null ? st.localStart() : new long[0];
        int cpuThreads = gpu.cpuThreads(o.threads);
        if (st.prior != null
                && NodePasses.allDone(net.nodePasses, localStart, cpuThreads > 0, addresses, resume, s, out)) {
            return ExitCode.OK;
        }
        List<org.luxnet.render.device.RenderDevice> extra = GpuOptions.devices(gpu.select(err));
        // With --node-passes a resumed local stream renders only what its budget still lacks.
        RenderSession local = cpuThreads == 0 && extra.isEmpty() ? null : new RenderSession(scene.compiled().scene(), s,
                new SessionOptions(cpuThreads, seed, 0,
                        RenderSession.passBudget(net.nodePasses, localStart, s.width(), s.height()), extra, localStart));
        String main = FileSystemResources.resolveName(null, scenePath, new FileLoc(scenePath, 0, 0));
        SceneBundle bundle = new SceneBundle(main, scene.files());
        ClientOptions copts = ClientOptions.defaults(PasswordProof.resolve(net.password))
                .withUploadInterval(LocalRender.seconds(net.uploadInterval));
        Duration before = st.before();
        try (LogBridge logs = LogBridge.install(out, err, o.logLevel());
             ClientSession session = new ClientSession(bundle, resume.sessionId(), seed, s.width(), s.height(),
                     s.scaleBits(), resume.nextNode(), copts)) {
            session.errorPolicy(new ErrorPolicy(net.errorsAvoidHost, LocalRender.seconds(net.errorsForgiveSeconds)));
            // The monitor may add servers while the driver's thread reads the list.
            List<RemoteNode> nodes = new CopyOnWriteArrayList<>();
            RenderDriver[] driverRef = new RenderDriver[1];
            FilmImages images = Outputs.create(s, o, () -> {
                Map<String, String> m = new LinkedHashMap<>(new ResumeState(scene.sha256(), seed,
                        driverRef[0].status().elapsed(), local != null ? local.nextItems() : localStart).toMetadata());
                m.putAll(NetworkResume.toMetadata(session, nodes));
                return m;
            });
            ConsoleListener console = new ConsoleListener(out, err, o.details(), o.hideInfo());
            if (local != null) {
                console.showDevices(local::deviceStats);
            }
            String[] giveUp = new String[1];
            RenderEvents events = new RenderEvents(watch(console, local, nodes, driverRef, giveUp, net.nodePasses,
                    LocalRender.seconds(net.uploadInterval), net.listen != null));
            double wi = o.writeInterval != null ? o.writeInterval : s.writeIntervalSeconds();
            // With a resume film, servers keep each delta until a saved film holds it (nothing is lost if
            // this process dies); the output tells the nodes after each save.
            session.holdAcksUntilSaved(images.flm());
            RenderDriver driver = new RenderDriver(film, st.halts.conditions(),
                    Outputs.nonEmpty(savesAcknowledged(images, nodes)), events, LocalRender.seconds(o.statsInterval),
                    LocalRender.seconds(wi), before);
            driverRef[0] = driver;
            if (local != null) {
                driver.addLocal(local);
            }
            for (NodeAddress a : addresses) {
                RemoteNode n = session.addNode(a, net.nodePasses, resume.checkpoint(a));
                nodes.add(n);
                driver.addRemote(n);
            }
            if (net.listen != null) {
                try {
                    int port = session.listen(null, net.listen, net.nodePasses, n -> {
                        nodes.add(n);
                        driver.addRemote(n);
                    }).getPort();
                    out.println("Listening for joining servers (-s --join HOST:" + port + ") on port " + port);
                } catch (java.io.IOException e) {
                    throw new CliException(ExitCode.IO, "--listen " + net.listen + ": " + e.getMessage(), e);
                }
            }
            out.printf(Locale.ROOT, "Rendering %s: %dx%d, locally on %s, and %d server(s), seed %d, session %s%n",
                    scenePath, s.width(), s.height(), local == null ? "nothing" : LocalRender.describeDevices(cpuThreads, extra),
                    addresses.size(), seed, session.sessionId());
            out.flush();
            RenderDriver.Result result;
            try (RenderMonitor monitor = Monitors.start(mon, new DriverControls(driver, events, images, local, session,
                    nodes, net.nodePasses), out)) {
                result = runInterruptibly(driver, local);
            }
            st.printDone(result, out);
            for (RemoteNode n : nodes) {
                out.printf(Locale.ROOT, "  node %d %s: %s, %d samples%s%n", n.node(), n.address(), n.state(),
                        n.stats().samples(), n.status().state() == NodeState.UNREACHABLE
                                ? " (nothing listens on its port: its undelivered samples are lost)" : "");
            }
            out.flush();
            if (giveUp[0] != null) {
                throw new CliException(ExitCode.IO, giveUp[0]);
            }
            return RenderStart.outcome(local != null ? local.failure() : null, console);
        }
    }

    /**
     * The console listener, plus a check at every statistics line: when nothing can render any more
     * (no local threads and every server refused, or every node spent its pass budget) the render
     * stops instead of waiting forever.
     */
    private static RenderListener watch(ConsoleListener console, RenderSession local, List<RemoteNode> nodes,
                                        RenderDriver[] driver, String[] giveUp, long nodePasses,
                                        Duration upload, boolean listening) {
        return new RenderListener() {
            @Override
            public void statistics(String line, RenderStatus status) {
                console.statistics(line, status);
                collectEarlyNearTheHalt(status, nodes, upload);
                boolean localDone = local == null || local.isStopped();
                if (listening && nodes.isEmpty()) {
                    return;
                }
                boolean anyRendered = local != null;
                List<String> refusals = new ArrayList<>();
                for (RemoteNode n : nodes) {
                    if (!n.awaitStopped(Duration.ZERO)) {
                        return;
                    }
                    NodeState ns = n.status().state();
                    if (ns == NodeState.REFUSED || ns == NodeState.FAILED) {
                        refusals.add(n.address() + " " + n.state());
                    } else {
                        anyRendered = true;
                    }
                }
                if (localDone) {
                    if (!anyRendered) {
                        giveUp[0] = "no server could render: " + String.join("; ", refusals);
                        driver[0].requestStop("refused");
                    } else {
                        // Every node spent its --node-passes budget (or, without one, every server ended).
                        driver[0].requestStop(nodePasses > 0 ? "passes" : "stopped");
                    }
                }
            }

            @Override
            public void sourceLines(List<String> lines) {
                console.sourceLines(lines);
            }

            @Override
            public void written(List<Path> files, boolean last) {
                console.written(files, last);
            }

            @Override
            public void writeFailed(Exception e) {
                console.writeFailed(e);
            }
        };
    }

    /**
     * With a samples-per-pixel halt, collects from every server at each statistics line once the halt
     * is within what the next collection would bring (or while the rate is not known yet), instead of
     * overshooting it by up to an upload interval of every server's work.
     */
    private static void collectEarlyNearTheHalt(RenderStatus st, List<RemoteNode> nodes, Duration upload) {
        int spp = st.halt().samplesPerPixel();
        if (spp <= 0 || nodes.isEmpty()) {
            return;
        }
        double remaining = (double) spp * st.pixels() - st.samples();
        double rate = st.samplesPerSecond();
        if (remaining > 0 && (rate <= 0 || remaining <= rate * upload.toNanos() / 1e9)) {
            nodes.forEach(RemoteNode::pullNow);
        }
    }

    /**
     * Writes the images; once a write saved the resume film, tells every node that its deltas up to
     * the checkpoint taken just before (on this same thread, which also drains the nodes) are saved.
     */
    private static ImageOutput savesAcknowledged(FilmImages images, List<RemoteNode> nodes) {
        return (film, last) -> {
            List<RemoteNode> snapshot = List.copyOf(nodes);
            List<Checkpoint> checkpoints = snapshot.stream().map(RemoteNode::checkpoint).toList();
            List<Path> written;
            ImageWriteException partial = null;
            try {
                written = images.write(film, last);
            } catch (ImageWriteException e) {
                written = e.written();
                partial = e;
            }
            if (images.flm() && written.contains(images.file("flm"))) {
                for (int i = 0; i < snapshot.size(); i++) {
                    snapshot.get(i).saved(checkpoints.get(i));
                }
            }
            if (partial != null) {
                throw partial;
            }
            return written;
        };
    }

    private static RenderDriver.Result runInterruptibly(RenderDriver driver, RenderSession local)
            throws InterruptedException {
        try (StopOnInterrupt ctrlC = new StopOnInterrupt(driver::requestStop)) {
            if (local != null) {
                local.start();
            }
            return driver.run();
        }
    }
}

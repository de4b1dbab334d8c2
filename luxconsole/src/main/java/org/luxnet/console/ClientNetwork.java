package org.luxnet.console;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.luxnet.accumulator.image.FilmImages;
import org.luxnet.accumulator.image.ImageWriteException;
import org.luxnet.accumulator.progress.ImageOutput;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.accumulator.progress.RenderListener;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientOptions;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.ErrorPolicy;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.NodeState;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.render.session.RenderSession;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.parse.FileSystemResources;

/**
 * What {@code -u host:port} and {@code --listen} add to a {@link Render}: the client session with its
 * servers (node 1..n in the order given; a server that is down is retried until it answers, one that
 * refuses is reported and left out), the network log on the console, the session's entries in the
 * resume film, acknowledgements of saved deltas, the check that stops a render nothing can render any
 * more, and the per-server lines after the Done line. A render without servers has none of this: no
 * client session, no event loop, no socket.
 */
final class ClientNetwork implements AutoCloseable {
    private final NetworkOptions net;
    private final List<NodeAddress> addresses;
    private final NetworkResume resume;
    private final LogBridge logs;
    private final ClientSession session;
    /** The servers; the monitor may add one while the driver's thread reads the list. */
    private final List<RemoteNode> nodes = new CopyOnWriteArrayList<>();
    private volatile String giveUp;

    private ClientNetwork(NetworkOptions net, List<NodeAddress> addresses, NetworkResume resume, LogBridge logs,
                          ClientSession session) {
        this.net = net;
        this.addresses = addresses;
        this.resume = resume;
        this.logs = logs;
        this.session = session;
    }

    /** Whether the options ask for a network render: servers to render on, or a port they dial in to. */
    static boolean wanted(NetworkOptions net) {
        return !net.servers.isEmpty() || net.listen != null;
    }

    /** Checks the client's options before anything is loaded; returns the servers' addresses. */
    static List<NodeAddress> checkOptions(NetworkOptions net) {
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
        return addresses;
    }

    /**
     * Opens the client session of {@code st}'s scene (reattaching to the resumed film's session), with
     * the network log on {@code out} and {@code err} until closed.
     */
    static ClientNetwork open(NetworkOptions net, List<NodeAddress> addresses, NetworkResume resume, RenderStart st,
                              String scenePath, long seed, RenderOptions o, PrintWriter out, PrintWriter err) {
        String main = FileSystemResources.resolveName(null, scenePath, new FileLoc(scenePath, 0, 0));
        ClientOptions copts = ClientOptions.defaults(PasswordProof.resolve(net.password))
                .withUploadInterval(Render.seconds(net.uploadInterval));
        LogBridge logs = LogBridge.install(out, err, o.logLevel());
        try {
            ClientSession session = new ClientSession(new SceneBundle(main, st.scene.files()), resume.sessionId(), seed,
                    st.settings.width(), st.settings.height(), st.settings.scaleBits(), resume.nextNode(), copts);
            session.errorPolicy(new ErrorPolicy(net.errorsAvoidHost, Render.seconds(net.errorsForgiveSeconds)));
            return new ClientNetwork(net, addresses, resume, logs, session);
        } catch (RuntimeException | Error e) {
            logs.close();
            throw e;
        }
    }

    ClientSession session() {
        return session;
    }

    List<RemoteNode> nodes() {
        return nodes;
    }

    long nodePasses() {
        return net.nodePasses;
    }

    /** The session's entries in the resume film: its id, the next node index, each server's checkpoint. */
    Map<String, String> metadata() {
        return NetworkResume.toMetadata(session, nodes);
    }

    /** {@code console} plus the check that stops the render when nothing can render any more. */
    RenderListener watch(ConsoleListener console, RenderSession local, RenderDriver[] driver) {
        return new NetworkWatch(console, local, nodes, net.nodePasses, Render.seconds(net.uploadInterval),
                net.listen != null, (reason, message) -> {
                    giveUp = message;
                    driver[0].requestStop(reason);
                });
    }

    /**
     * Writes the images; once a write saved the resume film, tells every node that its deltas up to
     * the checkpoint taken just before (on this same thread, which also drains the nodes) are saved.
     * With a resume film, servers keep each delta until then: nothing is lost if this process dies.
     */
    ImageOutput savesAcknowledged(FilmImages images) {
        session.holdAcksUntilSaved(images.flm());
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

    /** Adds the listed servers to {@code driver} and, with {@code --listen}, takes those that dial in. */
    void attach(RenderDriver driver, PrintWriter out) {
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
    }

    /** The start line's account of where the render runs. */
    String describe(String localDevices, long seed) {
        return String.format(Locale.ROOT, "locally on %s, and %d server(s), seed %d, session %s",
                localDevices == null ? "nothing" : localDevices, addresses.size(), seed, session.sessionId());
    }

    /**
     * After the Done line: each server's state and samples.
     *
     * @throws CliException (exit 3) when the render stopped because no server could render
     */
    void finish(PrintWriter out) {
        for (RemoteNode n : nodes) {
            out.printf(Locale.ROOT, "  node %d %s: %s, %d samples%s%n", n.node(), n.address(), n.state(),
                    n.stats().samples(), n.status().state() == NodeState.UNREACHABLE
                            ? " (nothing listens on its port: its undelivered samples are lost)" : "");
        }
        out.flush();
        if (giveUp != null) {
            throw new CliException(ExitCode.IO, giveUp);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            logs.close();
        }
    }
}

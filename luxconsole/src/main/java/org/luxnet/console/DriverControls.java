package org.luxnet.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.luxnet.accumulator.image.FilmImages;
import org.luxnet.accumulator.progress.HostLoad;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.accumulator.progress.RenderStatus;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.luxnet.accumulator.tonemap.ToneMapper;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.monitor.NodeView;
import org.luxnet.monitor.RenderControls;
import org.luxnet.monitor.RenderEvents;
import org.luxnet.monitor.WriteReport;
import org.luxnet.bridge.server.HostProbe;
import org.luxnet.render.device.RenderDevice;
import org.luxnet.render.session.RenderSession;

/**
 * The monitor's view of a render in luxconsole: the render driver's status and film, the local
 * session's devices as rows (with this machine's load), and in client mode the client session's
 * servers, to which the monitor may add one. Thread-safe.
 */
final class DriverControls implements RenderControls {
    private final RenderDriver driver;
    private final RenderEvents events;
    private final FilmImages images;
    private final RenderSession local;
    private final ClientSession network;
    private final List<RemoteNode> nodes;
    private final long nodePasses;

    /**
     * @param driver     the render
     * @param events     the driver's listener, remembering the statistics line and writes
     * @param images     the render's image output, whose tonemapping the monitor shows by default
     * @param local      the session on this machine's devices, or null (client with {@code -t 0})
     * @param network    the client session, or null for a render without servers
     * @param nodes      the client's servers, shared with {@link ClientNetwork} (thread-safe list); ignored without network
     * @param nodePasses the pass budget of servers added from the monitor (0: none)
     */
    DriverControls(RenderDriver driver, RenderEvents events, FilmImages images, RenderSession local,
                   ClientSession network, List<RemoteNode> nodes, long nodePasses) {
        this.driver = driver;
        this.events = events;
        this.images = images;
        this.local = local;
        this.network = network;
        this.nodes = nodes;
        this.nodePasses = nodePasses;
    }

    @Override
    public RenderStatus status() {
        return driver.status();
    }

    @Override
    public String statsLine() {
        return events.statsLine();
    }

    @Override
    public WriteReport lastWrite() {
        return events.lastWrite();
    }

    @Override
    public List<NodeView> nodes() {
        List<NodeView> rows = new ArrayList<>();
        if (local != null) {
            boolean starting = local.stats().state().equals("starting");
            HostLoad host = HostProbe.current();
            List<RenderDevice> devices = local.devices();
            List<SourceStats> stats = local.deviceStats();
            for (int i = 0; i < stats.size(); i++) {
                SourceStats d = stats.get(i);
                Throwable failure = devices.get(i).failure();
                String state = starting ? "starting" : failure != null ? "failed: " + failure : d.state();
                SourceStats s = new SourceStats(d.label(), state, d.threads(), d.devices(), d.samples(), d.contributions(),
                        d.state().equals("rendering") ? d.samplesPerSecond() : 0, host);
                rows.add(NodeView.of("device-" + i, "device", s, Double.NaN));
            }
        }
        if (network != null) {
            for (int i = 0; i < nodes.size(); i++) {
                RemoteNode n = nodes.get(i);
                rows.add(NodeView.of("server-" + (i + 1), "server", n.stats(), n.secondsSinceContact()));
            }
        }
        return rows;
    }

    @Override
    public int width() {
        return driver.size()[0];
    }

    @Override
    public int height() {
        return driver.size()[1];
    }

    @Override
    public float[] snapshotRgb() {
        return driver.snapshotRgb();
    }

    @Override
    public ToneMapper toneMapper() {
        return images.toneMapper();
    }

    @Override
    public DisplayEncoding encoding() {
        return images.encoding();
    }

    @Override
    public boolean canAddNodes() {
        return network != null;
    }

    @Override
    public void requestStop() {
        driver.requestStop();
    }

    @Override
    public void requestWrite() {
        driver.requestWrite();
    }

    @Override
    public synchronized NodeView addNode(String host, int port) {
        if (network == null) {
            throw new UnsupportedOperationException("this render has no network session; start luxconsole with -u "
                    + "HOST:PORT to render on servers");
        }
        NodeAddress a = new NodeAddress(host, port);
        String state = driver.status().state();
        if (state.equals("stopping") || state.equals("done")) {
            throw new IllegalStateException("the render is " + state + "; no server can join it now");
        }
        for (RemoteNode n : nodes) {
            // A node that gave up (refused, failed, done) may be tried again; a live one only once.
            if (n.address().equals(a) && !n.awaitStopped(Duration.ZERO)) {
                throw new IllegalStateException(a + " is already in this render (" + n.state() + ")");
            }
        }
        RemoteNode n = network.addNode(a, nodePasses, Checkpoint.NONE);
        nodes.add(n);
        driver.addRemote(n);
        return NodeView.of("server-" + nodes.size(), "server", n.stats(), n.secondsSinceContact());
    }
}

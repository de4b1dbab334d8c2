package org.luxnet.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.luxnet.accumulator.progress.RenderListener;
import org.luxnet.accumulator.progress.RenderStatus;
import org.luxnet.bridge.client.NodeState;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.render.session.RenderSession;

/**
 * A network render's listener: the console listener, plus a check at every statistics line. When
 * nothing can render any more (no local devices and every server refused, or every node spent its
 * pass budget) the render stops instead of waiting forever; near a samples-per-pixel halt it collects
 * from the servers early instead of overshooting the halt by an upload interval of their work.
 */
final class NetworkWatch implements RenderListener {
    private final ConsoleListener console;
    private final RenderSession local;
    private final List<RemoteNode> nodes;
    private final long nodePasses;
    private final Duration upload;
    private final boolean listening;
    private final BiConsumer<String, String> stop;

    /**
     * @param local the session on this machine's devices, or null
     * @param nodes the servers (a thread-safe list that may grow)
     * @param stop  stops the render with a reason for the Done line and, when no server could render,
     *              the error to report (else null)
     */
    NetworkWatch(ConsoleListener console, RenderSession local, List<RemoteNode> nodes, long nodePasses, Duration upload,
                 boolean listening, BiConsumer<String, String> stop) {
        this.console = console;
        this.local = local;
        this.nodes = nodes;
        this.nodePasses = nodePasses;
        this.upload = upload;
        this.listening = listening;
        this.stop = stop;
    }

    @Override
    public void statistics(String line, RenderStatus status) {
        console.statistics(line, status);
        collectEarlyNearTheHalt(status);
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
                stop.accept("refused", "no server could render: " + String.join("; ", refusals));
            } else {
                // Every node spent its --node-passes budget (or, without one, every server ended).
                stop.accept(nodePasses > 0 ? "passes" : "stopped", null);
            }
        }
    }

    /**
     * With a samples-per-pixel halt, collects from every server at each statistics line once the halt
     * is within what the next collection would bring (or while the rate is not known yet).
     */
    private void collectEarlyNearTheHalt(RenderStatus st) {
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
}

package org.luxnet.console;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.render.device.CpuDevice;
import org.luxnet.scene.compiled.RenderSettings;

/** {@code --node-passes} on a resumed client render: whether every node already holds its passes. */
final class NodePasses {
    private NodePasses() {
    }

    /**
     * True, after saying so, when a resumed render with {@code passes} per node is finished: this
     * machine's streams and every listed server's hold all their passes in the film, so there is
     * nothing to render (LuxRender's -r on a finished render).
     */
    static boolean allDone(long passes, long[] localStart, boolean localRenders, List<NodeAddress> servers,
                           NetworkResume resume, RenderSettings s, PrintWriter out) {
        if (passes <= 0 || resume.checkpoints().isEmpty() && !servers.isEmpty()) {
            return false;
        }
        long pixels = (long) s.width() * s.height();
        // Complete passes of node 0: items of stream 0 are CPU tiles, those of the others pixels.
        long local = 0;
        for (int d = 0; d < localStart.length; d++) {
            local += localStart[d] / (d == 0 ? CpuDevice.itemAfter(pixels, s.width(), s.height()) : pixels);
        }
        if (localRenders && local < passes) {
            return false;
        }
        for (NodeAddress a : servers) {
            if (resume.checkpoint(a).samples() < passes * pixels) {
                return false;
            }
        }
        out.printf(Locale.ROOT, "Nothing to do: every node already rendered its %d passes (--node-passes)%n", passes);
        out.flush();
        return true;
    }
}

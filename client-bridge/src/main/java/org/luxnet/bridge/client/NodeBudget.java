package org.luxnet.bridge.client;

import java.util.List;
import org.luxnet.bridge.job.JobSpec;

/**
 * What a node asks its server to render when it opens a session: with a pass budget the node keeps
 * its index through every new job (a server killed and restarted, a session that ended, a resumed
 * client) and the job continues each of its streams (CPU and GPU) at the item after the last one the
 * client holds, as the deltas reported the positions, so the film
 * ends with exactly the budget's passes of the node, the same samples as an undisturbed render.
 * Without a budget a server that lost its job renders fresh streams under a new index.
 */
final class NodeBudget {
    private NodeBudget() {
    }

    /**
     * The spec of the next OPEN of a node, or null when the client already holds every pass of
     * its budget (nothing is left to ask for).
     *
     * @param budget  passes the node renders in all (0: until the client stops it)
     * @param proposedNode the node index the node asks its server to render as
     * @param started whether a job of this node has started before (in this run)
     * @param held    samples of the node's streams the client holds
     * @param heldItems per stream of the node, where the samples the client holds end (empty when
     *                not known: the server then continues the CPU stream after {@code held})
     */
    static JobSpec spec(ClientSession session, long budget, int proposedNode, boolean started, long held,
                        List<Long> heldItems) {
        if (budget == 0) {
            return new JobSpec(session.seed(), started ? session.nextNode() : proposedNode, 0);
        }
        long pixels = (long) session.width() * session.height();
        if (held >= budget * pixels) {
            return null;
        }
        return new JobSpec(session.seed(), proposedNode, budget, held, heldItems);
    }
}

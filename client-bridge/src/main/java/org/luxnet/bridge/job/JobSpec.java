package org.luxnet.bridge.job;

/**
 * What the client asks one server to render, besides the scene.
 *
 * @param sessionSeed the render's seed, the same for every node of a session
 * @param node        the node index the client gave this server: its sample streams derive from the
 *                    seed and this index, so no two nodes render the same samples (client = 0,
 *                    servers 1..n in the order given, later ones next)
 * @param passBudget  full-frame passes (1 sample per pixel each) this node renders in all, counting
 *                    those the client already holds; 0 for no limit (the client decides when to stop)
 * @param startSamples samples of this node's streams the client already holds (a server that lost an
 *                    earlier job of the node, killed and restarted): the job continues the streams
 *                    after them instead of rendering them again; 0 for a fresh node
 */
public record JobSpec(long sessionSeed, int node, long passBudget, long startSamples) {
    /** Checks that node, budget and start are not negative. */
    public JobSpec {
        if (node < 0) {
            throw new IllegalArgumentException("node index must be >= 0, got " + node);
        }
        if (passBudget < 0) {
            throw new IllegalArgumentException("pass budget must be >= 0, got " + passBudget);
        }
        if (startSamples < 0) {
            throw new IllegalArgumentException("start samples must be >= 0, got " + startSamples);
        }
    }

    /** A fresh node's spec: its streams start at their first sample. */
    public JobSpec(long sessionSeed, int node, long passBudget) {
        this(sessionSeed, node, passBudget, 0);
    }

    /** This spec with another node index. */
    public JobSpec withNode(int newNode) {
        return new JobSpec(sessionSeed, newNode, passBudget, startSamples);
    }
}

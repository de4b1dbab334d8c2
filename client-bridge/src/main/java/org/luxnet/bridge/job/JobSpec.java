package org.luxnet.bridge.job;

/**
 * What the client asks one server to render, besides the scene.
 *
 * @param sessionSeed the render's seed, the same for every node of a session
 * @param node        the node index the client gave this server: its sample streams derive from the
 *                    seed and this index, so no two nodes render the same samples (client = 0,
 *                    servers 1..n in the order given, later ones next)
 * @param passBudget  full-frame passes (1 sample per pixel each) this node renders before it stops
 *                    by itself; 0 for no limit (the client decides when to stop)
 */
public record JobSpec(long sessionSeed, int node, long passBudget) {
    /** Checks that node and budget are not negative. */
    public JobSpec {
        if (node < 0) {
            throw new IllegalArgumentException("node index must be >= 0, got " + node);
        }
        if (passBudget < 0) {
            throw new IllegalArgumentException("pass budget must be >= 0, got " + passBudget);
        }
    }

    /** This spec with another node index. */
    public JobSpec withNode(int newNode) {
        return new JobSpec(sessionSeed, newNode, passBudget);
    }
}

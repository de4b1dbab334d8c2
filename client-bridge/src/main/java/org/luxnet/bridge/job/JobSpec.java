package org.luxnet.bridge.job;

import java.util.List;

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
 *                    earlier job of the node, killed and restarted); 0 for a fresh node
 * @param startItems  per device stream of the node (0: CPU, 1..: the GPUs), the work item after the
 *                    last one the client holds, as the server's deltas reported them: the job
 *                    continues each stream there, whatever devices it has. Empty when not known
 *                    (a fresh node, or a checkpoint of a film saved before positions were kept):
 *                    then a continued job takes {@code startSamples} as a position of the CPU
 *                    stream alone. At most {@link #MAX_STREAMS} entries, none negative
 */
public record JobSpec(long sessionSeed, int node, long passBudget, long startSamples, List<Long> startItems) {
    /** Most device streams a node may have (the wire allows no more). */
    public static final int MAX_STREAMS = 64;

    /** Checks that node, budget and start are not negative, and copies the positions. */
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
        startItems = checkItems(startItems, "start item");
    }

    /** A spec continuing after {@code startSamples} samples whose stream positions are not known. */
    public JobSpec(long sessionSeed, int node, long passBudget, long startSamples) {
        this(sessionSeed, node, passBudget, startSamples, List.of());
    }

    /** A fresh node's spec: its streams start at their first sample. */
    public JobSpec(long sessionSeed, int node, long passBudget) {
        this(sessionSeed, node, passBudget, 0);
    }

    /** This spec with another node index. */
    public JobSpec withNode(int newNode) {
        return new JobSpec(sessionSeed, newNode, passBudget, startSamples, startItems);
    }

    /** {@link #startItems} as an array. */
    public long[] startItemArray() {
        return startItems.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * An immutable copy of per-stream positions, checked: at most {@link #MAX_STREAMS}, none null or
     * negative; null is empty.
     */
    public static List<Long> checkItems(List<Long> items, String what) {
        if (items == null) {
            return List.of();
        }
        List<Long> copy = List.copyOf(items);
        if (copy.size() > MAX_STREAMS) {
            throw new IllegalArgumentException(copy.size() + " streams, the limit is " + MAX_STREAMS);
        }
        for (long v : copy) {
            if (v < 0) {
                throw new IllegalArgumentException(what + " must be >= 0, got " + v);
            }
        }
        return copy;
    }

    /** {@code items} as a list. */
    public static List<Long> items(long[] items) {
        return items == null ? List.of() : java.util.Arrays.stream(items).boxed().toList();
    }
}

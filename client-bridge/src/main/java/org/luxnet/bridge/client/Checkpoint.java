package org.luxnet.bridge.client;

/**
 * How far a node's deltas have reached the client's total film: the server's job and the last
 * sequence number drained, the node index the server renders as, and how many samples of that
 * node's streams the total holds. A client that saves its film with the checkpoints can, after a
 * restart, reattach and skip resends of deltas the saved film already holds; and a server that lost
 * the job (killed, restarted, lease expired) renders only what the film lacks, continuing the same
 * node's streams after those samples.
 *
 * @param jobId   the server's job id ("" when none started)
 * @param seq     the last delta of that job in the total film (0 for none)
 * @param node    the node index the server renders as (0 when not known yet)
 * @param samples samples of this node's streams in the total film, over all its jobs
 */
public record Checkpoint(String jobId, long seq, int node, long samples) {
    /** No delta received. */
    public static final Checkpoint NONE = new Checkpoint("", 0, 0, 0);

    /** Checks the fields. */
    public Checkpoint {
        if (jobId == null || jobId.contains("/") || seq < 0 || node < 0 || samples < 0) {
            throw new IllegalArgumentException("bad checkpoint " + jobId + "/" + seq + "/" + node + "/" + samples);
        }
    }

    /** A checkpoint of job {@code jobId} up to {@code seq}, node and samples not known. */
    public Checkpoint(String jobId, long seq) {
        this(jobId, seq, 0, 0);
    }

    /** This checkpoint for node {@code n}. */
    public Checkpoint withNode(int n) {
        return new Checkpoint(jobId, seq, n, samples);
    }

    /** "jobId/seq/node/samples", the form kept in FLM metadata. */
    public String format() {
        return jobId + "/" + seq + "/" + node + "/" + samples;
    }

    /** Parses {@link #format()}'s output (or an older "jobId/seq"); a malformed value is {@link #NONE}. */
    public static Checkpoint parse(String s) {
        if (s == null) {
            return NONE;
        }
        String[] f = s.split("/", -1);
        try {
            if (f.length == 2) {
                return new Checkpoint(f[0], Long.parseLong(f[1]));
            }
            return f.length != 4 ? NONE
                    : new Checkpoint(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}

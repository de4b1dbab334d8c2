package org.luxnet.bridge.client;

/**
 * How far a node's deltas have reached the client's total film: the server's job and the last
 * sequence number drained. A client that saves its film with the checkpoints can, after a restart,
 * reattach and skip resends of deltas the saved film already holds.
 *
 * @param jobId the server's job id ("" when none started)
 * @param seq   the last delta of that job in the total film (0 for none)
 */
public record Checkpoint(String jobId, long seq) {
    /** No delta received. */
    public static final Checkpoint NONE = new Checkpoint("", 0);

    /** Checks the fields. */
    public Checkpoint {
        if (jobId == null || seq < 0) {
            throw new IllegalArgumentException("bad checkpoint " + jobId + "/" + seq);
        }
    }

    /** "jobId/seq", the form kept in FLM metadata. */
    public String format() {
        return jobId + "/" + seq;
    }

    /** Parses {@link #format()}'s output; a malformed value is {@link #NONE}. */
    public static Checkpoint parse(String s) {
        if (s == null) {
            return NONE;
        }
        int slash = s.lastIndexOf('/');
        try {
            return slash < 0 ? NONE : new Checkpoint(s.substring(0, slash), Long.parseLong(s.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}

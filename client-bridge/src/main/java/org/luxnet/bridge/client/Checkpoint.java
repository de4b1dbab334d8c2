package org.luxnet.bridge.client;

import java.util.ArrayList;
import java.util.List;
import org.luxnet.bridge.job.JobSpec;

/**
 * How far a node's deltas have reached the client's total film: the server's job and the last
 * sequence number drained, the node index the server renders as, how many samples of that node's
 * streams the total holds, and where each of those streams ends in it. A client that saves its film
 * with the checkpoints can, after a restart, reattach and skip resends of deltas the saved film
 * already holds; and a server that lost the job (killed, restarted, lease expired) renders only what
 * the film lacks, continuing each of the node's streams (CPU and GPU) after those items.
 *
 * @param jobId   the server's job id ("" when none started)
 * @param seq     the last delta of that job in the total film (0 for none)
 * @param node    the node index the server renders as (0 when not known yet)
 * @param samples samples of this node's streams in the total film, over all its jobs
 * @param items   per device stream of the node (0: CPU, 1..: GPUs), the work item at which the total
 *                film's share of it ends ({@link JobSpec#startItems}); empty when not known (no
 *                sample yet, or a film saved before positions were kept)
 */
public record Checkpoint(String jobId, long seq, int node, long samples, List<Long> items) {
    /** No delta received. */
    public static final Checkpoint NONE = new Checkpoint("", 0, 0, 0);

    /** Checks the fields. */
    public Checkpoint {
        if (jobId == null || jobId.contains("/") || seq < 0 || node < 0 || samples < 0) {
            throw new IllegalArgumentException("bad checkpoint " + jobId + "/" + seq + "/" + node + "/" + samples);
        }
        items = JobSpec.checkItems(items, "stream item");
    }

    /** A checkpoint whose stream positions are not known. */
    public Checkpoint(String jobId, long seq, int node, long samples) {
        this(jobId, seq, node, samples, List.of());
    }

    /** A checkpoint of job {@code jobId} up to {@code seq}, node and samples not known. */
    public Checkpoint(String jobId, long seq) {
        this(jobId, seq, 0, 0);
    }

    /** This checkpoint for node {@code n}. */
    public Checkpoint withNode(int n) {
        return new Checkpoint(jobId, seq, n, samples, items);
    }

    /**
     * "jobId/seq/node/samples/item,item...", the form kept in FLM metadata ("jobId/seq/node/samples"
     * when the positions are not known).
     */
    public String format() {
        String base = jobId + "/" + seq + "/" + node + "/" + samples;
        if (items.isEmpty()) {
            return base;
        }
        StringBuilder sb = new StringBuilder(base).append('/');
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(items.get(i));
        }
        return sb.toString();
    }

    /**
     * Parses {@link #format()}'s output (or an older "jobId/seq" or "jobId/seq/node/samples"); a
     * malformed value is {@link #NONE}.
     */
    public static Checkpoint parse(String s) {
        if (s == null) {
            return NONE;
        }
        String[] f = s.split("/", -1);
        try {
            if (f.length == 2) {
                return new Checkpoint(f[0], Long.parseLong(f[1]));
            }
            if (f.length != 4 && f.length != 5) {
                return NONE;
            }
            List<Long> items = new ArrayList<>();
            if (f.length == 5) {
                for (String v : f[4].split(",", -1)) {
                    items.add(Long.parseLong(v));
                }
            }
            return new Checkpoint(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), items);
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}

package org.luxnet.bridge.client;

import java.util.List;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmCodec;
import org.luxnet.accumulator.io.FilmFormatException;
import org.luxnet.bridge.job.JobSpec;

/**
 * The samples one server has delivered and the client has not yet drained into its total, with the
 * bookkeeping that makes every delta count once: the job the deltas belong to and the last sequence
 * number merged. The network thread merges; the render driver drains. Thread-safe.
 */
final class NodeFilm {
    private final int width, height, scaleBits;
    private final FilmCodec codec = new FilmCodec();
    private Film pending;
    private long samples, contributions;
    /** Samples of this node the total film held when resumed, plus those drained into it since. */
    private long drainedSamples;
    private String job = "";
    private long mergedSeq;
    private Checkpoint drained;
    /**
     * Per stream, where the merged deltas end ({@link org.luxnet.bridge.protocol.DeltaChunk#streamItems});
     * null when not known (a delta came without them, or the resumed film did not record them).
     */
    private long[] mergedItems;
    /** {@link #mergedItems} as of the last drain: where the total film's share of the streams ends. */
    private long[] drainedItems;

    NodeFilm(int width, int height, int scaleBits, Checkpoint resume) {
        this.width = width;
        this.height = height;
        this.scaleBits = scaleBits;
        this.drained = resume;
        this.drainedSamples = resume.samples();
        this.mergedItems = resume.samples() == 0 || !resume.items().isEmpty()
                ? resume.items().stream().mapToLong(Long::longValue).toArray() : null;
        this.drainedItems = mergedItems;
    }

    /**
     * The server reports job {@code jobId}: a job seen before keeps its count; a new one starts at
     * the resumed checkpoint when that names it (the saved film already holds those deltas), else at 0.
     */
    synchronized void job(String jobId, Checkpoint resume) {
        if (!jobId.equals(job)) {
            job = jobId;
            mergedSeq = resume.jobId().equals(jobId) ? resume.seq() : 0;
        }
    }

    /**
     * Decodes and merges the encoded delta {@code seq} of the current job, unless it was merged
     * before (a resend after a reconnect); {@code streamItems} are the node's stream positions once
     * the delta is in (empty when the server does not know them).
     *
     * @return false for a resend, which changes nothing
     * @throws FilmFormatException when the data is corrupt or not a film of this size and scale
     */
    boolean mergeEncoded(long seq, byte[] bytes, List<Long> streamItems) throws FilmFormatException {
        synchronized (this) {
            if (seq <= mergedSeq) {
                return false;
            }
        }
        Film delta = codec.decode(bytes, (long) width * height);
        if (delta.width() != width || delta.height() != height || delta.scaleBits() != scaleBits) {
            throw new FilmFormatException("the delta is a " + delta + ", the client's film is " + width + "x" + height
                    + " with scale " + scaleBits);
        }
        merge(seq, delta, streamItems);
        return true;
    }

    /**
     * How many deltas of the current job came between the last one merged and {@code seq}: none
     * normally (deltas arrive in order and every one until acknowledged); more when another
     * connection acknowledged them, so that the server never sent them here.
     */
    synchronized long skippedBefore(long seq) {
        return Math.max(0, seq - mergedSeq - 1);
    }

    private synchronized void merge(long seq, Film delta, List<Long> streamItems) {
        if (pending == null) {
            pending = new Film(width, height, scaleBits);
        }
        if (!streamItems.isEmpty() && mergedItems != null) {
            // Positions are absolute; a job reports every stream it knows, those it has no device for
            // at their start, so an entry it does not report stays where it was.
            long[] next = java.util.Arrays.copyOf(mergedItems, Math.max(mergedItems.length, streamItems.size()));
            for (int i = 0; i < streamItems.size(); i++) {
                next[i] = streamItems.get(i);
            }
            mergedItems = next;
        } else if (streamItems.isEmpty() && delta.totalSamples() > 0) {
            mergedItems = null; // samples whose place in the streams nobody told: positions no longer known
        }
        pending.add(delta);
        mergedSeq = seq;
        samples += delta.totalSamples();
        contributions += delta.totalContributions();
    }

    /** Moves the merged samples into {@code total}; returns how many. */
    synchronized long drainInto(Film total) {
        drainedItems = mergedItems;
        if (pending == null || pending.totalSamples() == 0 && pending.rejectedSamples() == 0) {
            drained = new Checkpoint(job, mergedSeq, 0, drainedSamples, JobSpec.items(drainedItems));
            return 0;
        }
        long n = pending.totalSamples();
        total.add(pending);
        pending.clear();
        drainedSamples += n;
        drained = new Checkpoint(job, mergedSeq, 0, drainedSamples, JobSpec.items(drainedItems));
        return n;
    }

    /**
     * Samples of this node's streams the client holds, drained into the total or merged and waiting:
     * where a new job of the node continues them.
     */
    synchronized long heldSamples() {
        return drainedSamples + (pending == null ? 0 : pending.totalSamples());
    }

    /**
     * Per stream of the node, where the samples the client holds (drained or merged and waiting)
     * end: where a new job of the node continues each stream; empty when not known.
     */
    synchronized List<Long> heldItems() {
        return JobSpec.items(mergedItems);
    }

    /** Samples delivered so far (drained or not). */
    synchronized long samples() {
        return samples;
    }

    /** Contributions delivered so far. */
    synchronized long contributions() {
        return contributions;
    }

    /** The job whose deltas this film takes ("" before the first). */
    synchronized String job() {
        return job;
    }

    /** Where the last drain left this node's deltas. */
    synchronized Checkpoint drained() {
        return drained;
    }
}

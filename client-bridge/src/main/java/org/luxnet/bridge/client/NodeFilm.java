package org.luxnet.bridge.client;

import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmCodec;
import org.luxnet.accumulator.io.FilmFormatException;

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

    NodeFilm(int width, int height, int scaleBits, Checkpoint resume) {
        this.width = width;
        this.height = height;
        this.scaleBits = scaleBits;
        this.drained = resume;
        this.drainedSamples = resume.samples();
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
     * before (a resend after a reconnect).
     *
     * @return false for a resend, which changes nothing
     * @throws FilmFormatException when the data is corrupt or not a film of this size and scale
     */
    boolean mergeEncoded(long seq, byte[] bytes) throws FilmFormatException {
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
        merge(seq, delta);
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

    private synchronized void merge(long seq, Film delta) {
        if (pending == null) {
            pending = new Film(width, height, scaleBits);
        }
        pending.add(delta);
        mergedSeq = seq;
        samples += delta.totalSamples();
        contributions += delta.totalContributions();
    }

    /** Moves the merged samples into {@code total}; returns how many. */
    synchronized long drainInto(Film total) {
        if (pending == null || pending.totalSamples() == 0 && pending.rejectedSamples() == 0) {
            drained = new Checkpoint(job, mergedSeq, 0, drainedSamples);
            return 0;
        }
        long n = pending.totalSamples();
        total.add(pending);
        pending.clear();
        drainedSamples += n;
        drained = new Checkpoint(job, mergedSeq, 0, drainedSamples);
        return n;
    }

    /**
     * Samples of this node's streams the client holds, drained into the total or merged and waiting:
     * where a new job of the node continues them.
     */
    synchronized long heldSamples() {
        return drainedSamples + (pending == null ? 0 : pending.totalSamples());
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

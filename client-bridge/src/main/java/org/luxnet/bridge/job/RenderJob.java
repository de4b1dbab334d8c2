package org.luxnet.bridge.job;

import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.FilmSource;

/**
 * A render running on a server for one client session: a {@link FilmSource} whose drained sums
 * become the deltas the server sends. {@link FilmSource#stats()} supplies the progress the server
 * reports (samples, speed, threads, devices). Thread-safe, like every film source.
 */
public interface RenderJob extends FilmSource {

    /** An empty film of the job's size and scale, to drain a delta into. */
    Film newFilm();

    /** True once the job has stopped rendering: its pass budget is spent, it was stopped, or it failed. */
    boolean isFinished();

    /**
     * The error that stopped the job, or null; told once the job has finished (a device that fails
     * while others render on, such as a GPU beside CPU threads, leaves the job rendering).
     */
    Throwable failure();

    /**
     * Per device stream of the node (0: CPU, 1..: GPUs, as {@link JobSpec#startItems} numbers them),
     * the work item at which the samples drained so far end, counted from the stream's start (so a
     * continued job reports positions past its {@link JobSpec#startItems}, and keeps those of streams
     * it has no device for). Called right after {@link #drainInto}, on the thread that drains, so the
     * positions match the delta exactly. Empty when the job cannot tell (the client then continues
     * the node by its sample count alone).
     */
    default long[] streamItems() {
        return new long[0];
    }
}

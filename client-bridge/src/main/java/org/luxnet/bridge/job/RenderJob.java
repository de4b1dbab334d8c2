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

    /** The error that stopped the job, or null. */
    Throwable failure();
}

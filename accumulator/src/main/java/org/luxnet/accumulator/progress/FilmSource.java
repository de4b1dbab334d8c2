package org.luxnet.accumulator.progress;

import java.time.Duration;
import org.luxnet.accumulator.Film;

/**
 * Something that renders samples of the frame and hands them over as film sums: the local render
 * session (CPU threads and GPU), or a remote render server seen from the client. The {@link
 * RenderDriver} drains every source into one total film. Implementations are thread-safe.
 */
public interface FilmSource {

    /** Short name for statistics and logs: "local" for this machine, "host:port" for a server. */
    String label();

    /**
     * Adds everything rendered since the previous call to {@code total} (exact addition of sums) and
     * forgets it here, so that no sample is delivered twice.
     *
     * @return the number of samples moved
     */
    long drainInto(Film total);

    /** What the source has done so far, including samples not yet drained. Never blocks long. */
    SourceStats stats();

    /**
     * Asks the source to stop rendering; returns at once. Work already finished stays drainable, so
     * a last {@link #drainInto} after {@link #awaitStopped} collects it.
     */
    void requestStop();

    /** Waits up to {@code timeout} for the source to stop; true when it has. */
    boolean awaitStopped(Duration timeout);
}

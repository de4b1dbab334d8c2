package org.luxnet.console;

import java.time.Duration;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FlmFile;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.render.session.RenderSession;
import org.luxnet.scene.compiled.RenderSettings;

/** A render session running for a network client: the server's view of it. Thread-safe, as the session is. */
final class SessionJob implements RenderJob {
    private final RenderSession session;
    private final RenderSettings settings;
    private final java.nio.file.Path flm;
    private final Film delivered;

    /**
     * @param flm where to write the film of everything this job delivered before each transmission
     *            ({@code --serverwriteflm}), or null
     */
    SessionJob(RenderSession session, RenderSettings settings, java.nio.file.Path flm) {
        this.session = session;
        this.settings = settings;
        this.flm = flm;
        this.delivered = flm == null ? null : newFilm();
    }

    @Override
    public Film newFilm() {
        return new Film(settings.width(), settings.height(), settings.scaleBits());
    }

    @Override
    public boolean isFinished() {
        return session.isStopped();
    }

    @Override
    public Throwable failure() {
        // A device that failed beside others still rendering (a GPU whose build failed next to CPU
        // threads) does not end the job: the others render the pass budget it gave back, and the
        // failure is reported when the job ends.
        return session.isStopped() ? session.failure() : null;
    }

    @Override
    public String label() {
        return session.label();
    }

    @Override
    public long drainInto(Film total) {
        if (flm == null) {
            return session.drainInto(total);
        }
        // LuxRender's -W: the server's film is on disk before the delta leaves.
        Film delta = newFilm();
        long n = session.drainInto(delta);
        synchronized (delivered) {
            delivered.add(delta);
            try {
                FlmFile.write(flm, delivered, java.util.Map.of("luxnet.server.label", session.label()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("--serverwriteflm: cannot write " + flm + ": " + e.getMessage(), e);
            }
        }
        total.add(delta);
        return n;
    }

    /** Where the drained sums end in each of the node's streams: {@link RenderSession#nextItems()}. */
    @Override
    public long[] streamItems() {
        return session.nextItems();
    }

    @Override
    public SourceStats stats() {
        return session.stats();
    }

    @Override
    public void requestStop() {
        session.requestStop();
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        return session.awaitStopped(timeout);
    }
}

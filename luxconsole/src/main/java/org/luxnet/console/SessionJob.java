package org.luxnet.console;

import java.time.Duration;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.render.session.RenderSession;
import org.luxnet.scene.compiled.RenderSettings;

/** A render session running for a network client: the server's view of it. Thread-safe, as the session is. */
final class SessionJob implements RenderJob {
    private final RenderSession session;
    private final RenderSettings settings;

    SessionJob(RenderSession session, RenderSettings settings) {
        this.session = session;
        this.settings = settings;
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
        return session.failure();
    }

    @Override
    public String label() {
        return session.label();
    }

    @Override
    public long drainInto(Film total) {
        return session.drainInto(total);
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

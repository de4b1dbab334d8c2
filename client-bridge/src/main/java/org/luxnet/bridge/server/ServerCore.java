package org.luxnet.bridge.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.RenderBackend;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.protocol.Ack;
import org.luxnet.bridge.protocol.BlobChunk;
import org.luxnet.bridge.protocol.Ended;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.ErrorMessage;
import org.luxnet.bridge.protocol.LogText;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.Open;
import org.luxnet.bridge.protocol.ProtocolException;

/**
 * The server's state machine: at most one session, its scene upload, job, deltas and lease. Every
 * method runs on the one state thread ({@code work}), so the state needs no locks; the slow parts
 * (starting a job, waiting for it to stop: {@link JobThread}) run on {@code helper}, and compressing
 * a delta (a 1080p zlib pass; {@link ServerDeltas}) on {@code encoder}, each posting its result
 * back, so heartbeats and lease checks are answered meanwhile. OPEN and the scene upload that
 * follows are {@link SessionAdmission}'s. The network handlers only forward messages of
 * authenticated connections here.
 */
final class ServerCore implements SessionAdmission.Core {
    private static final Logger LOG = Logger.getLogger(RenderServer.class.getName());

    private final ServerConfig config;
    private final SceneIntake intake;
    private final ScheduledExecutorService work;
    private final JobThread jobs;
    private final ServerDeltas deltas;
    private final Runnable changed;
    private final PeerLog peerLog;
    private final SessionHistory history = new SessionHistory();
    private final SessionAdmission admission;
    private ServerSession session;
    private long lastStatsNanos;

    ServerCore(ServerConfig config, RenderBackend backend, BlobCache cache, ScheduledExecutorService work,
               ExecutorService helper, ExecutorService encoder, Runnable changed, PeerLog peerLog) {
        this.config = config;
        this.intake = new SceneIntake(cache);
        this.work = work;
        this.jobs = new JobThread(backend, helper, this::post);
        this.deltas = new ServerDeltas(encoder, this::post, s -> session == s, (s, e) -> {
            refuse(s.owner, ErrorCode.INTERNAL, "the server failed to encode its delta: " + e);
            endSession("its delta could not be encoded");
            changed.run();
        });
        this.changed = changed;
        this.peerLog = peerLog;
        this.admission = new SessionAdmission(config, intake, history, jobs, deltas, this);
    }

    /**
     * Runs {@code r} on the state thread; after a shutdown there is nothing left to update. An error
     * thrown there (an OutOfMemoryError allocating a film) ends the session with that error to its
     * client instead of vanishing in the executor and leaving the session stuck.
     */
    void post(Runnable r) {
        try {
            work.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException | Error e) {
                    sessionFailed(e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "server shut down; dropping a state update");
        }
    }

    /** Handles a message from an authenticated connection; a protocol error closes that connection only. */
    void onMessage(Channel ch, Message m) {
        try {
            if (session != null && session.owner == ch) {
                session.lastHeardNanos = System.nanoTime();
            }
            switch (m.type()) {
                case OPEN: admission.open(ch, (Open) m); break;
                case BLOB_CHUNK: admission.blob(owned(ch, m), (BlobChunk) m); break;
                case PULL: deltas.pull(owned(ch, m)); break;
                case ACK: ack(owned(ch, m), ((Ack) m).seq()); break;
                case HEARTBEAT:
                    // A heartbeat may cross the end of its session on the wire; it needs no answer then.
                    if (session != null && session.owner == ch) {
                        status(session);
                    }
                    break;
                case STOP: stop(owned(ch, m)); break;
                default: throw new ProtocolException("a server does not accept " + m.type());
            }
        } catch (ProtocolException e) {
            refuse(ch, ErrorCode.PROTOCOL, e.getMessage());
        } catch (JobException e) {
            refuse(ch, e.code(), e.getMessage());
            if (session != null && session.owner == ch && session.state == ServerSession.State.RECEIVING) {
                endSession("its scene was refused");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "scene cache failure in " + intake.cache().dir() + ": " + e.getMessage(), e);
            refuse(ch, ErrorCode.INTERNAL, "the server cannot store the scene: " + e.getMessage());
            if (session != null && session.state == ServerSession.State.RECEIVING) {
                endSession("its scene could not be stored");
            }
        }
        changed.run();
    }

    /** The connection {@code ch} closed: its session, if any, waits for the client within the lease. */
    void onDisconnect(Channel ch) {
        if (session != null && session.owner == ch) {
            session.owner = null;
            session.abortUpload();
            LOG.info("client " + session.clientAddress + " of session " + session.shownId + " disconnected; keeping the "
                    + "session for " + config.lease().toSeconds() + " s");
            changed.run();
        }
    }

    private ServerSession owned(Channel ch, Message m) throws ProtocolException {
        if (session == null || session.owner != ch) {
            throw new ProtocolException(m.type() + " without an open session on this connection");
        }
        return session;
    }

    @Override
    public ServerSession session() {
        return session;
    }

    @Override
    public void admit(ServerSession s) {
        session = s;
    }

    /** An error on the state thread: the session ends and its client is told why. */
    private void sessionFailed(Throwable e) {
        LOG.log(Level.SEVERE, "server state update failed", e);
        ServerSession s = session;
        if (s != null) {
            refuse(s.owner, JobFailures.code(e), JobFailures.describe(e));
            endSession("it failed: " + e);
            changed.run();
        }
    }

    @Override
    public void jobStarted(ServerSession s, RenderJob job) {
        if (session != s) {
            job.requestStop();
            return;
        }
        s.job = job;
        Film probe = job.newFilm();
        s.width = probe.width();
        s.height = probe.height();
        s.pixels = probe.pixelCount();
        s.state = ServerSession.State.RENDERING;
        s.startNanos = System.nanoTime();
        lastStatsNanos = s.startNanos;
        SourceStats st = job.stats();
        LOG.info("session " + s.shownId + ": rendering " + s.width + "x" + s.height + " as node " + s.spec.node() + " on "
                + st.devices());
        if (s.owner != null) {
            s.owner.writeAndFlush(JobReports.started(s, false));
        }
        if (s.stopAfterStart) {
            stop(s);
        }
        changed.run();
    }

    @Override
    public void jobFailed(ServerSession s, ErrorCode code, String message) {
        if (session != s) {
            return;
        }
        LOG.warning("session " + s.shownId + ": cannot render the scene: " + message);
        if (s.owner != null) {
            refuse(s.owner, code, message);
        }
        endSession("its scene could not be rendered");
        changed.run();
    }

    /** Replaces how films are encoded (tests hold an encoding to see the state thread answer meanwhile). */
    void encodeWith(Function<Film, byte[]> e) {
        deltas.encodeWith(e);
    }

    private void ack(ServerSession s, long seq) {
        deltas.acked(s, seq);
        if (s.finalSeq != 0 && s.unacked.isEmpty()) {
            long total = s.job.stats().samples();
            Ended e = new Ended(total, s.finalSeq);
            history.stopped(s.id, e);
            s.owner.writeAndFlush(e);
            endSession("its client stopped it; " + total + " samples rendered and delivered");
        }
    }

    private void status(ServerSession s) {
        s.owner.writeAndFlush(JobReports.status(s));
    }

    private void stop(ServerSession s) {
        switch (s.state) {
            case RECEIVING:
                s.owner.writeAndFlush(new Ended(0, 0));
                history.stopped(s.id, null);
                endSession("its client stopped it before the scene arrived");
                break;
            case STARTING:
                s.stopAfterStart = true;
                break;
            case RENDERING:
                s.state = ServerSession.State.STOPPING;
                jobs.stop(s, "; sending what it has", () -> post(() -> finishStop(s)));
                break;
            default:
                break;
        }
    }

    private void finishStop(ServerSession s) {
        if (session != s || s.finalPending) {
            return;
        }
        s.finalPending = true;
        deltas.make(s, true, d -> {
            s.finalSeq = d.seq();
            deltas.send(s, d);
            changed.run();
        });
    }

    /** Drops the session whose client was silent past the lease; called periodically. */
    void checkLease() {
        ServerSession s = session;
        if (s == null) {
            return;
        }
        long silent = System.nanoTime() - s.lastHeardNanos;
        if (silent > config.lease().toNanos()) {
            LOG.warning("session " + s.shownId + ": client " + s.clientAddress + " silent for " + silent / 1_000_000_000
                    + " s, past the lease of " + config.lease().toSeconds() + " s; stopping the render");
            if (s.owner != null) {
                s.owner.close();
            }
            history.expired();
            endSession("its lease expired");
            changed.run();
        }
    }

    @Override
    public void endSession(String why) {
        ServerSession s = session;
        if (s == null) {
            return;
        }
        session = null;
        s.abortUpload();
        if (s.job != null) {
            // Waited for on the job thread, so the next session's job starts once this one's threads ended.
            jobs.stop(s, " of the session's end", () -> { });
        }
        LOG.info("session " + s.shownId + " ended (" + why + "); idle, waiting for a client");
    }

    /** Logs the statistics line when a render runs and the interval has passed; called periodically. */
    void logStats() {
        ServerSession s = session;
        long now = System.nanoTime();
        if (s == null || s.job == null || now - lastStatsNanos < config.statsInterval().toNanos()) {
            return;
        }
        lastStatsNanos = now;
        LOG.info(JobReports.statsLine(s, now));
    }

    /** Stops the current job, if any, for a server shutdown. */
    void shutdown() {
        endSession("the server is shutting down");
    }

    /** What the server is doing. */
    ServerSnapshot snapshot() {
        return history.snapshot(session, deltas);
    }

    @Override
    public void refuse(Channel ch, ErrorCode code, String message) {
        if (ch == null) {
            return;
        }
        peerLog.warn(ch.remoteAddress(), "closing connection from " + RenderServer.address(ch) + ": "
                + LogText.of(message));
        ch.writeAndFlush(new ErrorMessage(code, message)).addListener(ChannelFutureListener.CLOSE);
    }
}

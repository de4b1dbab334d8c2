package org.luxnet.bridge.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Logger;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.BlobChunk;
import org.luxnet.bridge.protocol.Busy;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.Need;
import org.luxnet.bridge.protocol.Open;
import org.luxnet.bridge.protocol.ProtocolException;

/**
 * Session admission, for {@link ServerCore} on its state thread: an OPEN reattaches the session's own
 * client (its secret checked), is answered BUSY while another session runs, or the end of a past
 * session when it only asks to attach, or else admits a new session within the limits; then the
 * scene files the cache lacks are asked for (NEED) and received (BLOB_CHUNK) until the scene is
 * complete, and its job is started on the {@link JobThread}.
 */
final class SessionAdmission {
    private static final Logger LOG = Logger.getLogger(RenderServer.class.getName());

    /** What admission needs of the server's state machine. */
    interface Core {
        /** The current session, or null. */
        ServerSession session();

        /** Makes {@code s} the current session. */
        void admit(ServerSession s);

        /** Tells {@code ch} (when not null) why, then closes it. */
        void refuse(Channel ch, ErrorCode code, String message);

        /** Ends the current session, if any, saying why in the log. */
        void endSession(String why);

        /** On the state thread: the job of {@code s} started. */
        void jobStarted(ServerSession s, RenderJob job);

        /** On the state thread: the job of {@code s} could not start. */
        void jobFailed(ServerSession s, ErrorCode code, String message);
    }

    private final ServerConfig config;
    private final SceneIntake intake;
    private final SessionHistory history;
    private final JobThread jobs;
    private final ServerDeltas deltas;
    private final Core core;

    SessionAdmission(ServerConfig config, SceneIntake intake, SessionHistory history, JobThread jobs,
                     ServerDeltas deltas, Core core) {
        this.config = config;
        this.intake = intake;
        this.history = history;
        this.jobs = jobs;
        this.deltas = deltas;
        this.core = core;
    }

    /** OPEN from the authenticated connection {@code ch}. */
    void open(Channel ch, Open o) throws ProtocolException, JobException, IOException {
        String addr = RenderServer.address(ch);
        ServerSession session = core.session();
        if (session != null && session.id.equals(o.sessionId())) {
            if (!session.secretMatches(o.secret())) {
                // Someone who learnt the session's id but is not its client: never let it take the deltas.
                core.refuse(ch, ErrorCode.AUTH_FAILED, "session " + session.shownId + " belongs to another client (wrong "
                        + "session secret)");
                return;
            }
            reattach(session, ch, addr);
            return;
        }
        if (session != null) {
            LOG.info("refusing " + addr + ": busy with session " + session.shownId + " of " + session.clientAddress);
            ch.writeAndFlush(new Busy(session.tag(), session.clientAddress, session.sinceMillis))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (o.attachOnly()) {
            ch.writeAndFlush(history.endOf(o.sessionId()));
            return;
        }
        config.limits().check(o.mainFile(), o.manifest());
        session = new ServerSession(o.sessionId(), o.secret(), UUID.randomUUID().toString(), o.spec(), o.mainFile(), o.manifest(),
                ch, addr);
        core.admit(session);
        LOG.info("session " + session.shownId + " from " + addr + ": node " + o.spec().node() + ", "
                + o.manifest().size() + " scene files");
        requestMissing(session);
    }

    private void reattach(ServerSession s, Channel ch, String addr) {
        if (s.owner != null && s.owner != ch) {
            LOG.info("session " + s.shownId + " reattached from " + addr + "; closing its previous connection");
            s.owner.close();
        } else {
            LOG.info("session " + s.shownId + " reattached from " + addr);
        }
        s.owner = ch;
        s.clientAddress = addr;
        s.lastHeardNanos = System.nanoTime();
        switch (s.state) {
            case RECEIVING:
                s.abortUpload();
                requestMissing(s);
                break;
            case STARTING:
                break;
            default:
                ch.writeAndFlush(JobReports.started(s, true));
                deltas.resend(s);
        }
    }

    private void requestMissing(ServerSession s) {
        s.owner.writeAndFlush(new Need(intake.missing(s)));
        if (s.missing.isEmpty()) {
            startJob(s);
        }
    }

    /** A chunk of a scene file for {@code s}, the session of the connection it came on. */
    void blob(ServerSession s, BlobChunk c) throws ProtocolException, IOException {
        if (intake.accept(s, c)) {
            startJob(s);
        }
    }

    private void startJob(ServerSession s) {
        SceneBundle bundle;
        try {
            bundle = intake.bundle(s);
        } catch (IOException e) {
            core.refuse(s.owner, ErrorCode.INTERNAL, "the server's scene cache failed: " + e.getMessage());
            core.endSession("its cached scene could not be read");
            return;
        }
        s.state = ServerSession.State.STARTING;
        jobs.start(s, bundle, core::jobStarted, core::jobFailed);
    }
}

package org.luxnet.bridge.server;

import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.RenderBackend;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.ErrorCode;

/**
 * The slow parts of a session's job, on the server's job thread ({@code helper}) so that the state
 * thread goes on answering heartbeats and lease checks: starting the render (parsing, compiling),
 * and waiting for a stopped render's threads to end. Results are posted back to the state thread.
 */
final class JobThread {
    private static final Logger LOG = Logger.getLogger(RenderServer.class.getName());

    /** What a failed start reports. */
    interface Failed {
        void failed(ServerSession s, ErrorCode code, String message);
    }

    private final RenderBackend backend;
    private final ExecutorService helper;
    private final Consumer<Runnable> post;

    /** @param post runs a task on the state thread */
    JobThread(RenderBackend backend, ExecutorService helper, Consumer<Runnable> post) {
        this.backend = backend;
        this.helper = helper;
        this.post = post;
    }

    /**
     * Starts rendering {@code bundle} for {@code s}; then, on the state thread, {@code started} gets
     * the job, or {@code failed} the reason.
     */
    void start(ServerSession s, SceneBundle bundle, BiConsumer<ServerSession, RenderJob> started, Failed failed) {
        helper.execute(() -> {
            try {
                RenderJob job = backend.start(bundle, s.spec);
                post.accept(() -> started.accept(s, job));
            } catch (JobException e) {
                post.accept(() -> failed.failed(s, e.code(), e.getMessage()));
            } catch (RuntimeException | Error e) {
                // Whatever fails while the scene is set up (a compiler bug, memory) ends the session
                // with the reason, never a job thread that dies silently and a session left "starting".
                LOG.log(Level.WARNING, "render backend failed", e);
                post.accept(() -> failed.failed(s, JobFailures.code(e), JobFailures.describe(e)));
            }
        });
    }

    /** Stops the job of {@code s} and, on the job thread, waits for its threads, then runs {@code then}. */
    void stop(ServerSession s, String context, Runnable then) {
        RenderJob job = s.job;
        job.requestStop();
        helper.execute(() -> {
            if (!job.awaitStopped(JobFailures.STOP_WAIT)) {
                LOG.warning("session " + s.shownId + ": its render threads did not end within "
                        + JobFailures.STOP_WAIT.toSeconds() + " s" + context);
            }
            then.run();
        });
    }
}

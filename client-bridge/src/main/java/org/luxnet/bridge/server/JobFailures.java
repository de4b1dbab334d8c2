package org.luxnet.bridge.server;

import java.time.Duration;
import org.luxnet.bridge.protocol.ErrorCode;

/** How a server words a render that failed outside the scene's own errors, for its client. */
final class JobFailures {
    /** How long a stopped job's threads may take to end before the server says so. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private JobFailures() {
    }

    /**
     * The error code: memory is a limit of this server (the scene is too big for it), anything else
     * a scene this server cannot render; neither gets better by sending the same scene again.
     */
    static ErrorCode code(Throwable e) {
        return e instanceof OutOfMemoryError ? ErrorCode.LIMITS : ErrorCode.SCENE;
    }

    /** What the client is told. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "the server ran out of memory for this scene (" + e.getMessage() + "); give it a larger heap "
                    + "(java -Xmx) or lower the resolution";
        }
        return "the render failed to start: " + e;
    }
}

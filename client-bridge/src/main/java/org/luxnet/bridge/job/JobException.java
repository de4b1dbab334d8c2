package org.luxnet.bridge.job;

import org.luxnet.bridge.protocol.ErrorCode;

/**
 * A render job cannot be set up: its scene is malformed, a file is missing from the bundle, or the
 * manifest exceeds the server's limits. The message is sent to the client as it is, so it says what
 * and where (file:line:column for scene errors).
 */
public class JobException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** A failure of kind {@code code} (SCENE or LIMITS) described by {@code message}. */
    public JobException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** A failure of kind {@code code} described by {@code message}, caused by {@code cause}. */
    public JobException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The error code the client receives. */
    public ErrorCode code() {
        return code;
    }
}

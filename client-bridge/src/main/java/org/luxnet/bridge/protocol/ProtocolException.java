package org.luxnet.bridge.protocol;

/**
 * A peer broke the protocol: a malformed or oversized frame, an unknown message type, a message out
 * of order, data that fails its checks. The connection it came on is closed; nothing else is.
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error described by {@code message}. */
    public ProtocolException(String message) {
        super(message);
    }

    /** An error described by {@code message}, caused by {@code cause}. */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

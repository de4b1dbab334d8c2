package org.luxnet.bridge.protocol;

/**
 * The client is alive: renews the session's lease. The server answers with a {@link Status}.
 *
 * <p>Wire: empty body.
 */
public record Heartbeat() implements Message {
    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}

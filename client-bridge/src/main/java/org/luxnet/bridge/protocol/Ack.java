package org.luxnet.bridge.protocol;

/**
 * The client has merged delta {@code seq} (or had merged it before); the server may forget it.
 *
 * <p>Wire: {@code i64 seq}.
 */
public record Ack(long seq) implements Message {
    /** Checks the sequence number. */
    public Ack {
        if (seq < 1) {
            throw new IllegalArgumentException("delta sequence numbers start at 1, got " + seq);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}

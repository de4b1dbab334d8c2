package org.luxnet.bridge.protocol;

/**
 * A refusal; the sender closes the connection after it.
 *
 * <p>Wire: {@code u16 code, string message}.
 *
 * @param code    why
 * @param message what a person reads, naming the peer or the file where it helps
 */
public record ErrorMessage(ErrorCode code, String message) implements Message {
    /** Checks fields; an over-long message is cut rather than refused. */
    public ErrorMessage {
        if (code == null) {
            throw new IllegalArgumentException("error code is null");
        }
        message = Fields.truncate(message == null ? "" : message);
    }

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}

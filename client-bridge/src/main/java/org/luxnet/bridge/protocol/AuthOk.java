package org.luxnet.bridge.protocol;

/**
 * The server accepted the client's proof; the session messages may follow. (The server proved
 * itself first, in {@link Welcome}.)
 *
 * <p>Wire: no fields.
 */
public record AuthOk() implements Message {
    @Override
    public MessageType type() {
        return MessageType.AUTH_OK;
    }
}

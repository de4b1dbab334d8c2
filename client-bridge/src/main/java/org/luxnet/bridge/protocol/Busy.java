package org.luxnet.bridge.protocol;

/**
 * The server is rendering for another session: who holds it and since when. The server closes the
 * connection after it; the client may try again later.
 *
 * <p>Wire: {@code string sessionId, string clientAddress, i64 sinceEpochMillis}.
 *
 * @param sessionId        the session that holds the server
 * @param clientAddress    host:port of that session's client (its last connection)
 * @param sinceEpochMillis when that session started, in milliseconds since 1970-01-01 UTC
 */
public record Busy(String sessionId, String clientAddress, long sinceEpochMillis) implements Message {
    /** Checks fields. */
    public Busy {
        Fields.string(sessionId, "sessionId");
        Fields.string(clientAddress, "clientAddress");
    }

    @Override
    public MessageType type() {
        return MessageType.BUSY;
    }
}

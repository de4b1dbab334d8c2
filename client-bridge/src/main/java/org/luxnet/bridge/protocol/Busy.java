package org.luxnet.bridge.protocol;

/**
 * The server is rendering for another session: who holds it and since when. The server closes the
 * connection after it; the client may try again later.
 *
 * <p>Wire: {@code string sessionTag, string clientAddress, i64 sinceEpochMillis}.
 *
 * @param sessionTag       a short tag of the session that holds the server, for people to tell
 *                         sessions apart; it is not enough to reattach to it
 * @param clientAddress    host:port of that session's client (its last connection)
 * @param sinceEpochMillis when that session started, in milliseconds since 1970-01-01 UTC
 */
public record Busy(String sessionTag, String clientAddress, long sinceEpochMillis) implements Message {
    /** Checks fields. */
    public Busy {
        Fields.string(sessionTag, "sessionTag");
        Fields.string(clientAddress, "clientAddress");
    }

    @Override
    public MessageType type() {
        return MessageType.BUSY;
    }
}

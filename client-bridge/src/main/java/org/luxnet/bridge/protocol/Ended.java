package org.luxnet.bridge.protocol;

/**
 * The session is over and every delta acknowledged; the server is idle.
 *
 * <p>Wire: {@code i64 samples, i64 lastSeq}.
 *
 * @param samples all samples this job rendered, which the client has received
 * @param lastSeq the last delta's sequence number
 */
public record Ended(long samples, long lastSeq) implements Message {
    /** Checks the fields. */
    public Ended {
        Fields.nonNegative(samples, "samples");
        Fields.nonNegative(lastSeq, "lastSeq");
    }

    @Override
    public MessageType type() {
        return MessageType.ENDED;
    }
}

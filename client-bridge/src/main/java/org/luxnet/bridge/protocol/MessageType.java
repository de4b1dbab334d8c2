package org.luxnet.bridge.protocol;

/**
 * The kinds of message on a client-server connection, each with the byte that identifies it on the
 * wire. The wire values are part of the protocol: never renumber one, only add new ones (with a
 * protocol version bump when an old peer could not ignore them).
 */
public enum MessageType {
    /** Client opens: protocol version, capabilities, client nonce. */
    HELLO(1),
    /** Server answers: version, capabilities, server id, whether a password is required, server nonce, salt, its proof. */
    WELCOME(2),
    /** Client proves it knows the password. */
    AUTH(3),
    /** Server accepts the client's proof. */
    AUTH_OK(4),
    /** Either side refuses something; the connection closes after it. */
    ERROR(5),
    /** Server is rendering for another client's session. */
    BUSY(6),
    /** Client opens (or reattaches to) a session: job spec and scene manifest. */
    OPEN(7),
    /** Server lists the scene files it lacks, by hash. */
    NEED(8),
    /** Client sends a piece of a scene file. */
    BLOB_CHUNK(9),
    /** Server has started (or kept) the session's render. */
    STARTED(10),
    /** Client asks for what was rendered since the last delta. */
    PULL(11),
    /** Server sends a piece of a film delta. */
    DELTA_CHUNK(12),
    /** Client has merged a delta. */
    ACK(13),
    /** Client is alive (renews the lease). */
    HEARTBEAT(14),
    /** Server reports its render's progress and host load. */
    STATUS(15),
    /** Client ends the session: the server stops and sends its last delta. */
    STOP(16),
    /** Server has delivered everything and is idle. */
    ENDED(17);

    private static final MessageType[] BY_WIRE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_WIRE[t.wire] = t;
        }
    }

    private final int wire;

    MessageType(int wire) {
        this.wire = wire;
    }

    /** The byte that identifies this type on the wire. */
    public int wire() {
        return wire;
    }

    /** The type with wire value {@code b} (0 to 255), or null when there is none. */
    public static MessageType fromWire(int b) {
        return b < 0 || b > 255 ? null : BY_WIRE[b];
    }
}

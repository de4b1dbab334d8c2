package org.luxnet.bridge.protocol;

/**
 * One protocol message: a small immutable record per {@link MessageType}. On the wire every message
 * is a frame: a 4-byte big-endian length of what follows, the type's byte, then the body that the
 * record's Javadoc describes (all integers big-endian, strings as u16 byte length + UTF-8).
 */
public sealed interface Message permits Hello, Welcome, Auth, AuthOk, ErrorMessage, Busy, Open, Need, BlobChunk,
        Started, Pull, DeltaChunk, Ack, Heartbeat, Status, Stop, Ended {

    /** The message's type. */
    MessageType type();
}

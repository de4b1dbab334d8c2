package org.luxnet.bridge.protocol;

/** Constants both sides agree on. */
public final class Protocol {
    /** The protocol version this build speaks; a peer with another version is refused. */
    public static final int VERSION = 3; // 2: OPEN carries the session secret and the node's stream start; Status carries the state as a code
                                         // 3: DELTA_CHUNK carries the node's stream positions, OPEN the positions to continue at
    /** TCP port a render server listens on when none is given. */
    public static final int DEFAULT_PORT = 18018;
    /** Largest frame either side accepts (length field excluded): a chunk plus its header, with room. */
    public static final int MAX_FRAME_BYTES = (1 << 20) + 4096;
    /**
     * Largest frame either side accepts before the handshake is done: a server before the client has
     * authenticated (room for a HELLO with the longest client name), a client before the server has
     * proven the password (room for a WELCOME or an ERROR with the longest strings); nothing that
     * could make either buffer much per connection.
     */
    public static final int HANDSHAKE_FRAME_BYTES = 8192;
    /** Largest data piece of a {@link BlobChunk} or {@link DeltaChunk}. */
    public static final int CHUNK_BYTES = 1 << 20;
    /** Bytes of a handshake nonce. */
    public static final int NONCE_BYTES = 32;
    /** Bytes of an HMAC-SHA256 proof. */
    public static final int PROOF_BYTES = 32;
    /** Bytes of the server's PBKDF2 salt ({@link Welcome}). */
    public static final int SALT_BYTES = 16;
    /** Bytes of a session secret ({@link Open}). */
    public static final int SECRET_BYTES = 32;
    /** Bytes of a SHA-256 content hash. */
    public static final int HASH_BYTES = 32;
    /** Longest string field, in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 4096;
    /** Most entries an {@link Open} manifest may list on the wire (servers may allow fewer). */
    public static final int MAX_MANIFEST_ENTRIES = 65_535;
    /** Deltas a server keeps unacknowledged at most; a client that leaves more is dropped. */
    public static final int MAX_UNACKED_DELTAS = 8;

    /** Capability bit: the peer resends and deduplicates deltas by sequence number. */
    public static final int CAP_ACKED_DELTAS = 1;
    /** Capability bit: the peer reattaches sessions by id. */
    public static final int CAP_REATTACH = 1 << 1;
    /** Capability bit: the server reports host CPU load and memory in {@link Status}. */
    public static final int CAP_HOST_LOAD = 1 << 2;
    /** Everything this build does. Unknown bits from a peer are ignored. */
    public static final int CAPABILITIES = CAP_ACKED_DELTAS | CAP_REATTACH | CAP_HOST_LOAD;

    private Protocol() {
    }
}

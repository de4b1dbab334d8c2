package org.luxnet.bridge.protocol;

/** Why a peer refused something ({@link ErrorMessage}), with its wire value. */
public enum ErrorCode {
    /** The peers speak different protocol versions. */
    VERSION(1, false),
    /** The server needs a password and the client has none. */
    AUTH_REQUIRED(2, false),
    /** The password proof is wrong. */
    AUTH_FAILED(3, false),
    /** A message was malformed or out of order. */
    PROTOCOL(4, true),
    /** The scene could not be parsed or compiled. */
    SCENE(5, false),
    /** A manifest or file exceeds the server's limits. */
    LIMITS(6, false),
    /** Something failed inside the peer. */
    INTERNAL(7, true);

    private final int wire;
    private final boolean retryable;

    ErrorCode(int wire, boolean retryable) {
        this.wire = wire;
        this.retryable = retryable;
    }

    /** The code's value on the wire. */
    public int wire() {
        return wire;
    }

    /** True when trying again later may succeed; false when only a change of setup can help. */
    public boolean retryable() {
        return retryable;
    }

    /** The code with wire value {@code v}, or null. */
    public static ErrorCode fromWire(int v) {
        for (ErrorCode c : values()) {
            if (c.wire == v) {
                return c;
            }
        }
        return null;
    }
}

package org.luxnet.bridge.protocol;

import java.util.Locale;

/** What a server's session is doing, as {@link Status} carries it: one byte on the wire. */
public enum ServerState {
    /** The scene files are arriving. */
    RECEIVING_SCENE,
    /** The job starts. */
    STARTING,
    /** The job renders. */
    RENDERING,
    /** The job spent its pass budget; its last delta waits for collection. */
    FINISHED,
    /** The client asked it to stop. */
    STOPPING,
    /** The job failed; the status's detail says why. */
    FAILED;

    private static final ServerState[] VALUES = values();

    /** The wire code. */
    public int code() {
        return ordinal();
    }

    /** The state of wire code {@code code}; an unknown code is a protocol violation. */
    public static ServerState of(int code) throws ProtocolException {
        if (code < 0 || code >= VALUES.length) {
            throw new ProtocolException("unknown server state code " + code + " (0 to " + (VALUES.length - 1)
                    + " are known)");
        }
        return VALUES[code];
    }

    /** The name people read ("receiving scene", "rendering", ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

package org.luxnet.bridge.client;

import java.util.Locale;

/**
 * Where one render server stands, seen from the client. The client decides on these values, never
 * on the text shown; {@link #label()} is the name the statistics line, {@code -V} and the monitor
 * show. Terminal states end the node: nothing more is dialled or merged.
 */
public enum NodeState {
    /** Dialling (or waiting for a server to dial in), before its first session start. */
    CONNECTING(false),
    /** The session is opened and the scene files the server lacks are on their way. */
    SENDING_SCENE(false),
    /** The server has the scene and is starting its job. */
    STARTING(false),
    /** Connected again after a cut; reopening the session the server kept. */
    REATTACHING(false),
    /** The server renders and its deltas are pulled every upload interval. */
    RENDERING(false),
    /** The server spent its pass budget (or failed); its last delta is being collected. */
    FINISHED(false),
    /** Stop sent; waiting for the server's last delta. */
    STOPPING(false),
    /** The connection broke after the session started; reconnecting to collect what the server kept. */
    LOST(false),
    /** The server renders for another client; retrying with back-off. */
    BUSY(false),
    /** The server failed too often (errors, protocol violations, repeated cuts); left alone until forgiven. */
    ASIDE(false),
    /** The server delivered everything and ended its session. */
    DONE(true),
    /** Stopped before the server ever started rendering for this client. */
    STOPPED(true),
    /** Closed without collecting the rest (the client shut down). */
    ABANDONED(true),
    /** Stopping, and nothing listens on the server's port any more: its process is gone. */
    UNREACHABLE(true),
    /** Gave up collecting the last delta after the stop timeout; shown as "lost". */
    GAVE_UP(true),
    /** The server refused this client for good (password, version, scene). */
    REFUSED(true),
    /** Something unrecoverable happened (a corrupt delta, a film of the wrong size). */
    FAILED(true);

    private final boolean terminal;

    NodeState(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the node is over: it dials and merges nothing more. */
    public boolean terminal() {
        return terminal;
    }

    /** The name shown to people ("sending scene", "aside", ...). */
    public String label() {
        return this == GAVE_UP ? "lost" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

package org.luxnet.console;

/** The process exit codes of luxconsole, one meaning each. */
public final class ExitCode {
    private ExitCode() {
    }

    /** The render (or server session) finished. */
    public static final int OK = 0;
    /** Rendering failed (a device crashed, an internal error). */
    public static final int RENDER_FAILURE = 1;
    /** Bad command line or a scene that cannot be read or rendered as written. */
    public static final int USAGE = 2;
    /** A file could not be read or written, or the network failed. */
    public static final int IO = 3;
}

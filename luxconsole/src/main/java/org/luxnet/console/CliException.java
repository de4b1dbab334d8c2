package org.luxnet.console;

/**
 * A failure the command line reports in one line with a given exit code (a missing resume file, a
 * port in use ...). Thrown anywhere below the command; mapped in one place.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code, see {@link ExitCode}. */
    public int exitCode() {
        return exitCode;
    }
}

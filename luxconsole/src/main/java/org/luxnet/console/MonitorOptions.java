package org.luxnet.console;

import picocli.CommandLine.Option;

/** Options of the live monitor (local and client mode) and of a server's status port; a picocli mixin. */
public final class MonitorOptions {
    /** The monitor's port when {@code --monitor} is given without one. */
    static final int DEFAULT_PORT = 18080;

    @Option(names = "--monitor", arity = "0..1", paramLabel = "PORT", fallbackValue = "" + DEFAULT_PORT,
            description = "Serve the live monitor (a page and a JSON API) while rendering, on PORT "
                    + "(default " + DEFAULT_PORT + "; 0 picks a free port).")
    Integer port;

    @Option(names = "--monitor-bind", paramLabel = "ADDR",
            description = "Address the monitor and the status port listen on (default: ${DEFAULT-VALUE}, this "
                    + "machine only; 0.0.0.0 for every interface).")
    String bind = "127.0.0.1";

    @Option(names = "--status-port", paramLabel = "PORT",
            description = "Server mode: serve the server's state as JSON on PORT (GET /api/status, /api/nodes).")
    Integer statusPort;

    /** Checks the options for a render (local or client mode). */
    void checkForRender() {
        if (statusPort != null) {
            throw new CliException(ExitCode.USAGE, "--status-port is for render servers (-s); a render serves its "
                    + "state with --monitor");
        }
        checkPort("--monitor", port);
    }

    /** Checks the options for server mode. */
    void checkForServer() {
        if (port != null) {
            throw new CliException(ExitCode.USAGE, "--monitor watches a render; a render server (-s) serves its state "
                    + "with --status-port");
        }
        checkPort("--status-port", statusPort);
    }

    private static void checkPort(String option, Integer p) {
        if (p != null && (p < 0 || p > 65535)) {
            throw new CliException(ExitCode.USAGE, option + " must be a port from 0 to 65535, got " + p);
        }
    }
}

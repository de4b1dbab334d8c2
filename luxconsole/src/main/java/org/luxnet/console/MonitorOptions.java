package org.luxnet.console;

import java.util.Stack;
import org.luxnet.monitor.ActionToken;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of the live monitor (local and client mode) and of a server's status port; a picocli mixin. */
public final class MonitorOptions {
    /** The monitor's port when {@code --monitor} is given without one. */
    static final int DEFAULT_PORT = 18080;

    @Option(names = "--monitor", arity = "0..1", paramLabel = "PORT", parameterConsumer = PortOrNothing.class,
            description = "Serve the live monitor (a page and a JSON API) while rendering, on PORT "
                    + "(default " + DEFAULT_PORT + "; 0 picks a free port).")
    Integer port;

    @Option(names = "--monitor-bind", paramLabel = "ADDR",
            description = "Address the monitor and the status port listen on (default: ${DEFAULT-VALUE}, this "
                    + "machine only; 0.0.0.0 for every interface).")
    String bind = "127.0.0.1";

    @Option(names = "--monitor-token", paramLabel = "TOKEN",
            description = "The secret the monitor's actions (stop, write, add server) require, 8 to 256 printable "
                    + "characters (default: a random one, printed with the monitor's URL).")
    String token;

    @Option(names = "--status-port", paramLabel = "PORT",
            description = "Server mode: serve the server's state as JSON on PORT (GET /api/status, /api/nodes).")
    Integer statusPort;

    /**
     * Takes the next argument as {@code --monitor}'s port only when it is a number, so that {@code
     * --monitor scene.lxs} means the default port and the scene rather than a bad port.
     */
    static final class PortOrNothing implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
            String next = args.isEmpty() ? null : args.peek();
            if (next == null || !next.matches("-?\\d+")) {
                option.setValue(DEFAULT_PORT);
                return;
            }
            args.pop();
            if (!next.matches("-?\\d{1,9}")) {
                throw new ParameterException(command.commandLine(), "--monitor must be a port from 0 to 65535, got "
                        + next);
            }
            option.setValue(Integer.parseInt(next));
        }
    }

    /** Checks the options for a render (local or client mode). */
    void checkForRender() {
        if (statusPort != null) {
            throw new CliException(ExitCode.USAGE, "--status-port is for render servers (-s); a render serves its "
                    + "state with --monitor");
        }
        checkPort("--monitor", port);
        actionToken();
    }

    /** The monitor's action token: {@code --monitor-token}, or a random one. */
    ActionToken actionToken() {
        try {
            return token == null ? ActionToken.random() : new ActionToken(token);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--monitor-token: " + e.getMessage());
        }
    }

    /** Checks the options for server mode. */
    void checkForServer() {
        if (port != null) {
            throw new CliException(ExitCode.USAGE, "--monitor watches a render; a render server (-s) serves its state "
                    + "with --status-port");
        }
        if (token != null) {
            throw new CliException(ExitCode.USAGE, "--monitor-token guards a render's monitor; a server's status port "
                    + "(-s --status-port) takes no actions");
        }
        checkPort("--status-port", statusPort);
    }

    private static void checkPort(String option, Integer p) {
        if (p != null && (p < 0 || p > 65535)) {
            throw new CliException(ExitCode.USAGE, option + " must be a port from 0 to 65535, got " + p);
        }
    }
}

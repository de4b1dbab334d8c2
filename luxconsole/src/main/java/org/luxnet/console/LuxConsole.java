package org.luxnet.console;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.luxnet.scene.SceneException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * luxconsole: renders a LuxRender (.lxs) or pbrt-v3 scene progressively on this machine, printing
 * LuxRender's statistics line. The command only parses options, picks the mode and maps failures to
 * exit codes (0 ok, 1 render failure, 2 usage or scene error, 3 I/O or network); the work lives in
 * the mode classes.
 */
@Command(name = "luxconsole", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Progressive path tracer for LuxRender (.lxs) and pbrt-v3 scenes, with LuxRender statistics.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered", "1:rendering failed", "2:bad command line or scene", "3:file or network error"})
public final class LuxConsole implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RenderOptions render = new RenderOptions();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Mixin
    GpuOptions gpu = new GpuOptions();

    @Mixin
    MonitorOptions monitor = new MonitorOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENE", description = "The scene file (.lxs or .pbrt).")
    String scene;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (gpu.listDevices) {
            return GpuOptions.list(out);
        }
        if (network.server) {
            return new ServerMode(render, network, gpu, monitor, out, err).run();
        }
        if (scene == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: SCENE");
        }
        if (!network.servers.isEmpty()) {
            return new ClientMode(render, network, gpu, monitor, out, err).run(scene);
        }
        return new LocalRender(render, gpu, monitor, out, err).run(scene);
    }

    /** A command line ready to execute, with luxconsole's exception-to-exit-code mapping. */
    public static CommandLine commandLine() {
        LuxConsole app = new LuxConsole();
        CommandLine cl = new CommandLine(app);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            int code;
            if (e instanceof CliException ce) {
                err.println("error: " + ce.getMessage());
                code = ce.exitCode();
            } else if (e instanceof SceneException) {
                err.println("error: " + e.getMessage());
                code = ExitCode.USAGE;
            } else if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                err.println("error: " + e.getMessage());
                code = ExitCode.IO;
            } else {
                err.println("error: internal failure: " + e);
                code = ExitCode.RENDER_FAILURE;
            }
            if (app.render.verbose) {
                (e instanceof CliException && e.getCause() != null ? e.getCause() : e).printStackTrace(err);
            } else if (code == ExitCode.RENDER_FAILURE) {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return code;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        SignalExit.commandEnded(code);
        System.exit(code);
    }
}

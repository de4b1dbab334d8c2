package org.luxnet.console;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * luxconsole: renders LuxRender (.lxs) or pbrt-v3 scenes progressively on this machine, printing
 * LuxRender's statistics line, with LuxRender's command line (console/commandline.cpp). The command
 * only parses options, picks the mode and maps failures to exit codes (0 ok, 1 render failure, 2
 * usage or scene error, 3 I/O or network); the work lives in the mode classes.
 */
@Command(name = "luxconsole", versionProvider = Version.class, sortOptions = false, subcommands = MergeCommand.class,
        description = "Progressive path tracer for LuxRender (.lxs) and pbrt-v3 scenes, with LuxRender statistics.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered (also after Ctrl-C, once the images are written)", "1:rendering failed",
            "2:bad command line or scene", "3:file or network error"})
public final class LuxConsole implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Mixin
    RenderOptions render = new RenderOptions();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Mixin
    GpuOptions gpu = new GpuOptions();

    @Mixin
    MonitorOptions monitor = new MonitorOptions();

    @Option(names = {"-L", "--list-file"}, paramLabel = "FILE",
            description = "Render the scenes listed in FILE, one per line, after those named ('-': read the list from standard input).")
    String listFile;

    @Option(names = {"-C", "--configfile"}, paramLabel = "FILE", description = "Read options from FILE: name=value lines "
            + "with LuxRender's long names (default: " + ConfigFile.DEFAULT + " in the working directory, when present).")
    String configFile;

    @Parameters(arity = "0..*", paramLabel = "SCENE",
            description = "Scene files (.lxs or .pbrt), rendered one after another; '-' reads one from standard input.")
    List<String> scenes = new ArrayList<>();

    @Option(names = "--frames", arity = "2", paramLabel = "PATTERN RANGE",
            description = "Render an animation: the scenes PATTERN (its run of '#' is the frame number, e.g. "
                    + "'scene-####.lxs') for the frames RANGE (e.g. 1-100), in order, each to its halt, on this machine "
                    + "and the servers; with -o BASE frame n writes BASE-n; -r resumes after the last finished frame.")
    List<String> frames;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (render.debug) {
            render.verbose = true;
        }
        if (!network.resetServers.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "--resetserver is not supported: a render server frees itself when "
                    + "its client stops, or when the client is silent for the server's --lease");
        }
        if (gpu.listDevices) {
            return GpuOptions.list(out);
        }
        // What the user asked to be silent: information (-q) and warnings too (-x); errors always show.
        PrintWriter info = render.hideInfo() ? Silent.writer() : out;
        PrintWriter warn = render.veryQuiet ? Silent.writer() : err;
        render.checkEpsilon(warn);
        if (network.server) {
            if (!scenes.isEmpty() || listFile != null) {
                warn.println("warning: server mode ignores the scene files given");
                warn.flush();
            }
            return new ServerMode(render, network, gpu, monitor, info, warn).run();
        }
        if (frames != null) {
            if (!scenes.isEmpty() || listFile != null) {
                throw new CliException(ExitCode.USAGE, "--frames names the scenes: give no other scene file");
            }
            return renderFrames(FrameSequence.parse(frames, render.output), info, warn);
        }
        List<String> all = SceneList.of(scenes, listFile);
        if (all.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: SCENE");
        }
        if (all.size() > 1 && (render.output != null || render.overrideResume != null)) {
            throw new CliException(ExitCode.USAGE, (render.output != null ? "-o" : "-R") + " names one film, but "
                    + all.size() + " scenes were given: each renders to its own Film filename");
        }
        if (all.size() == 1) {
            return renderOne(all.get(0), info, warn);
        }
        int result = ExitCode.OK;
        for (String scene : all) {
            if (SignalExit.signalled()) {
                break;
            }
            int code;
            try {
                code = renderOne(scene, info, warn);
            } catch (Exception e) {
                // As LuxRender, a scene that fails is reported and skipped; the exit code tells.
                code = report(e, err, render.verbose);
            }
            if (result == ExitCode.OK) {
                result = code;
            }
        }
        return result;
    }

    /** Renders the frames in order, each to its halt; stops at the first frame that fails. */
    private int renderFrames(FrameSequence seq, PrintWriter info, PrintWriter warn) throws Exception {
        String base = render.output;
        boolean resume = render.resume;
        java.util.Set<Integer> done = resume ? seq.finished() : java.util.Set.of();
        if (!resume) {
            seq.reset();
        }
        try {
            for (int f : seq.frames()) {
                if (done.contains(f)) {
                    info.println("Frame " + f + " finished before; skipping it");
                    continue;
                }
                if (SignalExit.signalled()) {
                    return ExitCode.RENDER_FAILURE;
                }
                render.output = base == null ? null : seq.output(base, f);
                render.resume = false;
                info.println("Frame " + f + ": " + seq.scene(f));
                info.flush();
                int code = renderOne(seq.scene(f), info, warn);
                if (code != ExitCode.OK) {
                    return code;
                }
                seq.finished(f);
            }
            return ExitCode.OK;
        } finally {
            render.output = base;
            render.resume = resume;
        }
    }

    private int renderOne(String scene, PrintWriter info, PrintWriter warn) throws Exception {
        return new Render(render, network, gpu, monitor, info, warn).run(scene);
    }

    /** Prints {@code e} as luxconsole reports failures and returns its exit code. */
    static int report(Exception e, PrintWriter err, boolean verbose) {
        int code;
        if (e instanceof CliException ce) {
            err.println("error: " + ce.getMessage());
            code = ce.exitCode();
        } else if (e instanceof SceneFileException) {
            // A scene file, Include, mesh or image that cannot be read is a file error, not a bad scene.
            err.println("error: " + e.getMessage());
            code = ExitCode.IO;
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
        if (verbose) {
            (e instanceof CliException && e.getCause() != null ? e.getCause() : e).printStackTrace(err);
        } else if (code == ExitCode.RENDER_FAILURE) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    /** A command line ready to execute, with luxconsole's exception-to-exit-code mapping. */
    public static CommandLine commandLine() {
        LuxConsole app = new LuxConsole();
        CommandLine cl = new CommandLine(app);
        // Options from the configuration file come first; the command line's own values win.
        cl.setOverwrittenOptionsAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr(), app.render.verbose || app.render.debug));
        return cl;
    }

    /**
     * Runs luxconsole with {@code args} on {@code cl} (from {@link #commandLine}), after the options of
     * the configuration file ({@code -C FILE}, or {@code luxconsole.cfg} when present).
     */
    public static int execute(CommandLine cl, String... args) {
        String[] all;
        try {
            all = ConfigFile.prepend(cl.getCommandSpec(), args);
        } catch (CliException e) {
            return report(e, cl.getErr(), false);
        }
        return cl.execute(all);
    }

    public static void main(String[] args) {
        int code = execute(commandLine(), args);
        SignalExit.commandEnded(code);
        System.exit(code);
    }
}

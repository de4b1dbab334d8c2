package org.luxnet.console;

import picocli.CommandLine.Option;

/** Options that control a render, shared by local and client mode (a picocli mixin). */
public final class RenderOptions {
    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "CPU render threads (default: all cores, ${DEFAULT-VALUE} here; 0 renders on no local CPU).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--output"}, paramLabel = "BASE",
            description = "Output file name without extension (default: the scene's Film filename).")
    String output;

    @Option(names = "--halt-spp", paramLabel = "N", description = "Stop at N samples per pixel (overrides the scene).")
    Integer haltSpp;

    @Option(names = "--halt-time", paramLabel = "SECONDS", description = "Stop after this many seconds (overrides the scene).")
    Double haltTime;

    @Option(names = "--halt-noise", paramLabel = "ERR",
            description = "Stop when 90%% of pixels have a relative standard error below ERR (e.g. 0.02).")
    Double haltNoise;

    @Option(names = "--chunk", paramLabel = "I/N", converter = ChunkConverter.class,
            description = "Render chunk I of N (from 0) of the frame: its own sample stream, its share of the "
                    + "samples-per-pixel halt; merge the chunks' --write-flm films with 'luxconsole merge'.")
    Chunk chunk;

    @Option(names = "--seed", paramLabel = "N", description = "Session seed: same seed, same image (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = {"-r", "--resume"}, description = "Resume from the FLM film written by an earlier render (BASE.flm).")
    boolean resume;

    @Option(names = "--write-flm", description = "Also write BASE.flm, the exact film to resume from (as write_resume_flm).")
    boolean writeFlm;

    @Option(names = "--write-interval", paramLabel = "SECONDS",
            description = "Write images this often while rendering (default: the scene's writeinterval, 60 s).")
    Double writeInterval;

    @Option(names = "--stats-interval", paramLabel = "SECONDS",
            description = "Print the statistics line this often (default: ${DEFAULT-VALUE}).")
    double statsInterval = 5;

    @Option(names = {"-R", "--overrideresume"}, paramLabel = "FLM",
            description = "Resume from this FLM film (as -r, from a file of another name); images are still written to BASE.")
    String overrideResume;

    @Option(names = {"-f", "--fixedseed"}, description = "Fixed seeds (LuxRender's -f). Always so here: --seed N, default 1.")
    boolean fixedSeed;

    @Option(names = {"-e", "--minepsilon"}, paramLabel = "E", description = "LuxRender's minimum ray epsilon: accepted "
            + "for its scripts, with no effect (a ray leaves a surface by an offset scaled to its hit point's float "
            + "precision, not by a global epsilon).")
    Float minEpsilon;

    @Option(names = {"-E", "--maxepsilon"}, paramLabel = "E", description = "LuxRender's maximum ray epsilon: as -e.")
    Float maxEpsilon;

    @Option(names = {"-V", "--verbose"}, description = "Debug messages: per-node and per-device lines, and stack traces on errors.")
    boolean verbose;

    @Option(names = {"-d", "--debug"}, description = "Debug mode: as --verbose.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Hide information (statistics lines, files written); show warnings and errors.")
    boolean quiet;

    @Option(names = {"-x", "--very-quiet"}, description = "Hide warnings too; show errors only.")
    boolean veryQuiet;

    @Option(names = {"-l", "--logconsole"}, description = "Copy the log to the console (it always goes there; accepted for LuxRender's scripts).")
    boolean logConsole;

    /**
     * Checks {@code -e}/{@code -E} as LuxRender reads them (positive numbers, the minimum not above the
     * maximum) and says that they change nothing here; silent without them.
     */
    void checkEpsilon(java.io.PrintWriter warn) {
        if (minEpsilon == null && maxEpsilon == null) {
            return;
        }
        for (Float e : new Float[] {minEpsilon, maxEpsilon}) {
            if (e != null && !(e > 0 && Float.isFinite(e))) {
                throw new CliException(ExitCode.USAGE, "-e/-E: an epsilon must be a positive number, got " + e);
            }
        }
        if (minEpsilon != null && maxEpsilon != null && minEpsilon > maxEpsilon) {
            throw new CliException(ExitCode.USAGE, "-e " + minEpsilon + " is above -E " + maxEpsilon);
        }
        warn.println("warning: -e/-E (ray epsilon) change nothing here: a ray leaves a surface by an offset scaled "
                + "to its hit point's float precision, not by a global epsilon");
        warn.flush();
    }

    /** Parses {@code --chunk I/N}. */
    static final class ChunkConverter implements picocli.CommandLine.ITypeConverter<Chunk> {
        @Override
        public Chunk convert(String value) {
            try {
                return Chunk.parse(value);
            } catch (CliException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Details (debug messages, stack traces) asked for. */
    boolean details() {
        return verbose || debug;
    }

    /** Information messages (statistics, files written) are hidden. */
    boolean hideInfo() {
        return quiet || veryQuiet;
    }

    /** The network log's level: FINE with -V or -d, WARNING with -q, SEVERE with -x, else INFO. */
    java.util.logging.Level logLevel() {
        return veryQuiet ? java.util.logging.Level.SEVERE : quiet ? java.util.logging.Level.WARNING
                : details() ? java.util.logging.Level.FINE : java.util.logging.Level.INFO;
    }

    /** The FLM film to resume from, or null for a fresh render: {@code -R FILE}, else {@code BASE.flm} with {@code -r}. */
    java.nio.file.Path resumeFilm(java.nio.file.Path base) {
        if (overrideResume != null) {
            return java.nio.file.Path.of(overrideResume);
        }
        return resume ? base.resolveSibling(base.getFileName() + ".flm") : null;
    }
}

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

    @Option(names = {"-v", "--verbose"}, description = "Per-node and per-device lines, and stack traces on errors.")
    boolean verbose;
}

package org.luxnet.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FlmContents;
import org.luxnet.accumulator.io.FlmFile;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * What a {@link Render} does before its first sample and after its last, with or without servers:
 * the scene, the halts, the output base (its directory checked), the film (resumed from an FLM with
 * {@code -r} or {@code -R}), the seed and where each stream goes on; then the Done line and the exit
 * code of how it went.
 */
final class RenderStart {
    final LoadedScene scene;
    final RenderSettings settings;
    final Halts halts;
    final Path base;
    final Film film;
    /** The resumed render's state, or null for a fresh one. */
    final ResumeState prior;
    /** The resumed film's metadata (empty for a fresh render). */
    final Map<String, String> metadata;
    /** Samples in the film before this run. */
    final long doneSamples;

    private RenderStart(LoadedScene scene, Halts halts, Path base, Film film, ResumeState prior,
                        Map<String, String> metadata) {
        this.scene = scene;
        this.settings = scene.compiled().settings();
        this.halts = halts;
        this.base = base;
        this.film = film;
        this.prior = prior;
        this.metadata = metadata;
        this.doneSamples = film.totalSamples();
    }

    /** Checks the options every render shares; before anything is loaded. */
    static void checkOptions(RenderOptions o, MonitorOptions mon) {
        if (o.threads < 0) {
            throw new CliException(ExitCode.USAGE, "--threads must not be negative, got " + o.threads);
        }
        if (!(o.statsInterval > 0)) {
            throw new CliException(ExitCode.USAGE, "--stats-interval must be positive, got " + o.statsInterval);
        }
        mon.checkForRender();
    }

    /** Loads the scene and the film to continue, printing "Resuming ..." when it resumes. */
    static RenderStart prepare(String scenePath, RenderOptions o, PrintWriter out, PrintWriter err) {
        LoadedScene scene = LoadedScene.load(scenePath, err);
        RenderSettings s = scene.compiled().settings();
        Halts halts = Halts.resolve(o, s);
        Path base = Outputs.base(s, o);
        Outputs.checkDirectory(base);
        Film film = new Film(s.width(), s.height(), s.scaleBits());
        Path flm = o.resumeFilm(base);
        if (flm == null) {
            return new RenderStart(scene, halts, base, film, null, Map.of());
        }
        FlmContents c = read(flm, film);
        ResumeState prior = ResumeState.fromMetadata(c.metadata(), flm.toString());
        if (!prior.sceneSha256().equals(scene.sha256())) {
            throw new CliException(ExitCode.USAGE, "cannot resume from " + flm + ": the scene has changed since it was written");
        }
        if (c.film().width() != film.width() || c.film().height() != film.height() || c.film().scaleBits() != film.scaleBits()) {
            throw new CliException(ExitCode.USAGE, "cannot resume from " + flm + ": it holds a " + c.film().width() + "x"
                    + c.film().height() + " film, the scene renders " + film.width() + "x" + film.height());
        }
        out.printf(Locale.ROOT, "Resuming %s: %.2f S/p, %s rendered%n", flm, c.film().samplesPerPixel(),
                Render.formatDuration(prior.elapsed()));
        return new RenderStart(scene, halts, base, c.film(), prior, c.metadata());
    }

    private static FlmContents read(Path flm, Film probe) {
        if (!Files.exists(flm)) {
            throw new CliException(ExitCode.IO, "cannot resume: " + flm + " does not exist (render with --write-flm first)");
        }
        try {
            return FlmFile.read(flm, probe.pixelCount());
        } catch (IOException e) {
            throw new CliException(ExitCode.IO, "cannot resume: " + e.getMessage(), e);
        }
    }

    /** True, after saying so, when the film already reaches the samples-per-pixel halt. */
    boolean nothingToDo(PrintWriter out) {
        if (halts.spp() > 0 && film.totalSamples() >= (long) halts.spp() * film.pixelCount()) {
            out.printf(Locale.ROOT, "Nothing to do: the film already has %.2f S/p (halt at %d)%n", film.samplesPerPixel(),
                    halts.spp());
            out.flush();
            return true;
        }
        return false;
    }

    /** The session seed: the resumed render's, else {@code --seed}. */
    long seed(RenderOptions o) {
        return prior != null ? prior.seed() : o.seed;
    }

    /** Where the local streams go on (null for a fresh render). */
    long[] localStart() {
        return prior != null ? prior.nextItems() : null;
    }

    /** Render time before this run. */
    Duration before() {
        return prior != null ? prior.elapsed() : Duration.ZERO;
    }

    /** Prints the Done line of {@code result}. */
    void printDone(RenderDriver.Result result, PrintWriter out) {
        double secs = Math.max(1e-9, result.elapsed().minus(before()).toNanos() / 1e9);
        out.printf(Locale.ROOT, "Done (%s): %.2f S/p in %s, %.2f kS/s average%n", Render.describeReason(result.reason()),
                (double) result.samples() / film.pixelCount(), Render.formatDuration(result.elapsed()),
                (result.samples() - doneSamples) / secs / 1000);
        out.flush();
    }

    /**
     * The exit code of a finished render: a failed local device is a render failure (1), final images
     * that could not be written an I/O error (3); else 0.
     */
    static int outcome(Throwable localFailure, ConsoleListener console) {
        if (localFailure != null) {
            throw new CliException(ExitCode.RENDER_FAILURE, "rendering failed: " + localFailure, localFailure);
        }
        if (console.lastWriteError() != null) {
            throw new CliException(ExitCode.IO, "could not write the final images: " + console.lastWriteError().getMessage(),
                    console.lastWriteError());
        }
        return ExitCode.OK;
    }
}

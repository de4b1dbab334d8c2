package org.luxnet.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/** Renders scenes for tests through the real parser, compiler and session, and compares images. */
public final class RenderSupport {
    private RenderSupport() {
    }

    /** The repository's examples directory (tests run in a module directory). */
    public static Path examples() {
        Path p = Path.of("..", "examples");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("examples/ not found from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Parses and compiles a scene file. */
    public static CompiledRender compile(Path scene) {
        return SceneCompiler.compile(SceneParser.parse(scene));
    }

    /** Renders {@code spp} passes of {@code cr} on {@code threads} CPU threads with {@code seed}. */
    public static Film render(CompiledRender cr, int spp, int threads, long seed) {
        return render(cr, spp, threads, seed, null);
    }

    /** As {@link #render(CompiledRender, int, int, long)}, starting the CPU stream at {@code startItem}. */
    public static Film render(CompiledRender cr, int passes, int threads, long seed, long[] startItems) {
        var s = cr.settings();
        RenderSession session = new RenderSession(cr.scene(), s,
                new SessionOptions(threads, seed, 0, passes, java.util.List.of(), startItems));
        Film film = new Film(s.width(), s.height(), s.scaleBits());
        session.start();
        if (!session.awaitStopped(Duration.ofMinutes(10))) {
            session.requestStop();
            throw new AssertionError("render did not finish in 10 minutes");
        }
        if (session.failure() != null) {
            throw new AssertionError("render failed", session.failure());
        }
        session.drainInto(film);
        return film;
    }

    public static RgbImage readPfm(Path p) throws IOException {
        return PfmIO.read(p);
    }

    /** Ratio of the mean of all channels of {@code a} to that of {@code b}. */
    public static double meanRatio(float[] a, float[] b) {
        double sa = 0, sb = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
        }
        return sa / sb;
    }

    /** Root mean square difference with every value clamped to at most 1 first. */
    public static double clampedRmse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.min(a[i], 1.0) - Math.min(b[i], 1.0);
            s += d * d;
        }
        return Math.sqrt(s / a.length);
    }
}

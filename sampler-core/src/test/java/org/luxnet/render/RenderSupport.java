package org.luxnet.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.accumulator.image.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.luxnet.render.device.GpuDevice;
import org.luxnet.render.device.GpuDevices;
import org.luxnet.render.device.OpenClDeviceInfo;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.render.transport.PathTraceKernel;
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

    /** The devices that run the light transport, for tests that must hold on each. */
    public enum Device {
        /** CPU render threads (two). */
        CPU,
        /** The first OpenCL device (PoCL in CI); a test on it is skipped, saying why, where there is none. */
        OPENCL
    }

    /** Renders {@code spp} passes of {@code cr} on {@code threads} CPU threads with {@code seed}. */
    public static Film render(CompiledRender cr, int spp, int threads, long seed) {
        return render(cr, spp, threads, seed, null);
    }

    /** Renders {@code spp} passes of {@code cr} on {@code device} alone with {@code seed}. */
    public static Film render(CompiledRender cr, int spp, Device device, long seed) {
        if (device == Device.CPU) {
            return render(cr, spp, 2, seed);
        }
        List<OpenClDeviceInfo> devices = GpuDevices.list();
        Assumptions.assumeFalse(devices.isEmpty(), "no OpenCL device on this machine (CI installs PoCL)");
        var s = cr.settings();
        RenderSession session = new RenderSession(cr.scene(), s,
                new SessionOptions(0, seed, 0, spp, List.of(new GpuDevice(devices.get(0))), null));
        return run(session, s);
    }

    /** As {@link #render(CompiledRender, int, int, long)}, starting the CPU stream at {@code startItem}. */
    public static Film render(CompiledRender cr, int passes, int threads, long seed, long[] startItems) {
        var s = cr.settings();
        RenderSession session = new RenderSession(cr.scene(), s,
                new SessionOptions(threads, seed, 0, passes, List.of(), startItems));
        return run(session, s);
    }

    private static Film run(RenderSession session, org.luxnet.scene.compiled.RenderSettings s) {
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

    /** The light transport of {@code cr} with room for one work item, for its host-side camera and ray queries. */
    public static PathTraceKernel transport(CompiledRender cr) {
        return new PathTraceKernel(cr.scene(), cr.settings(), RenderSession.createFilter(cr.settings().filter()), 1, 1);
    }

    /** The light transport of a tiny scene (a sphere before a 4x4 camera), for tests of its parts. */
    public static PathTraceKernel tinyTransport(Path dir) throws IOException {
        Path f = Files.createTempFile(dir, "tiny", ".pbrt");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"image\" \"integer xresolution\" [4] \"integer yresolution\" [4]\n"
                + "WorldBegin\nShape \"sphere\"\nWorldEnd\n");
        return transport(compile(f));
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

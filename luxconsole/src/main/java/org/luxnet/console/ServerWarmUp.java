package org.luxnet.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.luxnet.accumulator.Film;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;
import org.luxnet.scene.parse.SceneResources;

/**
 * Warms an idle render server up: parses, compiles and renders a tiny built-in scene (every material,
 * an area light, a sphere and a mesh) so that classes are loaded and the hot loops compiled before
 * the first client's scene arrives, which then starts rendering in milliseconds instead of
 * hundreds of them. Runs once, on a low-priority daemon thread, for about half a second.
 */
final class ServerWarmUp {
    private static final Logger LOG = Logger.getLogger("org.luxnet.bridge.backend");
    private static final String SCENE = String.join("\n",
            "LookAt 0 1 -4  0 0.5 0  0 1 0",
            "Camera \"perspective\" \"float fov\" [40]",
            "Film \"fleximage\" \"integer xresolution\" [32] \"integer yresolution\" [32]",
            "PixelFilter \"mitchell\"",
            "WorldBegin",
            "AttributeBegin",
            "AreaLightSource \"area\" \"color L\" [10 10 10] \"float power\" [0]",
            "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-1 3 -1 1 3 -1 1 3 1 -1 3 1]",
            "AttributeEnd",
            "Material \"matte\" \"color Kd\" [0.6 0.6 0.6]",
            "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-3 0 -3 -3 0 3 3 0 3 3 0 -3]",
            "AttributeBegin", "Translate -1 0.5 0", "Material \"glass\"", "Shape \"sphere\" \"float radius\" [0.4]",
            "AttributeEnd",
            "AttributeBegin", "Translate 0 0.5 0", "Material \"metal\"", "Shape \"sphere\" \"float radius\" [0.4]",
            "AttributeEnd",
            "AttributeBegin", "Translate 1 0.5 0", "Material \"glossy\"", "Shape \"sphere\" \"float radius\" [0.4]",
            "AttributeEnd",
            "WorldEnd", "");

    private ServerWarmUp() {
    }

    /** Starts the warm-up in the background; returns at once. */
    static Thread start(int threads) {
        Thread t = new Thread(() -> run(threads), "luxconsole-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Renders the built-in scene for {@code passes} passes; returns the samples rendered. */
    static long run(int threads) {
        long t0 = System.nanoTime();
        SceneResources builtIn = new SceneResources() {
            @Override
            public Resource open(String includingFile, String path, FileLoc loc) {
                if (!path.equals("warm-up.lxs")) {
                    throw new SceneException(loc, "the warm-up scene has no file " + path);
                }
                return new Resource(path, SCENE.getBytes(StandardCharsets.UTF_8));
            }
        };
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse("warm-up.lxs", builtIn));
        RenderSession session = new RenderSession(cr.scene(), cr.settings(),
                new SessionOptions(Math.max(1, threads), 1, 0, 256, List.of(), null), "warm-up");
        session.start();
        session.awaitStopped(Duration.ofSeconds(30));
        Film film = new Film(cr.settings().width(), cr.settings().height(), cr.settings().scaleBits());
        long n = session.drainInto(film);
        LOG.fine(() -> String.format("warmed up: %d samples in %.0f ms", n, (System.nanoTime() - t0) / 1e6));
        return n;
    }
}

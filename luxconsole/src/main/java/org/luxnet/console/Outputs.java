package org.luxnet.console;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.luxnet.accumulator.image.FilmImages;
import org.luxnet.scene.compiled.RenderSettings;

/** Builds the image output of a render from its settings and the command line. */
final class Outputs {
    private Outputs() {
    }

    /** The base path: {@code -o} if given, else the scene's Film filename without extension. */
    static Path base(RenderSettings s, RenderOptions o) {
        return Path.of(o.output != null ? o.output : s.outputBase());
    }

    static FilmImages create(RenderSettings s, RenderOptions o, Supplier<Map<String, String>> flmMetadata) {
        // The scene compiler already validated the kernel and its parameters.
        boolean flm = s.writeFlm() || o.writeFlm || o.resume;
        return new FilmImages(base(s, o), s.writePng(), s.writeExr(), s.writePfm(), flm, s.tonemap().imaging(), flmMetadata);
    }
}

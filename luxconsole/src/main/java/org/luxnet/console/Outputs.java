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

    /** Extensions of the files a render writes: {@code -o x.png} means the base {@code x}. */
    private static final java.util.List<String> EXTENSIONS = java.util.List.of(".png", ".exr", ".pfm", ".flm");

    /**
     * The base path: {@code -o} if given (without an image extension it may end with), else the
     * scene's Film filename without extension.
     */
    static Path base(RenderSettings s, RenderOptions o) {
        if (o.output == null) {
            return Path.of(s.outputBase());
        }
        return base(o.output);
    }

    /** {@code output} without an image extension it may end with. */
    static Path base(String output) {
        String b = output;
        for (String ext : EXTENSIONS) {
            if (b.length() > ext.length() && b.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                b = b.substring(0, b.length() - ext.length());
                break;
            }
        }
        return Path.of(b);
    }

    /**
     * Fails at the start, not after the render, when the images could not be written: the output
     * directory does not exist or is not a directory.
     */
    static void checkDirectory(Path base) {
        Path dir = base.toAbsolutePath().getParent();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new CliException(ExitCode.IO, "cannot write " + base + ".*: the directory " + dir
                    + (java.nio.file.Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
    }

    /**
     * {@code out}, except that a film without a single sample is not written: a render that never got
     * going (every server refused, Ctrl-C at once) leaves the images of an earlier render alone.
     */
    static org.luxnet.accumulator.progress.ImageOutput nonEmpty(org.luxnet.accumulator.progress.ImageOutput out) {
        return (film, last) -> film.totalSamples() == 0 ? java.util.List.of() : out.write(film, last);
    }

    static FilmImages create(RenderSettings s, RenderOptions o, Supplier<Map<String, String>> flmMetadata) {
        // The scene compiler already validated the kernel and its parameters.
        boolean flm = s.writeFlm() || o.writeFlm || o.resume || o.overrideResume != null;
        return new FilmImages(base(s, o), s.writePng(), s.writeExr(), s.writePfm(), flm, s.tonemap().imaging(), flmMetadata);
    }
}

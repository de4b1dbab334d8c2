package org.luxnet.accumulator.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FlmFile;
import org.luxnet.accumulator.progress.ImageOutput;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.luxnet.accumulator.tonemap.ToneMapper;

/**
 * Writes a render's files from its film: a tonemapped PNG, linear OpenEXR and PFM, and the FLM film
 * for resuming, each when enabled, named {@code base + extension}. Every file is written atomically,
 * so an interrupted write leaves the previous version intact.
 *
 * @param base          path without extension
 * @param png           write {@code base.png}
 * @param exr           write {@code base.exr} (linear, 32-bit float, ZIP compressed)
 * @param pfm           write {@code base.pfm} (linear)
 * @param flm           write {@code base.flm} (exact sums plus resume metadata)
 * @param toneMapper    tonemapping for the PNG
 * @param encoding      display curve for the PNG
 * @param flmMetadata   supplies the resume metadata at the time of writing (may be null without FLM)
 */
public record FilmImages(Path base, boolean png, boolean exr, boolean pfm, boolean flm, ToneMapper toneMapper,
                         DisplayEncoding encoding, Supplier<Map<String, String>> flmMetadata) implements ImageOutput {

    /** The path of the file with extension {@code ext} ("png", "flm" ...). */
    public Path file(String ext) {
        Path name = base.getFileName();
        return base.resolveSibling(name + "." + ext);
    }

    /**
     * Writes every enabled file. A file that fails does not keep the others from being written (the
     * resume film matters most when the PNG cannot be written); then an {@link ImageWriteException}
     * with the first failure (the others suppressed) says which files were written.
     */
    @Override
    public List<Path> write(Film film, boolean last) throws IOException {
        List<Path> out = new ArrayList<>();
        float[] rgb = film.toRgb();
        int w = film.width(), h = film.height();
        IOException failure = null;
        if (png) {
            failure = attempt(out, file("png"), p -> PngWriter.write(p, toneMapper.map(rgb, w, h), w, h, encoding), failure);
        }
        if (exr) {
            failure = attempt(out, file("exr"), p -> ExrIO.write(p, rgb, w, h), failure);
        }
        if (pfm) {
            failure = attempt(out, file("pfm"), p -> PfmIO.write(p, rgb, w, h), failure);
        }
        if (flm) {
            failure = attempt(out, file("flm"), p -> FlmFile.write(p, film, flmMetadata == null ? Map.of() : flmMetadata.get()),
                    failure);
        }
        if (failure != null) {
            throw new ImageWriteException(failure, out);
        }
        return out;
    }

    private interface FileWrite {
        void write(Path p) throws IOException;
    }

    private static IOException attempt(List<Path> written, Path p, FileWrite w, IOException earlier) {
        try {
            w.write(p);
            written.add(p);
            return earlier;
        } catch (IOException | RuntimeException e) {
            IOException io = e instanceof IOException ioe ? ioe : new IOException("writing " + p + " failed: " + e, e);
            if (earlier == null) {
                return io;
            }
            earlier.addSuppressed(io);
            return earlier;
        }
    }
}

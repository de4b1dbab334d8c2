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
import org.luxnet.accumulator.tonemap.OutputImaging;
import org.luxnet.accumulator.tonemap.ToneMapper;

/**
 * Writes a render's files from its film: a tonemapped PNG, OpenEXR and PFM, and the FLM film for
 * resuming, each when enabled, named {@code base + extension}; what each image holds is the scene's
 * renderer's choice ({@link OutputImaging}). Every file is written atomically, so an interrupted
 * write leaves the previous version intact.
 *
 * @param base          path without extension
 * @param png           write {@code base.png}
 * @param exr           write {@code base.exr} (32-bit float, ZIP compressed)
 * @param pfm           write {@code base.pfm}
 * @param flm           write {@code base.flm} (exact sums plus resume metadata)
 * @param imaging       the tone mapping of each image
 * @param flmMetadata   supplies the resume metadata at the time of writing (may be null without FLM)
 */
public record FilmImages(Path base, boolean png, boolean exr, boolean pfm, boolean flm, OutputImaging imaging,
                         Supplier<Map<String, String>> flmMetadata) implements ImageOutput {

    /** The PNG's tone mapping (the live monitor shows the same). */
    public ToneMapper toneMapper() {
        return imaging.png();
    }

    /** The PNG's display curve. */
    public DisplayEncoding encoding() {
        return imaging.encoding();
    }

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
            failure = attempt(out, file("png"), p -> PngWriter.write(p, imaging.encoding().toBytes(imaging.png().map(rgb, w, h)),
                    w, h, pngChunks()), failure);
        }
        if (exr) {
            failure = attempt(out, file("exr"), p -> ExrIO.write(p, imaging.exr().map(rgb, w, h), w, h), failure);
        }
        if (pfm) {
            failure = attempt(out, file("pfm"), p -> PfmIO.write(p, imaging.pfm().map(rgb, w, h), w, h), failure);
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

    /** LuxRender's gAMA and cHRM chunks, or null for pbrt's plain PNG. */
    private PngWriter.ColorChunks pngChunks() {
        if (imaging.pngColorSpace() == null || imaging.encoding().isSrgb()) {
            return null;
        }
        return new PngWriter.ColorChunks(1 / imaging.encoding().gamma(), imaging.pngColorSpace().chromaticities());
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

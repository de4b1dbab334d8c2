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

    @Override
    public List<Path> write(Film film, boolean last) throws IOException {
        List<Path> out = new ArrayList<>();
        float[] rgb = film.toRgb();
        int w = film.width(), h = film.height();
        if (png) {
            Path p = file("png");
            PngWriter.write(p, toneMapper.map(rgb, w, h), w, h, encoding);
            out.add(p);
        }
        if (exr) {
            Path p = file("exr");
            ExrIO.write(p, rgb, w, h);
            out.add(p);
        }
        if (pfm) {
            Path p = file("pfm");
            PfmIO.write(p, rgb, w, h);
            out.add(p);
        }
        if (flm) {
            Path p = file("flm");
            FlmFile.write(p, film, flmMetadata == null ? Map.of() : flmMetadata.get());
            out.add(p);
        }
        return out;
    }
}

package org.luxnet.accumulator.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.tonemap.ColorSpace;
import org.luxnet.accumulator.tonemap.LdrClamp;
import org.luxnet.accumulator.tonemap.LinearKernel;
import org.luxnet.accumulator.tonemap.OutputImaging;
import org.w3c.dom.Node;

/** What each file holds, written from a 2x1 film of known radiance. */
class FilmImagesTest {
    @TempDir
    Path dir;

    /** Pixel 0 radiance (0.8, 0.4, 0.2), pixel 1 (3, 1.5, 0.5), one sample of weight 1 each. */
    private static Film film() {
        Film f = new Film(2, 1, 32);
        f.addSample(0, 0, 1f, 0.8f, 0.4f, 0.2f);
        f.addSample(1, 0, 1f, 3f, 1.5f, 0.5f);
        return f;
    }

    @Test
    void pbrtFilmScaleReachesTheExrAndThePfmToo() throws Exception {
        // pbrt-v3 Film::WriteImage (src/core/film.cpp) multiplies every pixel by "scale" before
        // writing whatever format; the PNG is then sRGB-encoded and clamped.
        FilmImages out = new FilmImages(dir.resolve("pic"), true, true, true, false, OutputImaging.pbrt(0.25), null);
        List<Path> written = out.write(film(), true);
        assertEquals(3, written.size());
        RgbImage exr = ExrIO.read(dir.resolve("pic.exr"));
        RgbImage pfm = PfmIO.read(dir.resolve("pic.pfm"));
        float[] expected = {0.2f, 0.1f, 0.05f, 0.75f, 0.375f, 0.125f};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], exr.rgb()[i], 1e-6f, "exr " + i);
            assertEquals(expected[i], pfm.rgb()[i], 1e-6f, "pfm " + i);
        }
        BufferedImage png = ImageIO.read(dir.resolve("pic.png").toFile());
        assertEquals(124, (png.getRGB(0, 0) >> 16) & 0xFF, "sRGB(0.2) = 0.4845 -> 123.6 -> 124");
    }

    @Test
    void luxRenderExrIsTonemappedUnlessApplyImagingIsOff() throws Exception {
        // FlexImageFilm::WriteImage2: write_exr_applyimaging (default true) writes the tonemapped RGB,
        // before the LDR clamp and gamma; false writes the film converted to the output colour space.
        LinearKernel k = new LinearKernel(100, 0.838, 1, 2.2);
        double f = k.factor();
        FilmImages tm = new FilmImages(dir.resolve("tm"), true, true, false, false,
                OutputImaging.luxRender(k, 2.2, ColorSpace.LUXRENDER, LdrClamp.CUT, true), null);
        FilmImages raw = new FilmImages(dir.resolve("raw"), false, true, false, false,
                OutputImaging.luxRender(k, 2.2, ColorSpace.LUXRENDER, LdrClamp.CUT, false), null);
        Film film = film();
        tm.write(film, true);
        raw.write(film, true);
        RgbImage a = ExrIO.read(dir.resolve("tm.exr"));
        RgbImage b = ExrIO.read(dir.resolve("raw.exr"));
        assertEquals(3 * f, a.rgb()[3], 1e-5, "over-range values are kept in the tonemapped EXR");
        assertEquals(3, b.rgb()[3], 1e-5);
        assertEquals(0.8 * f, a.rgb()[0], 1e-5);
        BufferedImage png = ImageIO.read(dir.resolve("tm.png").toFile());
        // The PNG: 0.8 f, cut at 1, to the power 1/2.2, times 255, truncated.
        assertEquals((int) (255 * Math.pow(0.8 * f, 1 / 2.2)), (png.getRGB(0, 0) >> 16) & 0xFF);
        assertEquals(255, (png.getRGB(1, 0) >> 16) & 0xFF);
        // WritePngImage (core/pngio.cpp) records gAMA = 1/gamma and the colour space as cHRM.
        Node tree = pngMetadata(dir.resolve("tm.png"));
        assertEquals("45455", attribute(tree, "gAMA", "value"));
        assertEquals("63000", attribute(tree, "cHRM", "redX"));
        assertEquals("32941", attribute(tree, "cHRM", "whitePointY"));
    }

    @Test
    void pbrtPngCarriesNoColourChunks() throws Exception {
        new FilmImages(dir.resolve("p"), true, false, false, false, OutputImaging.pbrt(1), null).write(film(), true);
        assertNull(attribute(pngMetadata(dir.resolve("p.png")), "gAMA", "value"));
    }

    private static Node pngMetadata(Path p) throws Exception {
        ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            r.setInput(in);
            return r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        } finally {
            r.dispose();
        }
    }

    private static String attribute(Node tree, String node, String name) {
        for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(node)) {
                return n.getAttributes().getNamedItem(name).getNodeValue();
            }
        }
        return null;
    }
}

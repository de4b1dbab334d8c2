package org.luxnet.scene.compile;

import org.luxnet.scene.SceneException;
import org.luxnet.scene.compiled.FilmFrame;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.ParamSet;

/**
 * Reads the film's resolution and {@code "float cropwindow" [x0 x1 y0 y1]} (fractions of the frame,
 * y downwards). Both renderers clamp each pair to [0, 1] after ordering it and take pixels
 * {@code ceil(res * c0)} up to {@code ceil(res * c1)}, exclusive (pbrt-v3 film.cpp CreateFilm and
 * Film::Film; LuxRender fleximage.cpp CreateFilm and FlexImageFilm::FlexImageFilm, which keeps at
 * least one pixel; an empty window is kept at one pixel here too).
 */
final class FilmFrames {
    private FilmFrames() {
    }

    /**
     * The frame of {@code film}, with each dialect's default resolution.
     *
     * @throws SceneException for a cropwindow without exactly four values
     */
    static FilmFrame of(EntityDesc film, boolean pbrt) {
        ParamSet p = film.params();
        int w = p.getInt("xresolution", pbrt ? 640 : 800);
        int h = p.getInt("yresolution", pbrt ? 480 : 600);
        float[] c = p.getFloats("cropwindow");
        if (c == null) {
            return FilmFrame.full(w, h);
        }
        if (c.length != 4) {
            throw new SceneException(p.get("cropwindow").loc(), "cropwindow needs 4 values (xmin xmax ymin ymax, "
                    + "fractions of the image), got " + c.length);
        }
        int x0 = start(w, c[0], c[1]), x1 = end(w, c[0], c[1]);
        int y0 = start(h, c[2], c[3]), y1 = end(h, c[2], c[3]);
        x0 = Math.min(x0, Math.max(0, w - 1));
        y0 = Math.min(y0, Math.max(0, h - 1));
        return new FilmFrame(w, h, x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    private static int start(int res, float a, float b) {
        return (int) Math.ceil(res * clamp(Math.min(a, b)));
    }

    private static int end(int res, float a, float b) {
        return (int) Math.ceil(res * clamp(Math.max(a, b)));
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}

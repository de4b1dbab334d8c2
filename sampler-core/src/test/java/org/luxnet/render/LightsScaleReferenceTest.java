package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3's light semantics against pbrt-v3's own image of features/lights-scale.pbrt (256x192,
 * 2048 spp): an {@code AreaLightSource "area"} with {@code "rgb L"} times {@code "rgb scale"} (no
 * LuxRender power normalisation), a point light with {@code "blackbody I" [3000 1]} times {@code
 * "rgb scale"}, and a spot light with {@code "rgb I"} times {@code "rgb scale"} and pbrt's delta^4
 * falloff. The film's {@code "float scale" [1.5]} reaches the compared values through the scene's own
 * PFM output mapping (the one the PFM and EXR writers apply), checked pixel by pixel against 1.5 times
 * the film.
 *
 * <p>Rendered at 64 spp, where pbrt-v3 itself is at clamped RMSE 0.0179 from the reference
 * (features/README.md, halton at 64 spp; measured here: mean ratio 1.0001, RMSE 0.0143). The per-channel means catch a wrong colour of one light (ignoring the area
 * light's scale turns it blue; a mis-normalised blackbody changes red against blue).
 */
class LightsScaleReferenceTest {
    private static final Path DIR = Path.of("src", "test", "resources", "features");
    private static final float FILM_SCALE = 1.5f;

    @Test
    void matchesPbrtV3Reference() throws Exception {
        CompiledRender cr = RenderSupport.compile(DIR.resolve("lights-scale.pbrt"));
        int spp = 64;
        Film film = RenderSupport.render(cr, spp, 2, 1);
        // What the PFM writer is given: the film's linear values through the scene's own output mapping,
        // i.e. the Film "float scale" [1.5] read from the file, not a factor supplied here.
        float[] linear = film.toRgb();
        float[] img = cr.settings().tonemap().imaging().pfm().map(linear, cr.settings().width(), cr.settings().height());
        for (int i = 0; i < img.length; i++) {
            assertEquals(FILM_SCALE * Math.max(0f, linear[i]), img[i], 1e-5f * Math.max(1f, img[i]), "film scale at " + i);
        }
        RgbImage ref = RenderSupport.readPfm(DIR.resolve("lights-scale.ref.pfm"));
        float[] r = ref.rgb();
        assertEquals(r.length, img.length, "same size as the reference");
        double ratio = RenderSupport.meanRatio(img, r);
        double rmse = RenderSupport.clampedRmse(img, r);
        double[] channel = new double[3];
        for (int c = 0; c < 3; c++) {
            double a = 0, b = 0;
            for (int i = c; i < img.length; i += 3) {
                a += img[i];
                b += r[i];
            }
            channel[c] = a / b;
        }
        System.out.printf("lights-scale at %d spp: mean ratio %.4f (R %.4f G %.4f B %.4f), clamped RMSE %.4f%n",
                spp, ratio, channel[0], channel[1], channel[2], rmse);
        assertEquals(1.0, ratio, 0.01, "mean brightness against pbrt-v3");
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0, channel[c], 0.015, "channel " + "RGB".charAt(c) + " mean against pbrt-v3");
        }
        assertTrue(rmse < 0.022, "clamped RMSE " + rmse);
    }
}

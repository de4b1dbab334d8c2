package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3's procedural textures against pbrt-v3's own image of features/tex-procedural.pbrt (256x256,
 * 1024 spp): a 2D checkerboard floor (uv scale 12 x 14), a 3D checkerboard in a scaled and rotated
 * texture space, marble inside a scale texture (pbrt's spline extrapolation), a mix of constants by an
 * fbm amount, a scaled wrinkled texture, dots on a rotated sphere (pbrt's swapped inside/outside), and
 * plastic whose roughness is a float checkerboard. A wrong 3D texture space, mapping, noise table or
 * quirk moves or recolours whole regions, far above the noise.
 *
 * <p>pbrt-v3 itself at 64 spp is at clamped RMSE 0.0108 from the reference (features/README.md), so
 * about 0.02 at 16 spp. Measured here at 16 spp (about 10 s on 2 threads): mean ratio 0.9997 (each
 * channel within 0.0004), clamped RMSE 0.0175.
 */
class TexturesReferenceTest {
    private static final Path DIR = Path.of("src", "test", "resources", "features");

    static double[] compare(String scene, int spp) throws Exception {
        CompiledRender cr = RenderSupport.compile(DIR.resolve(scene + ".pbrt"));
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        Film film = RenderSupport.render(cr, spp, 2, 1);
        float[] img = film.toRgb();
        RgbImage ref = RenderSupport.readPfm(DIR.resolve(scene + ".ref.pfm"));
        float[] r = ref.rgb();
        assertEquals(r.length, img.length, "same size as the reference");
        double[] out = new double[5];
        out[0] = RenderSupport.meanRatio(img, r);
        out[1] = RenderSupport.clampedRmse(img, r);
        for (int c = 0; c < 3; c++) {
            double a = 0, b = 0;
            for (int i = c; i < img.length; i += 3) {
                a += img[i];
                b += r[i];
            }
            out[2 + c] = a / b;
        }
        System.out.printf("%s at %d spp: mean ratio %.4f (R %.4f G %.4f B %.4f), clamped RMSE %.4f%n",
                scene, spp, out[0], out[2], out[3], out[4], out[1]);
        return out;
    }

    /** Mean within 2% of pbrt-v3's, each channel's within 3%, clamped RMSE under {@code rmse}. */
    private static void assertMatches(double[] m, double rmse) {
        assertEquals(1.0, m[0], 0.02, "mean brightness against pbrt-v3");
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0, m[2 + c], 0.03, "channel " + "RGB".charAt(c) + " mean against pbrt-v3");
        }
        assertTrue(m[1] < rmse, "clamped RMSE " + m[1]);
    }

    @Test
    void proceduralTexturesMatchPbrtV3() throws Exception {
        assertMatches(compare("tex-procedural", 16), 0.023);
    }

    /**
     * features/tex-imagemap-trilinear.pbrt: an sRGB PNG tiled 2x2, the same PNG with "gamma" false, a
     * linear PFM with "scale" 0.6 and the same texels as a half-float EXR, each on a quad with uv (0,0)
     * at its lower left; "trilinear" lookups over the MIP-map pyramid with the first hit's ray
     * differentials, which at these footprints (scaled by 1/sqrt(1024)) stay at level 0. A flipped
     * image, a wrong gamma rule or scale changes a quarter of the image. pbrt-v3 at 64 spp is at clamped
     * RMSE 0.0078 (about 0.016 at 16 spp); measured here at 16 spp: mean ratio 1.0002 (each channel
     * within 0.0004), clamped RMSE 0.0129, as with plain bilinear lookups before the pyramid.
     */
    @Test
    void imageTexturesMatchPbrtV3() throws Exception {
        assertMatches(compare("tex-imagemap-trilinear", 16), 0.017);
    }

    /**
     * features/tex-imagemap.pbrt: the same scene with pbrt-v3's default filter, EWA over the MIP-map
     * pyramid (maxanisotropy 8) with the first hit's ray differentials scaled by 1/sqrt(1024), the
     * reference's sample count; the lookups must agree with pbrt-v3's as the trilinear ones do.
     * Measured at 16 spp: mean ratio 1.0002 (each channel within 0.0004), clamped RMSE 0.0132.
     */
    @Test
    void ewaImageTexturesMatchPbrtV3() throws Exception {
        assertMatches(compare("tex-imagemap", 16), 0.017);
    }
}

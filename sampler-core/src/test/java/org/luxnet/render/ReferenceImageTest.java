package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compile.CompiledRender;
import org.junit.jupiter.api.Test;

/**
 * The renderer converges to pbrt-v3's reference images of the Cornell box and the Cornell box with a
 * mirror and a glass sphere, for the scenes in pbrt's syntax and their LuxRender (.lxs) versions.
 *
 * <p>The spheres scene is dominated by caustic paths (diffuse, glass, light) that no unidirectional
 * path tracer samples well: at 256 spp our per-pixel noise is 0.015 and the 2048-spp reference's own
 * is 0.005 (measured), so its clamped RMSE cannot reach 0.012 at 256 spp; pbrt-v3's variance per
 * sample is the same. The mean is checked at 256 spp, the RMSE where noise allows, at 1024 spp.
 */
class ReferenceImageTest {

    private static void check(String scene, String reference, int spp, double meanTol, double rmseMax) throws Exception {
        CompiledRender cr = RenderSupport.compile(RenderSupport.examples().resolve(scene));
        assertEquals(256, cr.settings().width());
        Film film = RenderSupport.render(cr, spp, 2, 1);
        assertEquals((long) spp * 256 * 256, film.totalSamples(), "exactly spp samples per pixel");
        RgbImage ref = RenderSupport.readPfm(RenderSupport.examples().resolve(Path.of("reference", reference)));
        float[] img = film.toRgb();
        double ratio = RenderSupport.meanRatio(img, ref.rgb());
        double rmse = RenderSupport.clampedRmse(img, ref.rgb());
        System.out.printf("%s at %d spp: mean ratio %.5f, clamped RMSE %.5f%n", scene, spp, ratio, rmse);
        assertEquals(1.0, ratio, meanTol, scene + ": mean brightness against the reference");
        if (rmseMax > 0) {
            assertTrue(rmse <= rmseMax, scene + ": clamped RMSE " + rmse + " exceeds " + rmseMax);
        }
    }

    @Test
    void cornellBoxPbrtAt64Spp() throws Exception {
        check("reference/cornell-box.pbrt", "cornell-box.ref.pfm", 64, 0.005, 0.012);
    }

    @Test
    void cornellBoxLuxRenderAt64Spp() throws Exception {
        check("cornell-box.lxs", "cornell-box.ref.pfm", 64, 0.005, 0.012);
    }

    @Test
    void cornellSpheresMeanAt256Spp() throws Exception {
        check("cornell-spheres.lxs", "cornell-spheres.ref.pfm", 256, 0.01, 0);
    }

    @Test
    void cornellSpheresRmseAt1024Spp() throws Exception {
        check("reference/cornell-spheres.pbrt", "cornell-spheres.ref.pfm", 1024, 0.01, 0.012);
    }
}

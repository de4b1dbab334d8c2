package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;

/**
 * Object instancing against pbrt-v3's own image of features/instancing.pbrt (256x256, 1024 spp):
 * two objects ("gem", and "tower" with a nested transform inside its definition) placed by 2025
 * ObjectInstances, each with its own Translate/Rotate/Scale inside a parent group transform. pbrt-v3
 * bakes the CTM at each Shape into the object and applies the instance's CTM on top.
 *
 * <p>The geometry is stored once: the scene's triangle arrays hold one gem and one tower, not 2025
 * copies. Rendered at {@link #SPP} spp; pbrt-v3 itself at 64 spp is at clamped RMSE 0.0066 and mean
 * ratio 1.0000 from the reference (features/README.md), so the tolerances scale that by the sample
 * count's noise.
 */
class InstancingReferenceTest {
    private static final Path DIR = Path.of("src", "test", "resources", "features");
    static final int SPP = 16;

    @Test
    void matchesPbrtV3Reference() throws Exception {
        CompiledRender cr = RenderSupport.compile(DIR.resolve("instancing.pbrt"));
        CompiledScene s = cr.scene();
        assertEquals(2025, s.instanceCount);
        assertEquals(2, s.objectCount);
        // One gem (80 triangles) and one tower (two cubes, 24), plus the light and floor (4).
        assertEquals(80 + 24 + 4, s.triangleCount, "each object's triangles are stored once");
        Film film = RenderSupport.render(cr, SPP, 2, 1);
        float[] img = film.toRgb();
        RgbImage ref = RenderSupport.readPfm(DIR.resolve("instancing.ref.pfm"));
        float[] r = ref.rgb();
        assertEquals(r.length, img.length, "same size as the reference");
        double ratio = RenderSupport.meanRatio(img, r);
        double rmse = RenderSupport.clampedRmse(img, r);
        System.out.printf("instancing at %d spp: mean ratio %.4f, clamped RMSE %.4f%n", SPP, ratio, rmse);
        assertEquals(1.0, ratio, 0.01, "mean brightness against pbrt-v3");
        assertTrue(rmse < 0.0066 * Math.sqrt(64.0 / SPP) * 1.25, "clamped RMSE " + rmse);
    }
}

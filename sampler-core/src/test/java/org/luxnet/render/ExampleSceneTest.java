package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.ExrIO;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The PLY mesh example (Include, binary PLY with normals, gold metal, glossy, gaussian filter)
 * converges to its reference image, rendered by LuxNet at 2048 S/p: the mean matches, and the error
 * shrinks like noise (a quarter of the samples' error halves with four times the samples) instead of
 * stalling at a bias.
 */
class ExampleSceneTest {

    @Test
    void plyMeshSceneConvergesToItsReference() throws Exception {
        CompiledRender cr = RenderSupport.compile(RenderSupport.examples().resolve("ply-mesh/ply-mesh.lxs"));
        assertTrue(cr.scene().triangleCount > 19000, "the knot's 9600 quads became triangles: " + cr.scene().triangleCount);
        RgbImage ref = ExrIO.read(RenderSupport.examples().resolve("ply-mesh/ply-mesh.ref.exr"));
        Film low = RenderSupport.render(cr, 16, 2, 77);
        Film high = RenderSupport.render(cr, 64, 2, 77);
        double rLow = RenderSupport.clampedRmse(low.toRgb(), ref.rgb());
        double rHigh = RenderSupport.clampedRmse(high.toRgb(), ref.rgb());
        double mean = RenderSupport.meanRatio(high.toRgb(), ref.rgb());
        System.out.printf("ply-mesh: RMSE %.5f at 16 S/p, %.5f at 64 S/p, mean ratio %.5f%n", rLow, rHigh, mean);
        assertEquals(1.0, mean, 0.01, "mean brightness against the reference");
        assertTrue(rHigh < 0.65 * rLow, "error falls like noise: " + rLow + " -> " + rHigh);
    }
}

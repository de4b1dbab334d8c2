package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.ExrIO;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The examples rendered by LuxNet converge to their reference images: the PLY mesh example (Include,
 * binary PLY with normals, gold metal, glossy, gaussian filter; 2048 S/p) and the textured one. The
 * mean matches, and the error shrinks like noise (a quarter of the samples' error halves with four times the samples) instead of
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

    /**
     * The textured example (an image map over a sphere's (u, v), fbm mixing two colours, checkerboard,
     * two bump maps, lit by an HDR environment map with a small sun) converges to its reference,
     * rendered by LuxNet at 1024 S/p. Its EXR is written untonemapped ({@code write_exr_applyimaging}
     * false), so the films are compared after the same conversion to the output colour space.
     */
    @Test
    void texturedSceneConvergesToItsReference() throws Exception {
        CompiledRender cr = RenderSupport.compile(RenderSupport.examples().resolve("textured/textured.lxs"));
        assertEquals(java.util.List.of(), cr.warnings(), "warnings");
        RgbImage ref = ExrIO.read(RenderSupport.examples().resolve("textured/textured.ref.exr"));
        int w = cr.settings().width(), h = cr.settings().height();
        assertEquals(w, ref.width());
        assertEquals(h, ref.height());
        var exr = cr.settings().tonemap().imaging().exr();
        float[] low = exr.map(RenderSupport.render(cr, 16, 2, 77).toRgb(), w, h);
        float[] high = exr.map(RenderSupport.render(cr, 64, 2, 77).toRgb(), w, h);
        double rLow = RenderSupport.clampedRmse(low, ref.rgb());
        double rHigh = RenderSupport.clampedRmse(high, ref.rgb());
        double mean = RenderSupport.meanRatio(high, ref.rgb());
        System.out.printf("textured: RMSE %.5f at 16 S/p, %.5f at 64 S/p, mean ratio %.5f%n", rLow, rHigh, mean);
        assertEquals(1.0, mean, 0.01, "mean brightness against the reference");
        assertTrue(rHigh < 0.65 * rLow, "error falls like noise: " + rLow + " -> " + rHigh);
    }
}

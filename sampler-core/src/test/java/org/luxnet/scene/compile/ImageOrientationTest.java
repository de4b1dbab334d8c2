package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.desc.Dialect;

/**
 * Where a bright sphere at world (+1, +0.6, 0) lands in the image of a camera at z = 5 looking at the
 * origin with +y up. pbrt-v3's LookAt is left-handed (right = cross(up, dir) = world -x), so the sphere
 * is in the image's left half; LuxRender's is right-handed (right = cross(dir, up) = world +x), so it is
 * in the right half. Both map screen +y to the top rows (raster y grows downwards).
 */
class ImageOrientationTest {
    private static final int W = 48, H = 32;

    private static final String PBRT = "LookAt 0 0 5  0 0 0  0 1 0\n"
            + "Camera \"perspective\" \"float fov\" [40]\n"
            + "Film \"image\" \"integer xresolution\" [" + W + "] \"integer yresolution\" [" + H + "]\n"
            + "Sampler \"random\" \"integer pixelsamples\" [4]\nIntegrator \"path\"\n"
            + "WorldBegin\nAttributeBegin\nAreaLightSource \"diffuse\" \"rgb L\" [4 4 4]\n"
            + "Translate 1 0.6 0\nShape \"sphere\" \"float radius\" [0.3]\nAttributeEnd\nWorldEnd\n";

    private static final String LUXRENDER = "LookAt 0 0 5  0 0 0  0 1 0\n"
            + "Camera \"perspective\" \"float fov\" [40]\n"
            + "Film \"fleximage\" \"integer xresolution\" [" + W + "] \"integer yresolution\" [" + H + "]"
            + " \"integer haltspp\" [4]\n"
            + "SurfaceIntegrator \"path\"\n"
            + "WorldBegin\nAttributeBegin\nTranslate 1 0.6 0\nAreaLightSource \"area\" \"color L\" [4 4 4]\n"
            + "Shape \"sphere\" \"float radius\" [0.3]\nAttributeEnd\nWorldEnd\n";

    @Test
    void pbrtPutsWorldPlusXOnTheLeft() {
        double[] c = brightCentroid(PBRT, Dialect.PBRT);
        assertTrue(c[0] < W / 2.0 - 5, "pbrt-v3: the sphere's image x " + c[0] + " should be left of the centre");
        assertTrue(c[1] < H / 2.0 - 3, "the sphere (world +y) should be in the top half, y = " + c[1]);
    }

    @Test
    void luxRenderPutsWorldPlusXOnTheRight() {
        double[] c = brightCentroid(LUXRENDER, Dialect.LUXRENDER);
        assertTrue(c[0] > W / 2.0 + 5, "LuxRender: the sphere's image x " + c[0] + " should be right of the centre");
        assertTrue(c[1] < H / 2.0 - 3, "the sphere (world +y) should be in the top half, y = " + c[1]);
    }

    @Test
    void bothLandWhereThePerspectiveProjectionPutsThem() {
        // Screen units: the shorter (vertical) axis spans [-1, 1] over the fov; a pixel is H/2 of them.
        double unit = 1 / (5 * Math.tan(Math.toRadians(20)));
        double dx = 1 * unit * H / 2, y = H / 2.0 - 0.6 * unit * H / 2;
        double[] p = brightCentroid(PBRT, Dialect.PBRT);
        double[] l = brightCentroid(LUXRENDER, Dialect.LUXRENDER);
        // Mirror images of each other about the vertical centre line (x = 15.2 and 32.8 of 48).
        assertEquals(W / 2.0 - dx, p[0], 1.0);
        assertEquals(W / 2.0 + dx, l[0], 1.0);
        assertEquals(y, p[1], 1.0);
        assertEquals(y, l[1], 1.0);
    }

    /** Pixel-centre x and y of the image's brightness, weighted by luminance. */
    private static double[] brightCentroid(String scene, Dialect expected) {
        CompiledRender cr = SceneCompilerTest.compile(scene);
        assertEquals(expected, cr.settings().dialect());
        Film film = RenderSupport.render(cr, 4, 1, 5);
        float[] rgb = film.toRgb();
        double sum = 0, sx = 0, sy = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = 3 * (y * W + x);
                double v = rgb[i] + rgb[i + 1] + rgb[i + 2];
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        assertTrue(sum > 0, "the sphere should be visible");
        return new double[] {sx / sum, sy / sum};
    }
}

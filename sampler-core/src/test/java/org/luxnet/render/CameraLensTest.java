package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The thin lens against closed forms: every lens sample of a raster position reaches the same point
 * of the plane in focus (pbrt-v3 and LuxRender perspective.cpp); LuxRender's polygonal aperture
 * ("blades": a regular polygon of circumradius lensradius with an edge midpoint on +x) and its
 * radial "distribution"s; LuxRender's autofocus (the hit distance of the pinhole ray through the
 * middle of the film's sample extent); and LuxRender's orthographic camera, which has no lens.
 */
class CameraLensTest {
    @TempDir
    Path dir;

    CompiledRender compile(String text) throws IOException {
        Path file = Files.createTempFile(dir, "lens", ".scene");
        Files.writeString(file, text);
        return RenderSupport.compile(file);
    }

    /** Where the ray crosses camera-space plane z (camera space is world space here). */
    static float[] at(float[] r, float z) {
        float t = (z - r[2]) / r[5];
        return new float[] {r[0] + t * r[3], r[1] + t * r[4]};
    }

    static float[] ray(PathTraceKernel k, float x, float y, float lu, float lv) {
        float[] r = new float[7];
        k.cameraRay(x, y, lu, lv, r);
        return r;
    }

    @Test
    void everyLensSampleMeetsOnThePlaneInFocus() throws IOException {
        PathTraceKernel k = RenderSupport.transport(compile(CameraRayTest.pbrt(64, 48,
                "\"perspective\" \"float fov\" [ 40 ] \"float lensradius\" [ 0.3 ] \"float focaldistance\" [ 4 ]", "")));
        float[] centre = at(ray(k, 10.5f, 7.5f, 0.5f, 0.5f), 4);
        float spread = 0;
        for (float[] l : new float[][] {{0, 0}, {1, 0.3f}, {0.2f, 0.9f}, {0.7f, 0.1f}}) {
            float[] r = ray(k, 10.5f, 7.5f, l[0], l[1]);
            float[] p = at(r, 4);
            assertEquals(centre[0], p[0], 1e-5f);
            assertEquals(centre[1], p[1], 1e-5f);
            // The rays start on the lens, within lensradius of the centre, and do not all coincide.
            assertEquals(0, r[2], 0f);
            assertTrue(Math.hypot(r[0], r[1]) <= 0.3f + 1e-6f);
            spread = Math.max(spread, (float) Math.hypot(at(r, 8)[0] - at(ray(k, 10.5f, 7.5f, 0.5f, 0.5f), 8)[0],
                    at(r, 8)[1] - at(ray(k, 10.5f, 7.5f, 0.5f, 0.5f), 8)[1]));
        }
        assertTrue(spread > 0.1f, "rays diverge again behind the plane in focus: " + spread);
    }

    /** The lens point of a LuxRender ray: where it crosses z = 0 (it starts at the near plane). */
    static float[] lensPoint(PathTraceKernel k, float lu, float lv) {
        return at(ray(k, 20, 20, lu, lv), 0);
    }

    PathTraceKernel blades(String extra) throws IOException {
        return RenderSupport.transport(compile(CameraRayTest.lux(40, 40, "\"perspective\" \"float fov\" [ 40 ] "
                + "\"float lensradius\" [ 2 ] \"float focaldistance\" [ 5 ] \"integer blades\" [ 6 ] " + extra, "")));
    }

    @Test
    void luxRenderBladesMakeAPolygonalAperture() throws IOException {
        PathTraceKernel k = blades("");
        // u = 1 reaches the edge: the apothem 2 cos 30 at theta = 0 (lens v = 0), a vertex at 30 degrees.
        float[] p = lensPoint(k, 1, 0);
        assertEquals(2 * Math.cos(Math.PI / 6), p[0], 1e-4);
        assertEquals(0, p[1], 1e-4);
        p = lensPoint(k, 1, 1f / 12 + 1e-6f);
        assertEquals(2, Math.hypot(p[0], p[1]), 1e-3);
        // Halfway between them (theta 15 degrees) the edge is at apothem / cos 15.
        p = lensPoint(k, 1, 1f / 24);
        assertEquals(2 * Math.cos(Math.PI / 6) / Math.cos(Math.PI / 12), Math.hypot(p[0], p[1]), 1e-4);
        assertEquals(Math.PI / 12, Math.atan2(p[1], p[0]), 1e-4);
        // Uniform distribution: radius fraction sqrt(u).
        p = lensPoint(k, 0.25f, 0);
        assertEquals(Math.cos(Math.PI / 6), p[0], 1e-4);
    }

    @Test
    void luxRenderLensDistributions() throws IOException {
        double apothem = 2 * Math.cos(Math.PI / 6);
        // Each maps its number to a squared radius fraction g in [0, 1] (luxrays mc.cpp); the point lies at sqrt(g).
        assertEquals(apothem * Math.sqrt(0.5), lensPoint(blades("\"string distribution\" \"exponential\""),
                (float) Math.exp(-1.5), 0)[0], 1e-4, "exponential, power 3: -ln(u) / 3 = 0.5");
        assertEquals(apothem * Math.sqrt(0.25), lensPoint(blades("\"string distribution\" \"inverse exponential\" "
                + "\"integer power\" [ 2 ]"), (float) Math.exp(-1.5), 0)[0], 1e-4, "inverse exponential, power 2: 1 + ln(u) / 2");
        // Normal CDF values: Phi(0.5) = 0.6914625, Phi(0.25) = 0.5987063.
        assertEquals(apothem * Math.sqrt(0.5), lensPoint(blades("\"string distribution\" \"gaussian\""), 0.6914625f, 0)[0],
                1e-4, "gaussian: N^-1(u)");
        assertEquals(apothem * Math.sqrt(0.75), lensPoint(blades("\"string distribution\" \"inverse gaussian\""),
                0.5987063f, 0)[0], 1e-4, "inverse gaussian: 1 - N^-1(u)");
        assertEquals(0, lensPoint(blades("\"string distribution\" \"gaussian\""), 0.3f, 0)[0], 1e-4,
                "gaussian below the median: clamped to the centre");
    }

    @Test
    void luxRenderAutofocusFocusesOnWhatTheMiddleOfTheSampleExtentSees() throws IOException {
        // Mitchell radius 2 on 40 pixels: extent [floor(-1.5), floor(42.5)) = [-2, 42), middle (44 / 2, 44 / 2) = (22, 22).
        CompiledRender cr = compile(CameraRayTest.lux(40, 40, "\"perspective\" \"float fov\" [ 90 ] \"float lensradius\" [ 0.2 ] "
                + "\"bool autofocus\" \"true\" \"float hither\" [ 0.001 ]",
                "PixelFilter \"mitchell\" \"float xwidth\" [ 2 ] \"float ywidth\" [ 2 ]"));
        PathTraceKernel k = RenderSupport.transport(cr);
        // The ray through (22, 22) leaves the near plane and hits the quad at z = 5; d = (0.1, -0.1, 1) normalised.
        double expected = (5 - 0.001) * Math.sqrt(1.02);
        assertEquals(expected, k.focalDistance(), 1e-4);
        assertEquals(expected, cr.scene().camera.lens().focalDistance(), 1e-4, "found once, at compile time");
        // The lens rays of the centre pixel then meet on the plane z = focal distance.
        float[] a = at(ray(k, 20, 20, 0.1f, 0.8f), (float) expected), b = at(ray(k, 20, 20, 0.9f, 0.3f), (float) expected);
        assertEquals(a[0], b[0], 1e-4f);
        assertEquals(a[1], b[1], 1e-4f);
    }

    @Test
    void luxRenderOrthographicCameraHasNoLens() throws IOException {
        CompiledRender cr = compile(CameraRayTest.lux(40, 40, "\"orthographic\" \"float lensradius\" [ 0.5 ] "
                + "\"float focaldistance\" [ 3 ] \"float hither\" [ 0.001 ]", ""));
        assertTrue(cr.warnings().stream().anyMatch(w -> w.message().contains("orthographic camera has no lens")),
                "warned: " + cr.warnings());
        float[] r = ray(RenderSupport.transport(cr), 0, 0, 1f, 0.5f);
        assertEquals(-1, r[0], 1e-6f);
        assertEquals(1, r[1], 1e-6f);
        assertEquals(1, r[5], 0f);
    }

    @Test
    void lensDistributionsThatDoNothingAreReported() throws IOException {
        CompiledRender unknown = compile(CameraRayTest.lux(40, 40, "\"perspective\" \"float lensradius\" [ 0.1 ] "
                + "\"float focaldistance\" [ 3 ] \"integer blades\" [ 6 ] \"string distribution\" \"triangular\"", ""));
        assertTrue(unknown.warnings().stream().anyMatch(w -> w.message().contains("\"triangular\" is unknown")
                && w.loc().line() == 3), "warned: " + unknown.warnings());
        CompiledRender round = compile(CameraRayTest.lux(40, 40, "\"perspective\" \"float lensradius\" [ 0.1 ] "
                + "\"float focaldistance\" [ 3 ] \"string distribution\" \"gaussian\"", ""));
        assertTrue(round.warnings().stream().anyMatch(w -> w.message().contains("no effect on a round aperture")),
                "warned: " + round.warnings());
        // pbrt-v3 has no blades: the parameter is reported unused, as pbrt-v3 does.
        CompiledRender pbrt = compile(CameraRayTest.pbrt(40, 40, "\"perspective\" \"integer blades\" [ 6 ]", ""));
        assertTrue(pbrt.warnings().stream().anyMatch(w -> w.message().contains("blades")), "warned: " + pbrt.warnings());
    }

    @Test
    void autofocusOnNothingKeepsTheFocalDistanceAndSaysSo() throws IOException {
        // The quad at z = 5 lies behind a camera turned to look down -z.
        CompiledRender cr = compile(CameraRayTest.lux(40, 40, "\"perspective\" \"float lensradius\" [ 0.2 ] "
                + "\"float focaldistance\" [ 3 ] \"bool autofocus\" \"true\"", "").replace("Camera ", "Scale 1 1 -1\nCamera "));
        assertEquals(3, cr.scene().camera.lens().focalDistance(), 0f);
        assertTrue(cr.warnings().stream().anyMatch(w -> w.message().contains("autofocus") && w.loc().line() == 4),
                "warned: " + cr.warnings());
    }
}

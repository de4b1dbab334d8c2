package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * Camera rays against closed forms, through the light transport's own camera step: pbrt-v3's and
 * LuxRender's screen window mapping (raster (0, 0) is screen (xmin, ymax)), orthographic rays,
 * the crop window (film pixel (0, 0) is the crop's corner of the full frame, rounded up as both
 * renderers do), fov on the shorter axis and frameaspectratio, and LuxRender's environment camera.
 * With no LookAt or Transform, camera space is world space.
 */
class CameraRayTest {
    private static final float EPS = 1e-5f;
    @TempDir
    Path dir;

    static String pbrt(int w, int h, String camera, String film) {
        return "Film \"image\" \"integer xresolution\" [ " + w + " ] \"integer yresolution\" [ " + h + " ] " + film + "\n"
                + "Camera " + camera + "\nWorldBegin\n"
                + "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ] \"point P\" [ -9 -9 5 9 -9 5 9 9 5 -9 9 5 ]\n"
                + "WorldEnd\n";
    }

    static String lux(int w, int h, String camera, String film) {
        return "Film \"fleximage\" \"integer xresolution\" [ " + w + " ] \"integer yresolution\" [ " + h + " ] " + film + "\n"
                + "SurfaceIntegrator \"path\"\nCamera " + camera + "\nWorldBegin\n"
                + "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ] \"point P\" [ -9 -9 5 9 -9 5 9 9 5 -9 9 5 ]\n"
                + "WorldEnd\n";
    }

    CompiledRender compile(String text) throws IOException {
        Path file = Files.createTempFile(dir, "camera", ".scene");
        Files.writeString(file, text);
        return RenderSupport.compile(file);
    }

    static float[] ray(PathTraceKernel k, float x, float y, float lu, float lv) {
        float[] r = new float[7];
        k.cameraRay(x, y, lu, lv, r);
        return r;
    }

    static float[] unit(float x, float y, float z) {
        float l = (float) Math.sqrt(x * x + y * y + z * z);
        return new float[] {x / l, y / l, z / l};
    }

    static void assertRay(float[] origin, float[] direction, float[] ray, String what) {
        assertArrayEquals(origin, new float[] {ray[0], ray[1], ray[2]}, EPS, what + ": origin");
        assertArrayEquals(direction, new float[] {ray[3], ray[4], ray[5]}, EPS, what + ": direction");
    }

    @Test
    void orthographicRaysStartOnTheScreenWindowAndRunAlongZ() throws IOException {
        PathTraceKernel k = RenderSupport.transport(compile(pbrt(80, 60,
                "\"orthographic\" \"float screenwindow\" [ -4 4 -3 3 ]", "")));
        float[] z = {0, 0, 1};
        assertRay(new float[] {-4, 3, 0}, z, ray(k, 0, 0, 0.5f, 0.5f), "top left corner");
        assertRay(new float[] {4, -3, 0}, z, ray(k, 80, 60, 0.5f, 0.5f), "bottom right corner");
        assertRay(new float[] {0, 0, 0}, z, ray(k, 40, 30, 0.5f, 0.5f), "centre");
        assertRay(new float[] {-4 + 8 * 10.5f / 80, 3 - 6 * 20.5f / 60, 0}, z, ray(k, 10.5f, 20.5f, 0.5f, 0.5f), "pixel (10, 20)");
        // The default window: the shorter axis spans [-1, 1].
        k = RenderSupport.transport(compile(pbrt(80, 40, "\"orthographic\"", "")));
        assertRay(new float[] {-2, 1, 0}, z, ray(k, 0, 0, 0.5f, 0.5f), "default window, 2:1");
    }

    @Test
    void pbrtOrthographicLensRayStartsAtTheLensPoint() throws IOException {
        // pbrt-v3 orthographic.cpp: o = (pLens.x, pLens.y, 0), aimed at pCamera + focalDistance along z.
        PathTraceKernel k = RenderSupport.transport(compile(pbrt(80, 60,
                "\"orthographic\" \"float screenwindow\" [ -4 4 -3 3 ] \"float lensradius\" [ 1 ] \"float focaldistance\" [ 10 ]", "")));
        assertRay(new float[] {0, 0, 0}, unit(-4, 3, 10), ray(k, 0, 0, 0.5f, 0.5f), "lens centre");
        // Concentric mapping of (1, 0.5) is the lens point (1, 0).
        assertRay(new float[] {1, 0, 0}, unit(-5, 3, 10), ray(k, 0, 0, 1f, 0.5f), "lens edge");
    }

    @Test
    void perspectiveScreenWindowFovAndAspect() throws IOException {
        // fov 90: screen units are tan 45 = 1 at z = 1.
        PathTraceKernel k = RenderSupport.transport(compile(pbrt(50, 50,
                "\"perspective\" \"float fov\" [ 90 ] \"float screenwindow\" [ 0 1 0 1 ]", "")));
        float[] o = {0, 0, 0};
        assertRay(o, unit(0, 1, 1), ray(k, 0, 0, 0.5f, 0.5f), "window corner (0, 1)");
        assertRay(o, unit(1, 0, 1), ray(k, 50, 50, 0.5f, 0.5f), "window corner (1, 0)");
        // Portrait film: fov spans x, the shorter axis; y spans [-2, 2].
        float t = (float) Math.tan(Math.toRadians(30));
        k = RenderSupport.transport(compile(pbrt(40, 80, "\"perspective\" \"float fov\" [ 60 ]", "")));
        assertRay(o, unit(-t, 2 * t, 1), ray(k, 0, 0, 0.5f, 0.5f), "portrait corner");
        // frameaspectratio 1 on a 2:1 film: both axes span [-1, 1].
        k = RenderSupport.transport(compile(pbrt(80, 40, "\"perspective\" \"float fov\" [ 60 ] \"float frameaspectratio\" [ 1 ]", "")));
        assertRay(o, unit(t, -t, 1), ray(k, 80, 40, 0.5f, 0.5f), "frameaspectratio 1 corner");
        // LuxRender: the same mapping, fov on the shorter axis too (cameras/perspective.cpp, core/camera.cpp).
        k = RenderSupport.transport(compile(lux(40, 80, "\"perspective\" \"float fov\" [ 60 ] \"float hither\" [ 0.0001 ]", "")));
        float[] r = ray(k, 0, 0, 0.5f, 0.5f);
        assertArrayEquals(unit(-t, 2 * t, 1), new float[] {r[3], r[4], r[5]}, EPS, "LuxRender portrait corner");
    }

    @Test
    void cropWindowRendersOnlyItsPixelsOfTheFullFrame() throws IOException {
        String cam = "\"perspective\" \"float fov\" [ 50 ]";
        CompiledRender full = compile(pbrt(100, 60, cam, ""));
        // x: ceil(100 * 0.333) = 34 up to ceil(100 * 0.666) = 67; y: ceil(60 * 0.5) = 30 up to 60 (pairs are ordered).
        CompiledRender crop = compile(pbrt(100, 60, cam, "\"float cropwindow\" [ 0.333 0.666 1 0.5 ]"));
        assertEquals(33, crop.settings().width());
        assertEquals(30, crop.settings().height());
        assertTrue(crop.warnings().stream().noneMatch(w -> w.message().contains("cropwindow")), "cropwindow is understood: "
                + crop.warnings());
        PathTraceKernel kf = RenderSupport.transport(full), kc = RenderSupport.transport(crop);
        for (float[] p : new float[][] {{0, 0}, {0.5f, 0.5f}, {32.9f, 29.9f}, {10.25f, 3.75f}}) {
            float[] a = ray(kc, p[0], p[1], 0.5f, 0.5f), b = ray(kf, p[0] + 34, p[1] + 30, 0.5f, 0.5f);
            assertArrayEquals(b, a, EPS, "film (" + p[0] + ", " + p[1] + ") of the crop is full frame + (34, 30)");
        }
        // LuxRender (fleximage.cpp): the same rounding, values clamped to [0, 1], at least one pixel.
        CompiledRender lux = compile(lux(100, 60, cam, "\"float cropwindow\" [ -0.5 0.25 0.7 0.7 ]"));
        assertEquals(25, lux.settings().width());
        assertEquals(1, lux.settings().height());
    }

    @Test
    void environmentCameraIsLatitudeLongitude() throws IOException {
        // LuxRender environment.cpp: theta = pi y / H from +y, phi = 2 pi x / W, d = (-sin t sin p, cos t, -sin t cos p).
        PathTraceKernel k = RenderSupport.transport(compile(lux(64, 32, "\"environment\" \"float hither\" [ 0.0001 ]", "")));
        for (float[] p : new float[][] {{0, 16}, {16, 16}, {32, 16}, {5, 0.5f}, {40.5f, 25.5f}}) {
            double theta = Math.PI * p[1] / 32, phi = 2 * Math.PI * p[0] / 64;
            float[] d = {(float) (-Math.sin(theta) * Math.sin(phi)), (float) Math.cos(theta),
                    (float) (-Math.sin(theta) * Math.cos(phi))};
            float[] r = ray(k, p[0], p[1], 0.5f, 0.5f);
            assertArrayEquals(d, new float[] {r[3], r[4], r[5]}, EPS, "direction at " + p[0] + ", " + p[1]);
            // The ray starts at the near clipping distance from the camera.
            assertArrayEquals(new float[] {1e-4f * d[0], 1e-4f * d[1], 1e-4f * d[2]}, new float[] {r[0], r[1], r[2]}, 1e-7f);
        }
        assertArrayEquals(new float[] {0, 0, -1}, java.util.Arrays.copyOfRange(ray(k, 0, 16, 0.5f, 0.5f), 3, 6), EPS,
                "the image's left edge looks down -z");
        // pbrt-v3 environment.cpp: the same angles, d = (sin t cos p, cos t, sin t sin p), from the origin.
        k = RenderSupport.transport(compile(pbrt(64, 32, "\"environment\"", "")));
        for (float[] p : new float[][] {{0, 16}, {16, 16}, {40.5f, 25.5f}}) {
            double theta = Math.PI * p[1] / 32, phi = 2 * Math.PI * p[0] / 64;
            float[] d = {(float) (Math.sin(theta) * Math.cos(phi)), (float) Math.cos(theta),
                    (float) (Math.sin(theta) * Math.sin(phi))};
            assertRay(new float[] {0, 0, 0}, d, ray(k, p[0], p[1], 0.5f, 0.5f), "pbrt-v3 at " + p[0] + ", " + p[1]);
        }
    }

    @Test
    void badWindowsAreSceneErrorsWithTheirPlace() throws IOException {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.luxnet.scene.SceneException.class,
                () -> compile(pbrt(40, 30, "\"perspective\"", "\"float cropwindow\" [ 0 1 0 ]")));
        assertTrue(e.getMessage().contains("cropwindow needs 4 values"), e.getMessage());
        assertEquals(1, e.loc().line());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.luxnet.scene.SceneException.class,
                () -> compile(lux(40, 30, "\"orthographic\" \"float screenwindow\" [ -1 1 2 ]", "")));
        assertTrue(e.getMessage().contains("screenwindow needs 4 values"), e.getMessage());
        assertEquals(3, e.loc().line());
    }

    @Test
    void luxRenderClipsCameraRaysAtHitherAndYon() throws IOException {
        // Camera::ClampRay: mint = hither / cos, maxt = yon / cos along the view axis (perspective).
        PathTraceKernel k = RenderSupport.transport(compile(lux(40, 40,
                "\"perspective\" \"float fov\" [ 90 ] \"float hither\" [ 0.5 ] \"float yon\" [ 3 ]", "")));
        float[] r = ray(k, 0, 0, 0.5f, 0.5f);
        float[] d = unit(-1, 1, 1);
        float cos = d[2];
        assertRay(new float[] {d[0] * 0.5f / cos, d[1] * 0.5f / cos, 0.5f}, d, r, "corner ray from the near plane");
        assertEquals((3 - 0.5f) / cos, r[6], 1e-5f, "ray length up to the far plane");
        // pbrt-v3 has no clipping.
        k = RenderSupport.transport(compile(pbrt(40, 40, "\"perspective\" \"float fov\" [ 90 ] \"float hither\" [ 0.5 ]", "")));
        r = ray(k, 0, 0, 0.5f, 0.5f);
        assertArrayEquals(new float[] {0, 0, 0}, new float[] {r[0], r[1], r[2]}, 0f);
        assertTrue(Float.isInfinite(r[6]));
    }
    /**
     * The clipping planes decide what a LuxRender image shows: a black card at z = 1 hides an emitting
     * sphere at z = 6 (front at 5) unless hither (2) clips the card away; yon (4) then clips the
     * sphere too, and the ray escapes into a world with no environment.
     */
    @Test
    void luxRenderClippingPlanesShapeTheImage() throws IOException {
        assertEquals(0, centre("\"float hither\" [ 0.001 ]"), 0.0, "the card hides the light");
        assertTrue(centre("\"float hither\" [ 2 ]") > 0.5, "hither 2 clips the card away");
        assertEquals(0, centre("\"float hither\" [ 2 ] \"float yon\" [ 4 ]"), 0.0, "yon 4 clips the light away");
    }

    private double centre(String clip) throws IOException {
        String text = "Film \"fleximage\" \"integer xresolution\" [ 16 ] \"integer yresolution\" [ 16 ]\n"
                + "SurfaceIntegrator \"path\"\nPixelFilter \"box\"\nCamera \"perspective\" \"float fov\" [ 20 ] " + clip + "\n"
                + "WorldBegin\nAttributeBegin\nAreaLightSource \"area\" \"color L\" [ 1 1 1 ]\nTranslate 0 0 6\n"
                + "Shape \"sphere\" \"float radius\" [ 1 ]\nAttributeEnd\nMaterial \"matte\" \"color Kd\" [ 0 0 0 ]\n"
                + "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ] \"point P\" [ -5 -5 1 5 -5 1 5 5 1 -5 5 1 ]\n"
                + "WorldEnd\n";
        float[] rgb = RenderSupport.render(compile(text), 2, 1, 1).toRgb();
        int i = 3 * (8 * 16 + 8);
        return (rgb[i] + rgb[i + 1] + rgb[i + 2]) / 3;
    }
}

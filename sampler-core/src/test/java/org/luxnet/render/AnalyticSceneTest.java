package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.RenderSupport.Device;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.compile.CompiledRender;

/** Scenes whose radiance is known in closed form, rendered on each device: CPU threads and OpenCL. */
class AnalyticSceneTest {
    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AnalyticSceneTest.class.getResource("/analytic/" + name).toURI());
    }

    /**
     * Pixels whose footprint lies entirely on the sphere (centre at the origin, radius r): all four
     * corner rays hit it. Silhouette pixels mix sphere and background and are excluded.
     */
    private static boolean[] insideSphere(CompiledRender cr, float r) {
        PathTraceKernel cam = RenderSupport.transport(cr);
        int w = cr.settings().width(), h = cr.settings().height();
        boolean[] in = new boolean[w * h];
        float[] ray = new float[6];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean all = true;
                for (int c = 0; c < 4; c++) {
                    cam.cameraRay(x + (c & 1), y + (c >> 1), 0.5f, 0.5f, ray);
                    double b = ray[0] * ray[3] + ray[1] * ray[4] + ray[2] * ray[5];
                    double cc = ray[0] * ray[0] + ray[1] * ray[1] + ray[2] * ray[2] - r * r;
                    all &= b * b - cc > 0;
                }
                in[y * w + x] = all;
            }
        }
        return in;
    }

    /** Mean of channel c over the pixels selected by a mask, and the count. */
    private static double[] meanWhere(float[] rgb, boolean[] mask, int c) {
        double s = 0;
        int n = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p]) {
                s += rgb[3 * p + c];
                n++;
            }
        }
        return new double[] {s / n, n};
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void whiteFurnaceIsUniform(Device device) throws Exception {
        CompiledRender cr = RenderSupport.compile(resource("furnace.lxs"));
        Film film = RenderSupport.render(cr, 64, device, 3);
        float[] rgb = film.toRgb();
        double sum = 0;
        for (float v : rgb) {
            sum += v;
        }
        double mean = sum / rgb.length;
        // L = Le / (1 - albedo) = 2.
        assertEquals(2.0, mean, 0.02, "mean radiance of the furnace");
        // Paths are killed by Russian roulette in large steps here, so single pixels are skewed; the
        // means of 8x8 blocks (4096 samples each) must all be flat.
        int w = film.width();
        for (int by = 0; by < film.height(); by += 8) {
            for (int bx = 0; bx < w; bx += 8) {
                double s = 0;
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        int p = y * w + x;
                        s += (rgb[3 * p] + rgb[3 * p + 1] + rgb[3 * p + 2]) / 3;
                    }
                }
                assertEquals(2.0, s / 64, 0.04, "block at " + bx + "," + by);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void diffuseSphereInsideEmitter(Device device) throws Exception {
        CompiledRender cr = RenderSupport.compile(resource("sphere-in-emitter.lxs"));
        Film film = RenderSupport.render(cr, 64, device, 5);
        float[] rgb = film.toRgb();
        int n = film.pixelCount();
        boolean[] sphere = insideSphere(cr, 1.5f);
        int exact = 0;
        for (int p = 0; p < n; p++) {
            float r = rgb[3 * p], g = rgb[3 * p + 1], b = rgb[3 * p + 2];
            if (Math.abs(r - 1) < 1e-4 && Math.abs(g - 2) < 1e-4 && Math.abs(b - 3) < 1e-4) {
                exact++;
            }
        }
        // The sphere (radius 1.5 at distance 5, 40 degree view) covers about a third of the frame.
        assertTrue(exact > n / 3, "pixels that see the emitter show exactly its radiance: " + exact + " of " + n);
        double[] r = meanWhere(rgb, sphere, 0), g = meanWhere(rgb, sphere, 1), b = meanWhere(rgb, sphere, 2);
        assertTrue(r[1] > n / 5, "sphere pixels found: " + r[1]);
        assertEquals(0.4, r[0], 0.4 * 0.01);
        assertEquals(0.8, g[0], 0.8 * 0.01);
        assertEquals(1.2, b[0], 1.2 * 0.01);
    }

    /**
     * As {@link #diffuseSphereInsideEmitter} with the emitter made of pbrt-v3 quadrics: a tessellated
     * cylinder (radius 20, length 40, its axis turned to y) facing inward by ReverseOrientation, closed by two disks.
     * Pixels that see it show exactly L, so its normals reached the kernel facing inward, and the sphere
     * (albedo 0.4) shows 0.4 L, so light sampling of its triangles is unbiased.
     */
    @ParameterizedTest
    @EnumSource(Device.class)
    void diffuseSphereInsideACylinderEmitter(Device device) throws Exception {
        String scene = String.join("\n",
                "LookAt 0 0 -5  0 0 0  0 1 0",
                "Camera \"perspective\" \"float fov\" [40]",
                "Film \"fleximage\" \"integer xresolution\" [48] \"integer yresolution\" [48] \"bool write_png\" [\"false\"]",
                "PixelFilter \"box\"",
                "SurfaceIntegrator \"path\" \"integer maxdepth\" [10]",
                "WorldBegin",
                "AttributeBegin",
                "  Material \"matte\" \"color Kd\" [0 0 0]",
                "  AreaLightSource \"area\" \"color L\" [1 2 3] \"float power\" [0]",
                "  Rotate 90 1 0 0", // the axis along y: the camera looks at the wall
                "  Shape \"disk\" \"float radius\" [20] \"float height\" [-20]",
                "  ReverseOrientation",
                "  Shape \"cylinder\" \"float radius\" [20] \"float zmin\" [-20] \"float zmax\" [20]",
                "  Shape \"disk\" \"float radius\" [20] \"float height\" [20]",
                "AttributeEnd",
                "Material \"matte\" \"color Kd\" [0.4 0.4 0.4]",
                "Shape \"sphere\" \"float radius\" [1.5]",
                "WorldEnd", "");
        Path file = tmp.resolve("cylinder-emitter.lxs");
        Files.writeString(file, scene);
        CompiledRender cr = RenderSupport.compile(file);
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        Film film = RenderSupport.render(cr, 64, device, 5);
        float[] rgb = film.toRgb();
        int n = film.pixelCount();
        int exact = 0;
        for (int p = 0; p < n; p++) {
            if (Math.abs(rgb[3 * p] - 1) < 1e-4 && Math.abs(rgb[3 * p + 1] - 2) < 1e-4 && Math.abs(rgb[3 * p + 2] - 3) < 1e-4) {
                exact++;
            }
        }
        // The sphere covers about 60% of the frame; the rest is the cylinder's wall.
        assertTrue(exact > n / 4, "pixels that see the cylinder show exactly its radiance: " + exact + " of " + n);
        int w = film.width();
        for (int p : new int[] {0, w - 1, w / 2, n - 1}) {
            assertEquals(2, rgb[3 * p + 1], 1e-4, "pixel " + p + " sees the wall's inside");
        }
        boolean[] sphere = insideSphere(cr, 1.5f);
        double[] r = meanWhere(rgb, sphere, 0), g = meanWhere(rgb, sphere, 1), b = meanWhere(rgb, sphere, 2);
        assertTrue(r[1] > n / 5, "sphere pixels found: " + r[1]);
        assertEquals(0.4, r[0], 0.4 * 0.01);
        assertEquals(0.8, g[0], 0.8 * 0.01);
        assertEquals(1.2, b[0], 1.2 * 0.01);
    }

    private CompiledRender environmentScene(String material) throws IOException {
        String scene = String.join("\n",
                "LookAt 0 0 -6  0 0 0  0 1 0",
                "Camera \"perspective\" \"float fov\" [30]",
                "Film \"fleximage\" \"integer xresolution\" [32] \"integer yresolution\" [32] \"bool write_png\" [\"false\"]",
                "PixelFilter \"box\"",
                "SurfaceIntegrator \"path\" \"integer maxdepth\" [100]",
                "WorldBegin",
                "LightSource \"infinite\" \"color L\" [0.8 0.8 0.8]",
                "Material " + material,
                "Shape \"sphere\" \"float radius\" [1]",
                "WorldEnd", "");
        Path f = tmp.resolve("env.lxs");
        Files.writeString(f, scene);
        return RenderSupport.compile(f);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void glassAndMirrorConserveRadianceInAConstantEnvironment(Device device) throws Exception {
        for (String m : new String[] {"\"glass\" \"float index\" [1.5]", "\"mirror\" \"color Kr\" [1 1 1]"}) {
            Film film = RenderSupport.render(environmentScene(m), 8, device, 7);
            float[] rgb = film.toRgb();
            for (int i = 0; i < rgb.length; i++) {
                // Every path ends in the environment with throughput exactly 1: no noise at all.
                assertEquals(0.8, rgb[i], 1e-3, m + " at value " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void diffuseSphereInAConstantEnvironment(Device device) throws Exception {
        CompiledRender cr = environmentScene("\"matte\" \"color Kd\" [0.5 0.5 0.5]");
        Film film = RenderSupport.render(cr, 128, device, 9);
        float[] rgb = film.toRgb();
        int n = film.pixelCount();
        boolean[] sphere = insideSphere(cr, 1);
        int background = 0;
        for (int p = 0; p < n; p++) {
            if (rgb[3 * p] == 0.8f && rgb[3 * p + 1] == 0.8f && rgb[3 * p + 2] == 0.8f) {
                background++;
            }
        }
        assertTrue(background > n / 4, "background pixels are exactly the environment: " + background);
        double[] m = meanWhere(rgb, sphere, 1);
        assertTrue(m[1] > n / 5, "sphere pixels found: " + m[1]);
        // A convex sphere sees only the environment: 0.5 * 0.8.
        assertEquals(0.4, m[0], 0.004);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void pointLightOverDiffusePlaneMatchesClosedForm(Device device) throws Exception {
        CompiledRender cr = RenderSupport.compile(resource("point-light-plane.lxs"));
        Film film = RenderSupport.render(cr, 32, device, 11);
        float[] rgb = film.toRgb();
        PathTraceKernel cam = RenderSupport.transport(cr);
        float[] ray = new float[6];
        int w = film.width(), h = film.height();
        double worst = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Average the closed form over the pixel's footprint (box filter of radius 0.5).
                double sum = 0;
                int k = 8;
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < k; i++) {
                        cam.cameraRay(x + (i + 0.5f) / k, y + (j + 0.5f) / k, 0.5f, 0.5f, ray);
                        double t = -ray[1] / ray[4];
                        double px = ray[0] + t * ray[3], pz = ray[2] + t * ray[5];
                        double d2 = 4 + px * px + pz * pz;
                        sum += 0.6 / Math.PI * 5 * (2 / Math.sqrt(d2)) / d2;
                    }
                }
                double expected = sum / (k * k);
                double got = rgb[3 * (y * w + x) + 1];
                worst = Math.max(worst, Math.abs(got - expected) / expected);
            }
        }
        assertTrue(worst < 0.01, "largest relative deviation from the closed form: " + worst);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void nullSurfacesAreInvisibleToCameraBounceAndShadowRays(Device device) throws Exception {
        String nullPane = "AttributeBegin\nMaterial \"null\"\nShape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] "
                + "\"point P\" [-5 1 -5  5 1 -5  5 1 5  -5 1 5]\nAttributeEnd\n";
        String scene = String.join("\n",
                "LookAt 0 3 -3  0 0 0  0 1 0",
                "Camera \"perspective\" \"float fov\" [60]",
                "Film \"fleximage\" \"integer xresolution\" [24] \"integer yresolution\" [24] \"bool write_png\" [\"false\"]",
                "PixelFilter \"box\"",
                "SurfaceIntegrator \"path\" \"integer maxdepth\" [4]",
                "WorldBegin",
                "AttributeBegin",
                "# Wound so that its normal, and its light, face down onto the floor.",
                "AreaLightSource \"area\" \"color L\" [4 4 4] \"float power\" [0]",
                "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-0.5 2 -0.5  0.5 2 -0.5  0.5 2 0.5  -0.5 2 0.5]",
                "AttributeEnd",
                "NULLPANE",
                "Material \"matte\" \"color Kd\" [0.7 0.7 0.7]",
                "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-5 0 -5  5 0 -5  5 0 5  -5 0 5]",
                "WorldEnd", "");
        Path with = tmp.resolve("with.lxs"), without = tmp.resolve("without.lxs");
        Files.writeString(with, scene.replace("NULLPANE", nullPane));
        Files.writeString(without, scene.replace("NULLPANE", ""));
        float[] a = RenderSupport.render(RenderSupport.compile(with), 256, device, 1).toRgb();
        float[] b = RenderSupport.render(RenderSupport.compile(without), 256, device, 1).toRgb();
        // The pane lies between the light and the floor and in front of the camera; it must not matter.
        assertEquals(1.0, RenderSupport.meanRatio(a, b), 0.01);
        // The floor at the bottom of the frame is lit through the pane.
        double floor = 0;
        for (int i = a.length - 3 * 24 * 4; i < a.length; i++) {
            floor += a[i];
        }
        assertTrue(floor / (3 * 24 * 4) > 0.02, "the floor is lit through the null pane: " + floor / (3 * 24 * 4));
    }

    /** Form factor from a point to a parallel rectangle of a x b with a corner straight above it at height h. */
    private static double cornerFormFactor(double a, double b, double h) {
        double x = a / h, y = b / h;
        return (x / Math.sqrt(1 + x * x) * Math.atan(y / Math.sqrt(1 + x * x))
                + y / Math.sqrt(1 + y * y) * Math.atan(x / Math.sqrt(1 + y * y))) / (2 * Math.PI);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void directLightFromASquareLightFarFromTheOriginMatchesTheFormFactor(Device device) throws Exception {
        // Everything sits 1000 units from the origin, where float offsets off surfaces are large:
        // the light must still never shadow itself. The camera hangs between floor and light.
        String scene = String.join("\n",
                "LookAt 1000 1 1000  1000 0 1000  0 0 1",
                "Camera \"perspective\" \"float fov\" [1]",
                "Film \"fleximage\" \"integer xresolution\" [4] \"integer yresolution\" [4] \"bool write_png\" [\"false\"]",
                "PixelFilter \"box\"",
                "SurfaceIntegrator \"path\" \"integer maxdepth\" [1]",
                "WorldBegin",
                "Translate 1000 0 1000",
                "AttributeBegin",
                "AreaLightSource \"area\" \"color L\" [4 4 4] \"float power\" [0]",
                "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-0.5 2 -0.5  0.5 2 -0.5  0.5 2 0.5  -0.5 2 0.5]",
                "AttributeEnd",
                "Material \"matte\" \"color Kd\" [0.7 0.7 0.7]",
                "Shape \"trianglemesh\" \"integer indices\" [0 2 1 0 3 2] \"point P\" [-50 0 -50  50 0 -50  50 0 50  -50 0 50]",
                "WorldEnd", "");
        Path f = tmp.resolve("square-light.lxs");
        Files.writeString(f, scene);
        Film film = RenderSupport.render(RenderSupport.compile(f), 1024, device, 3);
        float[] rgb = film.toRgb();
        double mean = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            mean += rgb[i + 1];
        }
        mean /= film.pixelCount();
        // Direct light at the point under the centre: albedo * L * form factor of the 1x1 square at height 2.
        double expected = 0.7 * 4 * 4 * cornerFormFactor(0.5, 0.5, 2);
        assertEquals(expected, mean, 0.01 * expected, "radiance under the light");
    }
}

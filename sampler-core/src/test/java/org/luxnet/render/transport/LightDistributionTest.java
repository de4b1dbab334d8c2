package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.image.ImageFiles;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.LightLayout;

/**
 * Lights with an emission distribution, against closed forms computed here: LuxRender's point light
 * with an IES profile (intensity L gain f(theta) / avg(f), f linear in theta by construction so the
 * resampling is exact, avg its sin-weighted mean; flipz; the light's rotation), the sample a diffuse
 * plane sees and the pixel it renders (I cos / d^2 Kd / pi); pbrt-v3's goniometric light (the map
 * at (phi, theta) of the direction with y and z swapped, at a texel centre so the bilinear lookup
 * is the texel) and projection light (the texel the frustum projects onto, zero outside the frustum);
 * light selection by power (LuxRender: a distribution does not change a point light's power); a
 * missing IES file warns at its parameter and the light emits uniformly.
 */
class LightDistributionTest {
    /** Vertical 0, 90, 180 at 100, 50, 0: f linear in theta, 100 (1 - theta / pi); flipped, 100 theta / pi. */
    static final String LINEAR_IES = """
            IESNA:LM-63-2002
            TILT=NONE
            1 1000 1 3 1 1 2 0 0 0
            1 1 100
            0 90 180
            0
            100 50 0
            """;

    /** Vertical 0, 180 flat; horizontal 0, 90, 180 at 10, 30, 50 (mirrored: 30 at 270, 10 at 360). */
    static final String AZIMUTHAL_IES = """
            IESNA:LM-63-2002
            TILT=NONE
            1 1000 1 2 3 1 2 0 0 0
            1 1 100
            0 180
            0 90 180
            10 10
            30 30
            50 50
            """;

    @TempDir
    Path dir;

    private CompiledRender compile(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return RenderSupport.compile(f);
    }

    /** The sin(theta)-weighted mean over LuxRender's 256 rows of g(t), t = (y + 0.5) / 256. */
    private static double sphereMean(java.util.function.DoubleUnaryOperator g) {
        double a = 0, w = 0;
        for (int y = 0; y < 256; y++) {
            double t = (y + 0.5) / 256;
            a += Math.sin(Math.PI * t) * g.applyAsDouble(t);
            w += Math.sin(Math.PI * t);
        }
        return a / w;
    }

    private static String luxPlane(String camera, String light) {
        return camera + """
                Film "fleximage" "integer xresolution" [ 3 ] "integer yresolution" [ 3 ]
                PixelFilter "box"
                Sampler "random" "integer pixelsamples" [ 4 ]
                SurfaceIntegrator "path" "integer maxdepth" [ 1 ]
                WorldBegin
                """ + light + """
                Material "matte" "color Kd" [ 0.5 0.5 0.5 ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -9 -9 0 9 -9 0 9 9 0 -9 9 0 ]
                WorldEnd
                """;
    }

    @Test
    void iesPointLightLightsAPlaneAsItsProfileSays() throws IOException {
        Files.writeString(dir.resolve("linear.ies"), LINEAR_IES);
        CompiledRender r = compile("ies.lxs", luxPlane("""
                LookAt 1.5 0 1  1.5 0 0  0 1 0
                Camera "perspective" "float fov" [ 1 ]
                """, """
                LightSource "point" "point from" [ 0 0 2 ] "color L" [ 1 0.5 0.25 ] "float gain" [ 3 ]
                  "string iesname" [ "linear.ies" ] "bool flipz" [ "true" ]
                """));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(LightLayout.POINT, r.scene().lightType[0]);
        assertTrue(r.scene().lightParams[LightLayout.MAP] > 0, "the light has a distribution");
        double avg = sphereMean(t -> 100 * t);
        double[] l = {3, 1.5, 0.75};
        PathTraceKernel k = RenderSupport.transport(r);
        // Points on the plane all around: I(theta) / d^2, theta from +z of the direction from the light.
        // (Not straight below: within half a texel of the pole the lookup wraps to the opposite pole, as
        // LuxRender's repeat-wrapped map does.)
        for (float[] p : new float[][] {{1.5f, 0, 0}, {0.3f, 0.1f, 0}, {-3, 2, 0}, {0.2f, -7, 0}}) {
            double dx = p[0], dy = p[1], dz = p[2] - 2;
            double d2 = dx * dx + dy * dy + dz * dz;
            double theta = Math.acos(dz / Math.sqrt(d2));
            assertTrue(k.sampleLight(0, p[0], p[1], p[2], 0.5f, 0.3f, 0.7f));
            for (int c = 0; c < 3; c++) {
                double expected = l[c] * 100 * theta / Math.PI / avg / d2;
                assertEquals(expected, k.scratch[(Scratch.LS_R + c) * k.capacity], 2e-3 * expected,
                        "point " + java.util.Arrays.toString(p) + " channel " + c);
            }
        }
        // The pixel looking straight down at (1.5, 0, 0): Kd / pi I(theta) cos / d^2, d = 2.5, cos = 0.8.
        float[] rgb = RenderSupport.render(r, 4, 1, 7).toRgb();
        double theta = Math.acos(-0.8);
        for (int c = 0; c < 3; c++) {
            double expected = 0.5 / Math.PI * l[c] * 100 * theta / Math.PI / avg * 0.8 / 6.25;
            assertEquals(expected, rgb[3 * 4 + c], 3e-3 * expected, "centre pixel, channel " + c);
        }
    }

    @Test
    void iesDistributionTurnsWithTheLight() throws IOException {
        Files.writeString(dir.resolve("az.ies"), AZIMUTHAL_IES);
        // Rotated 90 degrees about z: the light's +x (phi 0, 10 cd) is world +y, its +y (phi 90, 30 cd) world -x.
        CompiledRender r = compile("az.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                AttributeBegin
                Translate 0 0 1
                Rotate 90 0 0 1
                LightSource "point" "string iesname" [ "az.ies" ]
                AttributeEnd
                """));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        // Flat in theta: the sphere's mean is the mean over the 512 column centres of the azimuthal profile.
        double avg = 0;
        for (int x = 0; x < 512; x++) {
            avg += azimuthal(360.0 * (x + 0.5) / 512) / 512;
        }
        PathTraceKernel k = RenderSupport.transport(r);
        // World directions (from the light) along +y, -x, -y: light phi 0, 90, 180 -> 10, 30, 50 cd.
        double[][] cases = {{0, 1, 10}, {-1, 0, 30}, {0, -1, 50}, {1, 0, 30}};
        for (double[] c : cases) {
            float px = (float) c[0], py = (float) c[1];
            assertTrue(k.sampleLight(0, px, py, 0, 0.5f, 0.3f, 0.7f));
            // Bilinear between the texel centres half a texel either side of the knot at phi.
            double phi = c[2] == 10 ? 0 : c[2] == 50 ? 180 : c[0] < 0 ? 90 : 270;
            double expected = 0.5 * (azimuthal(phi - 180.0 / 512) + azimuthal(phi + 180.0 / 512)) / avg / 2; // d^2 = 2
            assertEquals(expected, k.scratch[Scratch.LS_R * k.capacity], 2e-3 * expected, "towards " + px + ", " + py);
        }
    }

    /** AZIMUTHAL_IES at phi degrees: 10, 30, 50, 30, 10 at 0, 90, 180, 270, 360, linear between, periodic. */
    private static double azimuthal(double phi) {
        double[] knots = {10, 30, 50, 30, 10};
        phi = ((phi % 360) + 360) % 360;
        int k = (int) (phi / 90);
        double f = phi / 90 - k;
        return (1 - f) * knots[k] + f * knots[k + 1];
    }

    @Test
    void distributionDoesNotChangeALuxRenderPointLightsPower() throws IOException {
        Files.writeString(dir.resolve("linear.ies"), LINEAR_IES);
        CompiledRender r = compile("two.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                LightSource "point" "point from" [ 0 0 2 ] "color L" [ 1 1 1 ] "string iesname" [ "linear.ies" ]
                LightSource "point" "point from" [ 1 0 2 ] "color L" [ 1 1 1 ]
                LightSource "point" "point from" [ 2 0 2 ] "color L" [ 2 2 2 ]
                """));
        float[] sel = r.scene().lightSelectPdf;
        assertEquals(0.25, sel[0], 1e-5);
        assertEquals(0.25, sel[1], 1e-5);
        assertEquals(0.5, sel[2], 1e-5);
    }

    @Test
    void missingIesFileWarnsAtItsParameterAndTheLightEmitsUniformly() throws IOException {
        CompiledRender r = compile("missing.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                LightSource "point" "point from" [ 0 0 2 ]
                  "string iesname" [ "nowhere.ies" ]
                """));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0).toString();
        assertTrue(w.contains("missing.lxs:9: warning:"), w);
        assertTrue(w.contains("nowhere.ies") && w.contains("uniformly"), w);
        assertEquals(0f, r.scene().lightParams[LightLayout.MAP]);
        PathTraceKernel k = RenderSupport.transport(r);
        assertTrue(k.sampleLight(0, 1, 0, 0, 0.5f, 0.3f, 0.7f));
        assertEquals(1 / 5.0, k.scratch[Scratch.LS_R * k.capacity], 1e-6);
    }

    @Test
    void malformedIesFileWarnsWithItsLine() throws IOException {
        Files.writeString(dir.resolve("bad.ies"), LINEAR_IES.replace("100 50 0", "100 x 0"));
        CompiledRender r = compile("bad.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                LightSource "point" "string iesname" [ "bad.ies" ]
                """));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0).toString();
        assertTrue(w.contains("bad.lxs:8: warning:") && w.contains("bad.ies' line 7") && w.contains("\"x\""), w);
        assertEquals(0f, r.scene().lightParams[LightLayout.MAP]);
    }

    /** A 0.2 x 0.2 quad at z = 2 facing down (its normal -z), LuxRender's area light with LINEAR_IES, power off. */
    private CompiledRender iesQuad(String camera, String extra) throws IOException {
        Files.writeString(dir.resolve("linear.ies"), LINEAR_IES);
        return compile("quad.lxs", camera + """
                Film "fleximage" "integer xresolution" [ 3 ] "integer yresolution" [ 3 ]
                PixelFilter "box"
                Sampler "random" "integer pixelsamples" [ 4 ]
                SurfaceIntegrator "path" "integer maxdepth" [ 1 ]
                WorldBegin
                AttributeBegin
                AreaLightSource "area" "color L" [ 2 1 0.5 ] "float gain" [ 1.5 ] "float power" [ 0 ]
                  "string iesname" [ "linear.ies" ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ]
                  "point P" [ -0.1 -0.1 2  -0.1 0.1 2  0.1 0.1 2  0.1 -0.1 2 ]
                AttributeEnd
                """ + extra + """
                WorldEnd
                """);
    }

    /**
     * LuxRender's area light with a spherical function: radiance towards w is L gain pi f(w) /
     * (4 pi avg(f) |cos|), f looked up in the surface's frame (theta from its normal), on both sides.
     */
    @Test
    void iesAreaLightRadianceIsItsProfileOverTheCosine() throws IOException {
        CompiledRender r = iesQuad("""
                LookAt 3 0 0  0 0 2  0 0 1
                Camera "perspective" "float fov" [ 0.5 ]
                """, "");
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(-1f, r.scene().triNg[2], "the quad faces down");
        double avg = sphereMean(t -> 100 * (1 - t));
        double[] l = {3, 1.5, 0.75};
        PathTraceKernel k = RenderSupport.transport(r);
        for (float[] p : new float[][] {{3, 0, 0}, {-1, 2, 0.5f}, {0.5f, 0.3f, 3}}) {
            assertTrue(k.sampleLight(0, p[0], p[1], p[2], 0.5f, 0.3f, 0.7f));
            // The sampled point's outgoing direction -w and its angle from the normal (0, 0, -1).
            double cos = k.scratch[Scratch.LS_WZ * k.capacity];
            double theta = Math.acos(cos);
            for (int c = 0; c < 3; c++) {
                double expected = l[c] / (4 * avg) * 100 * (1 - theta / Math.PI) / Math.abs(cos);
                assertEquals(expected, k.scratch[(Scratch.LS_R + c) * k.capacity], 2e-3 * expected,
                        "from " + java.util.Arrays.toString(p) + " channel " + c);
            }
        }
        // Seen from (3, 0, 0): theta = acos(2 / sqrt(13)) from the normal.
        float[] rgb = RenderSupport.render(r, 4, 1, 5).toRgb();
        double cos = 2 / Math.sqrt(13), theta = Math.acos(cos);
        for (int c = 0; c < 3; c++) {
            double expected = l[c] / (4 * avg) * 100 * (1 - theta / Math.PI) / cos;
            assertEquals(expected, rgb[3 * 4 + c], 3e-3 * expected, "centre pixel, channel " + c);
        }
    }

    @Test
    void iesAreaLightKeepsLuxRendersPower() throws IOException {
        CompiledRender r = iesQuad("""
                LookAt 3 0 0  0 0 2  0 0 1
                Camera "perspective" "float fov" [ 30 ]
                """, """
                AttributeBegin
                AreaLightSource "area" "color L" [ 2 1 0.5 ] "float gain" [ 1.5 ] "float power" [ 0 ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ]
                  "point P" [ 1 -0.1 2  1 0.1 2  1.2 0.1 2  1.2 -0.1 2 ]
                AttributeEnd
                """);
        // Four triangles of equal area; L gain area pi each, with or without the profile (area.cpp Power).
        for (int i = 0; i < 4; i++) {
            assertEquals(0.25, r.scene().lightSelectPdf[i], 1e-5, "light " + i);
        }
    }

    /**
     * LuxRender's image spherical function alone: a 2 x 2 map, rows 1 and 3, is g(t) bilinear between
     * the row centres t = 1/4 and 3/4 (wrapping past the poles), normalised by its sphere mean.
     */
    @Test
    void imageMapPointLightIsTheMapOverItsSphereMean() throws IOException {
        PfmIO.write(dir.resolve("rows.pfm"), new float[] {1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3}, 2, 2);
        RgbImage map = read("rows.pfm");
        double a = map.get(0, 0, 0), b = map.get(0, 1, 0);
        assertEquals(4, a + b, 0, "rows 1 and 3 in some order");
        CompiledRender r = compile("map.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                LightSource "point" "point from" [ 0 0 2 ] "color L" [ 2 2 2 ] "string mapname" [ "rows.pfm" ]
                """));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        java.util.function.DoubleUnaryOperator g = t -> {
            double u = t - 0.25; // from row 0's centre; period 1, row 1 at u = 0.5
            u -= Math.floor(u);
            return u <= 0.5 ? a + (b - a) * (u / 0.5) : b + (a - b) * ((u - 0.5) / 0.5);
        };
        double avg = sphereMean(g);
        PathTraceKernel k = RenderSupport.transport(r);
        for (double thetaDeg : new double[] {100, 112.5, 135, 150}) {
            double th = Math.toRadians(thetaDeg);
            double dist = -2 / Math.cos(th);
            float px = (float) (dist * Math.sin(th));
            assertTrue(k.sampleLight(0, px, 0, 0, 0.5f, 0.3f, 0.7f));
            double expected = 2 * g.applyAsDouble(thetaDeg / 180) / avg / (px * px + 4.0);
            assertEquals(expected, k.scratch[Scratch.LS_R * k.capacity], 2e-3 * expected, "theta " + thetaDeg);
        }
    }

    @Test
    void luxRenderGoniometricIsItsPointLightAndSpheresWarnOnce() throws IOException {
        Files.writeString(dir.resolve("linear.ies"), LINEAR_IES);
        CompiledRender r = compile("alias.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                LightSource "goniometric" "point from" [ 0 0 2 ] "string iesname" [ "linear.ies" ]
                AttributeBegin
                Translate 3 0 1
                AreaLightSource "area" "string iesname" [ "linear.ies" ]
                Shape "sphere" "float radius" [ 0.2 ]
                Shape "sphere" "float radius" [ 0.3 ]
                AttributeEnd
                """));
        int point = -1;
        for (int i = 0; i < r.scene().lightCount; i++) {
            if (r.scene().lightType[i] == LightLayout.POINT) {
                point = i;
                assertTrue(r.scene().lightParams[i * LightLayout.STRIDE + LightLayout.MAP] > 0, "goniometric = point");
            } else {
                assertEquals(LightLayout.AREA_SPHERE, r.scene().lightType[i]);
                assertEquals(0f, r.scene().lightParams[i * LightLayout.STRIDE + LightLayout.MAP], "spheres emit uniformly");
            }
        }
        assertTrue(point >= 0);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0).toString();
        assertTrue(w.contains("alias.lxs:11: warning:") && w.contains("sphere"), w);
    }

    /** An 8 x 4 map with distinct texels: red 1 + x + 10 y, green twice that, blue 1. */
    private void writeMap(String name, int w, int h) throws IOException {
        float[] rgb = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[3 * (y * w + x)] = 1 + x + 10 * y;
                rgb[3 * (y * w + x) + 1] = 2 * (1 + x + 10 * y);
                rgb[3 * (y * w + x) + 2] = 1;
            }
        }
        PfmIO.write(dir.resolve(name), rgb, w, h);
    }

    private RgbImage read(String name) throws IOException {
        return ImageFiles.decode(name, Files.readAllBytes(dir.resolve(name)));
    }

    private static String pbrtPlane(String light) {
        return pbrtPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, light);
    }

    private static String pbrtPlane(String camera, String light) {
        return camera + """
                Film "image" "integer xresolution" [ 3 ] "integer yresolution" [ 3 ]
                Sampler "random" "integer pixelsamples" [ 4 ]
                Integrator "path" "integer maxdepth" [ 1 ]
                WorldBegin
                """ + light + """
                Material "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -9 -9 0 9 -9 0 9 9 0 -9 9 0 ]
                WorldEnd
                """;
    }

    @Test
    void pbrtGoniometricLightLooksUpItsMapWithYAndZSwapped() throws IOException {
        writeMap("gonio.pfm", 8, 4);
        RgbImage map = read("gonio.pfm");
        CompiledRender r = compile("gonio.pbrt", pbrtPlane("""
                AttributeBegin
                Translate 0 0 2
                LightSource "goniometric" "rgb I" [ 2 2 2 ] "rgb scale" [ 1 0.5 1 ] "string mapname" [ "gonio.pfm" ]
                AttributeEnd
                """));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        PathTraceKernel k = RenderSupport.transport(r);
        // Texel (i, j)'s centre: phi = 2 pi (i + 0.5) / 8, theta = pi (j + 0.5) / 4 of (x, z, y) of the direction.
        for (int[] ij : new int[][] {{5, 1}, {6, 2}, {4, 1}}) {
            double theta = Math.PI * (ij[1] + 0.5) / 4, phi = 2 * Math.PI * (ij[0] + 0.5) / 8;
            double wx = Math.sin(theta) * Math.cos(phi), wz = Math.sin(theta) * Math.sin(phi), wy = Math.cos(theta);
            assertTrue(wz < 0, "below the light");
            double t = -2 / wz;
            float px = (float) (t * wx), py = (float) (t * wy);
            assertTrue(k.sampleLight(0, px, py, 0, 0.5f, 0.3f, 0.7f));
            double[] i = {2, 1, 2};
            for (int c = 0; c < 3; c++) {
                double expected = i[c] * map.get(ij[0], ij[1], c) / (t * t);
                assertEquals(expected, k.scratch[(Scratch.LS_R + c) * k.capacity], 2e-3 * expected,
                        "texel " + ij[0] + "," + ij[1] + " channel " + c);
            }
        }
    }

    /**
     * LuxRender's projection light (lights/projection.cpp): the same frustum as pbrt-v3's, but its
     * ProjectionBxDF's f = map / (area cos^4) times the cosine, with area = 4 tan^2(fov / 2) / aspect as
     * the constructor computes it: intensity L gain map / (area cos^3).
     */
    @Test
    void luxRenderProjectionLightNormalisesItsMapByTheWindowArea() throws IOException {
        writeMap("slide.pfm", 4, 2);
        RgbImage map = read("slide.pfm");
        CompiledRender r = compile("proj.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                AttributeBegin
                Translate 0 0 2
                Rotate 180 1 0 0
                LightSource "projection" "color L" [ 1 0.5 2 ] "float gain" [ 3 ] "float fov" [ 60 ]
                  "string mapname" [ "slide.pfm" ]
                AttributeEnd
                """));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(LightLayout.PROJECTION, r.scene().lightType[0]);
        PathTraceKernel k = RenderSupport.transport(r);
        double tan = Math.tan(Math.toRadians(30));
        double area = 4 * tan * tan / 2; // aspect 2
        double[] l = {3, 1.5, 6};
        for (int[] ij : new int[][] {{3, 0}, {0, 1}, {2, 1}}) {
            double lx = (ij[0] + 0.5 - 2) * tan, ly = (ij[1] + 0.5 - 1) * tan;
            float px = (float) (2 * lx), py = (float) (-2 * ly);
            double d2 = px * px + py * py + 4;
            double cos = 2 / Math.sqrt(d2);
            assertTrue(k.sampleLight(0, px, py, 0, 0.5f, 0.3f, 0.7f));
            for (int c = 0; c < 3; c++) {
                double expected = l[c] * map.get(ij[0], ij[1], c) / (area * cos * cos * cos) / d2;
                assertEquals(expected, k.scratch[(Scratch.LS_R + c) * k.capacity], 2e-3 * expected,
                        "texel " + ij[0] + "," + ij[1] + " channel " + c);
            }
        }
        assertFalse(k.sampleLight(0, (float) (2 * 2.5 * tan), 0, 0, 0.5f, 0.3f, 0.7f), "outside the window");
    }

    /** Without an image LuxRender's projection light has aspect 0 / 0 and gives NaN: skipped, saying so. */
    @Test
    void luxRenderProjectionLightWithoutAnImageIsSkippedWithAWarning() throws IOException {
        CompiledRender r = compile("noimage.lxs", luxPlane("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 30 ]
                """, """
                LightSource "projection" "color L" [ 1 1 1 ] "float fov" [ 60 ]
                LightSource "point" "point from" [ 0 0 2 ]
                """));
        assertEquals(1, r.scene().lightCount, "only the point light");
        String w = r.warnings().toString();
        assertTrue(w.contains("noimage.lxs:8: warning:") && w.contains("\"mapname\"") && w.contains("skipped"), w);
    }

    @Test
    void pbrtProjectionLightProjectsItsMapAndIsDarkOutsideTheFrustum() throws IOException {
        writeMap("slide.pfm", 4, 2);
        RgbImage map = read("slide.pfm");
        // Looking down: local z = world -z, local y = world -y. Aspect 2: screen [-2, 2] x [-1, 1].
        CompiledRender r = compile("proj.pbrt", pbrtPlane("""
                AttributeBegin
                Translate 0 0 2
                Rotate 180 1 0 0
                LightSource "projection" "rgb I" [ 3 3 3 ] "float fov" [ 60 ] "string mapname" [ "slide.pfm" ]
                AttributeEnd
                """));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(LightLayout.PROJECTION, r.scene().lightType[0]);
        PathTraceKernel k = RenderSupport.transport(r);
        double tan = Math.tan(Math.toRadians(30));
        for (int[] ij : new int[][] {{3, 0}, {0, 1}, {2, 1}}) {
            // Texel centre (i, j): screen x = i + 0.5 - 2, y = j + 0.5 - 1; local direction (x tan, y tan, 1).
            double lx = (ij[0] + 0.5 - 2) * tan, ly = (ij[1] + 0.5 - 1) * tan;
            float px = (float) (2 * lx), py = (float) (-2 * ly);
            double d2 = px * px + py * py + 4;
            assertTrue(k.sampleLight(0, px, py, 0, 0.5f, 0.3f, 0.7f));
            for (int c = 0; c < 3; c++) {
                double expected = 3 * map.get(ij[0], ij[1], c) / d2;
                assertEquals(expected, k.scratch[(Scratch.LS_R + c) * k.capacity], 2e-3 * expected,
                        "texel " + ij[0] + "," + ij[1] + " channel " + c);
            }
        }
        // Outside the window (screen x = 2.5 > 2) and above the light: no light.
        assertFalse(k.sampleLight(0, (float) (2 * 2.5 * tan), 0, 0, 0.5f, 0.3f, 0.7f));
        assertFalse(k.sampleLight(0, 0, 0, 3, 0.5f, 0.3f, 0.7f));
        // The rendered footprint: the camera sees the whole window (|x| < 2.31, |y| < 1.15) inside its view.
        float[] rgb = RenderSupport.render(r, 2, 1, 3).toRgb();
        assertTrue(rgb[3 * 4] > 0, "the centre is lit");
        // Pixels looking straight down at texel (3, 0)'s point and at a point outside the window:
        // Kd / pi I texel cos / d^2, and black.
        double lx = 1.5 * tan, ly = -0.5 * tan;
        double px = 2 * lx, py = -2 * ly, d2 = px * px + py * py + 4;
        for (double[] at : new double[][] {{px, py}, {2 * 2.5 * tan, 0}}) {
            CompiledRender v = compile("proj-" + (int) (at[0] * 100) + ".pbrt", pbrtPlane(String.format("""
                    LookAt %s %s 1  %s %s 0  0 1 0
                    Camera "perspective" "float fov" [ 0.5 ]
                    """, at[0], at[1], at[0], at[1]), """
                    AttributeBegin
                    Translate 0 0 2
                    Rotate 180 1 0 0
                    LightSource "projection" "rgb I" [ 3 3 3 ] "float fov" [ 60 ] "string mapname" [ "slide.pfm" ]
                    AttributeEnd
                    """));
            float[] px3 = RenderSupport.render(v, 4, 1, 9).toRgb();
            boolean inside = at[0] == px;
            for (int c = 0; c < 3; c++) {
                double expected = inside ? 0.5 / Math.PI * 3 * map.get(3, 0, c) * (2 / Math.sqrt(d2)) / d2 : 0;
                assertEquals(expected, px3[3 * 4 + c], 3e-3 * expected, (inside ? "lit" : "dark") + " pixel, channel " + c);
            }
        }
    }
}

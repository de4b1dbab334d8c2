package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport.Device;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3's alpha masks on triangle meshes (shapes/triangle.cpp Triangle::Intersect and IntersectP), in
 * closed form on the CPU and on OpenCL. A black quad filling the view hides an emitter of radiance 1
 * behind it, so the image's mean is the fraction of the quad its "alpha" cuts away (exactly 0), and a
 * point light over a floor lights, under a quad, the fraction its alpha or "shadowalpha" cuts away. The
 * quad spans [-1.1, 1.1] with (u, v) over [0, 1], so the 90 degree view sees u, v in [0.5 - 1 / 2.2,
 * 0.5 + 1 / 2.2].
 */
class AlphaMaskTest {
    /** The u range the camera sees of the quad. */
    private static final double U_MIN = 0.5 - 1 / 2.2, U_MAX = 0.5 + 1 / 2.2;

    @TempDir
    Path tmp;

    /** An emitter behind a black quad that fills the view; {@code textures} before it, {@code shape} its extra parameters. */
    private static String throughQuad(String textures, String quad) {
        return String.join("\n",
                "LookAt 0 0 0  0 0 1  0 1 0",
                "Camera \"perspective\" \"float fov\" [90]",
                "Film \"image\" \"integer xresolution\" [32] \"integer yresolution\" [32]",
                "PixelFilter \"box\"",
                "Sampler \"sobol\" \"integer pixelsamples\" [16]",
                "Integrator \"path\" \"integer maxdepth\" [3]",
                "WorldBegin",
                textures,
                "AttributeBegin",
                "  Material \"matte\" \"rgb Kd\" [0 0 0]",
                "  AreaLightSource \"diffuse\" \"rgb L\" [1 1 1] \"bool twosided\" [\"true\"]",
                "  Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-5 -5 2  5 -5 2  5 5 2  -5 5 2]",
                "AttributeEnd",
                "AttributeBegin",
                "  Material \"matte\" \"rgb Kd\" [0 0 0]",
                quad,
                "AttributeEnd",
                "WorldEnd", "");
    }

    /** The quad at z = 1, with {@code extra} parameters. */
    private static String quad(String extra) {
        return "  Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3]"
                + " \"point P\" [-1.1 -1.1 1  1.1 -1.1 1  1.1 1.1 1  -1.1 1.1 1] \"float uv\" [0 0 1 0 1 1 0 1] " + extra;
    }

    private static final String CHECKS = "Texture \"checks\" \"float\" \"checkerboard\" \"float uscale\" [8]"
            + " \"float vscale\" [8] \"float tex1\" [1] \"float tex2\" [0]";

    private CompiledRender scene(String text) throws IOException {
        Path f = Files.createTempFile(tmp, "alpha", ".pbrt");
        Files.writeString(f, text);
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        return cr;
    }

    private static double mean(Film film) {
        float[] rgb = film.toRgb();
        double s = 0;
        for (float v : rgb) {
            s += v;
        }
        return s / rgb.length;
    }

    /** A 2x1 image, white then black: with "clamp", pbrt-v3's bilinear lookup is exactly 0 for u >= 0.75 only. */
    private void writeHalfImage() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xffffff);
        img.setRGB(1, 0, 0x000000);
        ImageIO.write(img, "png", tmp.resolve("half.png").toFile());
    }

    /** A checkerboard of 0 and 1 lets half the emitter through; an image cut at u = 0.75 the part of the view beyond. */
    @ParameterizedTest
    @EnumSource(Device.class)
    void theEmitterShowsThroughTheCutFraction(Device device) throws IOException {
        double checks = mean(RenderSupport.render(scene(throughQuad(CHECKS, quad("\"texture alpha\" \"checks\""))), 16,
                device, 1));
        assertEquals(0.5, checks, 0.01, "checkerboard alpha");
        writeHalfImage();
        String image = "Texture \"half\" \"float\" \"imagemap\" \"string filename\" \"half.png\" \"string wrap\" \"clamp\"";
        double cut = mean(RenderSupport.render(scene(throughQuad(image, quad("\"texture alpha\" \"half\""))), 16, device, 2));
        assertEquals((U_MAX - 0.75) / (U_MAX - U_MIN), cut, 0.01, "imagemap alpha, 0 beyond u = 0.75");
    }

    /** "float alpha" 0 is a constant-0 mask: the quad vanishes; 0.01, as a float or a texture, is opaque (only 0 cuts). */
    @ParameterizedTest
    @EnumSource(Device.class)
    void onlyExactlyZeroCuts(Device device) throws IOException {
        assertEquals(1.0, mean(RenderSupport.render(scene(throughQuad("", quad("\"float alpha\" [0]"))), 4, device, 3)),
                1e-3, "float alpha 0");
        assertEquals(0.0, mean(RenderSupport.render(scene(throughQuad("", quad("\"float alpha\" [0.01]"))), 4, device, 4)),
                1e-6, "float alpha 0.01");
        String low = "Texture \"low\" \"float\" \"checkerboard\" \"float uscale\" [8] \"float vscale\" [8]"
                + " \"float tex1\" [1] \"float tex2\" [0.01]";
        assertEquals(0.0, mean(RenderSupport.render(scene(throughQuad(low, quad("\"texture alpha\" \"low\""))), 4, device,
                5)), 1e-6, "checkerboard of 1 and 0.01");
    }

    /** "shadowalpha" alone cuts shadow rays only: the camera still sees the black quad (Triangle::Intersect ignores it). */
    @ParameterizedTest
    @EnumSource(Device.class)
    void shadowAlphaLeavesTheQuadVisible(Device device) throws IOException {
        assertEquals(0.0, mean(RenderSupport.render(scene(throughQuad(CHECKS, quad("\"texture shadowalpha\" \"checks\""))),
                4, device, 6)), 1e-6, "shadowalpha checkerboard");
        assertEquals(0.0, mean(RenderSupport.render(scene(throughQuad("", quad("\"float shadowalpha\" [0]"))), 4, device,
                7)), 1e-6, "float shadowalpha 0");
    }

    /** An instanced quad (the object at z = 0, placed at z = 1 and scaled) cuts as the world quad does. */
    @ParameterizedTest
    @EnumSource(Device.class)
    void anInstancedQuadCutsAlike(Device device) throws IOException {
        String object = String.join("\n", CHECKS,
                "ObjectBegin \"leaf\"",
                "  Material \"matte\" \"rgb Kd\" [0 0 0]",
                "  Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3]"
                        + " \"point P\" [-0.55 -0.55 0  0.55 -0.55 0  0.55 0.55 0  -0.55 0.55 0] \"float uv\" [0 0 1 0 1 1 0 1]"
                        + " \"texture alpha\" \"checks\"",
                "ObjectEnd");
        String placed = "  Translate 0 0 1\n  Scale 2 2 1\n  ObjectInstance \"leaf\"";
        double m = mean(RenderSupport.render(scene(throughQuad(object, placed)), 16, device, 8));
        assertEquals(0.5, m, 0.01, "instanced checkerboard alpha");
    }

    /**
     * A point light high over a floor, a quad between: the camera, under the quad, sees the floor lit where the
     * quad's alpha or shadowalpha is 0 (half, for a fine checkerboard) relative to the floor without the quad.
     */
    private static String underQuad(String quadParams) {
        return String.join("\n",
                "LookAt 0 0.5 0  0 0 0  0 0 1",
                "Camera \"perspective\" \"float fov\" [90]",
                "Film \"image\" \"integer xresolution\" [32] \"integer yresolution\" [32]",
                "PixelFilter \"box\"",
                "Sampler \"sobol\" \"integer pixelsamples\" [16]",
                "Integrator \"path\" \"integer maxdepth\" [1]",
                "WorldBegin",
                "LightSource \"point\" \"point from\" [0 10 0] \"rgb I\" [100 100 100]",
                "Texture \"fine\" \"float\" \"checkerboard\" \"float uscale\" [64] \"float vscale\" [64]"
                        + " \"float tex1\" [1] \"float tex2\" [0]",
                "Material \"matte\" \"rgb Kd\" [0.5 0.5 0.5]",
                "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-5 0 -5  5 0 -5  5 0 5  -5 0 5]",
                quadParams == null ? "" : "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3]"
                        + " \"point P\" [-2 1 -2  2 1 -2  2 1 2  -2 1 2] \"float uv\" [0 0 1 0 1 1 0 1] " + quadParams,
                "WorldEnd", "");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void theFloorIsLitThroughTheCutFraction(Device device) throws IOException {
        double open = mean(RenderSupport.render(scene(underQuad(null)), 4, device, 9));
        assertTrue(open > 0.01, "the floor is lit: " + open);
        double opaque = mean(RenderSupport.render(scene(underQuad("")), 4, device, 10));
        assertEquals(0.0, opaque / open, 1e-6, "an uncut quad shadows the whole view");
        double alpha = mean(RenderSupport.render(scene(underQuad("\"texture alpha\" \"fine\"")), 16, device, 11));
        assertEquals(0.5, alpha / open, 0.015, "alpha");
        double shadow = mean(RenderSupport.render(scene(underQuad("\"texture shadowalpha\" \"fine\"")), 16, device, 12));
        assertEquals(0.5, shadow / open, 0.015, "shadowalpha");
    }

    /** The ray queries themselves: Intersect tests alpha only, IntersectP alpha and shadowalpha (host side, exact). */
    @Test
    void closestHitTestsAlphaAndShadowRaysBoth() throws IOException {
        // Quad cells of 1/8 in u: u = 0.5 + x / 2.2; cell (4, 4) holds (x, y) = (0.1, 0.1) (even: 1), cell (5, 4) x = 0.4 (odd: 0).
        PathTraceKernel alpha = RenderSupport.transport(scene(throughQuad(CHECKS, quad("\"texture alpha\" \"checks\""))));
        PathTraceKernel shadow = RenderSupport.transport(scene(throughQuad(CHECKS,
                quad("\"texture shadowalpha\" \"checks\""))));
        float[] keep = {0.1f, 0.1f}, cut = {0.4f, 0.1f};
        for (PathTraceKernel k : new PathTraceKernel[] {alpha, shadow}) {
            assertTrue(k.closestHit(keep[0], keep[1], 0, 0, 0, 1, 1e30f) >= 0);
            assertEquals(1f, k.hitDistance(), 1e-5f);
            assertTrue(k.blocked(keep[0], keep[1], 0, 0, 0, 1, 1.5f));
        }
        assertTrue(alpha.closestHit(cut[0], cut[1], 0, 0, 0, 1, 1e30f) >= 0);
        assertEquals(2f, alpha.hitDistance(), 1e-5f, "alpha: the ray passes the cut to the emitter");
        assertFalse(alpha.blocked(cut[0], cut[1], 0, 0, 0, 1, 1.5f), "alpha cuts shadow rays");
        assertTrue(shadow.closestHit(cut[0], cut[1], 0, 0, 0, 1, 1e30f) >= 0);
        assertEquals(1f, shadow.hitDistance(), 1e-5f, "shadowalpha: camera and bounce rays stop at the quad");
        assertFalse(shadow.blocked(cut[0], cut[1], 0, 0, 0, 1, 1.5f), "shadowalpha cuts shadow rays");
    }

    /** Scenes compile their masks only where pbrt-v3 reads them, and LuxRender's meshes have none. */
    @Test
    void masksAreCompiledForPbrtMeshesOnly() throws IOException {
        CompiledRender none = scene(throughQuad("", quad("")));
        assertFalse(none.scene().hasAlphaMasks(), "no mask, no per-triangle array");
        CompiledRender opaque = scene(throughQuad("", quad("\"float alpha\" [1]")));
        assertFalse(opaque.scene().hasAlphaMasks(), "float alpha other than 0 is no mask (pbrt-v3)");
        assertTrue(scene(throughQuad("", quad("\"float alpha\" [0]"))).scene().hasAlphaMasks());
        Path lux = tmp.resolve("alpha.lxs");
        Files.writeString(lux, String.join("\n",
                "LookAt 0 0 0  0 0 1  0 1 0",
                "Camera \"perspective\" \"float fov\" [90]",
                "Film \"fleximage\" \"integer xresolution\" [8] \"integer yresolution\" [8]",
                "WorldBegin",
                "Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [-1 -1 1  1 -1 1  1 1 1] \"float alpha\" [0]",
                "WorldEnd", ""));
        CompiledRender cr = RenderSupport.compile(lux);
        assertFalse(cr.scene().hasAlphaMasks(), "LuxRender 1.x has no shape alpha");
        assertTrue(cr.warnings().stream().anyMatch(w -> w.toString().contains("float alpha")),
                "LuxRender's unused \"alpha\" is still reported: " + cr.warnings());
    }
}

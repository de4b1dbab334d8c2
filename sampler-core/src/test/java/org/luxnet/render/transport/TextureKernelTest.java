package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Each texture and mapping against its closed form (pbrt-v3 src/textures/*.cpp, core/texture.cpp):
 * a ray hits a unit quad whose uv equals its (x, y), or a sphere, and {@link
 * TextureKernel#shadeMaterial} must leave the texture's value in the material's slot.
 */
class TextureKernelTest extends TextureProbe {
    @Test
    void constantAndScaleAndMix() throws IOException {
        PathTraceKernel k = kernel("Texture \"a\" \"spectrum\" \"constant\" \"rgb value\" [0.2 0.3 0.4]\n"
                + "Texture \"b\" \"spectrum\" \"scale\" \"texture tex1\" \"a\" \"rgb tex2\" [2 1 0.5]\n"
                + "Texture \"m\" \"spectrum\" \"mix\" \"texture tex1\" \"a\" \"texture tex2\" \"b\" \"float amount\" 0.25\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\""));
        // (1 - 0.25) a + 0.25 a x (2, 1, 0.5)
        near(new float[] {0.75f * 0.2f + 0.25f * 0.4f, 0.3f, 0.75f * 0.4f + 0.25f * 0.2f},
                shadeAt(k, 0.3f, 0.6f, MaterialLayout.KD));
    }

    @Test
    void luxRenderAddAndSubtract() throws IOException {
        PathTraceKernel k = kernel("Texture \"a\" \"spectrum\" \"add\" \"rgb tex1\" [0.1 0.2 0.3] \"rgb tex2\" [0.3 0.2 0.1]\n"
                + "Texture \"s\" \"spectrum\" \"subtract\" \"texture tex1\" \"a\" \"rgb tex2\" [0.1 0.1 0.1]\n"
                + "Texture \"d\" \"spectrum\" \"subtract\" \"rgb tex2\" [0.25 0.5 0.75]\n"
                + quad("Material \"matte\" \"texture Kd\" \"s\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"d\""));
        near(new float[] {0.3f, 0.3f, 0.3f}, shadeAt(k, 0.5f, 0.5f, MaterialLayout.KD));
        // tex1 defaults to 1 (LuxRender subtract.h).
        near(new float[] {0.75f, 0.5f, 0.25f}, shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD));
    }

    @Test
    void checkerboard2dFollowsUvScaleAndDelta() throws IOException {
        PathTraceKernel k = kernel("Texture \"c\" \"spectrum\" \"checkerboard\" \"float uscale\" 4 \"float vscale\" 4"
                + " \"float udelta\" 0.5 \"rgb tex1\" [1 0 0] \"rgb tex2\" [0 0 1]\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\""));
        // s = 4 u + 0.5, t = 4 v: even floor(s) + floor(t) is tex1.
        near(new float[] {1, 0, 0}, shadeAt(k, 0.05f, 0.1f, MaterialLayout.KD)); // (0.7, 0.4)
        near(new float[] {0, 0, 1}, shadeAt(k, 0.15f, 0.1f, MaterialLayout.KD)); // (1.1, 0.4)
        near(new float[] {1, 0, 0}, shadeAt(k, 0.15f, 0.3f, MaterialLayout.KD)); // (1.1, 1.2)
    }

    @Test
    void uvAndBilerp() throws IOException {
        PathTraceKernel k = kernel("Texture \"u\" \"spectrum\" \"uv\" \"float uscale\" 3 \"float vscale\" 0.5\n"
                + "Texture \"b\" \"spectrum\" \"bilerp\" \"rgb v00\" [1 0 0] \"rgb v01\" [0 1 0] \"rgb v10\" [0 0 1]"
                + " \"rgb v11\" [1 1 1]\n"
                + quad("Material \"matte\" \"texture Kd\" \"u\" ") + "\n"
                + "Translate 0 0 1\n" + quad("Material \"matte\" \"texture Kd\" \"b\""));
        near(new float[] {0.9f, 0.35f, 0}, shadeAt(k, 0.3f, 0.7f, MaterialLayout.KD)); // frac(0.9), frac(0.35)
        float s = 0.25f, t = 0.5f;
        float[] expect = {(1 - s) * (1 - t) + s * t, (1 - s) * t + s * t, s * (1 - t) + s * t};
        near(expect, shadeAlong(k, s, t, 0.5f, 0, 0, 1, MaterialLayout.KD));
    }

    @Test
    void checkerboard3dUsesTheCtmAsWorldToTexture() throws IOException {
        // pbrt-v3 quirk: IdentityMapping3D(CTM) maps world to texture space, so Scale 4 makes cells 0.25 wide.
        PathTraceKernel k = kernel("AttributeBegin\nScale 4 4 4\nTexture \"c\" \"spectrum\" \"checkerboard\""
                + " \"integer dimension\" 3 \"rgb tex1\" [1 0 0] \"rgb tex2\" [0 0 1]\nAttributeEnd\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\""));
        near(new float[] {1, 0, 0}, shadeAt(k, 0.1f, 0.1f, MaterialLayout.KD));
        near(new float[] {0, 0, 1}, shadeAt(k, 0.3f, 0.1f, MaterialLayout.KD));
        near(new float[] {1, 0, 0}, shadeAt(k, 0.3f, 0.3f, MaterialLayout.KD));
    }

    @Test
    void luxRender3dMappingOptionsScaleThenTranslate() throws IOException {
        // LuxRender: p_tex = CTM Scale(1 / scale) Translate(-translate) p.
        PathTraceKernel k = kernel("Texture \"c\" \"color\" \"checkerboard\" \"integer dimension\" 3"
                + " \"vector scale\" [0.25 0.25 0.25] \"color tex1\" [1 0 0] \"color tex2\" [0 0 1]\n"
                + "Texture \"d\" \"color\" \"checkerboard\" \"integer dimension\" 3 \"vector scale\" [0.25 0.25 0.25]"
                + " \"vector translate\" [0.25 0 0] \"color tex1\" [1 0 0] \"color tex2\" [0 0 1]\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"d\""), "SurfaceIntegrator \"path\"\nFilm \"fleximage\"");
        near(new float[] {1, 0, 0}, shadeAt(k, 0.1f, 0.1f, MaterialLayout.KD)); // (0.4, 0.4, 0)
        near(new float[] {0, 0, 1}, shadeAt(k, 0.3f, 0.1f, MaterialLayout.KD)); // (1.2, 0.4, 0)
        near(new float[] {1, 0, 0}, shadeAlong(k, 0.3f, 0.1f, 0.5f, 0, 0, 1, MaterialLayout.KD)); // (0.2, 0.4, 4)
    }

    @Test
    void planarSphericalAndCylindricalMappings() throws IOException {
        PathTraceKernel k = kernel("Texture \"p\" \"spectrum\" \"uv\" \"string mapping\" \"planar\" \"vector v1\" [0 1 0]"
                + " \"vector v2\" [1 0 0] \"float udelta\" 0.5\n"
                + "Texture \"s\" \"spectrum\" \"uv\" \"string mapping\" \"spherical\"\n"
                + "Texture \"c\" \"spectrum\" \"uv\" \"string mapping\" \"cylindrical\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"p\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"s\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\""));
        // planar: s = 0.5 + p.v1, t = p.v2
        near(new float[] {0.5f + 0.4f, 0.2f, 0}, shadeAt(k, 0.2f, 0.4f, MaterialLayout.KD));
        // spherical: s = theta / pi, t = phi / 2pi of the point (0.3, 0.2, 1)
        double len = Math.sqrt(0.09 + 0.04 + 1);
        float sph = (float) (Math.acos(1 / len) / Math.PI), tph = (float) (Math.atan2(0.2, 0.3) / (2 * Math.PI));
        near(new float[] {sph, tph, 0}, shadeAlong(k, 0.3f, 0.2f, 0.5f, 0, 0, 1, MaterialLayout.KD));
        // cylindrical: s = (pi + atan2(y, x)) / 2pi, t = z = 2 (frac 0)
        float scyl = (float) ((Math.PI + Math.atan2(0.2, 0.3)) / (2 * Math.PI));
        near(new float[] {scyl, 0, 0}, shadeAlong(k, 0.3f, 0.2f, 1.5f, 0, 0, 1, MaterialLayout.KD));
    }

    @Test
    void sphereUvIsTheObjectFramesPhiAndTheta() throws IOException {
        // Rotate -90 about x: the sphere's poles lie along world +y, object z = world y.
        PathTraceKernel k = kernel("AttributeBegin\nTranslate 0.5 0.5 0\nRotate -90 1 0 0\n"
                + "Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"\n"
                + "Shape \"sphere\" \"float radius\" 0.25\nAttributeEnd");
        // World -z side is object +y: phi = pi/2 (u = 0.25), theta = pi/2 (v = 0.5).
        float[] front = shadeAlong(k, 0.5f, 0.5f, -2, 0, 0, 1, MaterialLayout.KD);
        near(new float[] {0.25f, 0.5f, 0}, front);
        // Near the top pole (world +y): v close to 1.
        float[] top = shadeAlong(k, 0.5f, 3, 0.01f, 0, -1, 0, MaterialLayout.KD);
        assertTrue(top[1] > 0.95f, "v at the pole " + top[1]);
    }

    @Test
    void tessellatedSphereAndDiskCarryPbrtsUv() throws IOException {
        // zmax 0.2 makes the sphere partial, so it is tessellated; the disk always is.
        PathTraceKernel k = kernel("Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"\n"
                + "AttributeBegin\nTranslate 0.5 0.5 0\nShape \"sphere\" \"float radius\" 0.25 \"float zmax\" 0.2\nAttributeEnd\n"
                + "AttributeBegin\nTranslate 3 0 0\nShape \"disk\" \"float radius\" 1 \"float innerradius\" 0.5\nAttributeEnd");
        // Object point (0, -0.25, 0): phi = 3 pi / 2, theta = pi / 2, v = (theta - pi) / (acos(0.8) - pi).
        float[] side = shadeAlong(k, 0.5f, -2, 0, 0, 1, 0, MaterialLayout.KD);
        assertArrayEquals(new float[] {0.75f, (float) ((Math.PI / 2 - Math.PI) / (Math.acos(0.8) - Math.PI)), 0}, side, 0.01f);
        // Disk point (3 + 0.75 cos 60deg, 0.75 sin 60deg): u = 1/6, v = (1 - 0.75) / (1 - 0.5) = 0.5.
        float x = 3 + 0.75f * (float) Math.cos(Math.PI / 3), y = 0.75f * (float) Math.sin(Math.PI / 3);
        assertArrayEquals(new float[] {1 / 6f, 0.5f, 0}, shadeAlong(k, x, y, -1, 0, 0, 1, MaterialLayout.KD), 0.01f);
    }

    @Test
    void noiseIsZeroOnTheLatticeAndTurbulenceAddsItsClampedOctaves() throws IOException {
        PathTraceKernel k = kernel("AttributeBegin\nScale 5 5 5\n"
                + "Texture \"f\" \"spectrum\" \"fbm\" \"integer octaves\" 1\n"
                + "Texture \"w\" \"spectrum\" \"wrinkled\" \"integer octaves\" 1 \"float roughness\" 0.5\nAttributeEnd\n"
                + quad("Material \"matte\" \"texture Kd\" \"f\"") + "\nTranslate 0 0 0.2\n"
                + quad("Material \"matte\" \"texture Kd\" \"w\""));
        // p_tex = 5 p = (1, 2, 0): gradient noise vanishes at lattice points.
        near(new float[] {0, 0, 0}, shadeAt(k, 0.2f, 0.4f, MaterialLayout.KD));
        // Turbulence, one octave: |noise((1, 2, 1))| + 0.2 omega = 0.1.
        near(new float[] {0.1f, 0.1f, 0.1f}, shadeAlong(k, 0.2f, 0.4f, 0.1f, 0, 0, 1, MaterialLayout.KD));
        // Off the lattice the FBm is not zero and stays within pbrt's noise range.
        float v = shadeAt(k, 0.33f, 0.47f, MaterialLayout.KD)[0];
        assertTrue(v >= 0 && v <= 1, "fbm " + v);
    }

    @Test
    void marbleKeepsPbrtsSplineExtrapolation() throws IOException {
        // variation 0: marble = scale y; y = 0.25 with scale 2 pi gives sin = 1, t = 1, first = 1, u = 5.
        PathTraceKernel k = kernel("Texture \"m\" \"spectrum\" \"marble\" \"float scale\" 6.2831853 \"float variation\" 0\n"
                + "Texture \"n\" \"spectrum\" \"marble\" \"float scale\" -6.2831853 \"float variation\" 0\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"n\""));
        // Bernstein form at u = 5 over c1, c2, c3, c4: 176 c1 - 300 c3 + 125 c4 (c1 = c2), x 1.5.
        float[] a = {0.58f, 0.58f, 0.6f}, b = {0.5f, 0.5f, 0.5f}, c = {0.6f, 0.59f, 0.58f};
        float[] expect = new float[3];
        for (int i = 0; i < 3; i++) {
            expect[i] = 1.5f * (176 * a[i] - 300 * b[i] + 125 * c[i]);
        }
        assertArrayEquals(expect, shadeAt(k, 0.5f, 0.25f, MaterialLayout.KD), 2e-3f);
        // sin = -1: t = 0, the curve's start 1.5 c0.
        near(new float[] {0.87f, 0.87f, 0.9f}, shadeAlong(k, 0.5f, 0.25f, 0.5f, 0, 0, 1, MaterialLayout.KD));
    }

    /** Marble's nine-colour table (pbrt-v3 src/textures/marble.h and LuxRender textures/marble.h alike). */
    private static final double[][] MARBLE_C = {{.58, .58, .6}, {.58, .58, .6}, {.58, .58, .6}, {.5, .5, .5},
        {.6, .59, .58}, {.58, .58, .6}, {.58, .58, .6}, {.2, .2, .33}, {.58, .58, .6}};

    /**
     * Marble with variation 0 at texture-space y: t = 1/2 + sin(scale y) / 2, the cubic's Bernstein form
     * over c[first..first+3] at u = 6 t - first, x 1.5; pbrt-v3's first is min(1, floor(6 t)), LuxRender's
     * floor(6 t).
     */
    private static float[] marbleAt(double scale, double y, boolean lux) {
        return marble(scale * y, lux);
    }

    /** Marble's colour for marble = p.y + variation FBm (see {@link #marbleAt}). */
    static float[] marble(double m, boolean lux) {
        double t = 0.5 + 0.5 * Math.sin(m);
        int first = (int) Math.floor(6 * t);
        if (!lux) {
            first = Math.min(1, first);
        }
        double u = 6 * t - first, w = 1 - u;
        float[] v = new float[3];
        for (int ch = 0; ch < 3; ch++) {
            v[ch] = (float) (1.5 * (w * w * w * MARBLE_C[first][ch] + 3 * w * w * u * MARBLE_C[first + 1][ch]
                    + 3 * w * u * u * MARBLE_C[first + 2][ch] + u * u * u * MARBLE_C[first + 3][ch]));
        }
        return v;
    }

    @Test
    void marbleFollowsEachDialectsSpline() throws IOException {
        String scene = "Texture \"m\" \"color\" \"marble\" \"float scale\" 4 \"float variation\" 0\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\"");
        PathTraceKernel lux = kernel(scene, "SurfaceIntegrator \"path\"\nFilm \"fleximage\"");
        PathTraceKernel pbrt = kernel(scene.replace("\"color\"", "\"spectrum\""));
        // y -> floor(6 t) with scale 4: 0.99 -> 0, 0.9 -> 1, 0.8 -> 2, 0.02 -> 3, 0.15 -> 4, 0.3 -> 5.
        float[] ys = {0.99f, 0.9f, 0.8f, 0.02f, 0.15f, 0.3f};
        float luxMax = 0f, pbrtMax = 0f;
        for (float y : ys) {
            float[] l = shadeAt(lux, 0.5f, y, MaterialLayout.KD);
            assertArrayEquals(marbleAt(4, y, true), l, 2e-4f, "LuxRender at y " + y);
            float[] p = shadeAt(pbrt, 0.5f, y, MaterialLayout.KD);
            float[] pe = marbleAt(4, y, false);
            for (int ch = 0; ch < 3; ch++) {
                assertEquals(pe[ch], p[ch], 2e-3 * Math.max(1, Math.abs(pe[ch])), "pbrt-v3 at y " + y);
                luxMax = Math.max(luxMax, l[ch]);
                pbrtMax = Math.max(pbrtMax, Math.abs(p[ch]));
            }
        }
        // LuxRender's curve stays within 1.5 x the table's largest entry; pbrt-v3's extrapolates far past it.
        assertTrue(luxMax <= 0.9f + 1e-4f, "LuxRender marble " + luxMax);
        assertTrue(pbrtMax > 10f, "pbrt-v3 marble " + pbrtMax);
        // sin = 1 (scale 2 pi, y 1/4): LuxRender's floor(6 t) = 6 reads c[6..9] at u = 0, so 1.5 c[6].
        PathTraceKernel top = kernel("Texture \"m\" \"color\" \"marble\" \"float scale\" 6.2831853"
                + " \"float variation\" 0\n" + quad("Material \"matte\" \"texture Kd\" \"m\""),
                "SurfaceIntegrator \"path\"\nFilm \"fleximage\"");
        assertArrayEquals(new float[] {0.87f, 0.87f, 0.9f}, shadeAt(top, 0.5f, 0.25f, MaterialLayout.KD), 2e-4f);
    }

    @Test
    void texturedRoughnessIsRemappedAsTheConstantIs() throws IOException {
        PathTraceKernel k = kernel("Texture \"r\" \"float\" \"constant\" \"float value\" 0.2\n"
                + quad("Material \"plastic\" \"texture roughness\" \"r\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"plastic\" \"float roughness\" 0.2"));
        float textured = shadeAt(k, 0.5f, 0.5f, MaterialLayout.ALPHA_U)[0];
        float constant = shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.ALPHA_U)[0];
        assertEquals(constant, textured, 1e-4);
        assertEquals(constant, shadeAt(k, 0.5f, 0.5f, MaterialLayout.ALPHA_V)[0], 1e-4);
        assertTrue(constant > 0.5f, "alpha " + constant); // remapped, not the raw 0.2
    }

    @Test
    void imagemapIsFlippedSrgbDecodedScaledAndBilinear() throws IOException {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000); // top left
        img.setRGB(1, 0, 0x00ff00); // top right
        img.setRGB(0, 1, 0x000080); // bottom left
        img.setRGB(1, 1, 0xffffff); // bottom right
        ImageIO.write(img, "png", dir.resolve("card.png").toFile());
        PathTraceKernel k = kernel("Texture \"i\" \"spectrum\" \"imagemap\" \"string filename\" \"card.png\" \"bool trilinear\" \"true\"\n"
                + "Texture \"j\" \"spectrum\" \"imagemap\" \"string filename\" \"card.png\" \"bool trilinear\" \"true\""
                + " \"bool gamma\" \"false\" \"float scale\" 2\n"
                + quad("Material \"matte\" \"texture Kd\" \"i\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"j\""));
        float v = 128 / 255f;
        float lin = (float) Math.pow((v + 0.055) / 1.055, 2.4); // exact sRGB decoding of a PNG (pbrt-v3 "gamma" true)
        // uv (0.25, 0.25) is the centre of the image's bottom-left texel: pbrt-v3 flips images on load.
        near(new float[] {0, 0, lin}, shadeAt(k, 0.25f, 0.25f, MaterialLayout.KD));
        near(new float[] {1, 0, 0}, shadeAt(k, 0.25f, 0.75f, MaterialLayout.KD));
        near(new float[] {0, 1, 0}, shadeAt(k, 0.75f, 0.75f, MaterialLayout.KD));
        // Halfway between the bottom two texels: their mean.
        near(new float[] {0.5f, 0.5f, 0.5f * (lin + 1)}, shadeAt(k, 0.5f, 0.25f, MaterialLayout.KD));
        // "gamma" false: the 8-bit value itself, times "scale".
        near(new float[] {0, 0, 2 * v}, shadeAlong(k, 0.25f, 0.25f, 0.5f, 0, 0, 1, MaterialLayout.KD));
    }
}

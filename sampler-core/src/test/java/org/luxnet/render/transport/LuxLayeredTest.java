package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's "layered" material as read in materials/layeredmaterial.cpp and
 * core/reflection/bxdf/layeredbsdf.cpp: up to four layers, a layer of opacity 0 or less dropped
 * (addMat), each layer mix(opacity x material, (1 - opacity) x null), seen front to back: layer k
 * with probability opacity_k x prod(1 - opacity_i) over the layers in front, the rest passing through.
 */
class LuxLayeredTest {
    private static final String HEAD = """
            LookAt 0 0 -3  0 0 0  0 1 0
            Camera "perspective" "float fov" [40]
            Film "fleximage" "integer xresolution" [24] "integer yresolution" [24]
            PixelFilter "box"
            Sampler "lowdiscrepancy" "integer pixelsamples" [64]
            SurfaceIntegrator "path" "integer maxdepth" [4]
            WorldBegin
            LightSource "infinite" "color L" [1 1 1]
            MakeNamedMaterial "red" "string type" ["matte"] "color Kd" [0.8 0.1 0.1]
            MakeNamedMaterial "green" "string type" ["matte"] "color Kd" [0.1 0.7 0.2]
            MakeNamedMaterial "blue" "string type" ["matte"] "color Kd" [0.1 0.2 0.9]
            MakeNamedMaterial "white" "string type" ["matte"] "color Kd" [1 1 1]
            """;

    @TempDir
    Path dir;

    private CompiledRender compile(String world) throws IOException {
        return compile(world, 4);
    }

    private CompiledRender compile(String world, int maxDepth) throws IOException {
        Path f = dir.resolve("layered" + System.nanoTime() + ".lxs");
        Files.writeString(f, HEAD.replace("\"integer maxdepth\" [4]", "\"integer maxdepth\" [" + maxDepth + "]") + world
                + "WorldEnd\n");
        return RenderSupport.compile(f);
    }

    private static List<String> warnings(CompiledRender cr, String containing) {
        return cr.warnings().stream().map(Object::toString).filter(w -> w.contains(containing)).toList();
    }

    @Test
    void layersOfOpacityZeroAndOneAreTheOpaqueLayerExactly() throws IOException {
        // addMat drops the layer of opacity 0; the one of opacity 1 is mix(1 x blue, 0 x null): blue itself.
        CompiledRender cr = compile("""
                NamedMaterial "blue"
                Shape "sphere" "float radius" [0.5]
                MakeNamedMaterial "lay" "string type" ["layered"] "string namedmaterial1" ["red"] "float opacity1" [0]
                  "string namedmaterial2" ["blue"] "float opacity2" [1]
                NamedMaterial "lay"
                Translate 2 0 0
                Shape "sphere" "float radius" [0.5]
                """);
        CompiledScene s = cr.scene();
        assertEquals(s.sphereMaterial[0], s.sphereMaterial[1], "the very same material row");
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
    }

    @Test
    void theLayersAreAMixChainWithLuxRendersWeights() throws IOException {
        CompiledRender cr = compile("""
                MakeNamedMaterial "lay" "string type" ["layered"] "string namedmaterial1" ["nosuch"]
                  "string namedmaterial2" ["red"] "float opacity2" [0.3] "string namedmaterial3" ["green"] "float opacity3" [0.6]
                NamedMaterial "lay"
                Shape "sphere"
                Material "layered"
                Translate 3 0 0
                Shape "sphere"
                """);
        CompiledScene s = cr.scene();
        int top = s.sphereMaterial[0];
        assertEquals(MaterialLayout.MIX, s.matType[top]);
        assertEquals(0.3f, s.matParams[top * MaterialLayout.STRIDE + MaterialLayout.MIX_AMOUNT]);
        int next = (int) s.matParams[top * MaterialLayout.STRIDE + MaterialLayout.MIX_SECOND];
        assertEquals(MaterialLayout.MIX, s.matType[next]);
        assertEquals(0.6f, s.matParams[next * MaterialLayout.STRIDE + MaterialLayout.MIX_AMOUNT]);
        assertEquals(MaterialLayout.NULL, s.matType[(int) s.matParams[next * MaterialLayout.STRIDE + MaterialLayout.MIX_SECOND]],
                "what no layer stops passes through");
        assertEquals(MaterialLayout.NULL, s.matType[s.sphereMaterial[1]], "no layer: LayeredMaterial adds a null");
        assertEquals(1, warnings(cr, "\"nosuch\" is not a named material").size(), cr.warnings().toString());
        assertEquals(1, warnings(cr, "layers stacked front to back (namedmaterial2 \"red\", namedmaterial3 \"green\")").size(),
                cr.warnings().toString());
        assertEquals(2, cr.warnings().size(), cr.warnings().toString());

        // The kernel's choice over a uniform grid of sample numbers: red 0.3, green 0.7 x 0.6, null 0.7 x 0.4.
        PathTraceKernel k = RenderSupport.transport(cr);
        int red = s.matParams.length, n = 10000;
        int[] count = new int[3];
        for (int i = 0; i < n; i++) {
            int m = k.resolveMix(0, s.triangleCount, top, 0, 0, -1, (i + 0.5f) / n, 1f);
            assertEquals(1f, k.scratch[Scratch.MIX_R], 1e-5f, "weight amount / p = 1: an unbiased choice");
            count[s.matType[m] == MaterialLayout.NULL ? 2 : s.matParams[m * MaterialLayout.STRIDE + MaterialLayout.KD] > 0.5f ? 0 : 1]++;
        }
        assertTrue(red > 0);
        assertEquals(0.3, count[0] / (double) n, 1e-3, "red");
        assertEquals(0.42, count[1] / (double) n, 1e-3, "green");
        assertEquals(0.28, count[2] / (double) n, 1e-3, "through");
    }

    /** Mean RGB of the central 12x12 pixels (all on the unit sphere). */
    private static double[] centre(CompiledRender cr) {
        float[] rgb = RenderSupport.render(cr, 64, 2, 7).toRgb();
        double[] m = new double[3];
        for (int y = 6; y < 18; y++) {
            for (int x = 6; x < 18; x++) {
                for (int c = 0; c < 3; c++) {
                    m[c] += rgb[3 * (y * 24 + x) + c] / 144.0;
                }
            }
        }
        return m;
    }

    @Test
    void aConvexLayeredSphereUnderUniformLightHasTheWeightedAlbedo() throws IOException {
        // A convex matte sphere under radiance 1 has radiance Kd; layers red 0.5, green 0.5, blue 1 are seen
        // 0.5, 0.25 and 0.25 of the time.
        CompiledRender cr = compile("""
                Material "layered" "string namedmaterial1" ["red"] "float opacity1" [0.5] "string namedmaterial2" ["green"]
                  "float opacity2" [0.5] "string namedmaterial3" ["blue"]
                Shape "sphere" "float radius" [1]
                """);
        double[] red = {0.8, 0.1, 0.1}, green = {0.1, 0.7, 0.2}, blue = {0.1, 0.2, 0.9};
        double[] m = centre(cr);
        for (int c = 0; c < 3; c++) {
            double expected = 0.5 * red[c] + 0.25 * green[c] + 0.25 * blue[c];
            assertEquals(expected, m[c], 0.02 * expected, "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void aTexturedOpacityWeighsTheLayerAtEachHit() throws IOException {
        // LayeredMaterial's opacities are float textures: a constant texture 0.25 over opaque blue.
        CompiledRender cr = compile("""
                Texture "quarter" "float" "constant" "float value" [0.25]
                Material "layered" "string namedmaterial1" ["red"] "texture opacity1" "quarter" "string namedmaterial2" ["blue"]
                Shape "sphere" "float radius" [1]
                """);
        CompiledScene s = cr.scene();
        int top = s.sphereMaterial[0];
        assertEquals(MaterialLayout.MIX, s.matType[top]);
        assertEquals(1, s.matTextured[top], "the amount is the texture");
        assertTrue(warnings(cr, "layers stacked").size() == 1 && cr.warnings().size() == 1, cr.warnings().toString());
        double[] red = {0.8, 0.1, 0.1}, blue = {0.1, 0.2, 0.9};
        double[] m = centre(cr);
        for (int c = 0; c < 3; c++) {
            double expected = 0.25 * red[c] + 0.75 * blue[c];
            assertEquals(expected, m[c], 0.02 * expected, "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void whiteFurnace() throws IOException {
        // White layers and what passes through lose nothing: radiance 1 wherever the sphere is seen.
        CompiledRender cr = compile("""
                Material "layered" "string namedmaterial1" ["white"] "float opacity1" [0.3] "string namedmaterial2" ["white"]
                  "float opacity2" [0.6]
                Shape "sphere" "float radius" [1]
                """, 64);
        double[] m = centre(cr);
        for (int c = 0; c < 3; c++) {
            assertEquals(1, m[c], 0.02, "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void layersInsideMixesInsideLayersCountTowardsTheKernelsMixDepth() throws IOException {
        String defs = """
                MakeNamedMaterial "l1" "string type" ["layered"] "string namedmaterial1" ["red"] "float opacity1" [0.5]
                  "string namedmaterial2" ["green"] "float opacity2" [0.5] "string namedmaterial3" ["blue"] "float opacity3" [0.5]
                MakeNamedMaterial "l2" "string type" ["layered"] "string namedmaterial1" ["red"] "float opacity1" [0.5]
                  "string namedmaterial2" ["green"] "float opacity2" [0.5] "string namedmaterial3" ["l1"] "float opacity3" [0.5]
                MakeNamedMaterial "m3" "string type" ["mix"] "string namedmaterial1" ["l2"] "string namedmaterial2" ["red"] "float amount" [0.5]
                MakeNamedMaterial "l4" "string type" ["layered"] "string namedmaterial1" ["red"] "float opacity1" [0.5]
                  "string namedmaterial2" ["m3"] "float opacity2" [0.5]
                """;
        // Mixes nest: l1 3, l2 6 (its third layer l1 behind two), m3 7, l4 9 (> MaterialLayout.MAX_MIX_DEPTH, 8).
        CompiledRender ok = compile(defs + "NamedMaterial \"m3\"\nShape \"sphere\"\n");
        assertEquals(MaterialLayout.MIX, ok.scene().matType[ok.scene().sphereMaterial[0]]);
        org.luxnet.scene.SceneException e = org.junit.jupiter.api.Assertions.assertThrows(org.luxnet.scene.SceneException.class,
                () -> compile(defs + "NamedMaterial \"l4\"\nShape \"sphere\"\n"));
        assertTrue(e.getMessage().contains("nest 9 deep"), e.getMessage());
    }
}

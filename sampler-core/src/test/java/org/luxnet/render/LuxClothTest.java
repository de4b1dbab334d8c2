package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's "cloth" (materials/cloth.cpp) in whole renders: with black warp_Ks and weft_Ks its BSDF is
 * the Lambertian of the yarn under each point, so a flat quad under a uniform environment of radiance 1
 * shows, averaged over many tiles, f warp_Kd + (1 - f) weft_Kd, f the warp yarns' share of the tile's
 * cells, with no warning; an unknown preset is denim, with a warning at its line. And a "glossycoating"
 * whose basematerial names no material warns once and renders as grey matte.
 */
class LuxClothTest {
    private static final String HEAD = """
            LookAt 0 0 3  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 30 ]
            Film "fleximage" "integer xresolution" [ 16 ] "integer yresolution" [ 16 ]
            PixelFilter "box"
            Sampler "sobol" "integer pixelsamples" [ 32 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 4 ]
            WorldBegin
            LightSource "infinite" "color L" [ 1 1 1 ]
            """;
    private static final String QUAD = "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ]"
            + " \"point P\" [ -2 -2 0 2 -2 0 2 2 0 -2 2 0 ] \"float uv\" [ 0 0 1 0 1 1 0 1 ]\n";

    @TempDir
    Path dir;

    private CompiledRender compile(String world) throws IOException {
        Path f = dir.resolve("cloth" + System.nanoTime() + ".lxs");
        Files.writeString(f, HEAD + world + QUAD + "WorldEnd\n");
        return RenderSupport.compile(f);
    }

    /** Mean RGB of the central 8x8 pixels (all on the quad). */
    private static double[] centre(CompiledRender cr) {
        float[] rgb = RenderSupport.render(cr, 32, 2, 7).toRgb();
        double[] m = new double[3];
        for (int y = 4; y < 12; y++) {
            for (int x = 4; x < 12; x++) {
                for (int c = 0; c < 3; c++) {
                    m[c] += rgb[3 * (y * 16 + x) + c] / 64.0;
                }
            }
        }
        return m;
    }

    private static void assertOneWarning(CompiledRender cr, String... containing) {
        assertEquals(1, cr.warnings().size(), "warnings: " + cr.warnings());
        String w = cr.warnings().get(0).toString();
        assertTrue(w.contains(".lxs:9:"), w);
        for (String s : containing) {
            assertTrue(w.contains(s), w);
        }
    }

    private static int row(CompiledRender cr) {
        return cr.scene().triMaterial[0] * MaterialLayout.STRIDE;
    }

    @Test
    void denimWithoutSpecularShowsItsWeavesAverageColour() throws IOException {
        CompiledRender cr = compile("""
                Material "cloth" "string presetname" [ "denim" ] "color warp_Kd" [ 0.1 0.2 0.6 ] "color weft_Kd" [ 0.9 0.9 0.8 ] "float repeat_u" [ 50 ] "float repeat_v" [ 80 ]
                """);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        assertEquals(MaterialLayout.CLOTH, cr.scene().matType[cr.scene().triMaterial[0]]);
        assertEquals(50, cr.scene().matParams[row(cr) + MaterialLayout.CL_REPEAT_U]);
        assertEquals(80, cr.scene().matParams[row(cr) + MaterialLayout.CL_REPEAT_V]);
        double f = 15 / 18.0;
        double[] warp = {0.1, 0.2, 0.6}, weft = {0.9, 0.9, 0.8};
        double[] m = centre(cr);
        for (int c = 0; c < 3; c++) {
            double expected = f * warp[c] + (1 - f) * weft[c];
            assertEquals(expected, m[c], 0.02 * expected, "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void aTexturedYarnColourIsEvaluatedPerHit() throws IOException {
        CompiledRender cr = compile("""
                Texture "wool" "color" "constant" "color value" [ 0.7 0.3 0.2 ]
                Material "cloth" "string presetname" [ "wool_gabardine" ] "texture warp_Kd" "wool" "color weft_Kd" [ 0.2 0.4 0.9 ]
                """);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        assertEquals(MaterialLayout.CLOTH, cr.scene().matType[cr.scene().triMaterial[0]]);
        double f = 36 / 54.0;
        double[] warp = {0.7, 0.3, 0.2}, weft = {0.2, 0.4, 0.9};
        double[] m = centre(cr);
        for (int c = 0; c < 3; c++) {
            double expected = f * warp[c] + (1 - f) * weft[c];
            assertEquals(expected, m[c], 0.02 * expected, "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void anUnknownPresetIsDenimAsClothCppTakesIt() throws IOException {
        CompiledRender cr = compile("""
                Material "cloth" "string presetname" [ "tweed" ] "color warp_Kd" [ 0.5 0.5 0.5 ]
                """);
        assertOneWarning(cr, "\"tweed\" is no preset", "denim used");
        int o = row(cr);
        float[] p = cr.scene().matParams;
        int table = (int) p[o + MaterialLayout.CL_TABLE_HI] * 4096 + (int) p[o + MaterialLayout.CL_TABLE_LO];
        // DenimPattern: a 3 x 6 tile whose first row is yarns 1, 3, 8.
        assertEquals(3, cr.scene().texTexels[table + MaterialLayout.CLT_TILE_W]);
        assertEquals(6, cr.scene().texTexels[table + MaterialLayout.CLT_TILE_H]);
        assertEquals(8, cr.scene().texTexels[table + MaterialLayout.CLT_CELLS + 2]);
        assertEquals(0.5f, p[o + MaterialLayout.CL_WARP_KD]);
        // weft_Kd defaults to black (cloth.cpp's RGBColor(0.f)).
        assertEquals(0f, p[o + MaterialLayout.CL_WEFT_KD]);
    }

    @Test
    void glossycoatingWithoutItsBaseWarnsOnce() throws IOException {
        CompiledRender cr = compile("""
                Material "glossycoating" "string basematerial" [ "x" ] "color Ks" [ 0.1 0.1 0.1 ]
                """);
        assertOneWarning(cr, "glossycoating", "\"x\" is not a named material", "grey matte");
    }
}

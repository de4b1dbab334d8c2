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
 * LuxRender's "cloth" (materials/cloth.cpp) renders as the Lambertian half of its BSDF averaged over
 * the preset's weave: a flat quad under a uniform environment of radiance 1 shows f warp_Kd + (1 - f)
 * weft_Kd, f the warp yarns' share of the tile's cells, with one warning that says so. And
 * "glossycoating", which LuxRender 1.x does not have, warns once as such.
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

    @Test
    void denimIsAMatteOfItsWeavesAverageColour() throws IOException {
        CompiledRender cr = compile("""
                Material "cloth" "string presetname" [ "denim" ] "color warp_Kd" [ 0.1 0.2 0.6 ] "color weft_Kd" [ 0.9 0.9 0.8 ] "color warp_Ks" [ 0.3 0.3 0.3 ] "color weft_Ks" [ 0.2 0.2 0.2 ] "float repeat_u" [ 50 ] "float repeat_v" [ 80 ]
                """);
        assertOneWarning(cr, "cloth", "83.3%", "warp_Ks");
        assertEquals(MaterialLayout.MATTE, cr.scene().matType[cr.scene().triMaterial[0]]);
        double f = 15 / 18.0;
        double[] warp = {0.1, 0.2, 0.6}, weft = {0.9, 0.9, 0.8};
        double[] m = centre(cr);
        for (int c = 0; c < 3; c++) {
            double expected = f * warp[c] + (1 - f) * weft[c];
            assertEquals(expected, m[c], 0.01 * expected, "channel " + "RGB".charAt(c));
            assertEquals(expected, cr.scene().matParams[cr.scene().triMaterial[0] * MaterialLayout.STRIDE + c], 1e-6);
        }
    }

    @Test
    void aTexturedYarnColourMixesTheTwoMattesByTheirShares() throws IOException {
        CompiledRender cr = compile("""
                Texture "wool" "color" "constant" "color value" [ 0.7 0.3 0.2 ]
                Material "cloth" "string presetname" [ "wool_gabardine" ] "texture warp_Kd" "wool" "color weft_Kd" [ 0.2 0.4 0.9 ]
                """);
        assertEquals(1, cr.warnings().size(), "warnings: " + cr.warnings());
        assertTrue(cr.warnings().get(0).toString().contains("66.7%"), cr.warnings().toString());
        assertEquals(MaterialLayout.MIX, cr.scene().matType[cr.scene().triMaterial[0]]);
        double f = 36 / 54.0;
        double[] warp = {0.7, 0.3, 0.2}, weft = {0.2, 0.4, 0.9};
        double[] m = centre(cr);
        for (int c = 0; c < 3; c++) {
            double expected = f * warp[c] + (1 - f) * weft[c];
            assertEquals(expected, m[c], 0.015 * expected, "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void aTexturedClothCountsAsAMixInTheNestingBound() throws IOException {
        // Seven mixes around a textured cloth (a mix itself) nest eight deep: the kernel's bound, accepted.
        StringBuilder world = new StringBuilder("""
                Texture "wool" "color" "constant" "color value" [ 0.7 0.3 0.2 ]
                MakeNamedMaterial "m0" "string type" [ "cloth" ] "texture warp_Kd" "wool"
                MakeNamedMaterial "grey" "string type" [ "matte" ]
                """);
        for (int i = 1; i <= 8; i++) {
            world.append("MakeNamedMaterial \"m").append(i).append("\" \"string type\" [ \"mix\" ]")
                    .append(" \"string namedmaterial1\" [ \"m").append(i - 1).append("\" ]")
                    .append(" \"string namedmaterial2\" [ \"grey\" ]\n");
        }
        compile(world + "NamedMaterial \"m7\"\n");
        org.luxnet.scene.SceneException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.luxnet.scene.SceneException.class, () -> compile(world + "NamedMaterial \"m8\"\n"));
        assertTrue(e.getMessage().contains("9 deep"), e.getMessage());
    }

    @Test
    void anUnknownPresetIsDenimAsClothCppTakesIt() throws IOException {
        CompiledRender cr = compile("""
                Material "cloth" "string presetname" [ "tweed" ] "color warp_Kd" [ 0.5 0.5 0.5 ]
                """);
        assertOneWarning(cr, "\"tweed\" is no preset", "83.3%");
        // weft_Kd defaults to black (cloth.cpp's RGBColor(0.f)).
        assertEquals(0.5 * 15 / 18.0, cr.scene().matParams[cr.scene().triMaterial[0] * MaterialLayout.STRIDE], 1e-6);
    }

    @Test
    void glossycoatingWarnsOnceAsNoLuxRender1Material() throws IOException {
        CompiledRender cr = compile("""
                Material "glossycoating" "string basematerial" [ "x" ] "color Ks" [ 0.1 0.1 0.1 ]
                """);
        assertOneWarning(cr, "glossycoating", "LuxCore", "grey matte");
    }
}

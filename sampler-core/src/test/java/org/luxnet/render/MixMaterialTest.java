package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "mix" (materials/mixmaterial.cpp: namedmaterial1's BxDFs scaled by amount, namedmaterial2's
 * by 1 - amount) rendered by a per-hit choice: its expectation must be the weighted sum. A convex
 * Lambertian sphere under a uniform environment of radiance 1 has radiance Kd (one bounce, no
 * interreflection), so a mix of mattes must come out as the amount-weighted sum of their Kd, channel
 * by channel for rgb amounts, through nested mixes, and texel by texel for a textured amount.
 */
class MixMaterialTest {
    private static final String HEAD = """
            Integrator "path" "integer maxdepth" [ 1 ]
            Sampler "sobol" "integer pixelsamples" [ 64 ]
            Film "image" "integer xresolution" [ 24 ] "integer yresolution" [ 24 ]
            LookAt 0 0 -3  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 1 1 1 ]
            MakeNamedMaterial "red" "string type" "matte" "rgb Kd" [ 0.8 0.1 0.1 ]
            MakeNamedMaterial "blue" "string type" "matte" "rgb Kd" [ 0.1 0.2 0.9 ]
            MakeNamedMaterial "grey" "string type" "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
            """;

    @TempDir
    Path dir;

    private CompiledRender compile(String world) throws IOException {
        Path f = dir.resolve("mix" + System.nanoTime() + ".pbrt");
        Files.writeString(f, HEAD + world + "WorldEnd\n");
        return RenderSupport.compile(f);
    }

    /** Mean RGB of the central 12x12 pixels (all on the sphere). */
    private static double[] centre(CompiledRender cr, int spp) {
        float[] rgb = RenderSupport.render(cr, spp, 2, 7).toRgb();
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
    void nestedRgbMixIsTheAmountWeightedSum() throws IOException {
        CompiledRender cr = compile("""
                MakeNamedMaterial "inner" "string type" "mix" "string namedmaterial1" "red" "string namedmaterial2" "blue" "rgb amount" [ 0.2 0.5 0.9 ]
                Material "mix" "string namedmaterial1" "inner" "string namedmaterial2" "grey" "float amount" [ 0.6 ]
                Shape "sphere" "float radius" [ 1 ]
                """);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        double[] a = {0.2, 0.5, 0.9}, red = {0.8, 0.1, 0.1}, blue = {0.1, 0.2, 0.9};
        double[] m = centre(cr, 64);
        for (int c = 0; c < 3; c++) {
            double expected = 0.6 * (a[c] * red[c] + (1 - a[c]) * blue[c]) + 0.4 * 0.5;
            assertEquals(expected, m[c], 0.015 * expected, "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void texturedAmountMixesTexelByTexel() throws IOException {
        // The material's amount is a spectrum texture, the mix texture's a float one (pbrt-v3): the same grey checks.
        String checks = "Texture \"chk\" \"spectrum\" \"checkerboard\" \"float uscale\" [ 4 ] \"float vscale\" [ 4 ]"
                + " \"rgb tex1\" [ 0.2 0.2 0.2 ] \"rgb tex2\" [ 0.9 0.9 0.9 ]\n"
                + "Texture \"chkf\" \"float\" \"checkerboard\" \"float uscale\" [ 4 ] \"float vscale\" [ 4 ]"
                + " \"float tex1\" [ 0.2 ] \"float tex2\" [ 0.9 ]\n";
        CompiledRender mix = compile(checks + """
                Material "mix" "string namedmaterial1" "red" "string namedmaterial2" "blue" "texture amount" "chk"
                Shape "sphere" "float radius" [ 1 ]
                """);
        assertTrue(mix.warnings().isEmpty(), "warnings: " + mix.warnings());
        // pbrt-v3's mix texture is (1 - amount) tex1 + amount tex2: the same blend as a matte's Kd.
        CompiledRender matte = compile(checks + """
                Texture "kd" "spectrum" "mix" "rgb tex1" [ 0.1 0.2 0.9 ] "rgb tex2" [ 0.8 0.1 0.1 ] "texture amount" "chkf"
                Material "matte" "texture Kd" "kd"
                Shape "sphere" "float radius" [ 1 ]
                """);
        double[] a = centre(mix, 64), b = centre(matte, 64);
        for (int c = 0; c < 3; c++) {
            assertEquals(b[c], a[c], 0.015 * b[c], "channel " + "RGB".charAt(c));
        }
    }

    @Test
    void aMixOfItselfIsAnErrorAtItsPlace() {
        SceneException e = assertThrows(SceneException.class, () -> compile("""
                MakeNamedMaterial "loop" "string type" "mix" "string namedmaterial1" "loop" "string namedmaterial2" "red"
                NamedMaterial "loop"
                Shape "sphere"
                """));
        assertTrue(e.getMessage().contains(".pbrt:11"), e.getMessage());
        assertTrue(e.getMessage().contains("contains itself"), e.getMessage());
    }

    @Test
    void anUndefinedComponentIsWarnedAboutAndMatte() throws IOException {
        CompiledRender cr = compile("""
                Material "mix" "string namedmaterial1" "red" "string namedmaterial2" "nosuch"
                Shape "sphere"
                """);
        assertEquals(1, cr.warnings().size(), "warnings: " + cr.warnings());
        assertTrue(cr.warnings().get(0).toString().contains("nosuch"), cr.warnings().toString());
        assertTrue(cr.warnings().get(0).toString().contains(".pbrt:11"), cr.warnings().toString());
        int mixes = 0;
        for (int t : cr.scene().matType) {
            mixes += t == MaterialLayout.MIX ? 1 : 0;
        }
        assertEquals(1, mixes);
    }
}

package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "hair" compiles to its own material (no longer "not supported; rendered as matte") with
 * CreateHairMaterial's defaults and precedence (materials/hair.cpp), warns as pbrt-v3 does about the
 * parameters it ignores, and renders: a sphere and a quad of non-absorbing hair in a white furnace are
 * white (the BSDF conserves energy, through sampling, next-event estimation and MIS alike).
 */
class HairMaterialTest {
    @TempDir
    Path dir;

    private CompiledRender compile(String body) throws IOException {
        Path f = dir.resolve("hair.pbrt");
        Files.writeString(f, "Camera \"perspective\"\nWorldBegin\nLightSource \"point\"\n"
                + "Texture \"t\" \"float\" \"constant\" \"float value\" [ 0.4 ]\n" + body + "WorldEnd\n");
        return RenderSupport.compile(f);
    }

    @Test
    void compilesWithPbrtDefaultsAndPrecedence() throws IOException {
        CompiledRender cr = compile("Material \"hair\"\nShape \"sphere\"\n"
                + "Material \"hair\" \"float pheomelanin\" [ 2 ] \"texture beta_m\" \"t\"\nShape \"sphere\"\n"
                + "Material \"hair\" \"rgb color\" [ 0.3 0.2 0.1 ] \"float eumelanin\" [ 1 ]\nShape \"sphere\"\n"
                + "Material \"hair\" \"rgb sigma_a\" [ 0.1 0.2 -1 ] \"rgb color\" [ 0.3 0.2 0.1 ]"
                + " \"float pheomelanin\" [ 1 ] \"float beta_n\" [ 0 ]\nShape \"sphere\"\n");
        String file = dir.resolve("hair.pbrt").toString();
        assertEquals(List.of(file + ":9: warning: hair: ignoring \"eumelanin\" since \"color\" was provided",
                file + ":11: warning: hair: ignoring \"color\" since \"sigma_a\" was provided",
                file + ":11: warning: hair: ignoring \"pheomelanin\" since \"sigma_a\" was provided",
                file + ":11: warning: hair: \"beta_n\" 0.0 is outside (0, 1] (pbrt-v3 rejects it or divides by zero);"
                        + " clamped to 0.001"), cr.warnings().stream().map(Object::toString).toList());
        int s = MaterialLayout.STRIDE;
        float[] p = cr.scene().matParams;
        for (int m = 0; m < 4; m++) {
            assertEquals(MaterialLayout.HAIR, cr.scene().matType[m]);
            assertEquals(1, cr.scene().matTextured[m]);
            // The frame along dp/du: unequal alphas.
            assertTrue(p[m * s + MaterialLayout.ALPHA_U] != p[m * s + MaterialLayout.ALPHA_V]);
        }
        // Defaults: eumelanin 1.3 alone; eta 1.55, beta_m and beta_n 0.3, alpha 2.
        assertEquals(MaterialLayout.HAIR_MELANIN, p[MaterialLayout.HR_MODE]);
        assertEquals(1.3f, p[MaterialLayout.HR_EUMELANIN]);
        assertEquals(0f, p[MaterialLayout.HR_PHEOMELANIN]);
        assertEquals(1.55f, p[MaterialLayout.HR_ETA]);
        assertEquals(0.3f, p[MaterialLayout.HR_BETA_M]);
        assertEquals(0.3f, p[MaterialLayout.HR_BETA_N]);
        assertEquals(2f, p[MaterialLayout.HR_ALPHA]);
        // pheomelanin alone: eumelanin 0 (hair.cpp: "eumelanin ? ... : 0"); beta_m textured.
        assertEquals(MaterialLayout.HAIR_MELANIN, p[s + MaterialLayout.HR_MODE]);
        assertEquals(0f, p[s + MaterialLayout.HR_EUMELANIN]);
        assertEquals(2f, p[s + MaterialLayout.HR_PHEOMELANIN]);
        assertTrue(cr.scene().matTexStart[s + MaterialLayout.HR_BETA_M] >= 0);
        assertEquals(MaterialLayout.HAIR_COLOR, p[2 * s + MaterialLayout.HR_MODE]);
        assertEquals(0.2f, p[2 * s + MaterialLayout.HR_COLOR + 1]);
        // sigma_a wins, clamped to >= 0 (hair.cpp: sigma_a->Evaluate(*si).Clamp()).
        assertEquals(MaterialLayout.HAIR_SIGMA_A, p[3 * s + MaterialLayout.HR_MODE]);
        assertEquals(0.2f, p[3 * s + MaterialLayout.HR_SIGMA_A + 1]);
        assertEquals(0f, p[3 * s + MaterialLayout.HR_SIGMA_A + 2]);
    }

    /**
     * A sphere and a quad (pbrt's default (u, v), so h runs across it) of hair with sigma_a 0 and no
     * scale tilt, inside a constant white environment: every pixel's radiance is 1.
     */
    @Test
    void nonAbsorbingHairIsWhiteInAWhiteFurnace() throws IOException {
        String scene = """
                LookAt 0 0 -5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 40 ]
                Integrator "path" "integer maxdepth" [ 60 ]
                Sampler "sobol" "integer pixelsamples" [ 64 ]
                Film "image" "integer xresolution" [ 16 ] "integer yresolution" [ 16 ]
                WorldBegin
                LightSource "infinite" "rgb L" [ 1 1 1 ]
                Material "hair" "rgb sigma_a" [ 0 0 0 ] "float alpha" [ 0 ] "float beta_m" [ 0.25 ] "float beta_n" [ 0.5 ]
                AttributeBegin
                  Translate -0.8 0 0
                  Shape "sphere" "float radius" [ 1 ]
                AttributeEnd
                AttributeBegin
                  Translate 1 0 0.5
                  Rotate 30 0 1 0
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.8 -1.2 0 0.8 -1.2 0 0.8 1.2 0 -0.8 1.2 0 ]
                AttributeEnd
                WorldEnd
                """;
        Path f = dir.resolve("furnace.pbrt");
        Files.writeString(f, scene);
        float[] rgb = furnace(f);
        int n = rgb.length / 3;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += rgb[3 * i + 1];
            assertEquals(1, rgb[3 * i + 1], 0.25, "pixel " + i);
        }
        assertEquals(1, sum / n, 0.01, "mean radiance");
        // The same with pbrt's default (absorbing) hair: the hair covers enough of the image to darken it.
        Path dark = dir.resolve("dark.pbrt");
        Files.writeString(dark, scene.replace("\"rgb sigma_a\" [ 0 0 0 ]", ""));
        float[] d = furnace(dark);
        double dsum = 0;
        for (int i = 0; i < n; i++) {
            dsum += d[3 * i + 1];
        }
        assertTrue(dsum / n < 0.8, "absorbing hair's mean " + dsum / n);
    }

    private static float[] furnace(Path f) {
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(List.of(), cr.warnings());
        Film film = RenderSupport.render(cr, 64, 2, 3);
        return film.toRgb();
    }
}

package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender's 3D texture "coordinates" compile (core/texture.cpp TextureMapping3D::Create): each known
 * kind without a warning, an unknown one with one warning at its place and global, as LuxRender's
 * LOG; the normal kinds keep the inverse transpose of the mapping; "local" stores a space per shape
 * only in scenes that use it.
 */
class Map3dCompileTest {
    @TempDir
    Path dir;

    private CompiledRender compile(String world) throws IOException {
        Path f = dir.resolve("m.lxs");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"fleximage\" \"integer xresolution\" [4] \"integer yresolution\" [4]\n"
                + "SurfaceIntegrator \"path\"\nWorldBegin\nLightSource \"point\"\n" + world + "\nWorldEnd\n");
        return SceneCompiler.compile(SceneParser.parse(f));
    }

    private static String text(CompiledRender r) {
        return r.warnings().stream().map(w -> w.loc() + ": " + w.message()).collect(Collectors.joining("\n"));
    }

    private static String fbm(String coords, String more) {
        return "Texture \"f\" \"float\" \"fbm\" \"string coordinates\" \"" + coords + "\"" + more + "\n"
                + "Texture \"m\" \"color\" \"mix\" \"color tex1\" [0 0 0] \"color tex2\" [1 1 1] \"texture amount\" \"f\"\n"
                + "Material \"matte\" \"texture Kd\" \"m\"\n";
    }

    private static float param(CompiledScene s, int slot) {
        for (int i = 0; i < s.texType.length; i++) {
            if (s.texType[i] == TextureLayout.FBM) {
                return s.texParams[i * TextureLayout.NODE_STRIDE + slot];
            }
        }
        throw new AssertionError("no fbm node");
    }

    @Test
    void everyLuxRenderKindCompilesWithoutWarning() throws IOException {
        String[] names = {"global", "local", "uv", "globalnormal", "localnormal"};
        int[] kinds = {TextureLayout.MAP3D_GLOBAL, TextureLayout.MAP3D_LOCAL, TextureLayout.MAP3D_UV,
            TextureLayout.MAP3D_GLOBALNORMAL, TextureLayout.MAP3D_LOCALNORMAL};
        for (int i = 0; i < names.length; i++) {
            CompiledRender r = compile(fbm(names[i], "") + "Shape \"sphere\"");
            assertTrue(r.warnings().isEmpty(), names[i] + ": " + text(r));
            assertEquals(kinds[i], (int) param(r.scene(), TextureLayout.MAPPING), names[i]);
            boolean local = names[i].startsWith("local");
            assertEquals(local ? 1 : 0, r.scene().primLocal.length, names[i] + ": object spaces stored");
        }
    }

    @Test
    void unknownKindWarnsOnceAtItsPlaceAndIsGlobal() throws IOException {
        CompiledRender r = compile(fbm("object", "") + "Shape \"sphere\"\nShape \"sphere\" \"float radius\" [2]");
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("m.lxs:6:") && t.contains("3D texture mapping \"object\" unknown") && t.contains("global"), t);
        assertEquals(TextureLayout.MAP3D_GLOBAL, (int) param(r.scene(), TextureLayout.MAPPING));
    }

    /** LuxRender evaluates textures at the bumped normal; here at the unbumped one, which a warning says, once. */
    @Test
    void normalCoordinatesUnderABumpMapWarn() throws IOException {
        String bump = "Texture \"b\" \"float\" \"wrinkled\"\n";
        CompiledRender r = compile(fbm("localnormal", "").replace("Material \"matte\" \"texture Kd\" \"m\"",
                bump + "Material \"matte\" \"texture Kd\" \"m\" \"texture bumpmap\" \"b\"")
                + "Shape \"sphere\"");
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("bumped normal"), t);
        CompiledRender ok = compile(fbm("localnormal", "").replace("Material \"matte\" \"texture Kd\" \"m\"",
                bump + "Material \"matte\" \"color Kd\" [0.5 0.5 0.5] \"texture bumpmap\" \"f\"") + "Shape \"sphere\"");
        assertTrue(ok.warnings().isEmpty(), "normal coordinates in the bump map itself are LuxRender's: " + text(ok));
    }

    /** LuxRender maps dg.nn as a Normal: by the inverse transpose of Scale(1 / scale), so by Scale(scale), untranslated. */
    @Test
    void normalKindsMapByTheInverseTranspose() throws IOException {
        CompiledRender r = compile(fbm("globalnormal", " \"vector scale\" [2 4 8] \"vector translate\" [1 2 3]")
                + "Shape \"sphere\"");
        CompiledScene s = r.scene();
        float[] want = {2, 0, 0, 0, 0, 4, 0, 0, 0, 0, 8, 0};
        for (int i = 0; i < 12; i++) {
            assertEquals(want[i], param(s, TextureLayout.XFORM + i), 1e-6, "xform " + i);
        }
        CompiledRender g = compile(fbm("local", " \"vector scale\" [2 4 8] \"vector translate\" [1 2 3]") + "Shape \"sphere\"");
        // A point: Scale(1 / scale) after Translate(-translate), LuxRender's right-multiplied order.
        float[] point = {0.5f, 0, 0, -0.5f, 0, 0.25f, 0, -0.5f, 0, 0, 0.125f, -0.375f};
        for (int i = 0; i < 12; i++) {
            assertEquals(point[i], param(g.scene(), TextureLayout.XFORM + i), 1e-6, "point xform " + i);
        }
    }

    /** A LuxRender displacement map on a flat grid, Loop-subdivided once, with the texture h. */
    private static CompiledRender displaced(String texture, boolean cw) {
        return SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + texture + "\n"
                + LuxDisplacementTest.grid(2, cw, "\"integer nsubdivlevels\" [1] \"string displacementmap\" [\"h\"]"
                + " \"float dmscale\" [0.5]") + "\nWorldEnd\n");
    }

    /**
     * Displacement maps take the vertex's (u, v) and normal (LuxRender's ApplyDisplacementMap builds its
     * DifferentialGeometry of them): a checkerboard 3D in "uv" coordinates lifts each vertex by its own
     * cell's value; in "globalnormal" coordinates, turned by rotate (30, 40, 0), the normal +z maps to
     * (0.643, -0.383, 0.663), an odd cell (0.6), and -z (a clockwise grid) to an even one (0.2).
     */
    @Test
    void displacementMapsTakeTheVertexsUvAndNormal() {
        String uv = "Texture \"h\" \"float\" \"checkerboard\" \"integer dimension\" [3] \"float tex1\" [0.2]"
                + " \"float tex2\" [0.6] \"string coordinates\" \"uv\" \"vector scale\" [0.3 0.3 0.3]"
                + " \"vector translate\" [0.05 0.05 0.05]";
        CompiledRender r = displaced(uv, false);
        assertTrue(r.warnings().isEmpty(), text(r));
        CompiledScene s = r.scene();
        int odd = 0;
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double x = s.triGeom[9 * t] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c]);
                double y = s.triGeom[9 * t + 1] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c + 1]);
                double z = s.triGeom[9 * t + 2] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c + 2]);
                // q = (uv - 0.05) / 0.3, and the third coordinate (0 - 0.05) / 0.3 is in cell -1; uv = (x, y).
                int cell = (int) Math.floor((x - 0.05) / 0.3) + (int) Math.floor((y - 0.05) / 0.3) - 1;
                double want = ((cell & 1) == 0 ? 0.2 : 0.6) * 0.5;
                assertEquals(want, z, 1e-5, "vertex (" + x + ", " + y + ")");
                odd += cell & 1;
            }
        }
        assertTrue(odd > 20, "odd cells " + odd);
        String normal = "Texture \"h\" \"float\" \"checkerboard\" \"integer dimension\" [3] \"float tex1\" [0.2]"
                + " \"float tex2\" [0.6] \"string coordinates\" \"globalnormal\" \"vector rotate\" [30 40 0]";
        for (boolean cw : new boolean[] {false, true}) {
            CompiledScene g = displaced(normal, cw).scene();
            double want = cw ? -0.2 * 0.5 : 0.6 * 0.5;
            for (int t = 0; t < g.triangleCount; t++) {
                assertEquals(want, g.triGeom[9 * t + 2], 1e-5, (cw ? "-z" : "+z") + " normal");
            }
        }
    }

    @Test
    void localCoordinatesInADisplacementMapWarn() {
        CompiledRender r = displaced("Texture \"h\" \"float\" \"fbm\" \"string coordinates\" \"local\"", false);
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("NULL handle"), t);
    }

    @Test
    void eachShapeKeepsItsSpace() throws IOException {
        CompiledRender r = compile(fbm("local", "")
                + "AttributeBegin\nTranslate 1 2 3\nShape \"sphere\"\nAttributeEnd\n"
                + "AttributeBegin\nScale 2 2 2\nShape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3]"
                + " \"point P\" [0 0 0 1 0 0 1 1 0 0 1 0]\nAttributeEnd\n"
                + "ObjectBegin \"one\"\nTranslate 0 5 0\nShape \"sphere\"\nObjectEnd\n"
                + "ObjectBegin \"mesh\"\nTranslate 0 5 0\nShape \"trianglemesh\" \"integer indices\" [0 1 2]"
                + " \"point P\" [0 0 0 1 0 0 1 1 0]\nObjectEnd\n"
                + "ObjectInstance \"one\"\nObjectInstance \"mesh\"");
        assertTrue(r.warnings().isEmpty(), text(r));
        CompiledScene s = r.scene();
        assertEquals(s.primitiveCount(), s.primLocal.length);
        // World: both mesh triangles share the scaled quad's space (world to object: x / 2), the sphere its translation.
        for (int t = 0; t < s.worldTriangleCount; t++) {
            int e = s.primLocal[t] * CompiledScene.LOCAL_STRIDE;
            assertEquals(0.5f, s.localXform[e], 1e-6);
            assertEquals(0f, s.localXform[e + 3], 1e-6);
        }
        int sph = s.primLocal[s.triangleCount] * CompiledScene.LOCAL_STRIDE;
        assertEquals(-2f, s.localXform[sph + 7], 1e-6, "sphere: y - 2");
        // Objects: one quadric maps on into its own space (y - 5); a mesh stays in the instance's (-1).
        int quadric = 0, mesh = 0;
        for (int t = s.worldTriangleCount; t < s.triangleCount; t++) {
            if (s.primLocal[t] >= 0) {
                assertEquals(-5f, s.localXform[s.primLocal[t] * CompiledScene.LOCAL_STRIDE + 7], 1e-6);
                quadric++;
            } else {
                mesh++;
            }
        }
        assertTrue(quadric > 10, "tessellated sphere triangles " + quadric);
        assertEquals(1, mesh);
    }
}

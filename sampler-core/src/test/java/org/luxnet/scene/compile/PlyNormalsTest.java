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
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender's plymesh normals (LuxRender/Lux shapes/plymesh.cpp, PlyMesh::CreateShape): when the file
 * has no per-vertex normals, or the statement says "bool smooth" true, every vertex gets the mean of
 * the unit normals of the triangles around it (a quad as its triangles (0 1 2) and (0 2 3)), so such a
 * mesh renders smooth. pbrt-v3's plymesh generates none.
 *
 * <p>The mesh is a roof of two quads meeting at the ridge A (0 0 1), B (0 1 1): the left slope's unit
 * normal is (-1 0 1)/sqrt 2, the right's (1 0 1)/sqrt 2. The left quad (L0 A B L1) splits into (L0 A B)
 * and (L0 B L1), the right one (A R0 R1 B) into (A R0 R1) and (A R1 B), so A lies on one left and two
 * right triangles: its normal is (-1 + 2, 0, 3) normalised, (1 0 3)/sqrt 10, and B's (-1 0 3)/sqrt 10 —
 * one vote per triangle, not per face, angle or area (an angle-weighted mean would give A (0 0 1)).
 */
class PlyNormalsTest {
    @TempDir
    Path dir;

    /** Vertices L0 A B L1 R0 R1 (indices 0..5). */
    private static final float[][] V = {{-1, 0, 0}, {0, 0, 1}, {0, 1, 1}, {-1, 1, 0}, {1, 0, 0}, {1, 1, 0}};
    private static final double R2 = Math.sqrt(2), R10 = Math.sqrt(10);
    /** The expected vertex normals, LuxRender's, in the order of V. */
    private static final double[][] SMOOTH = {{-1 / R2, 0, 1 / R2}, {1 / R10, 0, 3 / R10}, {-1 / R10, 0, 3 / R10},
        {-1 / R2, 0, 1 / R2}, {1 / R2, 0, 1 / R2}, {1 / R2, 0, 1 / R2}};

    private void writePly(String name, boolean withNormals) throws IOException {
        StringBuilder b = new StringBuilder("ply\nformat ascii 1.0\nelement vertex 6\nproperty float x\nproperty float y\n"
                + "property float z\n");
        if (withNormals) {
            b.append("property float nx\nproperty float ny\nproperty float nz\n");
        }
        b.append("element face 2\nproperty list uchar int vertex_indices\nend_header\n");
        for (float[] v : V) {
            b.append(v[0]).append(' ').append(v[1]).append(' ').append(v[2]);
            // The file's own normals, when it has them: all (0 1 0), to tell them from generated ones.
            b.append(withNormals ? " 0 1 0\n" : "\n");
        }
        b.append("4 0 1 2 3\n4 1 4 5 2\n");
        Files.writeString(dir.resolve(name), b.toString());
    }

    private CompiledRender compile(String film, String shape) throws IOException {
        Path f = dir.resolve("m.lxs");
        Files.writeString(f, "LookAt 0 -5 3  0 0 0.5  0 0 1\nCamera \"perspective\"\n" + film
                + " \"integer xresolution\" [4] \"integer yresolution\" [4]\nWorldBegin\nLightSource \"point\"\n" + shape
                + "\nWorldEnd\n");
        return SceneCompiler.compile(SceneParser.parse(f));
    }

    private static final String LUX = "Film \"fleximage\"", PBRT = "Film \"image\"";

    /** The index in V of the point (x y z). */
    private static int vertexAt(double x, double y, double z) {
        for (int i = 0; i < V.length; i++) {
            if (Math.abs(V[i][0] - x) + Math.abs(V[i][1] - y) + Math.abs(V[i][2] - z) < 1e-5) {
                return i;
            }
        }
        throw new AssertionError("no vertex at " + x + " " + y + " " + z);
    }

    /** Every triangle corner's shading normal (unit) against {@code expected} (null: no shading normals). */
    private static void assertNormals(CompiledScene s, double[][] expected) {
        assertEquals(4, s.triangleCount);
        for (int t = 0; t < s.triangleCount; t++) {
            if (expected == null) {
                assertEquals(0, s.triHasNs[t], "triangle " + t + " has shading normals");
                continue;
            }
            assertEquals(1, s.triHasNs[t], "triangle " + t + " has no shading normals");
            for (int c = 0; c < 3; c++) {
                double[] p = new double[3];
                double[] n = new double[3];
                for (int k = 0; k < 3; k++) {
                    p[k] = s.triGeom[9 * t + k] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c + k]);
                    n[k] = s.triNs[9 * t + 3 * c + k];
                }
                double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                double[] want = expected[vertexAt(p[0], p[1], p[2])];
                for (int k = 0; k < 3; k++) {
                    assertEquals(want[k], n[k] / len, 1e-5, "triangle " + t + " corner " + c + " axis " + k);
                }
            }
        }
    }

    private static String warnings(CompiledRender r) {
        return r.warnings().stream().map(w -> w.loc() + ": " + w.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void aLuxRenderPlyWithoutNormalsGetsTheMeanOfItsTrianglesUnitNormals() throws IOException {
        writePly("roof.ply", false);
        CompiledRender r = compile(LUX, "Shape \"plymesh\" \"string filename\" \"roof.ply\"");
        assertNormals(r.scene(), SMOOTH);
        assertTrue(r.warnings().isEmpty(), warnings(r));
    }

    @Test
    void smoothTrueReplacesTheFilesNormalsAndIsNotReported() throws IOException {
        writePly("roof.ply", true);
        CompiledRender r = compile(LUX, "Shape \"plymesh\" \"string filename\" \"roof.ply\" \"bool smooth\" \"true\"");
        assertNormals(r.scene(), SMOOTH);
        assertTrue(r.warnings().isEmpty(), warnings(r));
    }

    @Test
    void withoutSmoothTheFilesNormalsStay() throws IOException {
        writePly("roof.ply", true);
        double[][] file = new double[6][];
        java.util.Arrays.fill(file, new double[] {0, 1, 0});
        assertNormals(compile(LUX, "Shape \"plymesh\" \"string filename\" \"roof.ply\" \"bool smooth\" \"false\"")
                .scene(), file);
    }

    @Test
    void pbrtsPlymeshGeneratesNoNormalsAndDoesNotReadSmooth() throws IOException {
        writePly("roof.ply", false);
        CompiledRender r = compile(PBRT, "Shape \"plymesh\" \"string filename\" \"roof.ply\" \"bool smooth\" \"true\"");
        assertNormals(r.scene(), null);
        assertTrue(warnings(r).contains("\"bool smooth\""), warnings(r));
    }

    @Test
    void aLuxRenderTrianglemeshWithoutNormalsStaysFlat() throws IOException {
        // Only plymesh generates normals; LuxRender's mesh and trianglemesh keep what they are given.
        StringBuilder pts = new StringBuilder();
        for (float[] v : V) {
            pts.append(v[0]).append(' ').append(v[1]).append(' ').append(v[2]).append(' ');
        }
        assertNormals(compile(LUX, "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3 1 4 5 1 5 2] \"point P\" ["
                + pts + "]").scene(), null);
    }
}

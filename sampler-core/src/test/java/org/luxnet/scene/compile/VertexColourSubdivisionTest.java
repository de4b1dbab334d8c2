package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.CompiledScene;

/**
 * LuxRender's Loop subdivision carries vertex colours and alphas through the very weights of uv
 * (shapes/loopsubdiv.cpp: SDVertex col and alpha beside u and v in weightOneRing, weightBoundary, the
 * edge rule and the limit), each deciding its own seams at vertices (uvSplit, colSplit, alphaSplit).
 * So a mesh whose colours repeat its uv, C = (u, v, 0.5) and A = u, comes out of the subdivision with
 * colours equal to its subdivided uv, blue 0.5 and alpha u at every corner.
 */
class VertexColourSubdivisionTest {
    private static CompiledScene compile(String shapes) {
        CompiledRender r = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + shapes + "\nWorldEnd\n");
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        return r.scene();
    }

    private static String ints(int[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int x : v) {
            b.append(' ').append(x);
        }
        return b.append(" ]").toString();
    }

    /** The octahedron of MeshShapesTest with per-vertex uv, colours and alphas built from (u, v). */
    private static String octahedron(boolean withUv, double[][] uv) {
        StringBuilder u = new StringBuilder(" \"float uv\" ["), c = new StringBuilder(" \"float C\" ["),
                a = new StringBuilder(" \"float A\" [");
        for (double[] t : uv) {
            u.append(' ').append(t[0]).append(' ').append(t[1]);
            c.append(' ').append(t[0]).append(' ').append(t[1]).append(" 0.5");
            a.append(' ').append(t[0]);
        }
        return "Shape \"mesh\" \"integer triindices\" " + ints(MeshShapesTest.OCTA) + " " + MeshShapesTest.OCTA_P
                + (withUv ? u + " ]" : "") + c + " ]" + a + " ] \"integer nsubdivlevels\" [2]";
    }

    private static double z(CompiledScene s, int t, int k) {
        return s.triGeom[9 * t + 2] + (k == 0 ? 0 : s.triGeom[9 * t + 3 * k + 2]);
    }

    private static final double[][] UV = {{0.1, 0.9}, {0.3, 0.2}, {0.55, 0.65}, {0.8, 0.05}, {0.15, 0.4}, {0.95, 0.7}};

    @Test
    void coloursAreSubdividedAsUv() {
        CompiledScene s = compile(octahedron(true, UV));
        assertEquals(8 * 16, s.triangleCount);
        assertEquals(12 * s.triangleCount, s.triColourData.length, "every triangle keeps colours");
        double spread = 0;
        for (int t = 0; t < s.triangleCount; t++) {
            int at = s.triColour[t];
            assertTrue(at >= 0, "triangle " + t + " has colours");
            for (int k = 0; k < 3; k++) {
                float u = s.triUv[6 * t + 2 * k], v = s.triUv[6 * t + 2 * k + 1];
                assertEquals(u, s.triColourData[at + 3 * k], 1e-6, "red is u");
                assertEquals(v, s.triColourData[at + 3 * k + 1], 1e-6, "green is v");
                assertEquals(0.5, s.triColourData[at + 3 * k + 2], 1e-6, "blue stays 0.5: the weights sum to 1");
                assertEquals(u, s.triColourData[at + 9 + k], 1e-6, "alpha is u");
                spread = Math.max(spread, Math.abs(u - 0.5));
            }
        }
        // The values were actually moved by the subdivision (none of the control values 0.1 ... 0.95 is 0.5).
        assertTrue(spread > 0.05 && spread < 0.45, "u spread " + spread);
    }

    @Test
    void coloursWithoutUvAreSubdividedToo() {
        // Without uv, LoopSubdiv carries u = v = 0; the colours take the same path as with uv.
        CompiledScene with = compile(octahedron(true, UV));
        CompiledScene without = compile(octahedron(false, UV));
        assertEquals(with.triangleCount, without.triangleCount);
        for (int t = 0; t < with.triangleCount; t++) {
            for (int k = 0; k < 12; k++) {
                assertEquals(with.triColourData[with.triColour[t] + k], without.triColourData[without.triColour[t] + k],
                        1e-6, "triangle " + t + " value " + k);
            }
        }
    }

    @Test
    void aColourSeamKeepsEachSidesColourWhereUvIsSmooth() {
        // Vertex 4 (the top, (0 0 1)) given twice: the faces around it use one copy or the other, with
        // the same uv but different colours. colSplit holds the colour of each copy at the limit.
        StringBuilder p = new StringBuilder(MeshShapesTest.OCTA_P.replace("]", " 0 0 1 ]"));
        int[] idx = MeshShapesTest.OCTA.clone();
        // Faces 0 and 1 (the first two, both around vertex 4) use copy 6.
        for (int i = 0; i < 6; i++) {
            if (idx[i] == 4) {
                idx[i] = 6;
            }
        }
        String shape = "Shape \"mesh\" \"integer triindices\" " + ints(idx) + " " + p
                + " \"float C\" [0.5 0.5 0.5  0.5 0.5 0.5  0.5 0.5 0.5  0.5 0.5 0.5  0 0 0  0.5 0.5 0.5  1 1 1 ]"
                + " \"integer nsubdivlevels\" [1]";
        CompiledScene s = compile(shape);
        double top = -1;
        for (int t = 0; t < s.triangleCount; t++) {
            for (int k = 0; k < 3; k++) {
                top = Math.max(top, z(s, t, k));
            }
        }
        int black = 0, white = 0;
        for (int t = 0; t < s.triangleCount; t++) {
            for (int k = 0; k < 3; k++) {
                if (z(s, t, k) > top - 1e-6) { // the top's corners
                    float r = s.triColourData[s.triColour[t] + 3 * k];
                    black += r == 0f ? 1 : 0;
                    white += r == 1f ? 1 : 0;
                }
            }
        }
        // Four faces around the top, one child each at the top: two keep 1 (copy 6), two keep 0.
        assertEquals(2, white, "corners at the top keeping the white copy's colour");
        assertEquals(2, black, "corners at the top keeping the black copy's colour");
    }
}

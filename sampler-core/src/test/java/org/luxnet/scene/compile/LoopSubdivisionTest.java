package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/** pbrt-v3's Loop subdivision against closed-form counts, limit points and limit normals. */
class LoopSubdivisionTest {
    private static final FileLoc AT = new FileLoc("scene.pbrt", 7, 1);

    /** The octahedron with vertices at +-1 on each axis, every face wound counter-clockwise seen from outside. */
    static final float[] OCTA_P = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
    static final int[] OCTA_I = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
    static final float[] TETRA_P = {1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1};
    static final int[] TETRA_I = {0, 1, 2, 0, 3, 1, 0, 2, 3, 1, 3, 2};

    @Test
    void vertexAndTriangleCountsFollowEulersFormula() {
        // Each level: V' = V + E, F' = 4F; for a closed genus-0 mesh V = F / 2 + 2.
        for (int n = 0; n <= 4; n++) {
            LoopSubdivision.Mesh o = LoopSubdivision.subdivide(OCTA_P, OCTA_I, n, AT);
            assertEquals(8 << (2 * n), o.indices().length / 3);
            assertEquals(2 + (1 << (2 * n + 2)), o.positions().length / 3, "octahedron, level " + n);
            LoopSubdivision.Mesh t = LoopSubdivision.subdivide(TETRA_P, TETRA_I, n, AT);
            assertEquals(4 << (2 * n), t.indices().length / 3);
            assertEquals(2 + 2 * (1 << (2 * n)), t.positions().length / 3, "tetrahedron, level " + n);
        }
    }

    @Test
    void limitPointsAreTheSameAtEveryLevel() {
        // Valence 4: beta = 3/32, gamma = 1/8, so the limit of (1,0,0) is p/2 + (sum of its ring)/8 = (0.5,0,0);
        // subdividing further must land the same vertices on the same limit points.
        LoopSubdivision.Mesh[] m = new LoopSubdivision.Mesh[5];
        for (int n = 0; n < m.length; n++) {
            m[n] = LoopSubdivision.subdivide(OCTA_P, OCTA_I, n, AT);
            for (int v = 0; v < 6; v++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(OCTA_P[3 * v + c] / 2, m[n].positions()[3 * v + c], 1e-6, "level " + n + " vertex " + v);
                }
            }
        }
        // The 12 edge vertices of level 1 (interior, regular: gamma = 1/12) keep their limit points too.
        for (int n = 2; n < m.length; n++) {
            for (int i = 18; i < 3 * 18; i++) {
                assertEquals(m[1].positions()[i], m[n].positions()[i], 1e-6, "level " + n);
            }
        }
    }

    @Test
    void regularInteriorVertexLimitIsHalfItsHeightPlusATwelfthOfItsRing() {
        // A hexagonal fan: centre (0,0,1), ring at height 0. Valence 6 is regular: gamma = 1/12, so the
        // limit height is 1/2 + 6 * 0 / 12 = 0.5, at 0, 1 and 3 levels alike.
        float[] p = new float[21];
        p[2] = 1;
        int[] idx = new int[18];
        for (int k = 0; k < 6; k++) {
            p[3 + 3 * k] = (float) Math.cos(Math.PI / 3 * k);
            p[4 + 3 * k] = (float) Math.sin(Math.PI / 3 * k);
            idx[3 * k] = 0;
            idx[3 * k + 1] = 1 + k;
            idx[3 * k + 2] = 1 + (k + 1) % 6;
        }
        for (int n : new int[] {0, 1, 3}) {
            LoopSubdivision.Mesh m = LoopSubdivision.subdivide(p, idx, n, AT);
            assertEquals(0, m.positions()[0], 1e-6);
            assertEquals(0, m.positions()[1], 1e-6);
            assertEquals(0.5, m.positions()[2], 1e-6, "level " + n);
            // The limit normal at the apex of a symmetric fan is the axis.
            float[] nrm = m.normals();
            assertEquals(0, Math.hypot(nrm[0], nrm[1]) / Math.abs(nrm[2]), 1e-5);
        }
    }

    @Test
    void aFlatGridStaysFlatWithNormalsAcrossIt() {
        // 4 x 4 vertices in z = 0, 18 triangles, boundary on all sides (corners, regular and irregular edges).
        float[] p = new float[48];
        int[] idx = new int[54];
        int o = 0;
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                p[3 * (4 * y + x)] = x;
                p[3 * (4 * y + x) + 1] = y;
                if (x < 3 && y < 3) {
                    int a = 4 * y + x;
                    int[] q = {a, a + 1, a + 5, a, a + 5, a + 4};
                    System.arraycopy(q, 0, idx, o, 6);
                    o += 6;
                }
            }
        }
        LoopSubdivision.Mesh m = LoopSubdivision.subdivide(p, idx, 3, AT);
        for (int v = 0; v < m.positions().length / 3; v++) {
            assertEquals(0, m.positions()[3 * v + 2], 0, "vertex " + v);
            float[] n = m.normals();
            double len = Math.sqrt(n[3 * v] * n[3 * v] + n[3 * v + 1] * n[3 * v + 1] + n[3 * v + 2] * n[3 * v + 2]);
            assertTrue(len > 0, "vertex " + v + " has a normal");
            assertEquals(1, Math.abs(n[3 * v + 2]) / len, 1e-6, "vertex " + v + " normal is across the plane");
        }
        // Every Loop mask is a convex combination: the surface stays inside the control grid.
        for (int v = 0; v < m.positions().length / 3; v++) {
            float x = m.positions()[3 * v], y = m.positions()[3 * v + 1];
            assertTrue(x >= -1e-6 && x <= 3 + 1e-6 && y >= -1e-6 && y <= 3 + 1e-6, "inside the grid");
        }
    }

    @Test
    void theSurfaceGetsSmootherWithEveryLevel() {
        // Largest angle between the limit normals at the two ends of an edge: 60, 44, 32, 22, 15 degrees at
        // levels 1 to 5, the worst next to the valence-4 vertices, shrinking by 1.37 to 1.46 per level.
        double previous = Math.PI;
        for (int n = 1; n <= 5; n++) {
            LoopSubdivision.Mesh m = LoopSubdivision.subdivide(OCTA_P, OCTA_I, n, AT);
            double worst = 0;
            int[] f = m.indices();
            int sign = 0;
            for (int i = 0; i < f.length; i++) {
                int a = f[i], b = f[i - i % 3 + (i + 1) % 3];
                worst = Math.max(worst, angle(m.normals(), a, b));
                // pbrt's tangents give every limit normal the same side of this convex surface.
                double dot = m.normals()[3 * a] * m.positions()[3 * a] + m.normals()[3 * a + 1] * m.positions()[3 * a + 1]
                        + m.normals()[3 * a + 2] * m.positions()[3 * a + 2];
                int s = dot > 0 ? 1 : -1;
                assertTrue(sign == 0 || s == sign, "normals all on one side");
                sign = s;
            }
            assertTrue(worst < previous / 1.3, "level " + n + ": largest normal angle " + worst + " after " + previous);
            previous = worst;
        }
    }

    @Test
    void limitNormalsFollowTheOctahedronsSymmetry() {
        LoopSubdivision.Mesh m = LoopSubdivision.subdivide(OCTA_P, OCTA_I, 2, AT);
        float[] n = m.normals();
        for (int v = 0; v < 6; v++) {
            // Along the vertex's axis; pbrt's tangent order makes it point inwards for faces wound
            // counter-clockwise from outside (pbrt's Triangle then takes the geometric normal from it).
            double len = Math.sqrt(n[3 * v] * n[3 * v] + n[3 * v + 1] * n[3 * v + 1] + n[3 * v + 2] * n[3 * v + 2]);
            for (int c = 0; c < 3; c++) {
                assertEquals(-OCTA_P[3 * v + c], n[3 * v + c] / len, 1e-6, "vertex " + v);
            }
        }
    }

    @Test
    void badMeshesAreErrorsAtTheShape() {
        assertEquals("scene.pbrt:7:1: loopsubdiv index 9 (entry 2) is out of range: the mesh has 6 vertices",
                assertThrows(SceneException.class, () -> LoopSubdivision.subdivide(OCTA_P, new int[] {0, 2, 9}, 1, AT))
                        .getMessage());
        assertTrue(assertThrows(SceneException.class, () -> LoopSubdivision.subdivide(OCTA_P, new int[] {0, 2}, 1, AT))
                .getMessage().contains("multiple of 3"));
        assertTrue(assertThrows(SceneException.class, () -> LoopSubdivision.subdivide(OCTA_P, new int[] {0, 2, 4}, 1, AT))
                .getMessage().contains("vertex 1 is used by no triangle"));
        assertTrue(assertThrows(SceneException.class, () -> LoopSubdivision.subdivide(OCTA_P, OCTA_I, -1, AT))
                .getMessage().contains("0 or more"));
        assertTrue(assertThrows(SceneException.class, () -> LoopSubdivision.subdivide(OCTA_P, OCTA_I, 30, AT))
                .getMessage().contains("more than the limit"));
    }

    /** Three lines, as SceneCompilerTest.HEAD, in pbrt-v3's dialect. */
    private static final String PBRT_HEAD = "Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8]\n"
            + "Camera \"perspective\"\nWorldBegin\n";

    @Test
    void loopsubdivShapeCompilesWithPbrtsParameterNames() {
        // A pbrt-v3 scene (Film "image"): LuxRender's "loopsubdiv" is its mesh, with its own defaults.
        String mesh = "\"point P\" [1 0 0 -1 0 0 0 1 0 0 -1 0 0 0 1 0 0 -1] "
                + "\"integer indices\" [0 2 4 2 1 4 1 3 4 3 0 4 2 0 5 1 2 5 3 1 5 0 3 5]";
        CompiledRender v3 = SceneCompilerTest.compile(PBRT_HEAD + "Shape \"loopsubdiv\" \"integer nlevels\" [2] "
                + mesh + "\nWorldEnd\n");
        assertEquals(8 * 16, v3.scene().triangleCount);
        CompiledRender v4 = SceneCompilerTest.compile(PBRT_HEAD + "Shape \"loopsubdiv\" \"integer levels\" [1] "
                + mesh + "\nWorldEnd\n");
        assertEquals(8 * 4, v4.scene().triangleCount);
        CompiledRender byDefault = SceneCompilerTest.compile(PBRT_HEAD + "Shape \"loopsubdiv\" " + mesh + "\nWorldEnd\n");
        assertEquals(8 * 64, byDefault.scene().triangleCount);
        SceneException e = assertThrows(SceneException.class, () -> SceneCompilerTest.compile(PBRT_HEAD
                + "\nShape \"loopsubdiv\" \"point P\" [0 0 0 1 0 0 0 1 0] \"integer indices\" [0 1 3]\nWorldEnd\n"));
        assertTrue(e.getMessage().startsWith("scene.lxs:5:1: loopsubdiv index 3"), e.getMessage());
    }

    private static double angle(float[] n, int a, int b) {
        double dot = 0, la = 0, lb = 0;
        for (int c = 0; c < 3; c++) {
            dot += n[3 * a + c] * n[3 * b + c];
            la += n[3 * a + c] * n[3 * a + c];
            lb += n[3 * b + c] * n[3 * b + c];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(la * lb))));
    }
}

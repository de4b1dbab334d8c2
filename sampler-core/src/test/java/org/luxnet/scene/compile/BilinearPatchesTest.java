package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/** pbrt-v4's bilinear patches: exact when planar, on the surface and near its area when curved. */
class BilinearPatchesTest {
    private static final FileLoc AT = new FileLoc("scene.pbrt", 3, 1);

    @Test
    void aPlanarPatchIsItsTwoTriangles() {
        LoopSubdivision.Mesh m = BilinearPatches.tessellate(new float[] {0, 0, 0, 2, 0, 0, 0, 3, 0, 2, 3, 0}, null, null, AT);
        assertEquals(2, m.indices().length / 3);
        assertEquals(6, area(m), 1e-6);
        for (int v = 0; v < 4; v++) {
            assertTrue(m.normals()[3 * v + 2] > 0, "dp/du x dp/dv = +z");
        }
    }

    @Test
    void aSaddleIsSampledOnTheSurfaceWithNearlyItsArea() {
        // p00 = 0, p10 = x, p01 = y, p11 = (1,1,1): the surface z = x y over the unit square, whose area is
        // the integral of sqrt(1 + x^2 + y^2), 1.28079 (closed form, evaluated numerically below).
        LoopSubdivision.Mesh m = BilinearPatches.tessellate(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1},
                new int[] {0, 1, 2, 3}, null, AT);
        int g = BilinearPatches.GRID;
        assertEquals(2 * g * g, m.indices().length / 3);
        float[] p = m.positions();
        for (int v = 0; v < p.length / 3; v++) {
            assertEquals(p[3 * v] * p[3 * v + 1], p[3 * v + 2], 1e-6, "vertex " + v + " on z = xy");
            // Normal of z = xy: (-y, -x, 1).
            float[] n = m.normals();
            double len = Math.sqrt(n[3 * v] * n[3 * v] + n[3 * v + 1] * n[3 * v + 1] + n[3 * v + 2] * n[3 * v + 2]);
            double exp = Math.sqrt(1 + p[3 * v] * p[3 * v] + p[3 * v + 1] * p[3 * v + 1]);
            assertEquals(-p[3 * v + 1] / exp, n[3 * v] / len, 1e-5);
            assertEquals(1 / exp, n[3 * v + 2] / len, 1e-5);
        }
        double exact = 0;
        int k = 400;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double x = (i + 0.5) / k, y = (j + 0.5) / k;
                exact += Math.sqrt(1 + x * x + y * y) / (k * k);
            }
        }
        assertEquals(1.28079, exact, 1e-4);
        assertEquals(exact, area(m), 1e-3);
    }

    @Test
    void badIndicesAreErrorsAtTheShape() {
        float[] p = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0};
        assertEquals("scene.pbrt:3:1: bilinearmesh index 4 (entry 3) is out of range: the mesh has 4 vertices",
                assertThrows(SceneException.class, () -> BilinearPatches.tessellate(p, new int[] {0, 1, 2, 4}, null, AT))
                        .getMessage());
        assertTrue(assertThrows(SceneException.class, () -> BilinearPatches.tessellate(p, new int[] {0, 1, 2}, null, AT))
                .getMessage().contains("multiple of 4"));
    }

    @Test
    void bilinearmeshShapeCompiles() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "Shape \"bilinearmesh\" \"point3 P\" [0 0 0 1 0 0 0 1 0 1 1 1] \"integer indices\" [0 1 2 3]\nWorldEnd\n");
        assertEquals(2 * BilinearPatches.GRID * BilinearPatches.GRID, cr.scene().triangleCount);
    }

    private static double area(LoopSubdivision.Mesh m) {
        double a = 0;
        float[] p = m.positions();
        int[] f = m.indices();
        for (int t = 0; t < f.length; t += 3) {
            double[] e1 = new double[3], e2 = new double[3];
            for (int c = 0; c < 3; c++) {
                e1[c] = p[3 * f[t + 1] + c] - p[3 * f[t] + c];
                e2[c] = p[3 * f[t + 2] + c] - p[3 * f[t] + c];
            }
            double x = e1[1] * e2[2] - e1[2] * e2[1], y = e1[2] * e2[0] - e1[0] * e2[2], z = e1[0] * e2[1] - e1[1] * e2[0];
            a += 0.5 * Math.sqrt(x * x + y * y + z * z);
        }
        return a;
    }
}

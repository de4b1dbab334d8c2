package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.render.RenderSupport;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;

/**
 * LuxRender's displacement maps on loop-subdivided meshes (shapes/loopsubdiv.cpp, Refine and
 * ApplyDisplacementMap; shapes/mesh.cpp for the parameters and their defaults): closed-form heights
 * and normals of a displaced flat grid, read back from the compiled triangles and by ray queries.
 */
class LuxDisplacementTest {
    private static CompiledRender compile(String world) {
        return SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + world + "\nWorldEnd\n");
    }

    /**
     * A flat n x n grid of quads over [0, 1]^2 at z = 0 with uv = (x, y), wound counter-clockwise seen
     * from +z (or clockwise when {@code cw}), with the given extra mesh parameters.
     */
    static String grid(int n, boolean cw, String extra) {
        StringBuilder p = new StringBuilder("\"point P\" ["), uv = new StringBuilder("\"float uv\" [");
        StringBuilder idx = new StringBuilder("\"integer triindices\" [");
        for (int y = 0; y <= n; y++) {
            for (int x = 0; x <= n; x++) {
                p.append(' ').append((double) x / n).append(' ').append((double) y / n).append(" 0");
                uv.append(' ').append((double) x / n).append(' ').append((double) y / n);
                if (x < n && y < n) {
                    int a = (n + 1) * y + x, b = a + 1, c = a + n + 2, d = a + n + 1;
                    int[] t = cw ? new int[] {a, c, b, a, d, c} : new int[] {a, b, c, a, c, d};
                    for (int i : t) {
                        idx.append(' ').append(i);
                    }
                }
            }
        }
        return "Shape \"mesh\" " + idx + " ] " + p + " ] " + uv + " ] " + extra;
    }

    private static double[] vertex(CompiledScene s, int t, int c) {
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            p[k] = s.triGeom[9 * t + k] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c + k]);
        }
        return p;
    }

    private static List<String> xy(CompiledScene s) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[] v = vertex(s, t, c);
                out.add(String.format("%.5f %.5f", v[0] + 0.0, v[1] + 0.0));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> warnings(CompiledRender cr, String containing) {
        return cr.warnings().stream().map(SceneWarning::toString).filter(w -> w.contains(containing)).toList();
    }

    @Test
    void aConstantTextureLiftsAFlatGridByValueTimesScalePlusOffsetAlongTheWindingNormal() {
        String tex = "Texture \"h\" \"float\" \"constant\" \"float value\" [0.8]\n";
        String dm = "\"integer nsubdivlevels\" [2] \"string displacementmap\" [\"h\"] \"float dmscale\" [0.5]"
                + " \"float dmoffset\" [0.1]";
        double h = 0.8 * 0.5 + 0.1;
        CompiledScene plain = compile(grid(2, false, "\"integer nsubdivlevels\" [2]")).scene();
        for (String variant : new String[] {"", "ReverseOrientation\n"}) {
            for (boolean cw : new boolean[] {false, true}) {
                CompiledRender cr = compile(tex + variant + grid(2, cw, dm));
                CompiledScene s = cr.scene();
                assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
                assertEquals(8 * 16, s.triangleCount);
                // LuxRender's n = Normalize(Cross(T, S)) follows the winding only: ReverseOrientation flips
                // the shading side, not the direction of displacement.
                double z = cw ? -h : h;
                for (int t = 0; t < s.triangleCount; t++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(z, vertex(s, t, c)[2], 1e-6, "every vertex moved by 0.8 x 0.5 + 0.1");
                        assertEquals(0, Math.abs(s.triNs[9 * t + 3 * c + 2]) - 1, 1e-6, "the smooth normals stay +-z");
                    }
                }
                assertEquals(xy(plain), xy(s), "only along the normal");
            }
        }
    }

    @Test
    void aRampTiltsTheGridAndTheNormalsFollowDmnormalsmooth() {
        // bilerp with v00 = v01 = 0, v10 = v11 = 1 is u: the grid (uv = (x, y)) goes to z = 0.3 x + 0.05.
        String tex = "Texture \"ramp\" \"float\" \"bilerp\" \"float v00\" [0] \"float v01\" [0] \"float v10\" [1]"
                + " \"float v11\" [1]\n";
        String dm = "\"integer nsubdivlevels\" [2] \"string displacementmap\" [\"ramp\"] \"float dmscale\" [0.3]"
                + " \"float dmoffset\" [0.05]";
        double k = 0.3, len = Math.sqrt(1 + k * k);
        for (boolean smooth : new boolean[] {true, false}) {
            CompiledRender cr = compile(tex + grid(2, false, dm + " \"bool dmnormalsmooth\" [\"" + smooth + "\"]"));
            CompiledScene s = cr.scene();
            assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
            for (int t = 0; t < s.triangleCount; t++) {
                for (int c = 0; c < 3; c++) {
                    double[] v = vertex(s, t, c);
                    assertEquals(k * v[0] + 0.05, v[2], 1e-5, "on the tilted plane");
                }
                // The plane's normal (-k, 0, 1) / len: the geometric one always (flat triangles of a plane) ...
                assertEquals(-k / len, s.triNg[3 * t], 1e-5);
                assertEquals(0, s.triNg[3 * t + 1], 1e-5);
                assertEquals(1 / len, s.triNg[3 * t + 2], 1e-5);
                // ... and the smooth ones, GenerateNormals again after the displacement, or none.
                assertEquals(smooth ? 1 : 0, s.triHasNs[t]);
                if (smooth) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(-k / len, s.triNs[9 * t + 3 * c], 1e-5, "recomputed at the displaced limit");
                        assertEquals(0, s.triNs[9 * t + 3 * c + 1], 1e-5);
                        assertEquals(1 / len, s.triNs[9 * t + 3 * c + 2], 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void vertexColoursLeaveTheDisplacementsUvAlone() {
        // Corners may carry colours after uv (LoopSubdivision's wider corners): the map still reads the uv.
        String tex = "Texture \"ramp\" \"float\" \"bilerp\" \"float v00\" [0] \"float v01\" [0] \"float v10\" [1]"
                + " \"float v11\" [1]\n";
        StringBuilder c = new StringBuilder(" \"float C\" [");
        for (int i = 0; i < 9; i++) {
            c.append(" 0.2 0.5 0.9");
        }
        String dm = "\"integer nsubdivlevels\" [2] \"string displacementmap\" [\"ramp\"] \"float dmscale\" [0.3]" + c + " ]";
        CompiledScene s = compile(tex + grid(2, false, dm)).scene();
        assertEquals(8 * 16, s.triangleCount);
        for (int t = 0; t < s.triangleCount; t++) {
            for (int k = 0; k < 3; k++) {
                double[] v = vertex(s, t, k);
                assertEquals(0.3 * v[0], v[2], 1e-5, "on the tilted plane");
            }
        }
    }

    @Test
    void aCheckerboardRaisesAlternateCellsAndChangesTheSilhouette() {
        // 2 x 2 checks over the unit square: tex1 (0.9) where floor(2u) + floor(2v) is even, tex2 (0.1) else.
        String tex = "Texture \"c\" \"float\" \"checkerboard\" \"float tex1\" [0.9] \"float tex2\" [0.1]"
                + " \"float uscale\" [2] \"float vscale\" [2]\n";
        String dm = "\"integer nsubdivlevels\" [1] \"string displacementmap\" [\"c\"] \"float dmscale\" [0.5]";
        CompiledRender cr = compile(tex + grid(4, false, dm));
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        PathTraceKernel k = RenderSupport.transport(cr);
        // Rays down the z axis at the middle of each check: 0.9 x 0.5 (dmoffset defaults to 0) or 0.1 x 0.5.
        float[][] at = {{0.25f, 0.25f, 0.45f}, {0.75f, 0.25f, 0.05f}, {0.25f, 0.75f, 0.05f}, {0.75f, 0.75f, 0.45f}};
        for (float[] a : at) {
            assertTrue(k.closestHit(a[0], a[1], 5, 0, 0, -1, Float.POSITIVE_INFINITY) >= 0);
            assertEquals(5 - a[2], k.hitDistance(), 1e-5, "height at (" + a[0] + ", " + a[1] + ")");
        }
        // A ray along +x at z = 0.3 passes over the plain grid but hits the raised checks' sides.
        CompiledRender flat = compile(grid(4, false, "\"integer nsubdivlevels\" [1]"));
        PathTraceKernel f = RenderSupport.transport(flat);
        assertTrue(f.closestHit(-1, 0.25f, 0.3f, 1, 0, 0, Float.POSITIVE_INFINITY) < 0, "nothing above the plain grid");
        assertTrue(k.closestHit(-1, 0.25f, 0.3f, 1, 0, 0, Float.POSITIVE_INFINITY) >= 0, "the raised check's side");
        float d = k.hitDistance();
        assertTrue(d > 1 && d < 1.5f, "hit on the first raised check's slope, x in (0, 0.5): " + d);
        assertTrue(k.closestHit(-1, 0.75f, 0.3f, 1, 0, 0, Float.POSITIVE_INFINITY) >= 0, "the second row: x in (0.5, 1)");
        assertTrue(k.hitDistance() > 1.375f, "first the low check: " + k.hitDistance());
    }

    @Test
    void withoutSubdivisionLuxRenderAppliesNoDisplacement() {
        // mesh.cpp: mustSubdivide = nSubdivLevels > 0, and only Refine's LoopSubdiv displaces.
        String tex = "Texture \"h\" \"float\" \"constant\" \"float value\" [1]\n";
        CompiledRender cr = compile(tex + grid(2, false, "\"string displacementmap\" [\"h\"] \"float dmscale\" [1]"));
        assertEquals(8, cr.scene().triangleCount);
        for (int t = 0; t < cr.scene().triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(0, vertex(cr.scene(), t, c)[2], 0);
            }
        }
        assertTrue(warnings(cr, "displacementmap").isEmpty(), cr.warnings().toString());
    }

    @Test
    void anUndefinedTextureWarnsOnceAndSubdividesWithoutDisplacement() {
        CompiledRender cr = compile(grid(2, false, "\"integer nsubdivlevels\" [1] \"string displacementmap\" [\"none\"]"));
        assertEquals(32, cr.scene().triangleCount);
        for (int t = 0; t < cr.scene().triangleCount; t++) {
            assertEquals(0, vertex(cr.scene(), t, 0)[2], 0);
        }
        assertEquals(1, warnings(cr, "texture \"none\" is not defined").size(), cr.warnings().toString());
    }

    // ---- microdisplacement (shapes/meshmicrodisplacementtriangle.cpp)

    /** The grid's normals "normal N", all (0, 0, nz). */
    private static String normals(int n, double nz) {
        StringBuilder b = new StringBuilder(" \"normal N\" [");
        for (int i = 0; i < (n + 1) * (n + 1); i++) {
            b.append(" 0 0 ").append(nz);
        }
        return b.append(" ]").toString();
    }

    @Test
    void microdisplacementSplitsEachTriangleNByNAndMovesItAlongItsNormals() {
        String tex = "Texture \"h\" \"float\" \"constant\" \"float value\" [0.8]\n"
                + "Texture \"big\" \"float\" \"constant\" \"float value\" [3]\n";
        String dm = "\"string subdivscheme\" \"microdisplacement\" \"integer nsubdivlevels\" [3]"
                + " \"float dmscale\" [0.5] \"float dmoffset\" [0.1] \"string displacementmap\" ";
        // {scene, expected z}: the face normal of the wound triangle, swapped by ReverseOrientation; the
        // normals N (negated by ReverseOrientation) when given; a value clamped to [-1, 1].
        Object[][] cases = {
            {grid(2, false, dm + "[\"h\"]"), 0.5},
            {"ReverseOrientation\n" + grid(2, false, dm + "[\"h\"]"), -0.5},
            {grid(2, true, dm + "[\"h\"]"), -0.5},
            {grid(2, false, dm + "[\"h\"]" + normals(2, -1)), -0.5},
            {"ReverseOrientation\n" + grid(2, false, dm + "[\"h\"]" + normals(2, 1)), -0.5},
            {grid(2, false, dm + "[\"big\"]"), 0.6},
        };
        for (Object[] c : cases) {
            CompiledRender cr = compile(tex + c[0]);
            CompiledScene s = cr.scene();
            assertEquals(8 * 9, s.triangleCount, "3 x 3 micro-triangles per triangle");
            for (int t = 0; t < s.triangleCount; t++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals((double) c[1], vertex(s, t, k)[2], 1e-6, (String) c[0]);
                }
                // Flat without normals; with them (dmnormalsmooth defaults to true) the grid's, here +-z.
                boolean withN = ((String) c[0]).contains("normal N");
                assertEquals(withN ? 1 : 0, s.triHasNs[t]);
                if (withN) {
                    assertEquals(1, Math.abs(s.triNs[9 * t + 2]), 1e-6);
                }
            }
            assertEquals(1, area(s), 1e-5, "the unit square's area, moved");
        }
    }

    @Test
    void microdisplacementOfARampIsThePlaneFlatOrWithTheGridsNormals() {
        String tex = "Texture \"ramp\" \"float\" \"bilerp\" \"float v00\" [0] \"float v01\" [0] \"float v10\" [1]"
                + " \"float v11\" [1]\n";
        String dm = "\"string subdivscheme\" \"microdisplacement\" \"integer nsubdivlevels\" [4]"
                + " \"float dmscale\" [0.3] \"float dmoffset\" [0.05] \"string displacementmap\" [\"ramp\"]";
        double k = 0.3, len = Math.sqrt(1 + k * k);
        for (String extra : new String[] {"", normals(2, 1), normals(2, 1) + " \"bool dmnormalsmooth\" [\"false\"]"}) {
            CompiledRender cr = compile(tex + grid(2, false, dm + extra));
            CompiledScene s = cr.scene();
            assertEquals(8 * 16, s.triangleCount);
            boolean smooth = extra.equals(normals(2, 1));
            for (int t = 0; t < s.triangleCount; t++) {
                for (int c = 0; c < 3; c++) {
                    double[] v = vertex(s, t, c);
                    assertEquals(k * v[0] + 0.05, v[2], 1e-5, "on the tilted plane");
                    assertEquals(v[0], s.triUv[6 * t + 2 * c], 1e-5, "uv interpolated from the triangle's");
                }
                assertEquals(-k / len, s.triNg[3 * t], 1e-5);
                assertEquals(1 / len, s.triNg[3 * t + 2], 1e-5);
                assertEquals(smooth ? 1 : 0, s.triHasNs[t], extra);
                if (smooth) {
                    assertEquals(-k / len, s.triNs[9 * t], 1e-5);
                    assertEquals(1 / len, s.triNs[9 * t + 2], 1e-5);
                }
            }
            assertEquals(smooth ? 1 : 0, warnings(cr, "mean normals").size(), cr.warnings().toString());
            assertEquals(smooth ? 1 : 0, cr.warnings().size(), cr.warnings().toString());
        }
    }

    @Test
    void microdisplacementWithoutAMapIsThePlainMeshWithLuxRendersWarning() {
        CompiledRender cr = compile(grid(2, false, "\"string subdivscheme\" \"microdisplacement\" \"integer nsubdivlevels\" [3]"));
        assertEquals(8, cr.scene().triangleCount);
        assertEquals(1, warnings(cr, "without a displacementmap").size(), cr.warnings().toString());
    }

    private static double area(CompiledScene s) {
        double a = 0;
        for (int t = 0; t < s.triangleCount; t++) {
            double[] e1 = {s.triGeom[9 * t + 3], s.triGeom[9 * t + 4], s.triGeom[9 * t + 5]};
            double[] e2 = {s.triGeom[9 * t + 6], s.triGeom[9 * t + 7], s.triGeom[9 * t + 8]};
            a += 0.5 * Math.sqrt(Math.pow(e1[1] * e2[2] - e1[2] * e2[1], 2) + Math.pow(e1[2] * e2[0] - e1[0] * e2[2], 2)
                    + Math.pow(e1[0] * e2[1] - e1[1] * e2[0], 2));
        }
        return a;
    }

    // ---- dmnormalsplit (shapes/loopsubdiv.h SDEdge::operator<, loopsubdiv.cpp Refine)

    /** A 1 x 2 strip of quads over [x0, x0 + 0.5] x [0, 1], its vertices' normals (0, ny, 1), from index base. */
    private static void strip(double x0, double ny, int base, StringBuilder p, StringBuilder n, StringBuilder uv,
                              StringBuilder idx) {
        for (int y = 0; y <= 2; y++) {
            for (int x = 0; x <= 1; x++) {
                p.append(' ').append(x0 + 0.5 * x).append(' ').append(0.5 * y).append(" 0");
                n.append(" 0 ").append(ny).append(" 1");
                uv.append(' ').append(x0 + 0.5 * x).append(' ').append(0.5 * y);
            }
        }
        for (int y = 0; y < 2; y++) {
            int a = base + 2 * y;
            idx.append(' ').append(a).append(' ').append(a + 1).append(' ').append(a + 3)
                    .append(' ').append(a).append(' ').append(a + 3).append(' ').append(a + 2);
        }
    }

    /** Strips at x0 in {0, 0.5} (with normals ny0, ny1) as one mesh, or only the strip at {@code only}. */
    private static String strips(double ny0, double ny1, int only, String extra) {
        StringBuilder p = new StringBuilder(), n = new StringBuilder(), uv = new StringBuilder(), idx = new StringBuilder();
        int base = 0;
        for (int k = 0; k < 2; k++) {
            if (only < 0 || only == k) {
                strip(0.5 * k, k == 0 ? ny0 : ny1, base, p, n, uv, idx);
                base += 6;
            }
        }
        return "Shape \"mesh\" \"integer triindices\" [" + idx + " ] \"point P\" [" + p + " ] \"normal N\" [" + n
                + " ] \"float uv\" [" + uv + " ] \"integer nsubdivlevels\" [2] " + extra;
    }

    private static List<String> corners(CompiledScene s) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[] v = vertex(s, t, c);
                out.add(String.format("%.5f %.5f %.5f", v[0] + 0.0, v[1] + 0.0, v[2] + 0.0));
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void dmnormalsplitKeepsVerticesWithOtherNormalsApart() {
        String split = "\"bool dmnormalsplit\" [\"true\"]";
        List<String> welded = corners(compile(strips(0, 0, -1, "")).scene());
        List<String> apart = new ArrayList<>(corners(compile(strips(0, 0.5, 0, "")).scene()));
        apart.addAll(corners(compile(strips(0, 0.5, 1, "")).scene()));
        apart.sort(null);
        assertTrue(!welded.equals(apart), "the shared column is interior when welded, two boundaries when apart");
        assertEquals(welded, corners(compile(strips(0, 0.5, -1, "")).scene()), "without dmnormalsplit: by position");
        assertEquals(welded, corners(compile(strips(0, 0, -1, split)).scene()), "the same normals: joined");
        CompiledRender cr = compile(strips(0, 0.5, -1, split));
        assertEquals(apart, corners(cr.scene()), "other normals: two meshes");
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
    }

    @Test
    void withDmnormalsplitTheNormalsAreThoseBeforeTheDisplacement() {
        String tex = "Texture \"ramp\" \"float\" \"bilerp\" \"float v00\" [0] \"float v01\" [0] \"float v10\" [1]"
                + " \"float v11\" [1]\n";
        String dm = "\"string displacementmap\" [\"ramp\"] \"float dmscale\" [0.3]";
        for (boolean split : new boolean[] {false, true}) {
            CompiledScene s = compile(tex + strips(0, 0, -1, dm + " \"bool dmnormalsplit\" [\"" + split + "\"]")).scene();
            double len = Math.sqrt(1 + 0.09);
            for (int t = 0; t < s.triangleCount; t++) {
                assertEquals(0.3 * vertex(s, t, 0)[0], vertex(s, t, 0)[2], 1e-5, "displaced either way");
                assertEquals(split ? 0 : -0.3 / len, s.triNs[9 * t], 1e-5, "x of the normal");
                assertEquals(split ? 1 : 1 / len, s.triNs[9 * t + 2], 1e-5, "z of the normal");
            }
        }
    }
}

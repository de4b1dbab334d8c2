package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;

/**
 * pbrt-v3's heightfield, LuxRender's quads and subdivided meshes, and the one-line warning of shapes
 * that are skipped whole.
 */
class MeshShapesTest {
    /** A regular octahedron, faces wound counter-clockwise seen from outside. */
    static final String OCTA_P = "\"point P\" [1 0 0  -1 0 0  0 1 0  0 -1 0  0 0 1  0 0 -1]";
    static final int[] OCTA = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
    static final float[] OCTA_PTS = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};

    private static CompiledRender compileRender(String shapes) {
        return SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + shapes + "\nWorldEnd\n");
    }

    private static CompiledScene compile(String shapes) {
        return compileRender(shapes).scene();
    }

    /** The same in pbrt-v3's dialect (Film "image"), where "loopsubdiv" is pbrt's. */
    private static CompiledRender compilePbrt(String shapes) {
        return SceneCompilerTest.compile("Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8]\n"
                + "Camera \"perspective\"\nWorldBegin\nLightSource \"point\"\n" + shapes + "\nWorldEnd\n");
    }

    private static String ints(int[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int x : v) {
            b.append(' ').append(x);
        }
        return b.append(" ]").toString();
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

    private static double[] vertex(CompiledScene s, int t, int c) {
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            p[k] = s.triGeom[9 * t + k] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c + k]);
        }
        return p;
    }

    /** All triangle corners as sorted "x y z" strings (rounded), to compare two meshes' vertices. */
    private static List<String> corners(CompiledScene s) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[] p = vertex(s, t, c);
                out.add(String.format("%.4f %.4f %.4f", p[0] + 0.0, p[1] + 0.0, p[2] + 0.0).replace("-0.0000", "0.0000"));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> lines(CompiledRender cr, String containing) {
        return cr.warnings().stream().map(SceneWarning::toString).filter(s -> s.contains(containing)).toList();
    }

    // ---- heightfield

    @Test
    void aHeightfieldIsPbrtsGridWithUvAndTheLowerLeftToUpperRightDiagonal() {
        // nu = 3, nv = 2: vertex (x, y) at (x / 2, y, Pz[x + 3 y]); 2 (nu - 1) (nv - 1) = 4 triangles.
        float[] pz = {0, 1, 2, 3, 4, 5};
        CompiledScene s = compile("Shape \"heightfield\" \"integer nu\" [3] \"integer nv\" [2] \"float Pz\" [0 1 2 3 4 5]");
        assertEquals(4, s.triangleCount);
        for (int t = 0; t < s.triangleCount; t++) {
            assertEquals(0, s.triHasNs[t], "no normals: the winding decides");
            assertTrue(s.triNg[3 * t + 2] > 0, "wound counter-clockwise from +z");
            for (int c = 0; c < 3; c++) {
                double[] p = vertex(s, t, c);
                int x = (int) Math.round(p[0] * 2), y = (int) Math.round(p[1]);
                assertEquals(pz[x + 3 * y], p[2], 1e-6, "height of (" + x + ", " + y + ")");
                assertEquals(p[0], s.triUv[6 * t + 2 * c], 1e-7, "u = x");
                assertEquals(p[1], s.triUv[6 * t + 2 * c + 1], 1e-7, "v = y");
            }
        }
        // One bent cell, Pz = 0 0 0 1: pbrt's diagonal (0,0)-(1,1) gives two triangles of area sqrt2 / 2;
        // the other diagonal would give 1/2 + sqrt3 / 2.
        CompiledScene cell = compile("Shape \"heightfield\" \"integer nu\" [2] \"integer nv\" [2] \"float Pz\" [0 0 0 1]");
        assertEquals(Math.sqrt(2), area(cell), 1e-6);
        CompiledScene rev = compile("ReverseOrientation\nShape \"heightfield\" \"integer nu\" [2] \"integer nv\" [2] \"float Pz\" [0 0 0 0]");
        assertTrue(rev.triNg[2] < 0 && rev.triNg[5] < 0, "ReverseOrientation turns it to -z");
    }

    @Test
    void aHeightfieldWithTooFewPointsOrHeightsIsAnError() {
        SceneException e = assertThrows(SceneException.class,
                () -> compile("Shape \"heightfield\" \"integer nu\" [1] \"integer nv\" [2] \"float Pz\" [0 1]"));
        assertTrue(e.getMessage().startsWith("scene.lxs:5:21: heightfield needs"), e.getMessage());
        e = assertThrows(SceneException.class,
                () -> compile("Shape \"heightfield\" \"integer nu\" [2] \"integer nv\" [2] \"float Pz\" [0 1 2]"));
        assertTrue(e.getMessage().contains("nu x nv = 4") && e.getMessage().contains("got 3"), e.getMessage());
    }

    // ---- LuxRender quads

    @Test
    void quadsAreSplitAlongTheShorterDiagonalAsLuxRenderDoes() {
        // A bent quad: |p0 p2|^2 = 3, |p1 p3|^2 = 2, so mesh.cpp splits along p1-p3 (area 1/2 + sqrt3/2),
        // however the quad is numbered; along p0-p2 it would be sqrt2.
        String p = "\"point P\" [0 0 0  1 0 0  1 1 1  0 1 0]";
        double shortSplit = 0.5 + Math.sqrt(3) / 2;
        assertEquals(shortSplit, area(compile("Shape \"mesh\" \"integer quadindices\" [0 1 2 3] " + p)), 1e-6);
        assertEquals(shortSplit, area(compile("Shape \"mesh\" \"integer quadindices\" [1 2 3 0] " + p)), 1e-6);
        // With triangles: they come first, the quad's two after.
        CompiledScene both = compile("Shape \"mesh\" \"integer triindices\" [0 1 3] \"integer quadindices\" [0 1 2 3] " + p);
        assertEquals(3, both.triangleCount);
        assertEquals(0.5 + shortSplit, area(both), 1e-6);
        // A square ties; without uv LuxRender takes p1-p3, with uv the shorter uv diagonal.
        String sq = "\"point P\" [0 0 0  1 0 0  1 1 0  0 1 0] \"integer quadindices\" [0 1 2 3]";
        assertTrue(everyTriangleHas(compile("Shape \"mesh\" " + sq), new double[] {1, 0, 0}, new double[] {0, 1, 0}));
        assertTrue(everyTriangleHas(compile("Shape \"mesh\" " + sq + " \"float uv\" [0 0  1 0  0.1 0.1  0 1]"),
                new double[] {0, 0, 0}, new double[] {1, 1, 0}));
    }

    private static boolean everyTriangleHas(CompiledScene s, double[] a, double[] b) {
        for (int t = 0; t < s.triangleCount; t++) {
            boolean ha = false, hb = false;
            for (int c = 0; c < 3; c++) {
                double[] p = vertex(s, t, c);
                ha |= Arrays.equals(p, a);
                hb |= Arrays.equals(p, b);
            }
            if (!ha || !hb) {
                return false;
            }
        }
        return s.triangleCount == 2;
    }

    @Test
    void aQuadIndexOutOfRangeIsAnErrorAtTheParameter() {
        SceneException e = assertThrows(SceneException.class,
                () -> compile("Shape \"mesh\" \"integer quadindices\" [0 1 2 4] \"point P\" [0 0 0 1 0 0 1 1 0 0 1 0]"));
        assertTrue(e.getMessage().startsWith("scene.lxs:5:14: mesh quad index 4 (entry 3) is out of range"), e.getMessage());
    }

    // ---- LuxRender loop subdivision

    @Test
    void luxLoopSubdivisionIsPbrtsLoopWith4PowLevelsTriangles() {
        for (int levels = 1; levels <= 3; levels++) {
            CompiledRender lux = compileRender("Shape \"mesh\" \"integer triindices\" " + ints(OCTA) + " " + OCTA_P
                    + " \"string subdivscheme\" \"loop\" \"integer nsubdivlevels\" [" + levels + "]");
            CompiledScene pbrt = compilePbrt("Shape \"loopsubdiv\" \"integer indices\" " + ints(OCTA) + " " + OCTA_P
                    + " \"integer nlevels\" [" + levels + "]").scene();
            assertEquals(8 << (2 * levels), lux.scene().triangleCount, "8 x 4^" + levels);
            assertEquals(pbrt.triangleCount, lux.scene().triangleCount);
            assertEquals(corners(pbrt), corners(lux.scene()), "the same limit points as pbrt's loopsubdiv");
            assertTrue(lux.warnings().isEmpty(), lux.warnings().toString());
        }
        // And as LoopSubdivision computes them: the limit points of 2 levels, every one used.
        LoopSubdivision.Mesh m = LoopSubdivision.subdivide(OCTA_PTS, OCTA, 2, new org.luxnet.scene.FileLoc("x", 1, 1));
        CompiledScene lux = compile("Shape \"mesh\" \"integer triindices\" " + ints(OCTA) + " " + OCTA_P
                + " \"integer nsubdivlevels\" [2]");
        List<String> exp = new ArrayList<>();
        for (int i : m.indices()) {
            exp.add(String.format("%.4f %.4f %.4f", m.positions()[3 * i] + 0.0, m.positions()[3 * i + 1] + 0.0,
                    m.positions()[3 * i + 2] + 0.0).replace("-0.0000", "0.0000"));
        }
        exp.sort(null);
        assertEquals(exp, corners(lux), "subdivscheme defaults to loop");
    }

    @Test
    void luxMergesVerticesAtTheSamePlaceWherePbrtSeesABoundary() {
        // The octahedron with every face's own three vertices (as exporters split at uv seams).
        StringBuilder p = new StringBuilder("\"point P\" [");
        int[] idx = new int[OCTA.length];
        for (int i = 0; i < OCTA.length; i++) {
            p.append(' ').append(OCTA_PTS[3 * OCTA[i]]).append(' ').append(OCTA_PTS[3 * OCTA[i] + 1]).append(' ')
                    .append(OCTA_PTS[3 * OCTA[i] + 2]);
            idx[i] = i;
        }
        p.append(" ]");
        CompiledScene welded = compile("Shape \"mesh\" \"integer triindices\" " + ints(OCTA) + " " + OCTA_P
                + " \"integer nsubdivlevels\" [2]");
        CompiledScene split = compile("Shape \"mesh\" \"integer triindices\" " + ints(idx) + " " + p
                + " \"integer nsubdivlevels\" [2]");
        assertEquals(corners(welded), corners(split), "LuxRender's edges compare positions");
        CompiledScene pbrtSplit = compilePbrt("Shape \"loopsubdiv\" \"integer indices\" " + ints(idx) + " " + p
                + " \"integer nlevels\" [2]").scene();
        assertTrue(Math.abs(area(pbrtSplit) - area(welded)) > 0.01 * area(welded),
                "pbrt's index edges make eight separate boundaries: " + area(pbrtSplit) + " vs " + area(welded));
    }

    @Test
    void luxRendersLoopsubdivIsItsMeshAndPbrtsTrianglemeshIgnoresLuxParameters() {
        // LuxRender registers "loopsubdiv" as its mesh: nlevels defaults to 0 and vertices merge by position.
        String octa = "\"integer indices\" " + ints(OCTA) + " " + OCTA_P;
        assertEquals(8, compile("Shape \"loopsubdiv\" " + octa).triangleCount, "LuxRender: no levels given, none done");
        assertEquals(8 * 64, compilePbrt("Shape \"loopsubdiv\" " + octa).scene().triangleCount, "pbrt-v3: 3 by default");
        assertEquals(corners(compile("Shape \"mesh\" " + octa + " \"integer nsubdivlevels\" [2]")),
                corners(compile("Shape \"loopsubdiv\" " + octa + " \"integer nlevels\" [2]")));
        CompiledRender pbrt = compilePbrt("Shape \"trianglemesh\" " + octa + " \"integer nsubdivlevels\" [2]");
        assertEquals(8, pbrt.scene().triangleCount);
        assertEquals(1, lines(pbrt, "parameter \"integer nsubdivlevels\" of Shape \"trianglemesh\" is not supported").size(),
                pbrt.warnings().toString());
    }

    @Test
    void luxSubdivisionNormalsFaceTheWindingAndReverseOrientation() {
        String mesh = "Shape \"mesh\" \"integer triindices\" " + ints(OCTA) + " " + OCTA_P + " \"integer nsubdivlevels\" [2]";
        for (int sign : new int[] {1, -1}) {
            CompiledScene s = compile((sign < 0 ? "ReverseOrientation\n" : "") + mesh);
            for (int t = 0; t < s.triangleCount; t++) {
                assertEquals(1, s.triHasNs[t]);
                for (int c = 0; c < 3; c++) {
                    double[] v = vertex(s, t, c);
                    double d = v[0] * s.triNs[9 * t + 3 * c] + v[1] * s.triNs[9 * t + 3 * c + 1] + v[2] * s.triNs[9 * t + 3 * c + 2];
                    assertTrue(sign * d > 0, "normal outward (inward when reversed) on this convex surface");
                }
                double[] c0 = vertex(s, t, 0);
                double g = c0[0] * s.triNg[3 * t] + c0[1] * s.triNg[3 * t + 1] + c0[2] * s.triNg[3 * t + 2];
                assertTrue(sign * g > 0, "front side outward (inward when reversed)");
            }
        }
        CompiledScene flat = compile(mesh + " \"bool dmnormalsmooth\" [\"false\"]");
        assertEquals(128, flat.triangleCount);
        for (int t = 0; t < flat.triangleCount; t++) {
            assertEquals(0, flat.triHasNs[t], "dmnormalsmooth false: LuxRender gives no normals");
        }
    }

    @Test
    void luxSubdivisionCarriesUvByTheSameRules() {
        // A flat 3 x 3 grid with uv = (x, y): the uv of every subdivided vertex is its (x, y), which holds
        // only if uvs go through the position rules (interior, boundary and limit alike).
        StringBuilder p = new StringBuilder("\"point P\" ["), uv = new StringBuilder("\"float uv\" [");
        List<Integer> idx = new ArrayList<>();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                p.append(' ').append(x * 0.5).append(' ').append(y * 0.5).append(" 0");
                uv.append(' ').append(x * 0.5).append(' ').append(y * 0.5);
                if (x < 2 && y < 2) {
                    int a = 3 * y + x;
                    idx.addAll(List.of(a, a + 1, a + 4, a, a + 4, a + 3));
                }
            }
        }
        CompiledRender cr = compileRender("Shape \"mesh\" \"integer triindices\" " + ints(idx.stream().mapToInt(i -> i).toArray())
                + " " + p + " ] " + uv + " ] \"integer nsubdivlevels\" [2]");
        CompiledScene s = cr.scene();
        assertEquals(8 * 16, s.triangleCount);
        boolean moved = false;
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[] v = vertex(s, t, c);
                assertEquals(v[0], s.triUv[6 * t + 2 * c], 1e-5);
                assertEquals(v[1], s.triUv[6 * t + 2 * c + 1], 1e-5);
                moved |= Math.abs(v[0] * 8 - Math.rint(v[0] * 8)) > 1e-3;
            }
        }
        assertTrue(moved, "the limit rules moved vertices off the plain 1/8 grid");
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
    }

    /**
     * The 3 x 3 grid of {@link #luxSubdivisionCarriesUvByTheSameRules} cut at x = 1/2 into two uv
     * islands: vertices of the middle column duplicated, uv = (x, y) on the left, (x + 10, y) on the right.
     */
    private static String seamGrid(boolean sharp) {
        StringBuilder p = new StringBuilder("\"point P\" ["), uv = new StringBuilder("\"float uv\" [");
        int[][][] id = new int[3][3][2]; // [x][y][side]
        int n = 0;
        for (int x = 0; x < 3; x++) {
            for (int side = 0; side < 2; side++) {
                if ((x == 0 && side == 1) || (x == 2 && side == 0)) {
                    continue;
                }
                for (int y = 0; y < 3; y++) {
                    id[x][y][side] = n++;
                    p.append(' ').append(x * 0.5).append(' ').append(y * 0.5).append(" 0");
                    uv.append(' ').append(x * 0.5 + 10 * side).append(' ').append(y * 0.5);
                }
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                int s = x; // left cells use the left copies, right cells the right ones
                int a = id[x][y][s], b = id[x + 1][y][s], c = id[x + 1][y + 1][s], d = id[x][y + 1][s];
                idx.addAll(List.of(a, b, c, a, c, d));
            }
        }
        return "Shape \"mesh\" \"integer triindices\" " + ints(idx.stream().mapToInt(i -> i).toArray()) + " " + p + " ] "
                + uv + " ] \"integer nsubdivlevels\" [2]" + (sharp ? " \"bool dmsharpboundary\" [\"true\"]" : "");
    }

    @Test
    void luxSubdivisionKeepsUvSeamsAsLuxRender() {
        CompiledRender cr = compileRender(seamGrid(false));
        CompiledScene s = cr.scene();
        assertEquals(8 * 16, s.triangleCount);
        for (int t = 0; t < s.triangleCount; t++) {
            double cx = (vertex(s, t, 0)[0] + vertex(s, t, 1)[0] + vertex(s, t, 2)[0]) / 3;
            double du = cx < 0.5 ? 0 : 10;
            for (int c = 0; c < 3; c++) {
                double[] v = vertex(s, t, c);
                assertEquals(v[0] + du, s.triUv[6 * t + 2 * c], 1e-5, "u on the " + (du == 0 ? "left" : "right") + " island");
                assertEquals(v[1], s.triUv[6 * t + 2 * c + 1], 1e-5);
            }
        }
        // The geometry is the unsplit grid's: the seam is no boundary.
        StringBuilder p = new StringBuilder("\"point P\" [");
        List<Integer> idx = new ArrayList<>();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                p.append(' ').append(x * 0.5).append(' ').append(y * 0.5).append(" 0");
                if (x < 2 && y < 2) {
                    int a = 3 * y + x;
                    idx.addAll(List.of(a, a + 1, a + 4, a, a + 4, a + 3));
                }
            }
        }
        assertEquals(corners(compile("Shape \"mesh\" \"integer triindices\" " + ints(idx.stream().mapToInt(i -> i).toArray())
                + " " + p + " ] \"integer nsubdivlevels\" [2]")), corners(s));
    }

    @Test
    void dmsharpboundaryHoldsTheBoundaryInPlace() {
        List<String> smooth = corners(compile(seamGrid(false))), sharp = corners(compile(seamGrid(true)));
        // The grid's corner (0, 0) is a boundary vertex of valence 2 (its two edges at 90 degrees):
        // the boundary rule moves it, a sharp boundary keeps it.
        assertTrue(sharp.contains("0.0000 0.0000 0.0000") && sharp.contains("1.0000 1.0000 0.0000"), sharp.toString());
        assertTrue(!smooth.contains("0.0000 0.0000 0.0000"), "the smooth boundary moves the corner");
    }

    @Test
    void anUndefinedDisplacementMapWarnsOnceAndRenders() {
        // LuxRender: "Unknown float texture" and no displacement map (mesh.cpp); see LuxDisplacementTest for maps.
        String mesh = "Shape \"mesh\" \"integer triindices\" " + ints(OCTA) + " " + OCTA_P;
        CompiledRender md = compileRender(mesh + " \"string subdivscheme\" \"microdisplacement\" \"integer nsubdivlevels\" [2]"
                + " \"string displacementmap\" \"d\" \"float dmscale\" [0.1]");
        assertEquals(8, md.scene().triangleCount, "the plain mesh");
        assertEquals(List.of("scene.lxs:5: warning: texture \"d\" is not defined; \"displacementmap\" keeps its default"),
                md.warnings().stream().map(Object::toString).toList());
        CompiledRender dm = compileRender(mesh + " \"integer nsubdivlevels\" [1] \"string displacementmap\" \"d\""
                + " \"float dmscale\" [0.1] \"float dmoffset\" [0] \"bool dmnormalsmooth\" [\"true\"]");
        assertEquals(32, dm.scene().triangleCount, "subdivided");
        assertEquals(corners(compile(mesh + " \"integer nsubdivlevels\" [1]")), corners(dm.scene()), "without displacement");
        assertEquals(List.of("scene.lxs:5: warning: texture \"d\" is not defined; \"displacementmap\" keeps its default"),
                dm.warnings().stream().map(Object::toString).toList());
        CompiledRender none = compileRender(mesh + " \"integer nsubdivlevels\" [0] \"string subdivscheme\" \"loop\"");
        assertEquals(8, none.scene().triangleCount);
        assertTrue(none.warnings().isEmpty(), none.warnings().toString());
    }

    @Test
    void aMeshLuxRenderCannotSubdivideIsRenderedPlainWithAWarning() {
        // Two triangles wound inconsistently across their shared edge: LuxRender aborts its subdivision.
        CompiledRender cr = compileRender("Shape \"mesh\" \"integer triindices\" [0 1 2 0 1 3] \"point P\" [0 0 0 1 0 0 0 1 0 1 1 0]"
                + " \"integer nsubdivlevels\" [2]");
        assertEquals(2, cr.scene().triangleCount);
        assertEquals(1, lines(cr, "mesh not subdivided").size(), cr.warnings().toString());
    }

    /**
     * pbrt-v3's front of a mesh with normals: triangle.cpp negates ts under ReverseOrientation and
     * SetShadingGeometry negates the shading normal under ReverseOrientation xor a mirroring transform,
     * so ReverseOrientation cancels and a mirror turns the front against the normals. LuxRender scenes
     * keep the normals' side here (as before).
     */
    @Test
    void aMirroredPbrtMeshWithNormalsFacesAgainstThemAndReverseOrientationCancels() {
        String quad = "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [0 0 0 1 0 0 1 1 0 0 1 0]"
                + " \"normal N\" [0 0 1 0 0 1 0 0 1 0 0 1]";
        String[] prefixes = {"", "ReverseOrientation\n", "Scale -1 1 1\n", "ReverseOrientation\nScale -1 1 1\n"};
        float[] pbrtZ = {1, 1, -1, -1};
        for (int i = 0; i < prefixes.length; i++) {
            CompiledScene pbrt = compilePbrt("AttributeBegin\n" + prefixes[i] + quad + "\nAttributeEnd").scene();
            assertEquals(2, pbrt.triangleCount);
            for (int t = 0; t < 2; t++) {
                assertEquals(pbrtZ[i], pbrt.triNg[3 * t + 2], 1e-6, "pbrt, case \"" + prefixes[i].trim() + "\"");
                assertEquals(pbrtZ[i], pbrt.triNs[9 * t + 2], 1e-6, "pbrt's shading normal turns with it");
            }
            CompiledScene lux = compile("AttributeBegin\n" + prefixes[i] + quad + "\nAttributeEnd");
            assertEquals(1, lux.triNg[2], 1e-6, "LuxRender, case \"" + prefixes[i].trim() + "\"");
        }
        // pbrt-v3's loopsubdiv is such a mesh too (its limit normals, cross(S, T), decide the front, turned by a
        // mirror: the side they face relative to the surface changes).
        String octa = "Shape \"loopsubdiv\" \"integer indices\" " + ints(OCTA) + " " + OCTA_P + " \"integer nlevels\" [1]";
        CompiledScene plain = compilePbrt(octa).scene();
        CompiledScene mirrored = compilePbrt("Scale -1 1 1\n" + octa).scene();
        for (int t = 0; t < plain.triangleCount; t++) {
            float[] c = centroid(plain, t), m = centroid(mirrored, t);
            double outPlain = c[0] * plain.triNg[3 * t] + c[1] * plain.triNg[3 * t + 1] + c[2] * plain.triNg[3 * t + 2];
            double outMirrored = m[0] * mirrored.triNg[3 * t] + m[1] * mirrored.triNg[3 * t + 1]
                    + m[2] * mirrored.triNg[3 * t + 2];
            assertTrue(outPlain * outMirrored < 0, "triangle " + t + ": the mirror turns the front: " + outPlain + ", "
                    + outMirrored);
        }
    }

    private static float[] centroid(CompiledScene s, int t) {
        float[] g = s.triGeom;
        int o = 9 * t;
        return new float[] {g[o] + (g[o + 3] + g[o + 6]) / 3, g[o + 1] + (g[o + 4] + g[o + 7]) / 3,
            g[o + 2] + (g[o + 5] + g[o + 8]) / 3};
    }

    // ---- shapes skipped whole

    @Test
    void curvesAreRenderedAndAnUnknownShapeIsOneLine() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append("Shape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0] \"float width\" [0.01] \"string type\" \"cylinder\"\n");
        }
        b.append("Shape \"torus\" \"float radius\" [1]\nShape \"torus\" \"float radius\" [2]\n");
        CompiledRender cr = compileRender(b.toString());
        assertEquals(List.of(), lines(cr, "\"curve\""));
        assertEquals(3 * 8, cr.scene().curveCount, "3 straight curves, 2^3 Curves each, none refined");
        assertEquals(List.of("scene.lxs:8: warning: shape \"torus\" is not supported and was skipped (supported: "
                + ShapeCompiler.SUPPORTED + ") (2 times; the first is here)"), lines(cr, "torus"));
        assertTrue(lines(cr, "parameter").isEmpty(), "no parameter lines for a shape skipped whole: " + cr.warnings());
    }
}

package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.desc.Dialect;

/**
 * The "nurbs" shape through the parser and compiler in both dialects: pbrt-v3's CreateNURBS and
 * LuxRender's NURBS::Refine (shapes/nurbs.cpp in each) dice it on a 30 x 30 grid into 2 x 29 x 29
 * triangles with Normalize(Cross(dPdu, dPdv)) and the parameters (u, v) at the vertices; their
 * parameter checks are errors at the parameter.
 */
class NurbsShapesTest {
    /** The patch P(u, v) = (u, 3 v, 0), u in [0, 2] (knots 0 0 2 2), v in [0, 1]; its normal is +z. */
    static final String PLANE = "Shape \"nurbs\" \"integer nu\" [2] \"integer nv\" [2] \"integer uorder\" [2]"
            + " \"integer vorder\" [2] \"float uknots\" [0 0 2 2] \"float vknots\" [0 0 1 1]"
            + " \"point P\" [0 0 0  2 0 0  0 3 0  2 3 0]";

    private static final double H = Math.sqrt(0.5);

    /** A quarter cylinder of radius 1 from z = 0 to 1: u along the arc from +x to +y, rational ("Pw"). */
    static final String ARC = "Shape \"nurbs\" \"integer nu\" [3] \"integer nv\" [2] \"integer uorder\" [3]"
            + " \"integer vorder\" [2] \"float uknots\" [0 0 0 1 1 1] \"float vknots\" [0 0 1 1] \"float Pw\" ["
            + "1 0 0 1  " + H + " " + H + " 0 " + H + "  0 1 0 1  1 0 1 1  " + H + " " + H + " " + H + " " + H + "  0 1 1 1]";

    private static CompiledRender lux(String shapes) {
        return SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + shapes + "\nWorldEnd\n");
    }

    private static CompiledRender pbrt(String shapes) {
        return SceneCompilerTest.compile("Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8]\n"
                + "Camera \"perspective\"\nWorldBegin\nLightSource \"point\"\n" + shapes + "\nWorldEnd\n");
    }

    /** Corner c of triangle t: position, shading normal, uv. */
    private static double[][] corner(CompiledScene s, int t, int c) {
        double[] p = new double[3], n = new double[3];
        for (int k = 0; k < 3; k++) {
            p[k] = s.triGeom[9 * t + k] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c + k]);
            n[k] = s.triNs[9 * t + 3 * c + k];
        }
        return new double[][] {p, n, {s.triUv[6 * t + 2 * c], s.triUv[6 * t + 2 * c + 1]}};
    }

    private static List<String> lines(CompiledRender cr, String containing) {
        return cr.warnings().stream().map(SceneWarning::toString).filter(s -> s.contains(containing)).toList();
    }

    @Test
    void anOrder2PatchIsItsPlaneWithTheSourcesTriangleCountUvAndNormals() {
        for (CompiledRender cr : List.of(lux(PLANE), pbrt(PLANE))) {
            CompiledScene s = cr.scene();
            assertEquals(2 * 29 * 29, s.triangleCount, "2 (diceu - 1) (dicev - 1) triangles");
            double uMax = 0, vMax = 0;
            for (int t = 0; t < s.triangleCount; t++) {
                assertEquals(1, s.triHasNs[t]);
                assertEquals(1, s.triNg[3 * t + 2], 1e-6, "front +z");
                for (int c = 0; c < 3; c++) {
                    double[][] k = corner(s, t, c);
                    double u = k[2][0], v = k[2][1];
                    assertTrue(u >= 0 && u <= 2 && v >= 0 && v <= 1, "uv in the knots' range: " + u + " " + v);
                    assertEquals(u, k[0][0], 1e-6);
                    assertEquals(3 * v, k[0][1], 1e-6);
                    assertEquals(0, k[0][2], 1e-6);
                    assertArrayEquals(new double[] {0, 0, 1}, k[1], 1e-7);
                    uMax = Math.max(uMax, u);
                    vMax = Math.max(vMax, v);
                }
            }
            assertEquals(2, uMax, "u reaches u1 = uknots[nu] = 2");
            assertEquals(1, vMax);
            assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        }
        assertEquals(Dialect.PBRT, pbrt(PLANE).settings().dialect());
    }

    @Test
    void aRationalQuadraticArcIsOnItsCylinderWithRadialNormals() {
        for (CompiledRender cr : List.of(lux(ARC), pbrt(ARC))) {
            CompiledScene s = cr.scene();
            assertEquals(2 * 29 * 29, s.triangleCount);
            for (int t = 0; t < s.triangleCount; t++) {
                for (int c = 0; c < 3; c++) {
                    double[][] k = corner(s, t, c);
                    double[] p = k[0];
                    assertEquals(1, Math.hypot(p[0], p[1]), 1e-6, "at distance R from the axis");
                    assertEquals(k[2][1], p[2], 1e-6, "z = v");
                    assertTrue(p[0] >= -1e-6 && p[1] >= -1e-6, "on the quarter from +x to +y");
                    assertEquals(p[0], k[1][0], 1e-5, "outward normal");
                    assertEquals(p[1], k[1][1], 1e-5, "outward normal");
                }
            }
        }
    }

    @Test
    void u0ToU1AndV0ToV1BoundTheUvAndTheSurface() {
        CompiledScene s = lux(PLANE + " \"float u0\" [0.5] \"float u1\" [1.5] \"float v0\" [0.25] \"float v1\" [0.75]").scene();
        double uMin = 9, uMax = -9, vMin = 9, vMax = -9;
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[][] k = corner(s, t, c);
                uMin = Math.min(uMin, k[2][0]);
                uMax = Math.max(uMax, k[2][0]);
                vMin = Math.min(vMin, k[2][1]);
                vMax = Math.max(vMax, k[2][1]);
                assertEquals(k[2][0], k[0][0], 1e-6, "x = u");
                assertEquals(3 * k[2][1], k[0][1], 1e-6, "y = 3 v");
            }
        }
        assertArrayEquals(new double[] {0.5, 1.5, 0.25, 0.75}, new double[] {uMin, uMax, vMin, vMax});
    }

    @Test
    void pwWithWeightOneOrTwoIsTheSameSurfaceAsP() {
        CompiledScene p = lux(PLANE).scene();
        for (String pw : new String[] {"0 0 0 1  2 0 0 1  0 3 0 1  2 3 0 1", "0 0 0 2  4 0 0 2  0 6 0 2  4 6 0 2"}) {
            CompiledScene w = lux(PLANE.replace("\"point P\" [0 0 0  2 0 0  0 3 0  2 3 0]", "\"float Pw\" [" + pw + "]")).scene();
            assertArrayEquals(p.triGeom, w.triGeom, 1e-6f);
            assertArrayEquals(p.triNs, w.triNs, 1e-6f);
            assertArrayEquals(p.triUv, w.triUv);
        }
    }

    @Test
    void pwBesidePIsIgnoredWithOneWarning() {
        CompiledRender cr = lux(PLANE + " \"float Pw\" [0 0 0 1  2 0 0 1  0 3 0 1  2 3 0 1]");
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
        assertTrue(cr.warnings().get(0).toString().startsWith("scene.lxs:5: warning: nurbs \"Pw\" is ignored"));
    }

    @Test
    void reverseOrientationChangesNothingAsForAMeshWithNormals() {
        CompiledScene a = pbrt(PLANE).scene();
        CompiledScene b = pbrt("ReverseOrientation\n" + PLANE).scene();
        assertArrayEquals(a.triNg, b.triNg);
        assertArrayEquals(a.triNs, b.triNs);
        // A mirror: the normals, transformed, point -z, and pbrt-v3's SetShadingGeometry turns the shading
        // normal and the front against them (ReverseOrientation xor a mirroring transform): +z.
        CompiledScene m = pbrt("Scale 1 1 -1\n" + PLANE).scene();
        for (int t = 0; t < m.triangleCount; t++) {
            assertEquals(1, m.triNg[3 * t + 2], 1e-6);
            assertEquals(1, m.triNs[9 * t + 2], 1e-6);
        }
    }

    /** P00 = P10: the edge v = 0 is one point, where dPdu = 0 and the sources' normal is NaN. */
    static final String POLE = PLANE.replace("[0 0 0  2 0 0  0 3 0  2 3 0]", "[0 0 0  0 0 0  0 3 0  2 3 0]");

    @Test
    void trianglesAtAPoleAreFlatAndFaceTheirNeighboursSide() {
        for (String pre : new String[] {"", "ReverseOrientation\n", "Scale 1 1 -1\n", "u"}) {
            // "u": u from u0 = 2 down to u1 = 0 turns the winding round but not dP/du x dP/dv.
            CompiledRender cr = pbrt(pre.equals("u") ? POLE + " \"float u0\" [2] \"float u1\" [0]" : pre + POLE);
            CompiledScene s = cr.scene();
            // Of the first row's 58 triangles the 29 with both corners on the pole have no area.
            assertEquals(2 * 29 * 29 - 29, s.triangleCount);
            int flat = 0;
            double front = 1; // the mirror's -z normals are turned back by pbrt-v3's mirror rule
            for (int t = 0; t < s.triangleCount; t++) {
                flat += s.triHasNs[t] == 0 ? 1 : 0;
                assertEquals(front, s.triNg[3 * t + 2], 1e-6, "one front for all, flat or smooth");
            }
            assertEquals(29, flat, "the triangles with a corner on the pole");
            assertEquals(List.of(), lines(cr, "normal"), "pbrt-v3 shades them flat itself");
        }
        List<String> lux = lines(lux(POLE), "no normal");
        assertEquals(List.of("scene.lxs:5: warning: nurbs: 30 of its 900 vertices have no normal (dP/du x dP/dv = 0, as"
                + " at a pole), where LuxRender's shading normal is NaN; their triangles are shaded flat, as pbrt-v3 shades"
                + " them"), lux);
    }

    @Test
    void aZeroWeightAndAnEmptyRangeAreSaidOnce() {
        // w = 0 at the corner (u, v) = (0, 0): its vertex is 0 / 0 and the two edges through it shrink to
        // the other corners' points: 2 x 28 triangles have no area and the 2 at the NaN vertex go too.
        CompiledRender w = pbrt(PLANE.replace("\"point P\" [0 0 0  2 0 0  0 3 0  2 3 0]",
                "\"float Pw\" [0 0 0 0  2 0 0 1  0 3 0 1  2 3 0 1]"));
        assertEquals(2 * 29 * 29 - 58, w.scene().triangleCount);
        assertEquals(List.of("scene.lxs:5: warning: nurbs: 1 of its 900 vertices are not finite (the weights of \"Pw\""
                + " sum to 0 there); their triangles are skipped"), lines(w, "nurbs"));
        // u0 = u1: every vertex of a row is one point, no triangle has an area.
        CompiledRender e = pbrt(PLANE + " \"float u0\" [1] \"float u1\" [1]");
        assertEquals(0, e.scene().triangleCount);
        assertEquals(List.of("scene.lxs:5: warning: nurbs: every triangle of its 30 x 30 grid is degenerate (no area);"
                + " nothing of it is rendered"), lines(e, "nurbs"));
    }

    @Test
    void anInstancedNurbsIsItsObjectsMesh() {
        CompiledScene s = lux("ObjectBegin \"n\"\n" + PLANE + "\nObjectEnd\nObjectInstance \"n\"\n"
                + "Translate 5 0 0\nObjectInstance \"n\"").scene();
        assertEquals(2 * 29 * 29, s.triangleCount - s.worldTriangleCount, "one object mesh");
        assertEquals(2, s.instanceCount);
    }

    @Test
    void anEmptyFirstKnotSpanIsEvaluatedOnTheNextWithOneWarning() {
        // Order 2 with knots 0 0 0 1 1 (nu 3): span [k1, k2] is empty and u0 = k1 = 0; the first control
        // point has no support, so the surface is the segment from the second to the third.
        String s = "Shape \"nurbs\" \"integer nu\" [3] \"integer nv\" [2] \"integer uorder\" [2] \"integer vorder\" [2]\n"
                + "\"float uknots\" [0 0 0 1 1] \"float vknots\" [0 0 1 1]"
                + " \"point P\" [5 5 5  0 0 0  1 0 0  5 5 5  0 1 0  1 1 0]";
        CompiledRender cr = pbrt(s);
        assertEquals(2 * 29 * 29, cr.scene().triangleCount);
        for (int t = 0; t < cr.scene().triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[][] k = corner(cr.scene(), t, c);
                assertEquals(k[2][0], k[0][0], 1e-6, "x = u: the control point at (5 5 5) has no weight");
                assertEquals(0, k[0][2], 1e-6);
            }
        }
        List<String> w = lines(cr, "empty span");
        assertEquals(1, w.size(), cr.warnings().toString());
        assertTrue(w.get(0).startsWith("scene.lxs:6: warning: nurbs \"uknots\" begin with an empty span at u = 0.0"),
                w.get(0));
    }

    @Test
    void aNurbsAppearsInTheImageInBothDialects() {
        String patch = "Shape \"nurbs\" \"integer nu\" [2] \"integer nv\" [2] \"integer uorder\" [2] \"integer vorder\" [2]"
                + " \"float uknots\" [0 0 1 1] \"float vknots\" [0 0 1 1] \"point P\" [-1 -1 0  1 -1 0  -1 1 0  1 1 0]\n";
        String pbrtScene = "LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\" \"float fov\" [40]\n"
                + "Film \"image\" \"integer xresolution\" [16] \"integer yresolution\" [16]\n"
                + "Sampler \"random\" \"integer pixelsamples\" [2]\nIntegrator \"path\"\n"
                + "WorldBegin\nAreaLightSource \"diffuse\" \"rgb L\" [4 4 4]\n" + patch + "WorldEnd\n";
        String luxScene = "LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\" \"float fov\" [40]\n"
                + "Film \"fleximage\" \"integer xresolution\" [16] \"integer yresolution\" [16] \"integer haltspp\" [2]\n"
                + "SurfaceIntegrator \"path\"\n"
                + "WorldBegin\nAreaLightSource \"area\" \"color L\" [4 4 4]\n" + patch + "WorldEnd\n";
        for (String scene : new String[] {pbrtScene, luxScene}) {
            CompiledRender cr = SceneCompilerTest.compile(scene);
            float[] rgb = RenderSupport.render(cr, 2, 1, 7).toRgb();
            int lit = 0;
            for (int i = 0; i < 16 * 16; i++) {
                lit += rgb[3 * i] + rgb[3 * i + 1] + rgb[3 * i + 2] > 0 ? 1 : 0;
            }
            // The square's half side 1 at distance 5 is 1 / (5 tan 20 deg) = 0.55 of the half image: 30%.
            assertTrue(lit > 0.15 * 256 && lit < 0.7 * 256, cr.settings().dialect() + ": " + lit + " of 256 pixels lit");
            assertTrue(rgb[3 * (8 * 16 + 8)] > 0, "the middle sees the patch");
            assertEquals(0, rgb[0], "a corner does not");
        }
    }

    @Test
    void badCountsOrdersKnotsAndRangesAreErrorsAtTheParameter() {
        String head = "Shape \"nurbs\" \"integer nu\" [2] \"integer nv\" [2] \"integer uorder\" [2] \"integer vorder\" [2]\n";
        String v = " \"float vknots\" [0 0 1 1] \"point P\" [0 0 0  2 0 0  0 3 0  2 3 0]";
        Object[][] cases = {
            {"\"float uknots\" [0 0 1]" + v, "nurbs has 3 \"uknots\" but needs nu + uorder = 2 + 2 = 4"},
            {"\"float uknots\" [0 1 0 1]" + v, "\"uknots\" must not decrease"},
            {"\"float uknots\" [0 0 0 0]" + v, "\"uknots\" give an empty range"},
            {"\"float uknots\" [0 0 1 1] \"float u1\" [1.5]" + v, "\"u1\" is 1.5, outside the knots' range [0.0, 1.0]"},
            {"\"float uknots\" [0 0 1 1] \"float vknots\" [0 0 1 1] \"point P\" [0 0 0  2 0 0  0 3 0]",
                "nurbs expects nu x nv = 2 x 2 = 4 control points, got 3"},
            {"\"float uknots\" [0 0 1 1] \"float vknots\" [0 0 1 1] \"float Pw\" [0 0 0 1  2 0 0 1  0 3 0 1  2 3 0]",
                "nurbs \"Pw\" needs 4 values per control point, got 15"},
        };
        for (Object[] c : cases) {
            for (boolean isLux : new boolean[] {true, false}) {
                String scene = head + c[0];
                SceneException e = assertThrows(SceneException.class, () -> (isLux ? lux(scene) : pbrt(scene)).scene(), scene);
                assertEquals(6, e.loc().line(), e.getMessage());
                assertTrue(e.loc().column() >= 1, e.getMessage());
                assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
            }
        }
        SceneException order = assertThrows(SceneException.class, () -> lux(head.replace("uorder\" [2]", "uorder\" [1]")
                + "\"float uknots\" [0 0 1]" + v));
        assertTrue(order.getMessage().contains("\"uorder\" must be at least 2"), order.getMessage());
        SceneException few = assertThrows(SceneException.class, () -> lux(head.replace("uorder\" [2]", "uorder\" [3]")
                + "\"float uknots\" [0 0 0 1 1]" + v));
        assertTrue(few.getMessage().contains("\"nu\" (2) must be at least \"uorder\" (3)"), few.getMessage());
        SceneException none = assertThrows(SceneException.class, () -> pbrt("Shape \"nurbs\" \"integer nu\" [2]"));
        assertTrue(none.getMessage().startsWith("scene.lxs:5:") && none.getMessage().contains("\"integer uorder\""),
                none.getMessage());
    }

    @Test
    void luxRenderReadsPwAsWholePointsWherePbrtWantsAMultipleOf4() {
        String scene = PLANE.replace("\"point P\" [0 0 0  2 0 0  0 3 0  2 3 0]", "\"float Pw\" [0 0 0 1  2 0 0 1  0 3 0 1  2 3 0 1  7]");
        CompiledRender cr = lux(scene);
        assertEquals(2 * 29 * 29, cr.scene().triangleCount);
        assertEquals(List.of("scene.lxs:5: warning: nurbs \"Pw\" has 17 values, not a multiple of 4; the last 1 are"
                + " ignored, as LuxRender ignores them"), lines(cr, "Pw"));
        assertThrows(SceneException.class, () -> pbrt(scene));
    }
}

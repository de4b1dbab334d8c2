package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;

/**
 * pbrt-v3's CreateCurveShape (shapes/curve.cpp) as the compiler reads it: the Bezier segments made from
 * Bezier and b-spline control points of degree 2 and 3 (against the closed forms of those bases), the
 * 2^splitdepth Curves of each and the pieces of each (pbrt's refinement depth from L0 and eps), widths,
 * normals, flags, and the statements pbrt rejects.
 */
class CurveCompilerTest {

    private static CompiledRender compile(String shapes) {
        return SceneCompilerTest.compile("Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8]\n"
                + "Camera \"perspective\"\nWorldBegin\nLightSource \"point\"\n" + shapes + "\nWorldEnd\n");
    }

    private static List<String> lines(CompiledRender cr, String containing) {
        return cr.warnings().stream().map(SceneWarning::toString).filter(s -> s.contains(containing)).toList();
    }

    private static float[] segment(CompiledScene s, int c) {
        return java.util.Arrays.copyOfRange(s.curveGeom, c * CompiledScene.CURVE_STRIDE, c * CompiledScene.CURVE_STRIDE + 12);
    }

    private static void assertPoints(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, "coordinate " + i);
        }
    }

    @Test
    void bezierSegmentsShareEndsAndQuadraticsAreElevated() {
        // Degree 3, 7 points: 2 segments, the second starting at the first's end.
        CompiledScene s = compile("Shape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0 4 1 0 5 1 0 6 0 0]"
                + " \"integer splitdepth\" [0]").scene();
        assertEquals(2 * 4, s.curveInfo.length);
        assertPoints(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0}, segment(s, 0));
        assertPoints(new double[] {3, 0, 0, 4, 1, 0, 5, 1, 0, 6, 0, 0}, segment(s, 1));
        // Degree 2: (p0, p1, p2) is the cubic (p0, (p0 + 2 p1) / 3, (2 p1 + p2) / 3, p2).
        s = compile("Shape \"curve\" \"integer degree\" [2] \"point P\" [0 0 0 3 3 0 6 0 0 9 3 0 12 0 0]").scene();
        assertEquals(2 * 4, s.curveInfo.length);
        assertPoints(new double[] {0, 0, 0, 2, 2, 0, 4, 2, 0, 6, 0, 0}, segment(s, 0));
        assertPoints(new double[] {6, 0, 0, 8, 2, 0, 10, 2, 0, 12, 0, 0}, segment(s, 1));
    }

    @Test
    void bsplinesBecomeTheirBezierSegments() {
        // Uniform cubic b-spline (p0..p3): Bezier (p0 + 4 p1 + p2) / 6, (2 p1 + p2) / 3, (p1 + 2 p2) / 3, (p1 + 4 p2 + p3) / 6.
        CompiledScene s = compile("Shape \"curve\" \"string basis\" \"bspline\" \"point P\" [0 0 0 6 0 0 6 6 0 12 6 6 18 0 0]")
                .scene();
        assertEquals(2 * 4, s.curveInfo.length, "n - 3 segments");
        assertPoints(new double[] {5, 1, 0, 6, 2, 0, 6, 4, 0, 7, 5, 1}, segment(s, 0));
        assertPoints(new double[] {7, 5, 1, 8, 6, 2, 10, 6, 4, 12, 5, 4}, segment(s, 1));
        // Quadratic (p0, p1, p2): Bezier (p0 + p1) / 2, p1, (p1 + p2) / 2, elevated.
        s = compile("Shape \"curve\" \"string basis\" \"bspline\" \"integer degree\" [2] \"point P\" [0 0 0 6 0 0 6 6 0]")
                .scene();
        assertEquals(4, s.curveInfo.length);
        assertPoints(new double[] {3, 0, 0, 5, 0, 0, 6, 1, 0, 6, 3, 0}, segment(s, 0));
    }

    @Test
    void widthsAreInterpolatedPerSegmentAndRibbonNormalsKept() {
        CompiledScene s = compile("Shape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0 4 0 0 5 0 0 6 0 0]"
                + " \"float width0\" [1] \"float width1\" [3] \"string type\" \"ribbon\" \"normal N\" [0 0 2  0 1 1  0 1 0]")
                .scene();
        int g = CompiledScene.CURVE_STRIDE;
        assertEquals(1f, s.curveGeom[12]);
        assertEquals(2f, s.curveGeom[13]);
        assertEquals(2f, s.curveGeom[g + 12]);
        assertEquals(3f, s.curveGeom[g + 13]);
        double h = Math.sqrt(0.5);
        assertPoints(new double[] {0, 0, 1, 0, h, h}, java.util.Arrays.copyOfRange(s.curveGeom, 14, 20));
        assertEquals(Math.PI / 4, s.curveGeom[20], 1e-6, "normalAngle");
        assertEquals(1 / Math.sin(Math.PI / 4), s.curveGeom[21], 1e-5);
        assertEquals(CompiledScene.CURVE_RIBBON, s.curveInfo[0]);
    }

    @Test
    void eachCurveIsSplitIntoPiecesAtPbrtsRefinementDepth() {
        // A straight curve needs no refinement: 2^splitdepth pieces.
        CompiledScene s = compile("Shape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0] \"integer splitdepth\" [2]").scene();
        assertEquals(4, s.curveCount);
        // The cubic (0,0,0) (1,h,0) (2,h,0) (3,0,0): second differences of length h, halved per split level:
        // L0 = h / 4^sd; depth = Log2(sqrt 2 * 6 L0 / (8 eps)) / 2, eps = width / 20, Log2 rounded to nearest.
        float h = 4, width = 0.01f;
        for (int sd = 0; sd <= 2; sd++) {
            double l0 = h / Math.pow(4, sd);
            double v = Math.sqrt(2) * 6 * l0 / (8 * width * 0.05);
            int e = Math.getExponent(v);
            int log2 = v / Math.scalb(1.0, e) >= 1.5 ? e + 1 : e;
            int depth = Math.min(10, log2 / 2);
            s = compile("Shape \"curve\" \"point P\" [0 0 0 1 4 0 2 4 0 3 0 0] \"float width\" [0.01] \"integer splitdepth\" ["
                    + sd + "]").scene();
            assertEquals((1 << sd) << depth, s.curveCount, "pieces at splitdepth " + sd + " (depth " + depth + ")");
            for (int p = 0; p < s.curveCount; p++) {
                int code = s.curveSeg[2 * p + 1];
                assertEquals(depth, code & 31);
                assertEquals(sd, (code >> 5) & 31);
            }
            assertEquals(s.triangleCount + s.sphereCount + s.curveCount, s.primitiveCount());
        }
        // pbrt's Log2: the exponent, rounded up when the mantissa is 1.5 or more.
        assertEquals(0, CurveCompiler.log2(0.7f));
        assertEquals(1, CurveCompiler.log2(1.5f));
        assertEquals(1, CurveCompiler.log2(2.9f));
        assertEquals(2, CurveCompiler.log2(3f));
        // Refinement stops at depth 10 (Clamp(r0, 0, 10)).
        assertEquals(10, CurveCompiler.depth(new float[] {0, 0, 0, 1, 1000, 0, 2, 1000, 0, 3, 0, 0}, 1e-4f, 1e-4f));
        // A curve of width 0 is never hit: it is not split at all.
        assertEquals(0, CurveCompiler.depth(new float[] {0, 0, 0, 1, 1000, 0, 2, 1000, 0, 3, 0, 0}, 0f, 0f));
    }

    @Test
    void flagsSayReverseOrientationAndMirroring() {
        CompiledScene s = compile("AttributeBegin\nReverseOrientation\nShape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]\n"
                + "AttributeEnd\nAttributeBegin\nScale -2 2 2\nShape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]"
                + " \"float width\" [0.5]\nAttributeEnd\n").scene();
        assertArrayEquals(new int[] {1, 0}, new int[] {s.curveInfo[1], s.curveInfo[2]}, "reversed: flip, no mirror");
        assertArrayEquals(new int[] {1, 1}, new int[] {s.curveInfo[5], s.curveInfo[6]}, "mirrored: flip and mirror");
        assertEquals(1f, s.curveGeom[CompiledScene.CURVE_STRIDE + 12], "width scaled with the transform");
        assertEquals(-6f, s.curveGeom[CompiledScene.CURVE_STRIDE + 9]);
    }

    @Test
    void whatPbrtRejectsIsSkippedWithItsReason() {
        CompiledRender cr = compile("Shape \"curve\" \"integer degree\" [4] \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0 4 0 0]\n"
                + "Shape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0 4 0 0]\n"
                + "Shape \"curve\" \"string basis\" \"hermite\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]\n"
                + "Shape \"curve\" \"string type\" \"ribbon\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]\n"
                + "Shape \"curve\" \"string type\" \"ribbon\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0] \"normal N\" [0 0 1]\n"
                + "Shape \"curve\" \"string type\" \"tube\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]\n"
                + "Shape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0] \"normal N\" [0 0 1 0 0 1]\n"
                + "AttributeBegin\nAreaLightSource \"diffuse\"\nShape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]\n"
                + "AttributeEnd\nObjectBegin \"hair\"\nShape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]\nObjectEnd\n"
                + "ObjectInstance \"hair\"\n"
                + "Texture \"b\" \"float\" \"constant\"\nMaterial \"matte\" \"texture bumpmap\" \"b\"\n"
                + "Shape \"curve\" \"point P\" [0 0 0 1 0 0 2 0 0 3 0 0]\n");
        assertEquals(1, lines(cr, "scene.lxs:5: warning: curve skipped (as pbrt-v3 does): invalid degree 4").size(),
                cr.warnings().toString());
        assertEquals(1, lines(cr, "scene.lxs:6: warning: curve skipped (as pbrt-v3 does): invalid number of control points 5")
                .size());
        assertEquals(1, lines(cr, "scene.lxs:7: warning: curve skipped (as pbrt-v3 does): invalid basis").size());
        assertEquals(1, lines(cr, "scene.lxs:8: warning: curve skipped (as pbrt-v3 does): must provide normals").size());
        assertEquals(1, lines(cr, "scene.lxs:9: warning: curve skipped (as pbrt-v3 does): invalid number of normals 1").size());
        assertEquals(1, lines(cr, "scene.lxs:10: warning: unknown curve type \"tube\"").size());
        assertEquals(1, lines(cr, "scene.lxs:11: warning: curve normals are only used").size());
        assertEquals(1, lines(cr, "scene.lxs:14: warning: area lights on curves are not supported").size());
        assertEquals(1, lines(cr, "scene.lxs:22: warning: bump maps on curves are not supported").size());
        CompiledScene s = cr.scene();
        // Rendered: the "tube" (as a cylinder), the one with ignored normals, the area-lit one (not emitting),
        // the bumped one (unbumped), and the instanced object's, stored once after the world's.
        assertEquals(5 * 4, s.curveInfo.length);
        assertEquals(1, s.instanceCount);
        assertEquals(5 * 8, s.curveCount);
        assertEquals(CompiledScene.CURVE_CYLINDER, s.curveInfo[0]);
        assertEquals(1, s.lightCount, "only the point light");
    }
}

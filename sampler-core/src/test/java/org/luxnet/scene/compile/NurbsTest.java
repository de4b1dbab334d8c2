package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The NURBS evaluation ported from pbrt-v3 src/shapes/nurbs.cpp (KnotOffset, NURBSEvaluate,
 * NURBSEvaluateSurface; LuxRender's shapes/nurbs.cpp is the same code) against closed forms: an order-2
 * patch is its bilinear interpolation, a degree-2 rational surface with weights 1, sqrt(2)/2, 1 is exactly
 * a circle, and the derivatives are those of the surface.
 */
class NurbsTest {
    private static final double H = Math.sqrt(0.5);

    /** Homogeneous control points from (x, y, z, w) rows, projected coordinates times w. */
    private static double[] homogeneous(double[][] pts) {
        double[] cp = new double[4 * pts.length];
        for (int i = 0; i < pts.length; i++) {
            double w = pts[i][3];
            cp[4 * i] = pts[i][0] * w;
            cp[4 * i + 1] = pts[i][1] * w;
            cp[4 * i + 2] = pts[i][2] * w;
            cp[4 * i + 3] = w;
        }
        return cp;
    }

    /** A full unit circle in u (9 points, knots at quarters, weights 1 and sqrt(2)/2) swept along z in v. */
    static double[] cylinderPoints(double r) {
        double[][] xy = {{1, 0, 1}, {1, 1, H}, {0, 1, 1}, {-1, 1, H}, {-1, 0, 1}, {-1, -1, H}, {0, -1, 1}, {1, -1, H}, {1, 0, 1}};
        double[][] pts = new double[18][];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 9; i++) {
                pts[9 * j + i] = new double[] {r * xy[i][0], r * xy[i][1], 2 * j, xy[i][2]};
            }
        }
        return homogeneous(pts);
    }

    static final Nurbs.Basis CIRCLE = new Nurbs.Basis(3, 9, new float[] {0, 0, 0, .25f, .25f, .5f, .5f, .75f, .75f, 1, 1, 1});
    static final Nurbs.Basis LINE = new Nurbs.Basis(2, 2, new float[] {0, 0, 1, 1});

    @Test
    void aRationalQuadraticIsACircleWithItsTangentAndNormal() {
        double r = 1.5;
        double[] cp = cylinderPoints(r);
        double[] p = new double[3], du = new double[3], dv = new double[3];
        for (int k = 0; k <= 400; k++) {
            double u = k / 400.0, v = (k % 7) / 6.0;
            Nurbs.evaluateSurface(CIRCLE, LINE, cp, u, v, p, du, dv);
            assertEquals(r, Math.hypot(p[0], p[1]), 1e-12, "on the circle at u = " + u);
            assertEquals(2 * v, p[2], 1e-12, "z at v = " + v);
            // dP/du is tangent (perpendicular to the radius, turning counter-clockwise), dP/dv = (0, 0, 2).
            assertEquals(0, p[0] * du[0] + p[1] * du[1], 1e-9);
            assertTrue(p[0] * du[1] - p[1] * du[0] > 0, "counter-clockwise");
            assertEquals(0, dv[0], 1e-12);
            assertEquals(0, dv[1], 1e-12);
            assertEquals(2, dv[2], 1e-12);
        }
        // The quarter points lie where the control polygon touches the circle.
        Nurbs.evaluateSurface(CIRCLE, LINE, cp, 0.25, 0, p, du, dv);
        assertEquals(0, p[0], 1e-12);
        assertEquals(r, p[1], 1e-12);
    }

    @Test
    void derivativesAreThoseOfTheSurface() {
        double[] cp = cylinderPoints(1);
        double[] p = new double[3], du = new double[3], dv = new double[3], a = new double[3], b = new double[3];
        double e = 1e-6;
        for (double u : new double[] {0.1, 0.3, 0.62, 0.9}) {
            Nurbs.evaluateSurface(CIRCLE, LINE, cp, u, 0.4, p, du, dv);
            Nurbs.evaluateSurface(CIRCLE, LINE, cp, u + e, 0.4, a, new double[3], new double[3]);
            Nurbs.evaluateSurface(CIRCLE, LINE, cp, u - e, 0.4, b, new double[3], new double[3]);
            for (int c = 0; c < 3; c++) {
                assertEquals((a[c] - b[c]) / (2 * e), du[c], 1e-5, "dP/du at " + u);
            }
        }
    }

    @Test
    void anOrder2PatchIsItsBilinearInterpolation() {
        // Corners (0,0,0) (1,0,1) (0,1,0) (1,1,3): P = bilinear, dP/du and dP/dv its partials.
        double[] cp = homogeneous(new double[][] {{0, 0, 0, 1}, {1, 0, 1, 1}, {0, 1, 0, 1}, {1, 1, 3, 1}});
        double[] p = new double[3], du = new double[3], dv = new double[3];
        for (double u = 0; u <= 1; u += 0.125) {
            for (double v = 0; v <= 1; v += 0.25) {
                Nurbs.evaluateSurface(LINE, LINE, cp, u, v, p, du, dv);
                assertEquals(u, p[0], 1e-15);
                assertEquals(v, p[1], 1e-15);
                assertEquals(u * (1 - v) + 3 * u * v, p[2], 1e-15);
                assertEquals(1 + 2 * v, du[2], 1e-15);
                assertEquals(2 * u, dv[2], 1e-15);
            }
        }
    }

    @Test
    void knotOffsetFindsTheSpanAsPbrtAndSkipsAnEmptyFirstSpan() {
        float[] k = CIRCLE.knots();
        assertEquals(2, Nurbs.knotOffset(k, 3, 9, 0), "the start: span [k2, k3]");
        assertEquals(2, Nurbs.knotOffset(k, 3, 9, 0.25), "a knot itself ends the span before it (t > knot[k+1] stops)");
        assertEquals(4, Nurbs.knotOffset(k, 3, 9, 0.25000001), "just past it: [k4, k5], k3 = k4 being empty");
        assertEquals(8, Nurbs.knotOffset(k, 3, 9, 1), "the end: the last span [k8, k9]");
        assertEquals(8, Nurbs.knotOffset(k, 3, 9, 1.0000001), "a t rounded past the end stays in the last span");
        // Knots 0 0 0 0 1 1 1 with order 3: knots 2 and 3 enclose nothing; pbrt would divide 0 by 0.
        float[] e = {0, 0, 0, 0, 1, 1, 1};
        assertEquals(3, Nurbs.knotOffset(e, 3, 4, 0));
        assertEquals(3, Nurbs.knotOffset(e, 3, 4, 0.5));
    }

    @Test
    void dicingIsTheSourcesGridWithTheParametersAsUv() {
        Nurbs.Grid g = Nurbs.dice(CIRCLE, LINE, cylinderPoints(1), 0.25f, 0.75f, 0, 1, 30, 30);
        assertEquals(900, g.p().length / 3);
        assertEquals(6 * 29 * 29, g.indices().length);
        assertEquals(0.25f, g.uv()[0]);
        assertEquals(0.75f, g.uv()[2 * 29]);
        assertEquals(1f, g.uv()[2 * 899 + 1]);
        // Lerp(i / 29, 0.25, 0.75) in float, as pbrt's ueval.
        float t = 7f / 29f;
        assertEquals((1 - t) * 0.25f + t * 0.75f, g.uv()[2 * 7]);
        for (int i = 0; i < 900; i++) {
            double x = g.p()[3 * i], y = g.p()[3 * i + 1];
            assertEquals(1, Math.hypot(x, y), 1e-6, "vertex " + i + " on the circle");
            // Normalize(Cross(dPdu, dPdv)) points outwards.
            assertEquals(x, g.n()[3 * i], 1e-6);
            assertEquals(y, g.n()[3 * i + 1], 1e-6);
            assertEquals(0, g.n()[3 * i + 2], 1e-6);
        }
        // The first cell's triangles: (0,0) (1,0) (1,1) and (0,0) (1,1) (0,1).
        int[] idx = g.indices();
        assertEquals(java.util.List.of(0, 1, 31, 0, 31, 30),
                java.util.List.of(idx[0], idx[1], idx[2], idx[3], idx[4], idx[5]));
    }
}

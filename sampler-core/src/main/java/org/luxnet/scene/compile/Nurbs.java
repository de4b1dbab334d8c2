package org.luxnet.scene.compile;

/**
 * Evaluation of a NURBS surface and its dicing into a grid, ported in doubles from pbrt-v3
 * src/shapes/nurbs.cpp (KnotOffset, NURBSEvaluate, NURBSEvaluateSurface and the grid of CreateNURBS);
 * LuxRender's shapes/nurbs.cpp (NURBS::Refine) is the same pbrt-v1 code line for line. Control points
 * are homogeneous, 4 doubles (x w, y w, z w, w) each, u running fastest: point (i, j) is number
 * {@code j nu + i}, as both sources index them ({@code cp[uFirstCp + i]} with v stride {@code ucp}).
 *
 * <p>One deliberate difference: where a parameter falls on an empty knot span at the start of the
 * range (knots[order - 1] == knots[order], possible only for t == knots[order - 1]), the sources divide
 * 0 by 0; {@link #knotOffset} moves on to the first non-empty span instead (the surface's value from the
 * right). {@link NurbsShapes} warns where that happens.
 */
final class Nurbs {
    /** One parametric direction: its order (degree + 1), control point count and n + order knots. */
    record Basis(int order, int n, float[] knots) {
        /** The start of the valid parameter range, knots[order - 1] (the sources' default u0). */
        float start() {
            return knots[order - 1];
        }

        /** The end of the valid parameter range, knots[n] (the sources' default u1). */
        float end() {
            return knots[n];
        }
    }

    /**
     * A diced surface: {@code du x dv} vertices, vertex (i, j) at index {@code j du + i}: positions and
     * unit normals (3 floats each; a normal is NaN where dP/du x dP/dv vanishes, as the sources' Normalize
     * makes it) and uv (2 floats: the parameter values themselves, as both sources store them).
     */
    record Grid(float[] p, float[] n, float[] uv, int du, int dv) {
        /** The sources' triangles: per cell (i, j), (i,j) (i+1,j) (i+1,j+1) and (i,j) (i+1,j+1) (i,j+1). */
        int[] indices() {
            int[] idx = new int[6 * (du - 1) * (dv - 1)];
            int o = 0;
            for (int j = 0; j < dv - 1; j++) {
                for (int i = 0; i < du - 1; i++) {
                    int a = j * du + i;
                    idx[o++] = a;
                    idx[o++] = a + 1;
                    idx[o++] = a + du + 1;
                    idx[o++] = a;
                    idx[o++] = a + du + 1;
                    idx[o++] = a + du;
                }
            }
            return idx;
        }
    }

    private Nurbs() {
    }

    /**
     * pbrt's KnotOffset: the knot index k of the span [knots[k], knots[k+1]] that holds t, from
     * order - 1 on; then past empty spans (see the class comment). t must lie in [start, end].
     */
    static int knotOffset(float[] knot, int order, int np, double t) {
        int k = order - 1;
        while (t > knot[k + 1] && k + 1 < np) {
            ++k; // bounded by the last span: a t rounded past the end stays there
        }
        while (knot[k + 1] <= knot[k] && k + 1 < np) {
            ++k; // an empty span: pbrt's alpha would be 0 / 0 here
        }
        return k;
    }

    /**
     * pbrt's NURBSEvaluate: the homogeneous point of the curve of {@code order} over {@code np} control
     * points at t; control point c is at {@code cp[4 (base + c stride)]}. With {@code deriv} non-null, also
     * the derivative of the projected (divided by w) point, 3 doubles.
     */
    static void evaluate(int order, float[] knots, double[] cp, int base, int np, int stride, double t, double[] out,
                         double[] deriv) {
        int k = knotOffset(knots, order, np, t);
        int first = k - order + 1;
        double[] w = new double[4 * order];
        for (int i = 0; i < order; i++) {
            System.arraycopy(cp, 4 * (base + (first + i) * stride), w, 4 * i, 4);
        }
        // de Boor's triangle down to two points, as pbrt writes it (knot indices relative to k).
        for (int i = 0; i < order - 2; i++) {
            for (int j = 0; j < order - 1 - i; j++) {
                double alpha = (knots[k + 1 + j] - t) / ((double) knots[k + 1 + j] - knots[k + j + 2 - order + i]);
                for (int c = 0; c < 4; c++) {
                    w[4 * j + c] = w[4 * j + c] * alpha + w[4 * (j + 1) + c] * (1 - alpha);
                }
            }
        }
        double alpha = (knots[k + 1] - t) / ((double) knots[k + 1] - knots[k]);
        for (int c = 0; c < 4; c++) {
            out[c] = w[c] * alpha + w[4 + c] * (1 - alpha);
        }
        if (deriv != null) {
            // d/dt of the homogeneous point, then the quotient rule for (x, y, z) / w.
            double factor = (order - 1) / ((double) knots[k + 1] - knots[k]);
            double dw = (w[7] - w[3]) * factor;
            for (int c = 0; c < 3; c++) {
                double d = (w[4 + c] - w[c]) * factor;
                deriv[c] = d / out[3] - out[c] * dw / (out[3] * out[3]);
            }
        }
    }

    /**
     * pbrt's NURBSEvaluateSurface: the point at (u, v) into {@code p} and its partial derivatives into
     * {@code dpdu} and {@code dpdv} (3 doubles each).
     */
    static void evaluateSurface(Basis bu, Basis bv, double[] cp, double u, double v, double[] p, double[] dpdu,
                                double[] dpdv) {
        double[] iso = new double[4 * Math.max(bu.order, bv.order)];
        double[] h = new double[4];
        // Curves in v through the u span's control point columns, then across them in u.
        int uFirst = knotOffset(bu.knots, bu.order, bu.n, u) - bu.order + 1;
        for (int i = 0; i < bu.order; i++) {
            evaluate(bv.order, bv.knots, cp, uFirst + i, bv.n, bu.n, v, h, null);
            System.arraycopy(h, 0, iso, 4 * i, 4);
        }
        double[] pw = new double[4];
        evaluate(bu.order, bu.knots, iso, -uFirst, bu.n, 1, u, pw, dpdu);
        // Curves in u through the v span's rows, then across them in v, for dP/dv.
        int vFirst = knotOffset(bv.knots, bv.order, bv.n, v) - bv.order + 1;
        for (int i = 0; i < bv.order; i++) {
            evaluate(bu.order, bu.knots, cp, (vFirst + i) * bu.n, bu.n, 1, u, h, null);
            System.arraycopy(h, 0, iso, 4 * i, 4);
        }
        evaluate(bv.order, bv.knots, iso, -vFirst, bv.n, 1, v, h, dpdv);
        p[0] = pw[0] / pw[3];
        p[1] = pw[1] / pw[3];
        p[2] = pw[2] / pw[3];
    }

    /**
     * The sources' dicing: {@code du x dv} parameter values Lerp(i / (du - 1), u0, u1) computed in float as
     * they do, the surface point and Normalize(Cross(dPdu, dPdv)) at each, and (u, v) as the uv.
     */
    static Grid dice(Basis bu, Basis bv, double[] cp, float u0, float u1, float v0, float v1, int du, int dv) {
        float[] ue = lerps(du, u0, u1), ve = lerps(dv, v0, v1);
        float[] p = new float[3 * du * dv], n = new float[3 * du * dv], uv = new float[2 * du * dv];
        double[] pt = new double[3], dpdu = new double[3], dpdv = new double[3];
        for (int j = 0; j < dv; j++) {
            for (int i = 0; i < du; i++) {
                int o = j * du + i;
                uv[2 * o] = ue[i];
                uv[2 * o + 1] = ve[j];
                evaluateSurface(bu, bv, cp, ue[i], ve[j], pt, dpdu, dpdv);
                double nx = dpdu[1] * dpdv[2] - dpdu[2] * dpdv[1];
                double ny = dpdu[2] * dpdv[0] - dpdu[0] * dpdv[2];
                double nz = dpdu[0] * dpdv[1] - dpdu[1] * dpdv[0];
                double len = Math.sqrt(nx * nx + ny * ny + nz * nz); // 0 gives NaN, as Normalize does
                for (int c = 0; c < 3; c++) {
                    p[3 * o + c] = (float) pt[c];
                }
                n[3 * o] = (float) (nx / len);
                n[3 * o + 1] = (float) (ny / len);
                n[3 * o + 2] = (float) (nz / len);
            }
        }
        return new Grid(p, n, uv, du, dv);
    }

    /** pbrt's Lerp((float) i / (float) (count - 1), a, b) = (1 - t) a + t b, in float. */
    private static float[] lerps(int count, float a, float b) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            float t = (float) i / (float) (count - 1);
            out[i] = (1 - t) * a + t * b;
        }
        return out;
    }
}

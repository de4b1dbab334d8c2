package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * The "nurbs" shape of pbrt-v3 (src/shapes/nurbs.cpp, CreateNURBS) and LuxRender (shapes/nurbs.cpp,
 * NURBS::CreateShape and NURBS::Refine, both from pbrt-v1): "integer nu", "nv", "uorder", "vorder",
 * "float uknots", "vknots" (n + order each), "float u0", "u1", "v0", "v1" (default: the knots' range,
 * knots[order - 1] .. knots[n]) and control points "point P" or, rational, "float Pw" (x w, y w, z w, w).
 * Both sources dice the surface on a 30 x 30 grid ({@link Nurbs#dice}) into a triangle mesh with the
 * normal Normalize(Cross(dPdu, dPdv)) and the parameter values (u, v) at each vertex; here it goes to
 * the geometry builder as a mesh with "N" does: the normals decide the front, so ReverseOrientation
 * changes nothing, as for this renderer's meshes with normals ({@link TriangleWriter}).
 *
 * <p>pbrt-v3 checks the counts (an Error, the shape dropped) and LuxRender asserts them; both assert
 * that u0..v1 lie in the knots' range and compute garbage past it. Here every such violation is a
 * {@link SceneException} at the parameter, as are orders below 2, fewer control points than the order and
 * decreasing knots, which the sources do not check and evaluate out of bounds. Where the sources would
 * produce NaN, a parameter on an empty first knot span is evaluated on the next span and the triangles
 * at a vertex where dPdu x dPdv = 0 are shaded flat, which is what pbrt-v3's Triangle does with that NaN
 * normal; one warning per shape says so, except for the flat triangles of a pbrt-v3 scene.
 */
final class NurbsShapes {
    /** Grid vertices per direction: {@code int diceu = 30, dicev = 30} in both sources. */
    static final int DICE_U = 30, DICE_V = 30;

    private NurbsShapes() {
    }

    /**
     * Adds the diced NURBS of {@code shape} to {@code geo}.
     *
     * @return the world-space area of the triangles added
     */
    static double add(ShapeDesc shape, GeometryBuilder geo, List<SceneWarning> warnings, boolean luxRender, int material,
                      int emitter) {
        // In the sources' order: nu, uorder, uknots, u0, u1, then the same for v, then P or Pw.
        Nurbs.Basis bu = basis(shape, "u");
        float[] ur = range(shape, "u", bu, warnings);
        Nurbs.Basis bv = basis(shape, "v");
        float[] vr = range(shape, "v", bv, warnings);
        double[] cp = controlPoints(shape, bu.n(), bv.n(), luxRender, warnings);
        Nurbs.Grid g = Nurbs.dice(bu, bv, cp, ur[0], ur[1], vr[0], vr[1], DICE_U, DICE_V);

        // Vertices whose normal is NaN: pbrt-v3's Triangle shades a hit there with its geometric normal
        // (ns.LengthSquared() > 0 fails), so their triangles go in without normals, wound to face the
        // side their neighbours' normals face (the winding follows dPdu x dPdv while u0 < u1 and v0 < v1).
        int nv = DICE_U * DICE_V;
        boolean[] noNormal = new boolean[nv];
        int noNormals = 0, notFinite = 0;
        float[] n = g.n(), p = g.p();
        for (int i = 0; i < nv; i++) {
            noNormal[i] = !(Float.isFinite(n[3 * i]) && Float.isFinite(n[3 * i + 1]) && Float.isFinite(n[3 * i + 2]));
            noNormals += noNormal[i] ? 1 : 0;
            notFinite += Float.isFinite(p[3 * i]) && Float.isFinite(p[3 * i + 1]) && Float.isFinite(p[3 * i + 2]) ? 0 : 1;
        }
        int[] all = g.indices();
        IntList smooth = new IntList(), flat = new IntList();
        for (int k = 0; k < all.length; k += 3) {
            IntList to = noNormal[all[k]] || noNormal[all[k + 1]] || noNormal[all[k + 2]] ? flat : smooth;
            to.add(all[k]);
            to.add(all[k + 1]);
            to.add(all[k + 2]);
        }
        Transform t = shape.objectToWorld();
        boolean flatFlip = t.swapsHandedness() ^ (ur[1] < ur[0]) ^ (vr[1] < vr[0]);
        float[] wp = ShapeCompiler.transformPoints(t, g.p());
        float[] wn = ShapeCompiler.transformNormals(t, g.n());
        if (!luxRender) {
            // pbrt-v3's NURBS is a TriangleMesh with normals: a mirroring transform turns its front.
            ShapeCompiler.pbrtMirrored(wn, t);
            flatFlip ^= t.swapsHandedness();
        }
        int before = geo.triangleCount();
        geo.addMesh(wp, smooth.toArray(), wn, g.uv(), false, material, emitter);
        geo.addMesh(wp, flat.toArray(), null, g.uv(), flatFlip, material, emitter);

        if (notFinite > 0) {
            warnings.add(new SceneWarning(shape.loc(), "nurbs: " + notFinite + " of its " + nv + " vertices are not finite"
                    + " (the weights of \"Pw\" sum to 0 there); their triangles are skipped"));
        }
        if (noNormals > 0 && luxRender) {
            warnings.add(new SceneWarning(shape.loc(), "nurbs: " + noNormals + " of its " + nv + " vertices have no normal"
                    + " (dP/du x dP/dv = 0, as at a pole), where LuxRender's shading normal is NaN; their triangles are"
                    + " shaded flat, as pbrt-v3 shades them"));
        }
        if (geo.triangleCount() == before) {
            warnings.add(new SceneWarning(shape.loc(), "nurbs: every triangle of its " + DICE_U + " x " + DICE_V
                    + " grid is degenerate (no area); nothing of it is rendered"));
        }
        double area = 0;
        for (int i = before; i < geo.triangleCount(); i++) {
            area += geo.triangleArea(i);
        }
        return area;
    }

    /** "n<d>", "<d>order" and "<d>knots" for direction d ("u" or "v"), checked. */
    private static Nurbs.Basis basis(ShapeDesc shape, String d) {
        ParamSet ps = shape.params();
        int n = ps.getInt("n" + d, -1);
        if (n == -1) {
            throw new SceneException(shape.loc(), "nurbs needs \"integer n" + d + "\", its number of control points in " + d);
        }
        int order = ps.getInt(d + "order", -1);
        if (order == -1) {
            throw new SceneException(shape.loc(), "nurbs needs \"integer " + d + "order\", the order (degree + 1) in " + d);
        }
        float[] knots = ps.getFloats(d + "knots");
        if (knots == null) {
            throw new SceneException(shape.loc(), "nurbs needs the knot vector \"float " + d + "knots\"");
        }
        FileLoc kl = ps.get(d + "knots").loc();
        if ((long) knots.length != (long) n + order) {
            throw new SceneException(kl, "nurbs has " + knots.length + " \"" + d + "knots\" but needs n" + d + " + " + d
                    + "order = " + n + " + " + order + " = " + ((long) n + order));
        }
        if (order < 2) {
            throw new SceneException(ps.get(d + "order").loc(), "nurbs \"" + d + "order\" must be at least 2, got " + order
                    + " (pbrt's NURBSEvaluate blends two control points at its last step)");
        }
        if (n < order) {
            throw new SceneException(ps.get("n" + d).loc(), "nurbs \"n" + d + "\" (" + n + ") must be at least \"" + d
                    + "order\" (" + order + "): a span needs order control points");
        }
        for (int i = 0; i + 1 < knots.length; i++) {
            if (!(knots[i] <= knots[i + 1])) {
                throw new SceneException(kl, "nurbs \"" + d + "knots\" must not decrease, but knot " + i + " is " + knots[i]
                        + " and knot " + (i + 1) + " is " + knots[i + 1]);
            }
        }
        Nurbs.Basis b = new Nurbs.Basis(order, n, knots);
        if (!(b.start() < b.end())) {
            throw new SceneException(kl, "nurbs \"" + d + "knots\" give an empty range: knot " + (order - 1) + " (" + d
                    + "order - 1) and knot " + n + " (n" + d + ") are both " + b.start());
        }
        return b;
    }

    /** "<d>0" and "<d>1", by default the knots' range, which they must lie in. */
    private static float[] range(ShapeDesc shape, String d, Nurbs.Basis b, List<SceneWarning> warnings) {
        ParamSet ps = shape.params();
        float[] r = {(float) ps.getFloat(d + "0", b.start()), (float) ps.getFloat(d + "1", b.end())};
        for (int e = 0; e < 2; e++) {
            if (!(r[e] >= b.start() && r[e] <= b.end())) {
                // The sources assert t in the span of KnotOffset; past the last knot it reads beyond the arrays.
                throw new SceneException(ps.get(d + e).loc(), "nurbs \"" + d + e + "\" is " + r[e] + ", outside the knots'"
                        + " range [" + b.start() + ", " + b.end() + "] (knots " + (b.order() - 1) + " to " + b.n() + ")");
            }
        }
        if (b.knots()[b.order() - 1] == b.knots()[b.order()] && (r[0] == b.start() || r[1] == b.start())) {
            warnings.add(new SceneWarning(ps.get(d + "knots").loc(), "nurbs \"" + d + "knots\" begin with an empty span"
                    + " at " + d + " = " + b.start() + ", where pbrt-v3's and LuxRender's NURBSEvaluate divide 0 by 0 (NaN"
                    + " vertices); it is evaluated on the next span, the surface's limit from above"));
        }
        return r;
    }

    /** "point P" (w = 1) or "float Pw", nu x nv of them, as homogeneous points (4 doubles each). */
    private static double[] controlPoints(ShapeDesc shape, int nu, int nv, boolean luxRender, List<SceneWarning> warnings) {
        ParamSet ps = shape.params();
        int count = nu * nv;
        float[] p = ps.getPoints("P");
        Param where;
        int stride;
        if (p != null) {
            where = ps.get("P");
            stride = 3;
            Param pw = ps.get("Pw");
            if (pw != null) {
                warnings.add(new SceneWarning(pw.loc(), "nurbs \"Pw\" is ignored: \"P\" is given, which pbrt-v3 and"
                        + " LuxRender read first"));
            }
        } else {
            p = ps.getFloats("Pw");
            if (p == null) {
                throw new SceneException(shape.loc(), "nurbs needs control points \"point P\" or \"float Pw\" (x w, y w,"
                        + " z w, w per point)");
            }
            where = ps.get("Pw");
            stride = 4;
            if (p.length % 4 != 0) {
                if (!luxRender || p.length / 4 != count) {
                    throw new SceneException(where.loc(), "nurbs \"Pw\" needs 4 values per control point, got "
                            + p.length);
                }
                // LuxRender's CreateShape takes npts / 4 points and never looks at the rest.
                warnings.add(new SceneWarning(where.loc(), "nurbs \"Pw\" has " + p.length + " values, not a multiple of"
                        + " 4; the last " + p.length % 4 + " are ignored, as LuxRender ignores them"));
            }
        }
        if (p.length / stride != count) {
            throw new SceneException(where.loc(), "nurbs expects nu x nv = " + nu + " x " + nv + " = " + count
                    + " control points, got "
                    + p.length / stride);
        }
        double[] cp = new double[4 * count];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < stride; c++) {
                cp[4 * i + c] = p[stride * i + c];
            }
            if (stride == 3) {
                cp[4 * i + 3] = 1;
            }
        }
        return cp;
    }
}

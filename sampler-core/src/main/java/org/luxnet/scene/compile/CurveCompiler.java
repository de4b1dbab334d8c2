package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * pbrt-v3's {@code curve} shape (shapes/curve.cpp, CreateCurveShape): its parameters, the cubic Bezier
 * segments it makes (degree 2 elevated, b-splines blossomed to Bezier), the 2^splitdepth Curve shapes
 * of each segment (CreateCurve), and the pieces each Curve is cut into for the BVH: 2^D of them, D
 * pbrt's refinement depth (Curve::Intersect's maxDepth) for the largest second difference any ray
 * frame can see (render.transport.CurveKernel explains why the kernel's test on them is pbrt's
 * recursion). Curves are laid out in world space (in an instanced object, in its space, which the
 * kernel's rays enter as pbrt's do: exact under any instance transform): under a similarity transform
 * that is exact (widths scaled, v mirrored where the transform mirrors); other transforms scale widths
 * by the cube root of the determinant, with a warning.
 */
final class CurveCompiler {
    /** The most refinement levels pbrt-v3 uses (Clamp(r0, 0, 10)). */
    static final int MAX_DEPTH = 10;
    /** Splitdepths above this are clamped (2^10 Curves per segment, with a warning). */
    static final int MAX_SPLIT = 10;

    private CurveCompiler() {
    }

    /**
     * Adds a curve statement's pieces to {@code geo}.
     *
     * @return pbrt-v3's Curve::Area summed over the Curves added (0 when the statement was skipped)
     */
    static double add(ShapeDesc shape, int material, int emitter, GeometryBuilder geo, List<SceneWarning> warnings) {
        ParamSet ps = shape.params();
        float width = (float) ps.getFloat("width", 1);
        float width0 = (float) ps.getFloat("width0", width), width1 = (float) ps.getFloat("width1", width);
        int degree = ps.getInt("degree", 3);
        String basis = ps.getString("basis", "bezier");
        float[] cp = ps.getPoints("P");
        String typeName = ps.getString("type", "flat");
        float[] n = ps.getNormals("N");
        Param sdParam = ps.get("splitdepth");
        int sd = sdParam == null ? 3 : (int) sdParam.numbers()[0];
        if (degree != 2 && degree != 3) {
            return skip(shape, warnings, "invalid degree " + degree + ": only degree 2 and 3 curves are supported");
        }
        if (!basis.equals("bezier") && !basis.equals("bspline")) {
            return skip(shape, warnings, "invalid basis \"" + basis + "\": only \"bezier\" and \"bspline\" are supported");
        }
        int ncp = cp == null ? 0 : cp.length / 3;
        int nSegments;
        if (basis.equals("bezier")) {
            if (ncp < degree + 1 || (ncp - 1 - degree) % degree != 0) {
                return skip(shape, warnings, "invalid number of control points " + ncp + ": for the degree " + degree
                        + " Bezier basis " + (degree + 1) + " + n * " + degree + " are required, for n >= 0");
            }
            nSegments = (ncp - 1) / degree;
        } else {
            if (ncp < degree + 1) {
                return skip(shape, warnings, "invalid number of control points " + ncp + ": for the degree " + degree
                        + " b-spline basis, must have >= " + (degree + 1));
            }
            nSegments = ncp - degree;
        }
        int type;
        switch (typeName) {
            case "flat":
                type = CompiledScene.CURVE_FLAT;
                break;
            case "ribbon":
                type = CompiledScene.CURVE_RIBBON;
                break;
            case "cylinder":
                type = CompiledScene.CURVE_CYLINDER;
                break;
            default:
                warnings.add(new SceneWarning(shape.loc(), "unknown curve type \"" + typeName + "\": using \"cylinder\""
                        + " (as pbrt-v3 does)"));
                type = CompiledScene.CURVE_CYLINDER;
        }
        if (n != null && type != CompiledScene.CURVE_RIBBON) {
            warnings.add(new SceneWarning(shape.loc(), "curve normals are only used with \"ribbon\" type curves"));
            n = null;
        } else if (n != null && n.length / 3 != nSegments + 1) {
            return skip(shape, warnings, "invalid number of normals " + n.length / 3 + ": must provide "
                    + (nSegments + 1) + " normals for ribbon curves with " + nSegments + " segments");
        } else if (n == null && type == CompiledScene.CURVE_RIBBON) {
            return skip(shape, warnings, "must provide normals \"N\" at curve endpoints with ribbon curves");
        }
        if (sd < 0 || sd > MAX_SPLIT) {
            warnings.add(new SceneWarning(shape.loc(), "curve splitdepth " + sd + " clamped to [0, " + MAX_SPLIT + "]"));
            sd = Math.max(0, Math.min(MAX_SPLIT, sd));
        }
        if (emitter >= 0) {
            warnings.add(new SceneWarning(shape.loc(), "area lights on curves are not supported (pbrt-v3's"
                    + " Curve::Sample only reports an error and stops the render): the curve does not emit"));
        }
        if (shape.material() != null && shape.material().params().has("bumpmap")) {
            warnings.add(new SceneWarning(shape.loc(), "bump maps on curves are not supported (pbrt-v3 bumps them"
                    + " along a dpdv that depends on the ray): the curve is shaded unbumped"));
        }
        if (shape.material() != null && shape.material().params().all().stream()
                .anyMatch(p -> p.type() == org.luxnet.scene.desc.ParamType.TEXTURE && !p.name().equals("bumpmap"))) {
            warnings.add(new SceneWarning(shape.loc(), "textures on curves are evaluated without a (u, v) footprint"
                    + " (pbrt-v3 filters them along the curve's dpdu and dpdv): image maps are point-sampled there"));
        }
        Transform t = shape.objectToWorld();
        double scale = ShapeCompiler.similarityScale(t);
        if (!(scale > 0)) {
            double det = determinant(t);
            scale = Math.cbrt(Math.abs(det));
            warnings.add(new SceneWarning(shape.loc(), "curve under a non-uniform transform: pbrt-v3 measures its"
                    + " width in object space; here the width is scaled by the transform's mean scale"));
        }
        boolean swaps = t.swapsHandedness();
        boolean flip = shape.reverseOrientation() ^ swaps;
        Transform inv = t.inverse();
        double area = 0;
        boolean parallelNormals = false;
        for (int seg = 0; seg < nSegments; seg++) {
            float[] b = bezier(cp, basis.equals("bezier"), degree, seg);
            float w0 = lerp((float) seg / (float) nSegments, width0, width1);
            float w1 = lerp((float) (seg + 1) / (float) nSegments, width0, width1);
            int common = geo.curveInfo.size() / 4;
            double[] wp = new double[3];
            for (int i = 0; i < 4; i++) {
                t.applyPoint(b[3 * i], b[3 * i + 1], b[3 * i + 2], wp, 0);
                geo.curveGeom.add((float) wp[0], (float) wp[1], (float) wp[2]);
            }
            geo.curveGeom.add((float) (w0 * scale));
            geo.curveGeom.add((float) (w1 * scale));
            float angle = 0f, invSin = 0f;
            if (n != null) {
                // CurveCommon: unit normals, normalAngle = acos(Clamp(Dot(n0, n1), 0, 1)), in object space.
                float[] n0 = unit(n[3 * seg], n[3 * seg + 1], n[3 * seg + 2]);
                float[] n1 = unit(n[3 * seg + 3], n[3 * seg + 4], n[3 * seg + 5]);
                angle = (float) Math.acos(Math.max(0, Math.min(1, n0[0] * n1[0] + n0[1] * n1[1] + n0[2] * n1[2])));
                invSin = (float) (1 / Math.sin(angle));
                parallelNormals |= angle == 0f;
                addNormal(geo, inv, n0);
                addNormal(geo, inv, n1);
            } else {
                for (int k = 0; k < 6; k++) {
                    geo.curveGeom.add(0f);
                }
            }
            geo.curveGeom.add(angle);
            geo.curveGeom.add(angle > 0f ? invSin : 0f);
            geo.curveInfo.add(type);
            geo.curveInfo.add(flip ? 1 : 0);
            geo.curveInfo.add(swaps ? 1 : 0);
            geo.curveInfo.add(material);
            float[] wc = new float[12];
            for (int k = 0; k < 12; k++) {
                wc[k] = geo.curveGeom.get(common * CompiledScene.CURVE_STRIDE + k);
            }
            float cw0 = (float) (w0 * scale), cw1 = (float) (w1 * scale);
            int nCurves = 1 << sd;
            for (int i = 0; i < nCurves; i++) {
                float uMin = i / (float) nCurves, uMax = (i + 1) / (float) nCurves;
                float[] c = segmentCps(wc, uMin, uMax);
                int depth = depth(c, cw0, cw1);
                area += curveArea(c, lerp(uMin, cw0, cw1), lerp(uMax, cw0, cw1));
                int pieces = 1 << depth;
                for (int k = 0; k < pieces; k++) {
                    int s = (i << depth) + k;
                    geo.curveSeg.add(common);
                    geo.curveSeg.add(s << 10 | sd << 5 | depth);
                    float ua = uMin + (uMax - uMin) * k / pieces, ub = uMin + (uMax - uMin) * (k + 1) / pieces;
                    addBox(geo, segmentCps(wc, ua, ub), Math.max(lerp(ua, cw0, cw1), lerp(ub, cw0, cw1)));
                }
            }
        }
        if (parallelNormals) {
            warnings.add(new SceneWarning(shape.loc(), "ribbon curve with parallel normals: pbrt-v3 interpolates"
                    + " them as 0 * inf (NaN); here as their limit, the normal itself"));
        }
        return area;
    }

    private static double skip(ShapeDesc shape, List<SceneWarning> warnings, String why) {
        for (Param p : shape.params().all()) {
            shape.params().get(p.name());
        }
        warnings.add(new SceneWarning(shape.loc(), "curve skipped (as pbrt-v3 does): " + why));
        return 0;
    }

    /**
     * The cubic Bezier control points (object space) of segment {@code seg}, as CreateCurveShape makes
     * them: Bezier segments share end points (degree 2 elevated to 3), uniform b-splines are blossomed.
     */
    static float[] bezier(float[] cp, boolean isBezier, int degree, int seg) {
        float[] out = new float[12];
        for (int a = 0; a < 3; a++) {
            float c0, c1, c2, c3;
            if (isBezier) {
                int base = 3 * seg * degree + a;
                if (degree == 2) {
                    c0 = cp[base];
                    c1 = lerp(2f / 3f, cp[base], cp[base + 3]);
                    c2 = lerp(1f / 3f, cp[base + 3], cp[base + 6]);
                    c3 = cp[base + 6];
                } else {
                    c0 = cp[base];
                    c1 = cp[base + 3];
                    c2 = cp[base + 6];
                    c3 = cp[base + 9];
                }
            } else {
                int base = 3 * seg + a;
                if (degree == 2) {
                    float p01 = cp[base], p12 = cp[base + 3], p23 = cp[base + 6];
                    float p11 = lerp(0.5f, p01, p12), p22 = lerp(0.5f, p12, p23);
                    c0 = p11;
                    c1 = lerp(2f / 3f, p11, p12);
                    c2 = lerp(1f / 3f, p12, p22);
                    c3 = p22;
                } else {
                    float p012 = cp[base], p123 = cp[base + 3], p234 = cp[base + 6], p345 = cp[base + 9];
                    float p122 = lerp(2f / 3f, p012, p123);
                    float p223 = lerp(1f / 3f, p123, p234);
                    float p233 = lerp(2f / 3f, p123, p234);
                    float p334 = lerp(1f / 3f, p234, p345);
                    c0 = lerp(0.5f, p122, p223);
                    c1 = p223;
                    c2 = p233;
                    c3 = lerp(0.5f, p233, p334);
                }
            }
            out[a] = c0;
            out[3 + a] = c1;
            out[6 + a] = c2;
            out[9 + a] = c3;
        }
        return out;
    }

    /** The control points of the part (u0, u1) of a cubic Bezier (pbrt-v3 BlossomBezier, as Curve does). */
    static float[] segmentCps(float[] c, float u0, float u1) {
        float[] out = new float[12];
        for (int a = 0; a < 3; a++) {
            out[a] = blossom(c, a, u0, u0, u0);
            out[3 + a] = blossom(c, a, u0, u0, u1);
            out[6 + a] = blossom(c, a, u0, u1, u1);
            out[9 + a] = blossom(c, a, u1, u1, u1);
        }
        return out;
    }

    private static float blossom(float[] c, int a, float u0, float u1, float u2) {
        float a0 = lerp(u0, c[a], c[3 + a]), a1 = lerp(u0, c[3 + a], c[6 + a]), a2 = lerp(u0, c[6 + a], c[9 + a]);
        return lerp(u2, lerp(u1, a0, a1), lerp(u1, a1, a2));
    }

    /**
     * The refinement depth of Curve::Intersect for a Curve with control points c and its common
     * segment's widths, with L0 the largest length of a second difference: the largest value pbrt's L0
     * (the largest coordinate, in a ray frame) takes over all rays, so no ray needs more levels.
     */
    static int depth(float[] c, float w0, float w1) {
        double l0 = 0;
        for (int i = 0; i < 2; i++) {
            double s = 0;
            for (int a = 0; a < 3; a++) {
                double d = (double) c[3 * i + a] - 2.0 * c[3 * (i + 1) + a] + c[3 * (i + 2) + a];
                s += d * d;
            }
            l0 = Math.max(l0, Math.sqrt(s));
        }
        float eps = Math.max(w0, w1) * 0.05f;
        if (!(eps > 0)) {
            // Width 0: pbrt refines to depth 10 (L0 / 0), but nothing is hit at any depth; no pieces to spare.
            return 0;
        }
        // A little above the exact bound, so that rounding in the kernel's ray frame cannot go past it.
        int r0 = log2((float) (1.41421356237 * 6 * l0 * (1 + 1e-5) / (8.0 * eps))) / 2;
        return Math.max(0, Math.min(MAX_DEPTH, r0));
    }

    /** pbrt-v3 Curve::Intersect's Log2: the exponent, plus 1 where the mantissa's top bit is set; 0 below 1. */
    static int log2(float v) {
        if (v < 1) {
            return 0;
        }
        int bits = Float.floatToIntBits(v);
        return (bits >>> 23) - 127 + ((bits & (1 << 22)) != 0 ? 1 : 0);
    }

    /** pbrt-v3 Curve::Area: the control polygon's length times the mean width. */
    private static double curveArea(float[] c, float w0, float w1) {
        double len = 0;
        for (int i = 0; i < 3; i++) {
            double dx = c[3 * i + 3] - c[3 * i], dy = c[3 * i + 4] - c[3 * i + 1], dz = c[3 * i + 5] - c[3 * i + 2];
            len += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return len * (w0 + w1) * 0.5;
    }

    /** The piece's box: its control points' box grown by half its larger end width, and padded for rounding. */
    private static void addBox(GeometryBuilder geo, float[] c, float maxWidth) {
        float[] lo = new float[3], hi = new float[3];
        for (int a = 0; a < 3; a++) {
            float mn = Math.min(Math.min(c[a], c[3 + a]), Math.min(c[6 + a], c[9 + a]));
            float mx = Math.max(Math.max(c[a], c[3 + a]), Math.max(c[6 + a], c[9 + a]));
            float pad = 0.5f * maxWidth + 1e-5f * (Math.abs(mn) + Math.abs(mx) + (mx - mn) + maxWidth);
            lo[a] = mn - pad;
            hi[a] = mx + pad;
        }
        geo.curveBox.add(lo[0], lo[1], lo[2]);
        geo.curveBox.add(hi[0], hi[1], hi[2]);
    }

    private static void addNormal(GeometryBuilder geo, Transform inv, float[] n) {
        double[] w = new double[3];
        Transform.applyNormal(inv, n[0], n[1], n[2], w, 0);
        double l = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        geo.curveGeom.add((float) (w[0] / l), (float) (w[1] / l), (float) (w[2] / l));
    }

    private static float[] unit(float x, float y, float z) {
        float l = (float) Math.sqrt(x * x + y * y + z * z);
        return new float[] {x / l, y / l, z / l};
    }

    private static double determinant(Transform t) {
        return t.get(0, 0) * (t.get(1, 1) * t.get(2, 2) - t.get(1, 2) * t.get(2, 1))
                - t.get(0, 1) * (t.get(1, 0) * t.get(2, 2) - t.get(1, 2) * t.get(2, 0))
                + t.get(0, 2) * (t.get(1, 0) * t.get(2, 1) - t.get(1, 1) * t.get(2, 0));
    }

    /** pbrt's Lerp(t, a, b) in float. */
    static float lerp(float t, float a, float b) {
        return (1 - t) * a + t * b;
    }
}

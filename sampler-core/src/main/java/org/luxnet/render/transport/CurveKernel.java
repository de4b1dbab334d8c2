package org.luxnet.render.transport;

import org.luxnet.scene.compiled.CompiledScene;

/**
 * Layer between the sample numbers and the traversal: pbrt-v3's {@code curve} shape (shapes/curve.cpp),
 * its ray test and the geometry of its hits. The compiler splits each curve into the cubic Bezier
 * segments pbrt-v3's CreateCurveShape makes ("common" segments: control points, widths, ribbon normals),
 * each into the 2^splitdepth {@code Curve} shapes of CreateCurve, and each of those into the 2^D pieces
 * that bound it in the BVH ({@link CompiledScene#curveSeg}).
 *
 * <p>Why the BVH plus one leaf test per piece is pbrt's recursion: Curve::Intersect projects the
 * Curve's control points into the ray's LookAt frame, computes the refinement depth d from their second
 * differences there (L0) and from eps = max(width) / 20, and recursiveIntersect descends d levels,
 * skipping halves whose ray-space boxes (grown by half the larger end width) miss the ray, and runs the
 * leaf test on the depth-d pieces. Those boxes never reject a piece whose leaf test hits (the leaf's
 * point lies on the Bezier, inside the convex hull of every ancestor, within hitWidth / 2 of the ray,
 * and hitWidth is at most the larger end width of every interval holding u), so pbrt's answer is the
 * leaf test of every depth-d piece. d depends on the ray (the largest coordinate of a second difference
 * in the ray frame); the compiler takes D from their length, the largest that coordinate can be in any
 * frame, so d &lt;= D for every ray; a BVH piece then computes d for the ray, as pbrt does, and runs the
 * leaf test on its depth-d ancestor (blossomed from the Curve's ray-space control points; pbrt halves
 * them d times, the same points up to rounding). A ray that hits the ancestor's leaf at u also enters
 * the box of the piece holding u (grown by half its larger end width), so no hit is lost; several
 * pieces of one ancestor report the same hit, which is harmless. The piece ends are pbrt's: the leaf
 * test's two edge functions (the perpendiculars to the tangents at the ends) accept edge &gt;= 0, so a
 * ray exactly on the boundary between two pieces hits both, at the same point. One difference remains:
 * within one Curve pbrt keeps the last leaf in u that hits (recursiveIntersect does not lower tMax as it
 * goes), here the nearest wins, as across Curves in pbrt; they differ only where one Curve crosses the
 * same ray twice.
 *
 * <p>Ribbon normals: pbrt-v3 interpolates n0, n1 with sin((1 - u) a) / sin(a), sin(u a) / sin(a); for
 * parallel normals (a = 0) that is 0 * inf = NaN there, and here its limit, (1 - u, u).
 */
abstract class CurveKernel extends SampleKernel {
    /** Floats per common segment in {@link #curveGeom} ({@link CompiledScene#CURVE_STRIDE}). */
    static final int CG = CompiledScene.CURVE_STRIDE;
    static final int CURVE_FLAT = CompiledScene.CURVE_FLAT, CURVE_RIBBON = CompiledScene.CURVE_RIBBON;
    static final int CURVE_CYLINDER = CompiledScene.CURVE_CYLINDER;
    private static final float DEG = 3.14159265358979f / 180f;

    /** Per common segment: control points, widths, ribbon normals ({@link CompiledScene#curveGeom}). */
    float[] curveGeom = new float[1];
    /** Per common segment: type, flip, mirror, material ({@link CompiledScene#curveInfo}). */
    int[] curveInfo = new int[1];
    /** Per piece: its common segment and its place ({@link CompiledScene#curveSeg}). */
    int[] curveSeg = new int[1];
    /** The first curve piece's primitive number (triangles and spheres come first). */
    int curveBase = Integer.MAX_VALUE;

    /** Host side: binds the scene's curves. */
    void setupCurves(CompiledScene s) {
        curveGeom = KernelArrays.floats(s.curveGeom);
        curveInfo = KernelArrays.ints(s.curveInfo);
        curveSeg = KernelArrays.ints(s.curveSeg);
        curveBase = s.curveCount > 0 ? s.triangleCount + s.sphereCount : Integer.MAX_VALUE;
    }

    /** pbrt's Lerp(t, a, b). */
    float lerpC(float t, float a, float b) {
        return (1f - t) * a + t * b;
    }

    /** pbrt-v3 BlossomBezier of one coordinate. */
    float blossom(float c0, float c1, float c2, float c3, float u0, float u1, float u2) {
        float a0 = lerpC(u0, c0, c1), a1 = lerpC(u0, c1, c2), a2 = lerpC(u0, c2, c3);
        return lerpC(u2, lerpC(u1, a0, a1), lerpC(u1, a1, a2));
    }

    /** pbrt-v3 Curve::Intersect's Log2: floor(log2 v), rounded to nearest by the mantissa's top bit; 0 below 1. */
    int curveLog2(float v) {
        int e = 0;
        float m = v;
        if (!(v >= 1f)) {
            m = 1f;
        }
        while (m >= 2f && e < 64) {
            m = m * 0.5f;
            e++;
        }
        return m >= 1.5f ? e + 1 : e;
    }

    /** The common segment of curve piece {@code p}. */
    int curveCommon(int p) {
        return curveSeg[2 * (p - curveBase)];
    }

    /** Material of curve piece {@code p}. */
    int curveMaterial(int p) {
        return curveInfo[4 * curveCommon(p) + 3];
    }

    /**
     * pbrt-v3 Curve::Intersect for the ray o + t d against curve piece {@code p}: {@code what} 0 gives t
     * (-1 on a miss, or when beyond tMax), 1 the hit's u (along the common segment, [0, 1]), 2 its v
     * (across, [0, 1]; pbrt's object-space v, see {@link CompiledScene#curveInfo}'s mirror).
     */
    float curveLeaf(int p, float ox, float oy, float oz, float dx, float dy, float dz, float tMax, int what) {
        int q = 2 * (p - curveBase);
        int c = curveSeg[q], code = curveSeg[q + 1];
        int depthD = code & 31, sd = (code >> 5) & 31, s = code >> 10;
        int i = s >> depthD;
        int k = s - (i << depthD);
        float nSeg = (float) (1 << sd);
        float uMin = i / nSeg, uMax = (i + 1) / nSeg;
        int g = c * CG;
        // The Curve's control points (CreateCurve's uMin, uMax), then relative to the ray origin.
        float p0x = blossom(curveGeom[g], curveGeom[g + 3], curveGeom[g + 6], curveGeom[g + 9], uMin, uMin, uMin) - ox;
        float p0y = blossom(curveGeom[g + 1], curveGeom[g + 4], curveGeom[g + 7], curveGeom[g + 10], uMin, uMin, uMin) - oy;
        float p0z = blossom(curveGeom[g + 2], curveGeom[g + 5], curveGeom[g + 8], curveGeom[g + 11], uMin, uMin, uMin) - oz;
        float p1x = blossom(curveGeom[g], curveGeom[g + 3], curveGeom[g + 6], curveGeom[g + 9], uMin, uMin, uMax) - ox;
        float p1y = blossom(curveGeom[g + 1], curveGeom[g + 4], curveGeom[g + 7], curveGeom[g + 10], uMin, uMin, uMax) - oy;
        float p1z = blossom(curveGeom[g + 2], curveGeom[g + 5], curveGeom[g + 8], curveGeom[g + 11], uMin, uMin, uMax) - oz;
        float p2x = blossom(curveGeom[g], curveGeom[g + 3], curveGeom[g + 6], curveGeom[g + 9], uMin, uMax, uMax) - ox;
        float p2y = blossom(curveGeom[g + 1], curveGeom[g + 4], curveGeom[g + 7], curveGeom[g + 10], uMin, uMax, uMax) - oy;
        float p2z = blossom(curveGeom[g + 2], curveGeom[g + 5], curveGeom[g + 8], curveGeom[g + 11], uMin, uMax, uMax) - oz;
        float p3x = blossom(curveGeom[g], curveGeom[g + 3], curveGeom[g + 6], curveGeom[g + 9], uMax, uMax, uMax) - ox;
        float p3y = blossom(curveGeom[g + 1], curveGeom[g + 4], curveGeom[g + 7], curveGeom[g + 10], uMax, uMax, uMax) - oy;
        float p3z = blossom(curveGeom[g + 2], curveGeom[g + 5], curveGeom[g + 8], curveGeom[g + 11], uMax, uMax, uMax) - oz;
        // LookAt(o, o + d, up = d x (cp3 - cp0)), or CoordinateSystem(d) where that is zero.
        float rayLength = sqrt(dx * dx + dy * dy + dz * dz);
        float ex = p3x - p0x, ey = p3y - p0y, ez = p3z - p0z;
        float ux = dy * ez - dz * ey, uy = dz * ex - dx * ez, uz = dx * ey - dy * ex;
        if (ux * ux + uy * uy + uz * uz == 0f) {
            if (abs(dx) > abs(dy)) {
                float l = 1f / sqrt(dx * dx + dz * dz);
                ux = -dz * l;
                uy = 0f;
                uz = dx * l;
            } else {
                float l = 1f / sqrt(dy * dy + dz * dz);
                ux = 0f;
                uy = dz * l;
                uz = -dy * l;
            }
        }
        float ul = 1f / sqrt(ux * ux + uy * uy + uz * uz);
        ux *= ul;
        uy *= ul;
        uz *= ul;
        float zx = dx / rayLength, zy = dy / rayLength, zz = dz / rayLength;
        float xx = uy * zz - uz * zy, xy = uz * zx - ux * zz, xz = ux * zy - uy * zx;
        float xl = 1f / sqrt(xx * xx + xy * xy + xz * xz);
        xx *= xl;
        xy *= xl;
        xz *= xl;
        float yx = zy * xz - zz * xy, yy = zz * xx - zx * xz, yz = zx * xy - zy * xx;
        // The Curve's control points in the ray frame.
        float c0x = xx * p0x + xy * p0y + xz * p0z, c0y = yx * p0x + yy * p0y + yz * p0z, c0z = zx * p0x + zy * p0y + zz * p0z;
        float c1x = xx * p1x + xy * p1y + xz * p1z, c1y = yx * p1x + yy * p1y + yz * p1z, c1z = zx * p1x + zy * p1y + zz * p1z;
        float c2x = xx * p2x + xy * p2y + xz * p2z, c2y = yx * p2x + yy * p2y + yz * p2z, c2z = zx * p2x + zy * p2y + zz * p2z;
        float c3x = xx * p3x + xy * p3y + xz * p3z, c3y = yx * p3x + yy * p3y + yz * p3z, c3z = zx * p3x + zy * p3y + zz * p3z;
        // Refinement depth (maxDepth) from the second differences and eps = max(width) / 20.
        float l0 = max(max(max(abs(c0x - 2f * c1x + c2x), abs(c0y - 2f * c1y + c2y)), abs(c0z - 2f * c1z + c2z)),
                max(max(abs(c1x - 2f * c2x + c3x), abs(c1y - 2f * c2y + c3y)), abs(c1z - 2f * c2z + c3z)));
        float w0 = curveGeom[g + 12], w1 = curveGeom[g + 13];
        float eps = max(w0, w1) * 0.05f;
        int depth = min(max(curveLog2(1.41421356237f * 6f * l0 / (8f * eps)) / 2, 0), min(10, depthD));
        // The depth-d piece holding this BVH piece: its (u0, u1) on the common segment, its control points.
        int j = k >> (depthD - depth);
        float scale = 1f / (float) (1 << depth);
        float a = j * scale, b = (j + 1) * scale;
        float u0 = uMin + (uMax - uMin) * a, u1 = uMin + (uMax - uMin) * b;
        float q0x = blossom(c0x, c1x, c2x, c3x, a, a, a), q0y = blossom(c0y, c1y, c2y, c3y, a, a, a);
        float q1x = blossom(c0x, c1x, c2x, c3x, a, a, b), q1y = blossom(c0y, c1y, c2y, c3y, a, a, b);
        float q2x = blossom(c0x, c1x, c2x, c3x, a, b, b), q2y = blossom(c0y, c1y, c2y, c3y, a, b, b);
        float q3x = blossom(c0x, c1x, c2x, c3x, b, b, b), q3y = blossom(c0y, c1y, c2y, c3y, b, b, b);
        float q0z = blossom(c0z, c1z, c2z, c3z, a, a, a), q1z = blossom(c0z, c1z, c2z, c3z, a, a, b);
        float q2z = blossom(c0z, c1z, c2z, c3z, a, b, b), q3z = blossom(c0z, c1z, c2z, c3z, b, b, b);
        return curveLeafTest(g, c, q0x, q0y, q0z, q1x, q1y, q1z, q2x, q2y, q2z, q3x, q3y, q3z, u0, u1, dx, dy, dz,
                rayLength, tMax, what);
    }

    /** recursiveIntersect's leaf test on ray-frame control points q0..q3 spanning (u0, u1); see {@link #curveLeaf}. */
    float curveLeafTest(int g, int c, float q0x, float q0y, float q0z, float q1x, float q1y, float q1z, float q2x,
                        float q2y, float q2z, float q3x, float q3y, float q3z, float u0, float u1, float dx, float dy,
                        float dz, float rayLength, float tMax, int what) {
        float result = -1f;
        // The two ends: perpendiculars to the tangents at the piece's start and end.
        float edge0 = (q1y - q0y) * -q0y + q0x * (q0x - q1x);
        float edge1 = (q2y - q3y) * -q3y + q3x * (q3x - q2x);
        float sx = q3x - q0x, sy = q3y - q0y;
        float denom = sx * sx + sy * sy;
        if (edge0 >= 0f && edge1 >= 0f && denom != 0f) {
            float w = (-q0x * sx - q0y * sy) / denom;
            float u = min(max(lerpC(w, u0, u1), u0), u1);
            float hitWidth = lerpC(u, curveGeom[g + 12], curveGeom[g + 13]);
            if (curveInfo[4 * c] == CURVE_RIBBON) {
                hitWidth *= abs(ribbonNormal(g, u, 0) * dx + ribbonNormal(g, u, 1) * dy + ribbonNormal(g, u, 2) * dz)
                        / rayLength;
            }
            // EvalBezier at clamp(w, 0, 1), with its derivative.
            float wc = min(max(w, 0f), 1f);
            float ax = lerpC(wc, q0x, q1x), ay = lerpC(wc, q0y, q1y), az = lerpC(wc, q0z, q1z);
            float bx = lerpC(wc, q1x, q2x), by = lerpC(wc, q1y, q2y), bz = lerpC(wc, q1z, q2z);
            float ccx = lerpC(wc, q2x, q3x), ccy = lerpC(wc, q2y, q3y), ccz = lerpC(wc, q2z, q3z);
            float e0x = lerpC(wc, ax, bx), e0y = lerpC(wc, ay, by), e0z = lerpC(wc, az, bz);
            float e1x = lerpC(wc, bx, ccx), e1y = lerpC(wc, by, ccy), e1z = lerpC(wc, bz, ccz);
            float ddx = 3f * (e1x - e0x), ddy = 3f * (e1y - e0y);
            float dd = (e1x - e0x) * (e1x - e0x) + (e1y - e0y) * (e1y - e0y) + (e1z - e0z) * (e1z - e0z);
            if (!(dd > 0f)) {
                ddx = q3x - q0x;
                ddy = q3y - q0y;
            }
            float pcx = lerpC(wc, e0x, e1x), pcy = lerpC(wc, e0y, e1y), pcz = lerpC(wc, e0z, e1z);
            float dist2 = pcx * pcx + pcy * pcy;
            float zMax = rayLength * tMax;
            if (!(dist2 > hitWidth * hitWidth * 0.25f) && !(pcz < 0f || pcz > zMax)) {
                float dist = sqrt(dist2);
                float edgeFunc = ddx * -pcy + pcx * ddy;
                float v = edgeFunc > 0f ? 0.5f + dist / hitWidth : 0.5f - dist / hitWidth;
                if (curveInfo[4 * c + 2] != 0) {
                    v = 1f - v;
                }
                result = pcz / rayLength;
                if (what == 1) {
                    result = u;
                } else if (what == 2) {
                    result = v;
                }
            }
        }
        return result;
    }

    /**
     * Component {@code axis} of a ribbon's normal at u (common segment g): pbrt-v3's
     * sin((1 - u) a) / sin(a) n0 + sin(u a) / sin(a) n1, with its limit (1 - u, u) for a = 0.
     */
    float ribbonNormal(int g, float u, int axis) {
        float angle = curveGeom[g + 20];
        float s0 = 1f - u, s1 = u;
        if (angle > 0f) {
            s0 = sin((1f - u) * angle) * curveGeom[g + 21];
            s1 = sin(u * angle) * curveGeom[g + 21];
        }
        return s0 * curveGeom[g + 14 + axis] + s1 * curveGeom[g + 17 + axis];
    }

    /** Component {@code axis} of pbrt-v3's dpdu at u of common segment g: EvalBezier's derivative. */
    float curveDpdu(int g, float u, int axis) {
        float c0 = curveGeom[g + axis], c1 = curveGeom[g + 3 + axis], c2 = curveGeom[g + 6 + axis];
        float c3 = curveGeom[g + 9 + axis];
        float len = 0f;
        for (int a = 0; a < 3; a++) {
            float b0 = lerpC(u, lerpC(u, curveGeom[g + a], curveGeom[g + 3 + a]),
                    lerpC(u, curveGeom[g + 3 + a], curveGeom[g + 6 + a]));
            float b1 = lerpC(u, lerpC(u, curveGeom[g + 3 + a], curveGeom[g + 6 + a]),
                    lerpC(u, curveGeom[g + 6 + a], curveGeom[g + 9 + a]));
            len += (b1 - b0) * (b1 - b0);
        }
        float d = c3 - c0;
        if (len > 0f) {
            d = 3f * (lerpC(u, lerpC(u, c1, c2), lerpC(u, c2, c3)) - lerpC(u, lerpC(u, c0, c1), lerpC(u, c1, c2)));
        }
        return d;
    }

    /** The world-space dpdu of curve piece p at u (axis 0..2). */
    float curveTangent(int p, float u, int axis) {
        return curveDpdu(curveCommon(p) * CG, u, axis);
    }

    /**
     * Component {@code axis} (0..2) of the unit geometric normal of a hit on curve piece p at (u, v) seen
     * along d, as pbrt-v3's Curve::Intersect makes it: n = Normalize(Cross(dpdu, dpdv)), with dpdv the
     * interpolated normal crossed with dpdu (ribbon), else the ray-facing direction perpendicular to dpdu
     * (flat), turned about dpdu by -lerp(v, -90, 90) degrees (cylinder); flipped for ReverseOrientation
     * (SurfaceInteraction). {@code axis} 3 gives the ray offset pbrt derives from its error bound
     * pError = 2 hitWidth: Dot(Abs(n), pError).
     */
    float curveNormal(int p, float u, float v, float dx, float dy, float dz, int axis) {
        int c = curveCommon(p);
        int g = c * CG;
        int type = curveInfo[4 * c];
        float rayLength = sqrt(dx * dx + dy * dy + dz * dz);
        float tx = curveDpdu(g, u, 0), ty = curveDpdu(g, u, 1), tz = curveDpdu(g, u, 2);
        float hitWidth = lerpC(u, curveGeom[g + 12], curveGeom[g + 13]);
        float vx = 0f, vy = 0f, vz = 0f;
        if (type == CURVE_RIBBON) {
            float nx = ribbonNormal(g, u, 0), ny = ribbonNormal(g, u, 1), nz = ribbonNormal(g, u, 2);
            hitWidth *= abs(nx * dx + ny * dy + nz * dz) / rayLength;
            vx = ny * tz - nz * ty;
            vy = nz * tx - nx * tz;
            vz = nx * ty - ny * tx;
        } else {
            // (-dpdu.y, dpdu.x, 0) in the ray frame: the ray direction crossed with dpdu.
            vx = (dy * tz - dz * ty) / rayLength;
            vy = (dz * tx - dx * tz) / rayLength;
            vz = (dx * ty - dy * tx) / rayLength;
        }
        float vl = hitWidth / sqrt(vx * vx + vy * vy + vz * vz);
        vx *= vl;
        vy *= vl;
        vz *= vl;
        if (type == CURVE_CYLINDER) {
            // Rotate(-theta, dpdu), theta = Lerp(v, -90, 90), v as found in the ray frame (before any mirror).
            float vr = v;
            if (curveInfo[4 * c + 2] != 0) {
                vr = 1f - v;
            }
            float phi = -lerpC(vr, -90f, 90f) * DEG;
            float cs = cos(phi), sn = sin(phi);
            float al = 1f / sqrt(tx * tx + ty * ty + tz * tz);
            float ax = tx * al, ay = ty * al, az = tz * al;
            float ad = (ax * vx + ay * vy + az * vz) * (1f - cs);
            float rx = vx * cs + (ay * vz - az * vy) * sn + ax * ad;
            float ry = vy * cs + (az * vx - ax * vz) * sn + ay * ad;
            float rz = vz * cs + (ax * vy - ay * vx) * sn + az * ad;
            vx = rx;
            vy = ry;
            vz = rz;
        }
        float nx = ty * vz - tz * vy, ny = tz * vx - tx * vz, nz = tx * vy - ty * vx;
        float nl = 1f / sqrt(nx * nx + ny * ny + nz * nz);
        if (curveInfo[4 * c + 1] != 0) {
            nl = -nl;
        }
        nx *= nl;
        ny *= nl;
        nz *= nl;
        float out = 2f * hitWidth * (abs(nx) + abs(ny) + abs(nz));
        if (axis == 0) {
            out = nx;
        } else if (axis == 1) {
            out = ny;
        } else if (axis == 2) {
            out = nz;
        }
        return out;
    }
}

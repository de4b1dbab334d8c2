package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * pbrt-v3's cylinder, cone, paraboloid and hyperboloid (src/shapes/cylinder.cpp, cone.cpp,
 * paraboloid.cpp, hyperboloid.cpp) as object-space vertex grids for the triangle kernel. Each shape is
 * pbrt's parametric surface p(u, v) with phi = u phiMax: vertex (i, j) lies exactly on it at u = i / nu and
 * the shape's own v_j, carries pbrt's (u, v) as its uv and the unit normal of cross(dp/du, dp/dv) there,
 * which is the normal pbrt's SurfaceInteraction starts from (before ReverseOrientation and a mirroring
 * transform flip it; the caller does that).
 *
 * <p>Segment counts (documented tolerance): the triangles may stray from the surface by at most
 * {@link #TOLERANCE} times the shape's largest radius. Around the axis, a chord of angle d leaves the
 * circle of radius rho by rho (1 - cos(d / 2)), so nu = ceil(phiMax / d) with 1 - cos(d / 2) =
 * TOLERANCE: 100 segments for a full turn, 25 for 90 degrees. Along v, intervals are halved until the
 * surface point at each interval's middle lies within TOLERANCE of the chord (the cylinder's and the
 * cone's straight lines need one interval, the paraboloid's parabola more near its tip). The
 * hyperboloid's lines of constant u are straight but twisted against their neighbours: a grid cell's
 * two triangles leave the surface by about |(p2 - p1)_xy| 2 sin(d / 2) / (4 nv), which sets its
 * least nv. The area of the tessellation is then within about 0.02% of the surface's.
 */
final class Quadrics {
    /** Largest distance of a triangle from the surface, as a fraction of the shape's largest radius. */
    static final double TOLERANCE = 5e-4;

    /** A (nu+1) x (nv+1) vertex grid, row j at v = v(j), column i at u = i / nu; 3 floats per p and n, 2 per uv. */
    record Grid(float[] p, float[] n, float[] uv, int nu, int nv) {
    }

    /** p(u, v) and dp/du x dp/dv (unnormalised) of a pbrt quadric. */
    private interface Surface {
        void eval(double u, double v, double[] p, double[] n);
    }

    private Quadrics() {
    }

    /** Segments around the axis for phiMax (radians), from the chord error bound above. */
    static int segmentsPhi(double phiMax) {
        double d = 2 * Math.acos(1 - TOLERANCE);
        return Math.max(1, (int) Math.ceil(phiMax / d - 1e-9));
    }

    /**
     * pbrt-v3 Cylinder: p = (r cos phi, r sin phi, zMin + v (zMax - zMin)); zmin and zmax already ordered
     * as pbrt's constructor does (min, max), phiMax in radians clamped to [0, 2 pi].
     */
    static Grid cylinder(double r, double zMin, double zMax, double phiMax) {
        return grid((u, v, p, n) -> {
            double phi = u * phiMax, c = Math.cos(phi), s = Math.sin(phi);
            p[0] = r * c;
            p[1] = r * s;
            p[2] = zMin + v * (zMax - zMin);
            // dp/du = phiMax (-y, x, 0), dp/dv = (0, 0, zMax - zMin).
            n[0] = phiMax * (zMax - zMin) * r * c;
            n[1] = phiMax * (zMax - zMin) * r * s;
            n[2] = 0;
        }, 0, 1, phiMax, Math.abs(r), 1);
    }

    /**
     * pbrt-v3 Cone: apex at (0, 0, height), base circle of radius r at z = 0; p = (r (1 - v) cos phi,
     * r (1 - v) sin phi, v height). dp/dv = (-r cos phi, -r sin phi, height) (pbrt's -x / (1 - v) ...),
     * so the normal at the apex is the limit along its line, as for every other vertex of the column.
     */
    static Grid cone(double height, double r, double phiMax) {
        return grid((u, v, p, n) -> {
            double phi = u * phiMax, c = Math.cos(phi), s = Math.sin(phi);
            double rho = r * (1 - v);
            p[0] = rho * c;
            p[1] = rho * s;
            p[2] = v * height;
            // cross(phiMax rho (-s, c, 0), (-r c, -r s, h)) = phiMax rho (h c, h s, r): divided by rho >= 0.
            n[0] = phiMax * height * c;
            n[1] = phiMax * height * s;
            n[2] = phiMax * r;
        }, 0, 1, phiMax, Math.abs(r), 1);
    }

    /**
     * pbrt-v3 Paraboloid: z = k (x^2 + y^2) with k = zMax / r^2, v = (z - zMin) / (zMax - zMin). Where
     * zmin and zmax straddle 0 only the side with z / k >= 0 exists (pbrt's intersection finds nothing
     * else): the grid starts at the v of z = 0 then, keeping pbrt's v.
     */
    static Grid paraboloid(double r, double zMin, double zMax, double phiMax) {
        double dz = zMax - zMin;
        double k = zMax / (r * r);
        double v0 = zMin * zMax < 0 ? -zMin / dz : 0;
        return grid((u, v, p, n) -> {
            double phi = u * phiMax, c = Math.cos(phi), s = Math.sin(phi);
            double z = zMin + v * dz;
            double rho = Math.sqrt(Math.max(0, z / k));
            p[0] = rho * c;
            p[1] = rho * s;
            p[2] = z;
            // cross(phiMax (-y, x, 0), dz (x, y, 2z) / (2z)) = phiMax dz (x, y, -rho^2 / (2z)), rho^2 / z = 1 / k.
            n[0] = phiMax * dz * p[0];
            n[1] = phiMax * dz * p[1];
            n[2] = -phiMax * dz / (2 * k);
        }, v0, 1, phiMax, Math.abs(r), 1);
    }

    /**
     * pbrt-v3 Hyperboloid: the segment p1 -> p2 swept around z; pr = (1 - v) p1 + v p2 rotated by phi. As
     * pbrt's constructor does, p1 and p2 are swapped when p2.z == 0 (which reverses v and the normal).
     */
    static Grid hyperboloid(double[] p1In, double[] p2In, double phiMax) {
        double[] p1 = p2In[2] == 0 ? p2In : p1In, p2 = p2In[2] == 0 ? p1In : p2In;
        double dx = p2[0] - p1[0], dy = p2[1] - p1[1], dz = p2[2] - p1[2];
        double rMax = Math.max(Math.hypot(p1[0], p1[1]), Math.hypot(p2[0], p2[1]));
        double d = 2 * Math.acos(1 - TOLERANCE);
        int twist = (int) Math.ceil(Math.hypot(dx, dy) * 2 * Math.sin(d / 2) / (4 * TOLERANCE * rMax) - 1e-9);
        return grid((u, v, p, n) -> {
            double phi = u * phiMax, c = Math.cos(phi), s = Math.sin(phi);
            double x = (1 - v) * p1[0] + v * p2[0], y = (1 - v) * p1[1] + v * p2[1];
            p[0] = x * c - y * s;
            p[1] = x * s + y * c;
            p[2] = (1 - v) * p1[2] + v * p2[2];
            // dp/du = phiMax (-py, px, 0); dp/dv = (p2 - p1) rotated by phi (pbrt's dpdv).
            double ax = -phiMax * p[1], ay = phiMax * p[0];
            double bx = dx * c - dy * s, by = dx * s + dy * c, bz = dz;
            n[0] = ay * bz;
            n[1] = -ax * bz;
            n[2] = ax * by - ay * bx;
        }, 0, 1, phiMax, rMax, Math.max(1, twist));
    }

    /** Samples a surface on nu x (adaptive nv) vertices; see the class comment for the counts. */
    private static Grid grid(Surface s, double vStart, double vEnd, double phiMax, double rMax, int minV) {
        int nu = segmentsPhi(phiMax);
        double tol = TOLERANCE * rMax;
        List<Double> vs = new ArrayList<>();
        double[] a = new double[3], b = new double[3], m = new double[3], tmp = new double[3];
        for (int k = 0; k < minV; k++) {
            double v0 = vStart + (vEnd - vStart) * k / minV, v1 = vStart + (vEnd - vStart) * (k + 1) / minV;
            vs.add(v0);
            refine(s, v0, v1, tol, vs, a, b, m, tmp, 0);
        }
        vs.add(vEnd);
        int nv = vs.size() - 1;
        float[] p = new float[3 * (nu + 1) * (nv + 1)];
        float[] n = new float[p.length];
        float[] uv = new float[2 * (nu + 1) * (nv + 1)];
        double[] pp = new double[3], nn = new double[3];
        for (int j = 0; j <= nv; j++) {
            double v = vs.get(j);
            for (int i = 0; i <= nu; i++) {
                double u = (double) i / nu;
                normalAt(s, u, v, vStart, vEnd, pp, nn);
                int o = j * (nu + 1) + i;
                for (int c = 0; c < 3; c++) {
                    p[3 * o + c] = (float) pp[c];
                    n[3 * o + c] = (float) nn[c];
                }
                uv[2 * o] = (float) u;
                uv[2 * o + 1] = (float) v;
            }
        }
        return new Grid(p, n, uv, nu, nv);
    }

    /**
     * The point and unit normal at (u, v). Where dp/du x dp/dv vanishes (a point on the axis: the
     * hyperboloid's apex), the normal is its limit from inside the v range.
     */
    private static void normalAt(Surface s, double u, double v, double vStart, double vEnd, double[] p, double[] n) {
        s.eval(u, v, p, n);
        double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        if (!(len > 1e-12)) {
            double[] q = new double[3];
            double step = 1e-6 * (vEnd - vStart);
            s.eval(u, v + (v - vStart < vEnd - v ? step : -step), q, n);
            len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        }
        double k = len > 0 ? 1 / len : 0;
        n[0] *= k;
        n[1] *= k;
        n[2] *= k;
    }

    /** Appends the interior v samples of (v0, v1) (not v0 itself, already added) by halving. */
    private static void refine(Surface s, double v0, double v1, double tol, List<Double> out, double[] a, double[] b,
                               double[] m, double[] tmp, int depth) {
        double vm = 0.5 * (v0 + v1);
        s.eval(0, v0, a, tmp);
        s.eval(0, v1, b, tmp);
        s.eval(0, vm, m, tmp);
        // Distance of the middle point from the chord a-b.
        double ex = b[0] - a[0], ey = b[1] - a[1], ez = b[2] - a[2];
        double mx = m[0] - a[0], my = m[1] - a[1], mz = m[2] - a[2];
        double el2 = ex * ex + ey * ey + ez * ez;
        double t = el2 > 0 ? (mx * ex + my * ey + mz * ez) / el2 : 0;
        double qx = mx - t * ex, qy = my - t * ey, qz = mz - t * ez;
        if (depth < 20 && Math.sqrt(qx * qx + qy * qy + qz * qz) > 0.5 * tol) {
            refine(s, v0, vm, tol, out, a, b, m, tmp, depth + 1);
            out.add(vm);
            refine(s, vm, v1, tol, out, a, b, m, tmp, depth + 1);
        }
    }
}

package org.luxnet.scene.desc;

/**
 * A transform that moves during the shutter: a start transform at {@code startTime} and an end
 * transform at {@code endTime}, interpolated in between by decomposing each into a translation T, a
 * rotation R (a unit quaternion, interpolated by slerp) and a scale, as each renderer does.
 *
 * <ul>
 *   <li>{@link Style#PBRT}: pbrt-v3 core/transform.cpp AnimatedTransform. {@code Decompose} takes T
 *       from the last column and splits the rest by polar decomposition M = R S (R by the averaging
 *       iteration R' = (R + R^-T) / 2, S = R^-1 M a full 3x3 matrix, linearly interpolated);
 *       {@code Interpolate} gives T(t) R(t) S(t), and the start (end) transform itself at or before
 *       (after) the start (end) time. The end quaternion is negated when that is the shorter arc.
 *       Here the iteration runs to convergence in double precision (pbrt stops at 1e-4, which only
 *       changes how R and S share the matrix, never R S = M), and a mirroring matrix, whose polar
 *       factor has determinant -1 and no quaternion (a case pbrt-v3 leaves unhandled), is
 *       split as (-R)(-S).</li>
 *   <li>{@link Style#LUXRENDER}: LuxRender core/motionsystem.cpp InterpolatedTransform. {@code
 *       DecomposedTransform} takes T, then row scales and shears by Gram-Schmidt on the rows (shears
 *       are dropped), a negative determinant negating the scales; {@code Sample} gives T(t) diag(S(t))
 *       R(t).</li>
 * </ul>
 *
 * <p>LuxRender's motion blocks may have more than two knots (MotionSystem): {@link #ofKnots} chains
 * one segment per pair of consecutive knots, each interpolated as above; before the first knot the
 * first transform holds, after the last the last.
 *
 * <p>The kernel records ({@link #record}, one per segment) hold the decomposition; the kernel
 * repeats the interpolation in float precision.
 */
public final class AnimatedTransform {
    /** Whose decomposition and interpolation. */
    public enum Style { PBRT, LUXRENDER }

    /**
     * Floats per kernel record: t0, t1, order, invert, then T (3), q (4: x y z w), S (9) at start and at
     * end, then 1 when the next record continues this motion (a later segment of LuxRender knots).
     */
    public static final int RECORD = 37;
    /** Offsets in a record. */
    public static final int REC_T0 = 0, REC_T1 = 1, REC_ORDER = 2, REC_INVERT = 3, REC_START = 4, REC_END = 20,
            REC_NEXT = 36;

    private final Transform start, end;
    private final double startTime, endTime;
    private final Style style;
    /** Whether this segment moves (see {@link #isAnimated} for the whole chain). */
    private final boolean animated;
    /** The next segment of a motion through more than two knots, or null. */
    private final AnimatedTransform next;
    private final double[][] t = new double[2][3], q = new double[2][4], s = new double[2][9];
    private final boolean hasRotation;

    public AnimatedTransform(Transform start, double startTime, Transform end, double endTime, Style style) {
        this(start, startTime, end, endTime, style, null);
    }

    /**
     * LuxRender's motion through {@code knots} at strictly increasing {@code times} (at least two): a
     * chain of segments between consecutive knots.
     */
    public static AnimatedTransform ofKnots(double[] times, Transform[] knots, Style style) {
        if (times.length < 2 || times.length != knots.length) {
            throw new IllegalArgumentException("a motion needs two or more knots, one time each");
        }
        AnimatedTransform chain = null;
        for (int i = times.length - 2; i >= 0; i--) {
            chain = new AnimatedTransform(knots[i], times[i], knots[i + 1], times[i + 1], style, chain);
        }
        return chain;
    }

    private AnimatedTransform(Transform start, double startTime, Transform end, double endTime, Style style,
                              AnimatedTransform next) {
        this.next = next;
        this.start = start;
        this.end = end;
        this.startTime = startTime;
        this.endTime = endTime;
        this.style = style;
        boolean moves = !start.equals(end) && !(style == Style.LUXRENDER && startTime == endTime);
        for (int k = 0; k < 2; k++) {
            Transform m = k == 0 ? start : end;
            if (style == Style.PBRT) {
                decomposePbrt(m, t[k], q[k], s[k]);
            } else {
                decomposeLuxRender(m, t[k], q[k], s[k]);
            }
        }
        if (dot(q[0], q[1]) < 0) {
            for (int i = 0; i < 4; i++) {
                q[1][i] = -q[1][i];
            }
        }
        hasRotation = q[0][0] != q[1][0] || q[0][1] != q[1][1] || q[0][2] != q[1][2] || q[0][3] != q[1][3];
        animated = moves;
    }

    public Transform start() {
        return start;
    }

    /** The transform at the end of the motion (the last knot). */
    public Transform end() {
        return next != null ? next.end() : end;
    }

    public double startTime() {
        return startTime;
    }

    /** The time of the last knot. */
    public double endTime() {
        return next != null ? next.endTime() : endTime;
    }

    /** Kernel records this motion takes: one per segment. */
    public int recordCount() {
        return 1 + (next != null ? next.recordCount() : 0);
    }

    public Style style() {
        return style;
    }

    /** False when start and end are the same transform: the object does not move. */
    public boolean isAnimated() {
        return animated || (next != null && next.isAnimated());
    }

    /** The transform at {@code time}: the start (end) transform at or before (after) the start (end) time. */
    public Transform interpolate(double time) {
        if (next != null && time > endTime) {
            return next.interpolate(time);
        }
        if (!animated || time <= startTime) {
            return start;
        }
        if (time >= endTime) {
            return end;
        }
        double dt = (time - startTime) / (endTime - startTime);
        double[] tr = new double[3], rq = slerp(dt, q[0], q[1]), sc = new double[9];
        for (int i = 0; i < 3; i++) {
            tr[i] = (1 - dt) * t[0][i] + dt * t[1][i];
        }
        for (int i = 0; i < 9; i++) {
            sc[i] = (1 - dt) * s[0][i] + dt * s[1][i];
        }
        return compose(tr, rq, sc, style);
    }

    /** T R S (pbrt) or T S R (LuxRender) as a transform. */
    static Transform compose(double[] tr, double[] rq, double[] sc, Style style) {
        double[] r = rotation(rq);
        double[] a = style == Style.PBRT ? mul3(r, sc) : mul3(sc, r);
        return Transform.ofRowMajor(a[0], a[1], a[2], tr[0], a[3], a[4], a[5], tr[1], a[6], a[7], a[8], tr[2], 0, 0, 0, 1);
    }

    /**
     * A box {@code lo, hi} (x y z each) that holds {@code box} (object space, 6 numbers) moved by this
     * transform at every time of the shutter. Without rotation the interpolated matrix is affine in
     * dt (T and S are lerped, R fixed), so every point moves on a segment and the union of the boxes
     * at both ends holds it (pbrt's MotionBounds without rotation). With rotation, every point p lies
     * within distance rho of T(t), where rho bounds |R(t) S(t) p| = |S(t) p| (pbrt; S(t) p is a
     * convex combination of S0 p and S1 p, and a norm is convex, so its maximum over the box is at a
     * corner at an end) or |diag(S(t)) R(t) p| <= max |S| |p| (LuxRender); T(t) moves on a segment.
     * That is a conservative bound, looser than pbrt's derivative zeros (BoundPointMotion).
     */
    public double[] motionBounds(double[] box) {
        double[] out = segmentBounds(box);
        if (next != null) {
            double[] more = next.motionBounds(box);
            for (int a = 0; a < 3; a++) {
                out[a] = Math.min(out[a], more[a]);
                out[3 + a] = Math.max(out[3 + a], more[3 + a]);
            }
        }
        return out;
    }

    private double[] segmentBounds(double[] box) {
        double[] out = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
                -Double.MAX_VALUE};
        double[] p = new double[3];
        if (!animated || !hasRotation) {
            for (int k = 0; k < (animated ? 2 : 1); k++) {
                Transform m = k == 0 ? start : end;
                for (int c = 0; c < 8; c++) {
                    m.applyPoint(box[(c & 1) == 0 ? 0 : 3], box[(c & 2) == 0 ? 1 : 4], box[(c & 4) == 0 ? 2 : 5], p, 0);
                    grow(out, p);
                }
            }
            if (animated && style == Style.LUXRENDER) {
                // LuxRender drops shears: the boxes of the recomposed ends.
                for (int k = 0; k < 2; k++) {
                    Transform m = compose(t[k], q[k], s[k], style);
                    for (int c = 0; c < 8; c++) {
                        m.applyPoint(box[(c & 1) == 0 ? 0 : 3], box[(c & 2) == 0 ? 1 : 4], box[(c & 4) == 0 ? 2 : 5], p, 0);
                        grow(out, p);
                    }
                }
            }
            return out;
        }
        double rho = 0;
        for (int k = 0; k < 2; k++) {
            double smax = Math.max(Math.abs(s[k][0]), Math.max(Math.abs(s[k][4]), Math.abs(s[k][8])));
            for (int c = 0; c < 8; c++) {
                double x = box[(c & 1) == 0 ? 0 : 3], y = box[(c & 2) == 0 ? 1 : 4], z = box[(c & 4) == 0 ? 2 : 5];
                double len;
                if (style == Style.PBRT) {
                    double[] v = s[k];
                    double a = v[0] * x + v[1] * y + v[2] * z, b = v[3] * x + v[4] * y + v[5] * z;
                    double d = v[6] * x + v[7] * y + v[8] * z;
                    len = Math.sqrt(a * a + b * b + d * d);
                } else {
                    len = smax * Math.sqrt(x * x + y * y + z * z);
                }
                rho = Math.max(rho, len);
            }
        }
        for (int k = 0; k < 2; k++) {
            for (int a = 0; a < 3; a++) {
                out[a] = Math.min(out[a], t[k][a] - rho);
                out[3 + a] = Math.max(out[3 + a], t[k][a] + rho);
            }
            // The ends themselves (LuxRender's decomposition drops shears that the end matrices keep).
            Transform m = k == 0 ? start : end;
            for (int c = 0; c < 8; c++) {
                m.applyPoint(box[(c & 1) == 0 ? 0 : 3], box[(c & 2) == 0 ? 1 : 4], box[(c & 4) == 0 ? 2 : 5], p, 0);
                grow(out, p);
            }
        }
        return out;
    }

    private static void grow(double[] b, double[] p) {
        for (int a = 0; a < 3; a++) {
            b[a] = Math.min(b[a], p[a]);
            b[3 + a] = Math.max(b[3 + a], p[a]);
        }
    }

    /**
     * The kernel records ({@link #recordCount} of {@link #RECORD} floats at {@code o}): times, order (0: T R S, 1: T S R),
     * {@code invert} (1: the kernel's row gets this transform's inverse as its object-to-world), then
     * each end's T, q and S.
     */
    public void record(float[] out, int o, boolean invert) {
        out[o + REC_NEXT] = next != null ? 1 : 0;
        if (next != null) {
            next.record(out, o + RECORD, invert);
        }
        out[o + REC_T0] = (float) startTime;
        out[o + REC_T1] = (float) endTime;
        out[o + REC_ORDER] = style == Style.PBRT ? 0 : 1;
        out[o + REC_INVERT] = invert ? 1 : 0;
        for (int k = 0; k < 2; k++) {
            int b = o + (k == 0 ? REC_START : REC_END);
            for (int i = 0; i < 3; i++) {
                out[b + i] = (float) t[k][i];
            }
            for (int i = 0; i < 4; i++) {
                out[b + 3 + i] = (float) q[k][i];
            }
            for (int i = 0; i < 9; i++) {
                out[b + 7 + i] = (float) s[k][i];
            }
        }
    }

    /** pbrt-v3's Decompose (see the class notes): T, the quaternion (x, y, z, w) of R and S = R^-1 M (row-major). */
    public static void decomposePbrt(Transform m, double[] tr, double[] rq, double[] sc) {
        for (int i = 0; i < 3; i++) {
            tr[i] = m.get(i, 3);
        }
        double[] a = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[3 * i + j] = m.get(i, j);
            }
        }
        double[] r = a.clone();
        for (int count = 0; count < 100; count++) {
            double[] rit = transpose(inverse3(r));
            double norm = 0;
            double[] next = new double[9];
            for (int i = 0; i < 9; i++) {
                next[i] = 0.5 * (r[i] + rit[i]);
            }
            for (int i = 0; i < 3; i++) {
                norm = Math.max(norm, Math.abs(r[3 * i] - next[3 * i]) + Math.abs(r[3 * i + 1] - next[3 * i + 1])
                        + Math.abs(r[3 * i + 2] - next[3 * i + 2]));
            }
            r = next;
            if (norm <= 1e-15) {
                break;
            }
        }
        if (det3(r) < 0) {
            for (int i = 0; i < 9; i++) {
                r[i] = -r[i];
            }
        }
        double[] quat = quaternion(r);
        System.arraycopy(quat, 0, rq, 0, 4);
        double[] s = mul3(inverse3(r), a);
        System.arraycopy(s, 0, sc, 0, 9);
    }

    /**
     * LuxRender's DecomposedTransform (see the class notes): T, the quaternion of the orthonormalized
     * rows and the row scales as a diagonal matrix.
     */
    public static void decomposeLuxRender(Transform m, double[] tr, double[] rq, double[] sc) {
        double w = m.get(3, 3);
        double[][] row = new double[3][3];
        for (int i = 0; i < 3; i++) {
            tr[i] = m.get(i, 3) / w;
            for (int j = 0; j < 3; j++) {
                row[i][j] = m.get(i, j) / w;
            }
        }
        double sx = len(row[0]);
        scale(row[0], 1 / sx);
        double sxy = dot(row[0], row[1]);
        axpy(row[1], -sxy, row[0]);
        double sy = len(row[1]);
        scale(row[1], 1 / sy);
        double sxz = dot(row[0], row[2]);
        axpy(row[2], -sxz, row[0]);
        double syz = dot(row[1], row[2]);
        axpy(row[2], -syz, row[1]);
        double sz = len(row[2]);
        scale(row[2], 1 / sz);
        double[] c = {row[1][1] * row[2][2] - row[1][2] * row[2][1], row[1][2] * row[2][0] - row[1][0] * row[2][2],
                row[1][0] * row[2][1] - row[1][1] * row[2][0]};
        if (dot(row[0], c) < 0) {
            sx = -sx;
            sy = -sy;
            sz = -sz;
            for (double[] v : row) {
                scale(v, -1);
            }
        }
        double[] r = {row[0][0], row[0][1], row[0][2], row[1][0], row[1][1], row[1][2], row[2][0], row[2][1], row[2][2]};
        double[] quat = quaternion(r);
        System.arraycopy(quat, 0, rq, 0, 4);
        double[] s = {sx, 0, 0, 0, sy, 0, 0, 0, sz};
        System.arraycopy(s, 0, sc, 0, 9);
    }

    /** pbrt-v3 Quaternion(const Transform &): the unit quaternion (x, y, z, w) of rotation matrix r (row-major 3x3). */
    static double[] quaternion(double[] r) {
        double trace = r[0] + r[4] + r[8];
        double[] out = new double[4];
        if (trace > 0) {
            double s = Math.sqrt(trace + 1);
            out[3] = s / 2;
            s = 0.5 / s;
            out[0] = (r[7] - r[5]) * s;
            out[1] = (r[2] - r[6]) * s;
            out[2] = (r[3] - r[1]) * s;
        } else {
            int[] nxt = {1, 2, 0};
            int i = 0;
            if (r[4] > r[0]) {
                i = 1;
            }
            if (r[8] > r[4 * i]) {
                i = 2;
            }
            int j = nxt[i], k = nxt[j];
            double s = Math.sqrt((r[4 * i] - (r[4 * j] + r[4 * k])) + 1);
            out[i] = s * 0.5;
            if (s != 0) {
                s = 0.5 / s;
            }
            out[3] = (r[3 * k + j] - r[3 * j + k]) * s;
            out[j] = (r[3 * j + i] + r[3 * i + j]) * s;
            out[k] = (r[3 * k + i] + r[3 * i + k]) * s;
        }
        double n = Math.sqrt(dot(out, out));
        for (int a = 0; a < 4; a++) {
            out[a] /= n;
        }
        return out;
    }

    /** pbrt-v3 Quaternion::ToTransform: the rotation matrix (row-major 3x3) of unit quaternion (x, y, z, w). */
    static double[] rotation(double[] q) {
        double x = q[0], y = q[1], z = q[2], w = q[3];
        double xx = x * x, yy = y * y, zz = z * z, xy = x * y, xz = x * z, yz = y * z, wx = x * w, wy = y * w, wz = z * w;
        return new double[] {1 - 2 * (yy + zz), 2 * (xy - wz), 2 * (xz + wy), 2 * (xy + wz), 1 - 2 * (xx + zz),
                2 * (yz - wx), 2 * (xz - wy), 2 * (yz + wx), 1 - 2 * (xx + yy)};
    }

    /** pbrt-v3 Slerp. */
    static double[] slerp(double t, double[] q1, double[] q2) {
        double cosTheta = dot(q1, q2);
        double[] out = new double[4];
        if (cosTheta > .9995) {
            for (int i = 0; i < 4; i++) {
                out[i] = (1 - t) * q1[i] + t * q2[i];
            }
        } else {
            double theta = Math.acos(Math.max(-1, Math.min(1, cosTheta)));
            double thetap = theta * t;
            double[] perp = new double[4];
            for (int i = 0; i < 4; i++) {
                perp[i] = q2[i] - q1[i] * cosTheta;
            }
            double pn = Math.sqrt(dot(perp, perp));
            for (int i = 0; i < 4; i++) {
                out[i] = q1[i] * Math.cos(thetap) + perp[i] / pn * Math.sin(thetap);
            }
        }
        double n = Math.sqrt(dot(out, out));
        for (int i = 0; i < 4; i++) {
            out[i] /= n;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double len(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }

    private static void axpy(double[] y, double a, double[] x) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    static double[] mul3(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    private static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    private static double det3(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    private static double[] inverse3(double[] a) {
        double d = det3(a);
        return new double[] {(a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
                (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
                (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
    }
}

package org.luxnet.scene.desc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * AnimatedTransform against a line-by-line double-precision transcription of pbrt-v3's
 * AnimatedTransform::Decompose and Interpolate (4x4 matrices, Inverse(Transpose(R)), the 1e-4 stopping
 * rule, Quaternion(Transform), Slerp, ToTransform with its transposes) on random rotation + scale +
 * translation transforms; the ends reproduce the start and end matrices; LuxRender's decomposition
 * recomposes shear-free matrices; and the motion bounds hold the moving box at many times.
 */
class AnimatedTransformTest {
    // ---- pbrt-v3 transcription (core/transform.cpp, core/quaternion.cpp), double precision ----

    private static double[][] identity() {
        return new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] r = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j] + a[i][3] * b[3][j];
            }
        }
        return r;
    }

    private static double[][] transpose(double[][] m) {
        double[][] r = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i][j] = m[j][i];
            }
        }
        return r;
    }

    private static double[][] inverse(double[][] m) {
        Transform t = Transform.ofRowMajor(m[0][0], m[0][1], m[0][2], m[0][3], m[1][0], m[1][1], m[1][2], m[1][3],
                m[2][0], m[2][1], m[2][2], m[2][3], m[3][0], m[3][1], m[3][2], m[3][3]).inverse();
        double[][] r = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i][j] = t.get(i, j);
            }
        }
        return r;
    }

    /** pbrt-v3 Quaternion::Quaternion(const Transform &): (x, y, z, w). */
    private static double[] pbrtQuaternion(double[][] m) {
        double trace = m[0][0] + m[1][1] + m[2][2];
        double[] v = new double[3];
        double w;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1.0);
            w = s / 2.0;
            s = 0.5 / s;
            v[0] = (m[2][1] - m[1][2]) * s;
            v[1] = (m[0][2] - m[2][0]) * s;
            v[2] = (m[1][0] - m[0][1]) * s;
        } else {
            int[] nxt = {1, 2, 0};
            double[] q = new double[3];
            int i = 0;
            if (m[1][1] > m[0][0]) {
                i = 1;
            }
            if (m[2][2] > m[i][i]) {
                i = 2;
            }
            int j = nxt[i], k = nxt[j];
            double s = Math.sqrt((m[i][i] - (m[j][j] + m[k][k])) + 1.0);
            q[i] = s * 0.5;
            if (s != 0) {
                s = 0.5 / s;
            }
            w = (m[k][j] - m[j][k]) * s;
            q[j] = (m[j][i] + m[i][j]) * s;
            q[k] = (m[k][i] + m[i][k]) * s;
            v = q;
        }
        return new double[] {v[0], v[1], v[2], w};
    }

    /** pbrt-v3 Quaternion::ToTransform: the matrix m, transposed "since we are left-handed". */
    private static double[][] pbrtToTransform(double[] q) {
        double x = q[0], y = q[1], z = q[2], w = q[3];
        double xx = x * x, yy = y * y, zz = z * z, xy = x * y, xz = x * z, yz = y * z, wx = x * w, wy = y * w, wz = z * w;
        double[][] m = identity();
        m[0][0] = 1 - 2 * (yy + zz);
        m[0][1] = 2 * (xy + wz);
        m[0][2] = 2 * (xz - wy);
        m[1][0] = 2 * (xy - wz);
        m[1][1] = 1 - 2 * (xx + zz);
        m[1][2] = 2 * (yz + wx);
        m[2][0] = 2 * (xz + wy);
        m[2][1] = 2 * (yz - wx);
        m[2][2] = 1 - 2 * (xx + yy);
        return transpose(m);
    }

    private static double qdot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
    }

    private static double[] qnormalize(double[] a) {
        double n = Math.sqrt(qdot(a, a));
        return new double[] {a[0] / n, a[1] / n, a[2] / n, a[3] / n};
    }

    /** pbrt-v3 Slerp. */
    private static double[] pbrtSlerp(double t, double[] q1, double[] q2) {
        double cosTheta = qdot(q1, q2);
        if (cosTheta > .9995) {
            return qnormalize(new double[] {(1 - t) * q1[0] + t * q2[0], (1 - t) * q1[1] + t * q2[1],
                (1 - t) * q1[2] + t * q2[2], (1 - t) * q1[3] + t * q2[3]});
        }
        double theta = Math.acos(Math.max(-1, Math.min(1, cosTheta)));
        double thetap = theta * t;
        double[] qperp = qnormalize(new double[] {q2[0] - q1[0] * cosTheta, q2[1] - q1[1] * cosTheta,
            q2[2] - q1[2] * cosTheta, q2[3] - q1[3] * cosTheta});
        double c = Math.cos(thetap), s = Math.sin(thetap);
        return new double[] {q1[0] * c + qperp[0] * s, q1[1] * c + qperp[1] * s, q1[2] * c + qperp[2] * s,
            q1[3] * c + qperp[3] * s};
    }

    /** pbrt-v3 AnimatedTransform::Decompose: T, R (quaternion), S. */
    private static Object[] pbrtDecompose(double[][] m) {
        double[] tr = {m[0][3], m[1][3], m[2][3]};
        double[][] mm = new double[4][4];
        for (int i = 0; i < 4; i++) {
            mm[i] = m[i].clone();
        }
        for (int i = 0; i < 3; ++i) {
            mm[i][3] = mm[3][i] = 0;
        }
        mm[3][3] = 1;
        double norm;
        int count = 0;
        double[][] r = mm;
        do {
            double[][] rnext = new double[4][4];
            double[][] rit = inverse(transpose(r));
            for (int i = 0; i < 4; ++i) {
                for (int j = 0; j < 4; ++j) {
                    rnext[i][j] = 0.5 * (r[i][j] + rit[i][j]);
                }
            }
            norm = 0;
            for (int i = 0; i < 3; ++i) {
                double n = Math.abs(r[i][0] - rnext[i][0]) + Math.abs(r[i][1] - rnext[i][1]) + Math.abs(r[i][2] - rnext[i][2]);
                norm = Math.max(norm, n);
            }
            r = rnext;
        } while (++count < 100 && norm > .0001);
        double[] q = pbrtQuaternion(r);
        double[][] s = mul(inverse(r), mm);
        return new Object[] {tr, q, s};
    }

    /** pbrt-v3 AnimatedTransform's constructor and Interpolate. */
    private static double[][] pbrtInterpolate(double[][] start, double t0, double[][] end, double t1, double time) {
        if (time <= t0) {
            return start;
        }
        if (time >= t1) {
            return end;
        }
        Object[] a = pbrtDecompose(start), b = pbrtDecompose(end);
        double[] r0 = (double[]) a[1], r1 = (double[]) b[1];
        if (qdot(r0, r1) < 0) {
            r1 = new double[] {-r1[0], -r1[1], -r1[2], -r1[3]};
        }
        double dt = (time - t0) / (t1 - t0);
        double[] ta = (double[]) a[0], tb = (double[]) b[0];
        double[][] trans = identity();
        for (int i = 0; i < 3; i++) {
            trans[i][3] = (1 - dt) * ta[i] + dt * tb[i];
        }
        double[] rotate = pbrtSlerp(dt, r0, r1);
        double[][] sa = (double[][]) a[2], sb = (double[][]) b[2], scale = identity();
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) {
                scale[i][j] = (1 - dt) * sa[i][j] + dt * sb[i][j];
            }
        }
        return mul(mul(trans, pbrtToTransform(rotate)), scale);
    }

    // ---- random transforms ----

    private static Transform random(Random r, boolean mirror) {
        double[] axis = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        Transform t = Transform.translate(10 * r.nextDouble() - 5, 10 * r.nextDouble() - 5, 10 * r.nextDouble() - 5)
                .compose(Transform.rotate(360 * r.nextDouble() - 180, axis[0], axis[1], axis[2]))
                .compose(Transform.scale(0.2 + 2 * r.nextDouble(), 0.2 + 2 * r.nextDouble(), 0.2 + 2 * r.nextDouble()));
        if (r.nextBoolean()) {
            // A second rotation after the scale: a general (non-orthogonal-axes) linear part.
            t = t.compose(Transform.rotate(90 * r.nextDouble(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()));
        }
        return mirror ? t.compose(Transform.scale(-1, 1, 1)) : t;
    }

    private static double[][] rows(Transform t) {
        double[][] m = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                m[i][j] = t.get(i, j);
            }
        }
        return m;
    }

    private static double maxDiff(double[][] a, Transform b) {
        double d = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                d = Math.max(d, Math.abs(a[i][j] - b.get(i, j)));
            }
        }
        return d;
    }

    @Test
    void decompositionMatchesPbrtTranscription() {
        Random r = new Random(3);
        for (int n = 0; n < 200; n++) {
            Transform m = random(r, false);
            double[] t = new double[3], q = new double[4], s = new double[9];
            AnimatedTransform.decomposePbrt(m, t, q, s);
            Object[] p = pbrtDecompose(rows(m));
            double[] pt = (double[]) p[0], pq = (double[]) p[1];
            double[][] ps = (double[][]) p[2];
            double sign = Math.signum(qdot(q, pq));
            for (int i = 0; i < 3; i++) {
                assertEquals(pt[i], t[i], 1e-12, "T");
            }
            for (int i = 0; i < 4; i++) {
                // pbrt stops its iteration at a 1e-4 step; this one runs to convergence.
                assertEquals(pq[i], sign * q[i], 1e-4, "R of " + m);
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(ps[i][j], s[3 * i + j], 1e-3 * (1 + Math.abs(ps[i][j])), "S of " + m);
                }
            }
            // S of a polar decomposition is symmetric.
            assertEquals(s[1], s[3], 1e-9);
            assertEquals(s[2], s[6], 1e-9);
            assertEquals(s[5], s[7], 1e-9);
        }
    }

    @Test
    void interpolationMatchesPbrtTranscription() {
        Random r = new Random(8);
        double worst = 0;
        for (int n = 0; n < 200; n++) {
            Transform a = random(r, false), b = random(r, false);
            double t0 = r.nextDouble(), t1 = t0 + 0.1 + r.nextDouble();
            AnimatedTransform at = new AnimatedTransform(a, t0, b, t1, AnimatedTransform.Style.PBRT);
            assertTrue(at.isAnimated());
            for (int k = 0; k <= 10; k++) {
                double time = t0 - 0.2 + (t1 - t0 + 0.4) * k / 10;
                double d = maxDiff(pbrtInterpolate(rows(a), t0, rows(b), t1, time), at.interpolate(time));
                worst = Math.max(worst, d);
                assertTrue(d < 2e-3, "at " + time + " off pbrt by " + d);
            }
        }
        System.out.printf("AnimatedTransform vs pbrt-v3 transcription: worst element %.3g%n", worst);
    }

    @Test
    void endsReproduceTheStartAndEndMatrices() {
        Random r = new Random(13);
        for (int n = 0; n < 100; n++) {
            Transform a = random(r, n % 4 == 0), b = random(r, n % 4 == 0);
            for (AnimatedTransform.Style style : AnimatedTransform.Style.values()) {
                AnimatedTransform at = new AnimatedTransform(a, 0, b, 1, style);
                assertSame(a, at.interpolate(0));
                assertSame(a, at.interpolate(-1));
                assertSame(b, at.interpolate(1));
                assertSame(b, at.interpolate(7));
            }
            // The decomposition itself recomposes to the matrix: T R S (pbrt) at dt -> 0 and 1.
            AnimatedTransform at = new AnimatedTransform(a, 0, b, 1, AnimatedTransform.Style.PBRT);
            assertTrue(maxDiff(rows(a), at.interpolate(1e-12)) < 1e-9, "start recomposed, mirror " + (n % 4 == 0));
            assertTrue(maxDiff(rows(b), at.interpolate(1 - 1e-12)) < 1e-9, "end recomposed");
        }
        Transform t = Transform.translate(1, 2, 3);
        assertFalse(new AnimatedTransform(t, 0, t, 1, AnimatedTransform.Style.PBRT).isAnimated());
    }

    @Test
    void luxRenderDecompositionRecomposesShearFreeMatrices() {
        Random r = new Random(21);
        for (int n = 0; n < 100; n++) {
            // T S R with S diagonal: LuxRender's form (rows scaled), no shear.
            double[] axis = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            Transform m = Transform.translate(r.nextDouble(), r.nextDouble(), r.nextDouble())
                    .compose(Transform.scale(0.3 + r.nextDouble(), 0.3 + r.nextDouble(), 0.3 + r.nextDouble()))
                    .compose(Transform.rotate(360 * r.nextDouble(), axis[0], axis[1], axis[2]));
            double[] t = new double[3], q = new double[4], s = new double[9];
            AnimatedTransform.decomposeLuxRender(m, t, q, s);
            Transform back = AnimatedTransform.compose(t, q, s, AnimatedTransform.Style.LUXRENDER);
            assertTrue(maxDiff(rows(m), back) < 1e-9, m + " recomposed as " + back);
            // Halfway between a transform and itself translated: only the translation moves.
            Transform moved = Transform.translate(2, 0, 0).compose(m);
            Transform half = new AnimatedTransform(m, 0, moved, 1, AnimatedTransform.Style.LUXRENDER).interpolate(0.5);
            assertTrue(maxDiff(rows(Transform.translate(1, 0, 0).compose(m)), half) < 1e-9);
        }
    }

    @Test
    void motionBoundsHoldTheMovingBoxAtEveryTime() {
        Random r = new Random(34);
        for (AnimatedTransform.Style style : AnimatedTransform.Style.values()) {
            for (int n = 0; n < 100; n++) {
                Transform a = random(r, false), b = n % 3 == 0
                        ? Transform.translate(r.nextDouble(), r.nextDouble(), r.nextDouble()).compose(a) : random(r, false);
                AnimatedTransform at = new AnimatedTransform(a, 0, b, 1, style);
                double[] box = {r.nextDouble() - 1, r.nextDouble() - 1, r.nextDouble() - 1, r.nextDouble(), r.nextDouble(),
                    r.nextDouble()};
                double[] bounds = at.motionBounds(box);
                double[] p = new double[3];
                for (int k = 0; k <= 400; k++) {
                    Transform m = at.interpolate(k / 400.0);
                    for (int c = 0; c < 12; c++) {
                        // The corners, then points inside.
                        double x = c < 8 ? box[(c & 1) == 0 ? 0 : 3] : box[0] + r.nextDouble() * (box[3] - box[0]);
                        double y = c < 8 ? box[(c & 2) == 0 ? 1 : 4] : box[1] + r.nextDouble() * (box[4] - box[1]);
                        double z = c < 8 ? box[(c & 4) == 0 ? 2 : 5] : box[2] + r.nextDouble() * (box[5] - box[2]);
                        m.applyPoint(x, y, z, p, 0);
                        for (int axis = 0; axis < 3; axis++) {
                            double eps = 1e-9 * (1 + Math.abs(p[axis]));
                            assertTrue(p[axis] >= bounds[axis] - eps && p[axis] <= bounds[3 + axis] + eps,
                                    style + ": point at time " + k / 400.0 + " outside the motion bounds on axis " + axis);
                        }
                    }
                }
            }
        }
    }

    @Test
    void knotsChainSegmentsAndBoundThemAll() {
        Random r = new Random(55);
        for (int n = 0; n < 50; n++) {
            double[] times = {0, 0.3, 0.5, 1};
            Transform[] k = {random(r, false), random(r, false), random(r, false), random(r, false)};
            AnimatedTransform chain = AnimatedTransform.ofKnots(times, k, AnimatedTransform.Style.LUXRENDER);
            assertEquals(3, chain.recordCount());
            assertSame(k[0], chain.start());
            assertSame(k[3], chain.end());
            for (int i = 0; i < 3; i++) {
                AnimatedTransform seg = new AnimatedTransform(k[i], times[i], k[i + 1], times[i + 1],
                        AnimatedTransform.Style.LUXRENDER);
                double t = times[i] + 0.37 * (times[i + 1] - times[i]);
                assertTrue(maxDiff(rows(seg.interpolate(t)), chain.interpolate(t)) < 1e-12, "segment " + i);
            }
            double[] box = {-1, -1, -1, 1, 1, 1};
            double[] bounds = chain.motionBounds(box);
            double[] p = new double[3];
            for (int j = 0; j <= 300; j++) {
                Transform m = chain.interpolate(j / 300.0);
                for (int c = 0; c < 8; c++) {
                    m.applyPoint((c & 1) == 0 ? -1 : 1, (c & 2) == 0 ? -1 : 1, (c & 4) == 0 ? -1 : 1, p, 0);
                    for (int a = 0; a < 3; a++) {
                        assertTrue(p[a] >= bounds[a] - 1e-9 && p[a] <= bounds[3 + a] + 1e-9, "time " + j / 300.0);
                    }
                }
            }
            float[] rec = new float[chain.recordCount() * AnimatedTransform.RECORD];
            chain.record(rec, 0, false);
            assertEquals(1f, rec[AnimatedTransform.REC_NEXT]);
            assertEquals(1f, rec[AnimatedTransform.RECORD + AnimatedTransform.REC_NEXT]);
            assertEquals(0f, rec[2 * AnimatedTransform.RECORD + AnimatedTransform.REC_NEXT]);
            assertEquals(0.5f, rec[2 * AnimatedTransform.RECORD + AnimatedTransform.REC_T0]);
        }
    }

    @Test
    void motionBoundsWithoutRotationAreTheUnionOfTheEnds() {
        Transform a = Transform.translate(0, 0, 0), b = Transform.translate(3, 0, 0);
        double[] bounds = new AnimatedTransform(a, 0, b, 1, AnimatedTransform.Style.PBRT).motionBounds(new double[] {
            -0.5, -0.5, -0.5, 0.5, 0.5, 0.5});
        assertEquals(-0.5, bounds[0], 1e-12);
        assertEquals(3.5, bounds[3], 1e-12);
        assertEquals(-0.5, bounds[1], 1e-12);
        assertEquals(0.5, bounds[4], 1e-12);
    }
}

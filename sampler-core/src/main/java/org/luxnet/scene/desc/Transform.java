package org.luxnet.scene.desc;

import java.util.Arrays;

/**
 * An affine or projective 4x4 transform in double precision, row-major, applied to column vectors
 * ({@code p' = M p}). Immutable. Scene files write matrices column by column (pbrt and LuxRender
 * alike), see {@link #fromFileOrder}.
 */
public final class Transform {
    public static final Transform IDENTITY = new Transform(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});

    private final double[] m;

    private Transform(double[] m) {
        this.m = m;
    }

    /** From 16 numbers in row-major order. */
    public static Transform ofRowMajor(double... m) {
        if (m.length != 16) {
            throw new IllegalArgumentException("a 4x4 matrix has 16 numbers, got " + m.length);
        }
        return new Transform(m.clone());
    }

    /** From the 16 numbers of a {@code Transform}/{@code ConcatTransform} statement (column-major). */
    public static Transform fromFileOrder(double[] v) {
        if (v.length != 16) {
            throw new IllegalArgumentException("a 4x4 matrix has 16 numbers, got " + v.length);
        }
        double[] r = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i * 4 + j] = v[j * 4 + i];
            }
        }
        return new Transform(r);
    }

    public static Transform translate(double x, double y, double z) {
        return new Transform(new double[] {1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z, 0, 0, 0, 1});
    }

    public static Transform scale(double x, double y, double z) {
        return new Transform(new double[] {x, 0, 0, 0, 0, y, 0, 0, 0, 0, z, 0, 0, 0, 0, 1});
    }

    /** Rotation by {@code degrees} about {@code axis} (pbrt's Rotate). */
    public static Transform rotate(double degrees, double ax, double ay, double az) {
        double len = Math.sqrt(ax * ax + ay * ay + az * az);
        if (len == 0) {
            throw new IllegalArgumentException("rotation axis has zero length");
        }
        double x = ax / len, y = ay / len, z = az / len;
        double s = Math.sin(Math.toRadians(degrees)), c = Math.cos(Math.toRadians(degrees));
        double[] r = new double[16];
        r[0] = x * x + (1 - x * x) * c;
        r[1] = x * y * (1 - c) - z * s;
        r[2] = x * z * (1 - c) + y * s;
        r[4] = x * y * (1 - c) + z * s;
        r[5] = y * y + (1 - y * y) * c;
        r[6] = y * z * (1 - c) - x * s;
        r[8] = x * z * (1 - c) - y * s;
        r[9] = y * z * (1 - c) + x * s;
        r[10] = z * z + (1 - z * z) * c;
        r[15] = 1;
        return new Transform(r);
    }

    /**
     * pbrt's LookAt: the world-to-camera transform of a camera at {@code eye} looking at {@code look}
     * with {@code up} as the up vector. Throws when up and the viewing direction are parallel.
     */
    public static Transform lookAt(double ex, double ey, double ez, double lx, double ly, double lz,
                                   double ux, double uy, double uz) {
        double dx = lx - ex, dy = ly - ey, dz = lz - ez;
        double dl = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (dl == 0) {
            throw new IllegalArgumentException("LookAt: eye and look-at point are the same");
        }
        dx /= dl;
        dy /= dl;
        dz /= dl;
        double ul = Math.sqrt(ux * ux + uy * uy + uz * uz);
        if (ul == 0) {
            throw new IllegalArgumentException("LookAt: up vector has zero length");
        }
        ux /= ul;
        uy /= ul;
        uz /= ul;
        // right = normalize(cross(up, dir))
        double rx = uy * dz - uz * dy, ry = uz * dx - ux * dz, rz = ux * dy - uy * dx;
        double rl = Math.sqrt(rx * rx + ry * ry + rz * rz);
        if (rl < 1e-12) {
            throw new IllegalArgumentException("LookAt: up vector and viewing direction are parallel");
        }
        rx /= rl;
        ry /= rl;
        rz /= rl;
        // newUp = cross(dir, right)
        double nx = dy * rz - dz * ry, ny = dz * rx - dx * rz, nz = dx * ry - dy * rx;
        Transform cameraToWorld = new Transform(new double[] {
            rx, nx, dx, ex,
            ry, ny, dy, ey,
            rz, nz, dz, ez,
            0, 0, 0, 1});
        return cameraToWorld.inverse();
    }

    /**
     * LuxRender's LookAt (core/geometry/transform.cpp): right = normalize(cross(dir, up)), newUp =
     * cross(right, dir), so camera-space x points to the viewer's right in a right-handed world, the
     * opposite of pbrt's. It equals pbrt's LookAt followed by a mirror of camera x: {@code Scale -1 1 1}
     * written before a pbrt LookAt gives LuxRender's camera, and the other way round.
     */
    public static Transform lookAtLuxRender(double ex, double ey, double ez, double lx, double ly, double lz,
                                            double ux, double uy, double uz) {
        return scale(-1, 1, 1).compose(lookAt(ex, ey, ez, lx, ly, lz, ux, uy, uz));
    }

    /** {@code this * other}: applies {@code other} first, then this. */
    public Transform compose(Transform other) {
        double[] a = m, b = other.m, r = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i * 4 + j] = a[i * 4] * b[j] + a[i * 4 + 1] * b[4 + j] + a[i * 4 + 2] * b[8 + j] + a[i * 4 + 3] * b[12 + j];
            }
        }
        return new Transform(r);
    }

    /** The inverse (Gauss-Jordan with partial pivoting); throws if singular. */
    public Transform inverse() {
        double[] a = m.clone();
        double[] inv = IDENTITY.m.clone();
        for (int c = 0; c < 4; c++) {
            int piv = c;
            for (int r = c + 1; r < 4; r++) {
                if (Math.abs(a[r * 4 + c]) > Math.abs(a[piv * 4 + c])) {
                    piv = r;
                }
            }
            if (Math.abs(a[piv * 4 + c]) < 1e-300) {
                throw new IllegalArgumentException("singular matrix cannot be inverted: " + this);
            }
            if (piv != c) {
                swapRows(a, piv, c);
                swapRows(inv, piv, c);
            }
            double d = 1.0 / a[c * 4 + c];
            for (int j = 0; j < 4; j++) {
                a[c * 4 + j] *= d;
                inv[c * 4 + j] *= d;
            }
            for (int r = 0; r < 4; r++) {
                if (r != c) {
                    double f = a[r * 4 + c];
                    if (f != 0) {
                        for (int j = 0; j < 4; j++) {
                            a[r * 4 + j] -= f * a[c * 4 + j];
                            inv[r * 4 + j] -= f * inv[c * 4 + j];
                        }
                    }
                }
            }
        }
        return new Transform(inv);
    }

    /** True when no finite number is NaN or infinite and the matrix can be inverted. */
    public boolean isInvertible() {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        try {
            inverse();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void swapRows(double[] a, int r0, int r1) {
        for (int j = 0; j < 4; j++) {
            double t = a[r0 * 4 + j];
            a[r0 * 4 + j] = a[r1 * 4 + j];
            a[r1 * 4 + j] = t;
        }
    }

    /** Element at row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        return m[r * 4 + c];
    }

    /** Transforms point (x,y,z) and writes the result to {@code out[off..off+2]} (with homogeneous divide). */
    public void applyPoint(double x, double y, double z, double[] out, int off) {
        double px = m[0] * x + m[1] * y + m[2] * z + m[3];
        double py = m[4] * x + m[5] * y + m[6] * z + m[7];
        double pz = m[8] * x + m[9] * y + m[10] * z + m[11];
        double pw = m[12] * x + m[13] * y + m[14] * z + m[15];
        if (pw != 1) {
            px /= pw;
            py /= pw;
            pz /= pw;
        }
        out[off] = px;
        out[off + 1] = py;
        out[off + 2] = pz;
    }

    /** Transforms vector (x,y,z) (no translation). */
    public void applyVector(double x, double y, double z, double[] out, int off) {
        out[off] = m[0] * x + m[1] * y + m[2] * z;
        out[off + 1] = m[4] * x + m[5] * y + m[6] * z;
        out[off + 2] = m[8] * x + m[9] * y + m[10] * z;
    }

    /**
     * Transforms normal (x,y,z) by the inverse transpose; {@code inverse} must be this transform's
     * inverse (passed in so callers transforming many normals invert once).
     */
    public static void applyNormal(Transform inverse, double x, double y, double z, double[] out, int off) {
        double[] mi = inverse.m;
        out[off] = mi[0] * x + mi[4] * y + mi[8] * z;
        out[off + 1] = mi[1] * x + mi[5] * y + mi[9] * z;
        out[off + 2] = mi[2] * x + mi[6] * y + mi[10] * z;
    }

    /** True when this transform changes a right-handed frame into a left-handed one (negative determinant of the 3x3 part). */
    public boolean swapsHandedness() {
        double det = m[0] * (m[5] * m[10] - m[6] * m[9])
                - m[1] * (m[4] * m[10] - m[6] * m[8])
                + m[2] * (m[4] * m[9] - m[5] * m[8]);
        return det < 0;
    }

    /** The 16 elements in row-major order (a copy). */
    public double[] toRowMajor() {
        return m.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transform && Arrays.equals(m, ((Transform) o).m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "Transform" + Arrays.toString(m);
    }
}

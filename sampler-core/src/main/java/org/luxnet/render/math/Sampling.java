package org.luxnet.render.math;

/**
 * Warps of uniform numbers to the distributions the path tracer needs. Results go to caller-owned
 * arrays (no allocation on the hot path). Sine and cosine of the concentric map only ever see
 * angles in [-pi/4, pi/4], where short polynomials are accurate to float precision.
 */
public final class Sampling {
    public static final float PI = (float) Math.PI;
    public static final float INV_PI = (float) (1 / Math.PI);
    public static final float INV_4PI = (float) (1 / (4 * Math.PI));
    private static final float PI_OVER_4 = (float) (Math.PI / 4);

    private Sampling() {
    }

    /** sin(x) for |x| <= pi/4 (error below 4e-7). */
    static float sinQ(float x) {
        float x2 = x * x;
        return x * (1f + x2 * (-1f / 6 + x2 * (1f / 120 + x2 * (-1f / 5040))));
    }

    /** cos(x) for |x| <= pi/4 (error below 3e-8). */
    static float cosQ(float x) {
        float x2 = x * x;
        return 1f + x2 * (-0.5f + x2 * (1f / 24 + x2 * (-1f / 720 + x2 * (1f / 40320))));
    }

    /** Shirley-Chiu concentric map of [0,1)^2 to the unit disk; writes x, y to out[off], out[off+1]. */
    public static void concentricDisk(float u, float v, float[] out, int off) {
        float a = 2 * u - 1, b = 2 * v - 1;
        if (a == 0 && b == 0) {
            out[off] = 0;
            out[off + 1] = 0;
            return;
        }
        if (Math.abs(a) > Math.abs(b)) {
            float phi = PI_OVER_4 * (b / a);
            out[off] = a * cosQ(phi);
            out[off + 1] = a * sinQ(phi);
        } else {
            // phi = pi/2 - pi/4 * (a/b): cos(phi) = sin(x), sin(phi) = cos(x) with x = pi/4 * a/b.
            float x = PI_OVER_4 * (a / b);
            out[off] = b * sinQ(x);
            out[off + 1] = b * cosQ(x);
        }
    }

    /**
     * Cosine-weighted direction on the hemisphere around +z; writes x, y, z to out[0..2]. The density
     * is {@code z / pi}.
     */
    public static void cosineHemisphere(float u, float v, float[] out) {
        concentricDisk(u, v, out, 0);
        float x = out[0], y = out[1];
        out[2] = (float) Math.sqrt(Math.max(0f, 1f - x * x - y * y));
    }

    /** Uniform direction on the unit sphere; density 1/(4 pi). */
    public static void uniformSphere(float u, float v, float[] out) {
        float z = 1 - 2 * u;
        float r = (float) Math.sqrt(Math.max(0f, 1 - z * z));
        double phi = 2 * Math.PI * v;
        out[0] = r * (float) Math.cos(phi);
        out[1] = r * (float) Math.sin(phi);
        out[2] = z;
    }

    /** Uniform barycentrics (b0, b1) on a triangle, written to out[0], out[1]. */
    public static void uniformTriangle(float u, float v, float[] out) {
        float su = (float) Math.sqrt(u);
        out[0] = 1 - su;
        out[1] = v * su;
    }

    /** The power heuristic with exponent 2 for one sample of each strategy. */
    public static float powerHeuristic(float fPdf, float gPdf) {
        float f = fPdf * fPdf, g = gPdf * gPdf;
        if (Float.isInfinite(f)) {
            return 1f;
        }
        return f + g > 0 ? f / (f + g) : 0f;
    }
}

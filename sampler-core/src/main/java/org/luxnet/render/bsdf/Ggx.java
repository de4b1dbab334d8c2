package org.luxnet.render.bsdf;

/**
 * The anisotropic Trowbridge-Reitz (GGX) microfacet distribution in the local frame, with
 * height-correlated masking-shadowing and sampling of visible normals (Heitz 2018). Stateless; the
 * sampled half vector is written to a caller's array.
 */
public final class Ggx {
    private Ggx() {
    }

    /** pbrt-v3's map from a perceptual roughness in (0,1] to alpha. */
    public static float roughnessToAlpha(float roughness) {
        double x = Math.log(Math.max(roughness, 1e-3));
        return (float) (1.62142 + 0.819955 * x + 0.1734 * x * x + 0.0171201 * x * x * x
                + 0.000640711 * x * x * x * x);
    }

    /** Microfacet density of half vector (x, y, z). */
    public static float d(float x, float y, float z, float ax, float ay) {
        if (z <= 0) {
            return 0f;
        }
        float a = x / ax, b = y / ay;
        float t = a * a + b * b + z * z;
        return 1f / ((float) Math.PI * ax * ay * t * t);
    }

    /** Smith's Lambda for direction (x, y, z). */
    public static float lambda(float x, float y, float z, float ax, float ay) {
        if (z == 0) {
            return Float.POSITIVE_INFINITY;
        }
        float a2t2 = (x * x * ax * ax + y * y * ay * ay) / (z * z);
        return 0.5f * ((float) Math.sqrt(1 + a2t2) - 1);
    }

    /** Masking of one direction. */
    public static float g1(float x, float y, float z, float ax, float ay) {
        return 1f / (1f + lambda(x, y, z, ax, ay));
    }

    /** Height-correlated masking-shadowing of wo and wi. */
    public static float g(float ox, float oy, float oz, float ix, float iy, float iz, float ax, float ay) {
        return 1f / (1f + lambda(ox, oy, oz, ax, ay) + lambda(ix, iy, iz, ax, ay));
    }

    /**
     * Samples a visible normal for outgoing direction wo (which must have z > 0) and writes the half
     * vector to out[0..2].
     */
    public static void sampleVisible(float ox, float oy, float oz, float ax, float ay, float u1, float u2, float[] out) {
        // Stretch wo to the hemisphere configuration.
        float vx = ax * ox, vy = ay * oy, vz = oz;
        float vl = (float) (1 / Math.sqrt(vx * vx + vy * vy + vz * vz));
        vx *= vl;
        vy *= vl;
        vz *= vl;
        float lensq = vx * vx + vy * vy;
        float t1x, t1y;
        if (lensq > 0) {
            float inv = (float) (1 / Math.sqrt(lensq));
            t1x = -vy * inv;
            t1y = vx * inv;
        } else {
            t1x = 1;
            t1y = 0;
        }
        // T2 = cross(V, T1) with T1.z = 0.
        float t2x = -vz * t1y, t2y = vz * t1x, t2z = vx * t1y - vy * t1x;
        float r = (float) Math.sqrt(u1);
        double phi = 2 * Math.PI * u2;
        float p1 = r * (float) Math.cos(phi), p2 = r * (float) Math.sin(phi);
        float s = 0.5f * (1 + vz);
        p2 = (1 - s) * (float) Math.sqrt(Math.max(0f, 1 - p1 * p1)) + s * p2;
        float pz = (float) Math.sqrt(Math.max(0f, 1 - p1 * p1 - p2 * p2));
        float nx = p1 * t1x + p2 * t2x + pz * vx;
        float ny = p1 * t1y + p2 * t2y + pz * vy;
        float nz = p2 * t2z + pz * vz;
        // Unstretch.
        nx *= ax;
        ny *= ay;
        nz = Math.max(1e-6f, nz);
        float nl = (float) (1 / Math.sqrt(nx * nx + ny * ny + nz * nz));
        out[0] = nx * nl;
        out[1] = ny * nl;
        out[2] = nz * nl;
    }

    /**
     * Density of sampling half vector h by {@link #sampleVisible} for wo (z > 0): G1(wo) max(0, wo.h)
     * D(h) / wo.z.
     */
    public static float pdfVisible(float ox, float oy, float oz, float hx, float hy, float hz, float ax, float ay) {
        float dot = ox * hx + oy * hy + oz * hz;
        if (dot <= 0 || oz <= 0) {
            return 0f;
        }
        return g1(ox, oy, oz, ax, ay) * dot * d(hx, hy, hz, ax, ay) / oz;
    }
}

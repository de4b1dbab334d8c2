package org.luxnet.render.transport;

/**
 * Third layer of the light transport: warps of uniform numbers (concentric disk, cosine hemisphere,
 * uniform sphere), Fresnel terms (dielectric, conductor, Schlick's fifth power) and the GGX
 * (Trowbridge-Reitz) microfacet distribution with visible-normal sampling (Heitz 2018). Warps that
 * produce a point or direction leave it in the {@link Scratch#VEC_X} slots.
 */
abstract class WarpKernel extends TraceKernel {
    static final float PI = (float) Math.PI;
    static final float INV_PI = (float) (1 / Math.PI);
    static final float INV_4PI = (float) (1 / (4 * Math.PI));
    private static final float PI_OVER_4 = (float) (Math.PI / 4);

    /**
     * Shirley-Chiu concentric disk: x, y to VEC_X, VEC_Y. The short sine and cosine polynomials are
     * written out here, so that this method calls no other (see {@link SampleKernel} on the call
     * graph).
     */
    void concentricDisk(int gid, float u, float v) {
        float a = 2 * u - 1, b = 2 * v - 1;
        float x = 0f, y = 0f;
        if (a != 0 || b != 0) {
            // |a| > |b|: phi = pi/4 (b/a), (x, y) = a (cos, sin); else x = pi/4 (a/b), (x, y) = b (sin, cos).
            boolean wide = abs(a) > abs(b);
            float r = wide ? a : b;
            float t = wide ? PI_OVER_4 * (b / a) : PI_OVER_4 * (a / b);
            float t2 = t * t;
            float sn = t * (1f + t2 * (-1f / 6 + t2 * (1f / 120 + t2 * (-1f / 5040))));
            float cs = 1f + t2 * (-0.5f + t2 * (1f / 24 + t2 * (-1f / 720 + t2 * (1f / 40320))));
            x = r * (wide ? cs : sn);
            y = r * (wide ? sn : cs);
        }
        scratch[Scratch.VEC_X * capacity + gid] = x;
        scratch[Scratch.VEC_Y * capacity + gid] = y;
    }

    /** Cosine-weighted hemisphere direction around +z into the VEC slots. */
    void cosineHemisphere(int gid, float u, float v) {
        concentricDisk(gid, u, v);
        float x = scratch[Scratch.VEC_X * capacity + gid], y = scratch[Scratch.VEC_Y * capacity + gid];
        scratch[Scratch.VEC_Z * capacity + gid] = sqrt(max(0f, 1f - x * x - y * y));
    }

    /** Uniform direction on the sphere into the VEC slots. */
    void uniformSphere(int gid, float u, float v) {
        float z = 1 - 2 * u;
        float r = sqrt(max(0f, 1 - z * z));
        float phi = 2 * PI * v;
        scratch[Scratch.VEC_X * capacity + gid] = r * cos(phi);
        scratch[Scratch.VEC_Y * capacity + gid] = r * sin(phi);
        scratch[Scratch.VEC_Z * capacity + gid] = z;
    }

    /** Unpolarised Fresnel reflectance of a dielectric boundary; cosThetaI < 0 means from inside. */
    float fresnelDielectric(float cosThetaI, float etaI, float etaT) {
        float c = max(-1f, min(1f, cosThetaI));
        float ei = etaI, et = etaT;
        if (c <= 0) {
            ei = etaT;
            et = etaI;
            c = -c;
        }
        float sinThetaI = sqrt(max(0f, 1 - c * c));
        float sinThetaT = ei / et * sinThetaI;
        float f = 1f;
        if (!(sinThetaT >= 1)) {
            float cosThetaT = sqrt(max(0f, 1 - sinThetaT * sinThetaT));
            float rParl = (et * c - ei * cosThetaT) / (et * c + ei * cosThetaT);
            float rPerp = (ei * c - et * cosThetaT) / (ei * c + et * cosThetaT);
            f = 0.5f * (rParl * rParl + rPerp * rPerp);
        }
        return f;
    }

    /** Fresnel reflectance of a conductor with complex index eta + i k (one channel). */
    float fresnelConductor(float cosThetaI, float eta, float k) {
        float c = max(-1f, min(1f, abs(cosThetaI)));
        float cos2 = c * c, sin2 = 1 - cos2;
        float eta2 = eta * eta, k2 = k * k;
        float t0 = eta2 - k2 - sin2;
        float a2plusb2 = sqrt(t0 * t0 + 4 * eta2 * k2);
        float t1 = a2plusb2 + cos2;
        float a = sqrt(max(0f, 0.5f * (a2plusb2 + t0)));
        float t2 = 2 * c * a;
        float rs = (t1 - t2) / (t1 + t2);
        float t3 = cos2 * a2plusb2 + sin2 * sin2;
        float t4 = t2 * sin2;
        float rp = rs * (t3 - t4) / (t3 + t4);
        return 0.5f * (rp + rs);
    }

    /** (1 - c)^5 for Schlick's approximation, c clamped to [0, 1]. */
    float pow5(float c) {
        float m = max(0f, min(1f, 1 - c));
        float m2 = m * m;
        return m2 * m2 * m;
    }

    /** GGX normal distribution D(h) with anisotropic alphas, h in the shading frame. */
    float ggxD(float x, float y, float z, float ax, float ay) {
        float d = 0f;
        if (!(z <= 0)) {
            float a = x / ax, b = y / ay;
            float t = a * a + b * b + z * z;
            d = 1f / (PI * ax * ay * t * t);
        }
        return d;
    }

    /** Smith's Lambda for GGX; G1 = 1 / (1 + lambda(wo)) and G = 1 / (1 + lambda(wo) + lambda(wi)). */
    float ggxLambda(float x, float y, float z, float ax, float ay) {
        float l = Float.POSITIVE_INFINITY;
        if (z != 0) {
            float a2t2 = (x * x * ax * ax + y * y * ay * ay) / (z * z);
            l = 0.5f * (sqrt(1 + a2t2) - 1);
        }
        return l;
    }

    /**
     * The direction wo (local, on the +z side) takes at the microfacet normal h in the VEC_ slots (as
     * {@link #ggxSampleVisible} leaves it): its mirror about h when {@code reflect}, else pbrt-v3's
     * Refract(wo, h, r) with r the index on wo's side over the far side's; z is 0 under total internal
     * reflection or when h faces away from wo. Written back to the VEC_ slots; shared by the microfacet
     * lobes (LobeKernel) and disney's (DisneyKernel).
     */
    void microfacetTurn(int gid, float wox, float woy, float oz, boolean reflect, float r) {
        float hx = scratch[Scratch.VEC_X * capacity + gid], hy = scratch[Scratch.VEC_Y * capacity + gid];
        float hz = scratch[Scratch.VEC_Z * capacity + gid];
        float cosH = wox * hx + woy * hy + oz * hz;
        float ix = 0f, iy = 0f, iz = 0f;
        if (reflect) {
            ix = 2 * cosH * hx - wox;
            iy = 2 * cosH * hy - woy;
            iz = 2 * cosH * hz - oz;
        } else {
            float sin2T = r * r * max(0f, 1 - cosH * cosH);
            if (sin2T < 1 && cosH > 0) {
                float c = r * cosH - sqrt(1 - sin2T);
                ix = -r * wox + c * hx;
                iy = -r * woy + c * hy;
                iz = -r * oz + c * hz;
            }
        }
        if (cosH <= 0) {
            iz = 0f;
        }
        scratch[Scratch.VEC_X * capacity + gid] = ix;
        scratch[Scratch.VEC_Y * capacity + gid] = iy;
        scratch[Scratch.VEC_Z * capacity + gid] = iz;
    }

    /** A GGX half vector sampled from the visible normals seen from wo (Heitz 2018), into the VEC slots. */
    void ggxSampleVisible(int gid, float ox, float oy, float oz, float ax, float ay, float u1, float u2) {
        float vx = ax * ox, vy = ay * oy, vz = oz;
        float vl = 1f / sqrt(vx * vx + vy * vy + vz * vz);
        vx *= vl;
        vy *= vl;
        vz *= vl;
        float lensq = vx * vx + vy * vy;
        float t1x = 1f, t1y = 0f;
        if (lensq > 0) {
            float inv = 1f / sqrt(lensq);
            t1x = -vy * inv;
            t1y = vx * inv;
        }
        float t2x = -vz * t1y, t2y = vz * t1x, t2z = vx * t1y - vy * t1x;
        float r = sqrt(u1);
        float phi = 2 * PI * u2;
        float p1 = r * cos(phi), p2 = r * sin(phi);
        float s = 0.5f * (1 + vz);
        p2 = (1 - s) * sqrt(max(0f, 1 - p1 * p1)) + s * p2;
        float pz = sqrt(max(0f, 1 - p1 * p1 - p2 * p2));
        float nx = p1 * t1x + p2 * t2x + pz * vx;
        float ny = p1 * t1y + p2 * t2y + pz * vy;
        float nz = p2 * t2z + pz * vz;
        nx *= ax;
        ny *= ay;
        nz = max(1e-6f, nz);
        float nl = 1f / sqrt(nx * nx + ny * ny + nz * nz);
        scratch[Scratch.VEC_X * capacity + gid] = nx * nl;
        scratch[Scratch.VEC_Y * capacity + gid] = ny * nl;
        scratch[Scratch.VEC_Z * capacity + gid] = nz * nl;
    }

    /**
     * Density of {@link #ggxSampleVisible} over half vectors, given G1(wo) and D(h), which the callers have already. The GGX helpers
     * call no other helper: Aparapi orders the OpenCL functions with a heuristic that can put a
     * function before one it calls, which OpenCL C rejects (the translation test checks the order).
     */
    float ggxPdfVisible(float ox, float oy, float oz, float hx, float hy, float hz, float g1, float d) {
        float cosH = ox * hx + oy * hy + oz * hz;
        float pdf = 0f;
        if (!(cosH <= 0 || oz <= 0)) {
            pdf = g1 * cosH * d / oz;
        }
        return pdf;
    }
}

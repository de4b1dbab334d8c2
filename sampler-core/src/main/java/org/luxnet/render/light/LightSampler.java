package org.luxnet.render.light;

import static org.luxnet.scene.compiled.LightLayout.AREA;
import static org.luxnet.scene.compiled.LightLayout.COS_FALLOFF;
import static org.luxnet.scene.compiled.LightLayout.COS_TOTAL;
import static org.luxnet.scene.compiled.LightLayout.DIR;
import static org.luxnet.scene.compiled.LightLayout.L;
import static org.luxnet.scene.compiled.LightLayout.POS;
import static org.luxnet.scene.compiled.LightLayout.STRIDE;
import static org.luxnet.scene.compiled.LightLayout.TWO_SIDED;

import org.luxnet.render.math.Sampling;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;

/**
 * Next-event estimation: picks a light in proportion to its power and samples a point or direction
 * on it as seen from a shading point; also gives the density with which a BSDF-sampled ray that hit
 * a light would have been produced by this sampler, for multiple importance sampling. One instance
 * per thread; results in public fields, no allocation.
 */
public final class LightSampler {
    private final CompiledScene s;
    private final float[] tmp = new float[3];
    private float lastCosL;

    /** Sampled unit direction from the shading point towards the light. */
    public float wix, wiy, wiz;
    /** Distance to the sampled point (infinity for lights at infinity). */
    public float dist;
    /** Radiance arriving from the sample (already divided by distance squared for point and spot lights). */
    public float lr, lg, lb;
    /** Solid-angle density of the sample including the light selection probability (1 x selection for delta lights). */
    public float pdf;
    /** The light is a point or direction: no BSDF sample can hit it, so no MIS. */
    public boolean delta;
    /** Index of the chosen light. */
    public int light;
    /**
     * How far short of {@link #dist} a shadow ray must stop so as not to hit the light's own surface,
     * given the rounding error of the sampled point (0 for point, spot and infinitely distant lights).
     */
    public float margin;

    public LightSampler(CompiledScene scene) {
        this.s = scene;
    }

    /** Index of the light that {@code u} selects from the power distribution. */
    public int select(float u) {
        float[] cdf = s.lightCdf;
        int lo = 0, hi = s.lightCount - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid + 1] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Samples incident light at point p. Returns false when the scene has no light or the sample
     * carries nothing (a one-sided emitter seen from behind, outside a spot cone).
     */
    public boolean sample(float px, float py, float pz, float uSelect, float u1, float u2) {
        if (s.lightCount == 0) {
            return false;
        }
        int li = select(uSelect);
        light = li;
        margin = 0f;
        float sel = s.lightSelectPdf[li];
        if (sel <= 0) {
            return false;
        }
        float[] lp = s.lightParams;
        int o = li * STRIDE;
        switch (s.lightType[li]) {
            case LightLayout.AREA_TRIANGLE:
                return sampleTriangle(li, o, px, py, pz, u1, u2, sel);
            case LightLayout.AREA_SPHERE:
                return sampleSphere(li, o, px, py, pz, u1, u2, sel);
            case LightLayout.POINT:
            case LightLayout.SPOT: {
                float dx = lp[o + POS] - px, dy = lp[o + POS + 1] - py, dz = lp[o + POS + 2] - pz;
                float d2 = dx * dx + dy * dy + dz * dz;
                if (d2 == 0) {
                    return false;
                }
                float d = (float) Math.sqrt(d2);
                wix = dx / d;
                wiy = dy / d;
                wiz = dz / d;
                dist = d;
                float k = 1f / d2;
                if (s.lightType[li] == LightLayout.SPOT) {
                    float cos = -(wix * lp[o + DIR] + wiy * lp[o + DIR + 1] + wiz * lp[o + DIR + 2]);
                    k *= spotFalloff(cos, lp[o + COS_TOTAL], lp[o + COS_FALLOFF]);
                    if (k == 0) {
                        return false;
                    }
                }
                lr = lp[o + L] * k;
                lg = lp[o + L + 1] * k;
                lb = lp[o + L + 2] * k;
                pdf = sel;
                delta = true;
                return true;
            }
            case LightLayout.DISTANT:
                wix = -lp[o + DIR];
                wiy = -lp[o + DIR + 1];
                wiz = -lp[o + DIR + 2];
                dist = Float.POSITIVE_INFINITY;
                lr = lp[o + L];
                lg = lp[o + L + 1];
                lb = lp[o + L + 2];
                pdf = sel;
                delta = true;
                return true;
            case LightLayout.INFINITE:
                Sampling.uniformSphere(u1, u2, tmp);
                wix = tmp[0];
                wiy = tmp[1];
                wiz = tmp[2];
                dist = Float.POSITIVE_INFINITY;
                lr = lp[o + L];
                lg = lp[o + L + 1];
                lb = lp[o + L + 2];
                pdf = sel * Sampling.INV_4PI;
                delta = false;
                return true;
            default:
                return false;
        }
    }

    private boolean sampleTriangle(int li, int o, float px, float py, float pz, float u1, float u2, float sel) {
        float[] lp = s.lightParams, g = s.triGeom, ng = s.triNg;
        int t = s.lightPrim[li];
        int go = t * 9;
        Sampling.uniformTriangle(u1, u2, tmp);
        float b1 = tmp[1], b2 = 1 - tmp[0] - tmp[1];
        float qx = g[go] + b1 * g[go + 3] + b2 * g[go + 6];
        float qy = g[go + 1] + b1 * g[go + 4] + b2 * g[go + 7];
        float qz = g[go + 2] + b1 * g[go + 5] + b2 * g[go + 8];
        float dx = qx - px, dy = qy - py, dz = qz - pz;
        float d2 = dx * dx + dy * dy + dz * dz;
        if (d2 == 0) {
            return false;
        }
        float d = (float) Math.sqrt(d2);
        wix = dx / d;
        wiy = dy / d;
        wiz = dz / d;
        float cosL = facing(-(wix * ng[3 * t] + wiy * ng[3 * t + 1] + wiz * ng[3 * t + 2]), false, lp[o + TWO_SIDED] != 0);
        if (cosL <= 0) {
            return false;
        }
        dist = d;
        lr = lp[o + L];
        lg = lp[o + L + 1];
        lb = lp[o + L + 2];
        pdf = sel * d2 / (cosL * lp[o + AREA]);
        delta = false;
        float qeps = 1e-6f * (Math.abs(g[go]) + Math.abs(g[go + 1]) + Math.abs(g[go + 2]) + Math.abs(g[go + 3])
                + Math.abs(g[go + 4]) + Math.abs(g[go + 5]) + Math.abs(g[go + 6]) + Math.abs(g[go + 7]) + Math.abs(g[go + 8]));
        margin = surfaceMargin(qeps, cosL, d);
        return true;
    }

    /**
     * The cosine between the emitting side of a light surface and the direction to the shading point:
     * {@code cos} against the outward normal, negated for an inward-facing sphere, and taken on
     * either side for a two-sided emitter; 0 or less means the point sees the dark side.
     */
    private static float facing(float cos, boolean flip, boolean twoSided) {
        float c = flip ? -cos : cos;
        return twoSided ? Math.abs(c) : c;
    }

    /** The shadow ray stops this far before a light surface point whose position is uncertain by {@code qeps}. */
    static float surfaceMargin(float qeps, float cosL, float dist) {
        return Math.min(0.5f * dist, 4 * qeps / Math.max(cosL, 1e-3f));
    }

    private boolean sampleSphere(int li, int o, float px, float py, float pz, float u1, float u2, float sel) {
        float[] lp = s.lightParams, sg = s.sphereGeom;
        int sp = s.lightPrim[li];
        float cx = sg[4 * sp], cy = sg[4 * sp + 1], cz = sg[4 * sp + 2], r = sg[4 * sp + 3];
        float dx = cx - px, dy = cy - py, dz = cz - pz;
        float dc2 = dx * dx + dy * dy + dz * dz;
        boolean flip = s.sphereFlip[sp] != 0;
        if (dc2 <= r * r * 1.00001f) {
            // Inside (or on) the sphere: sample its area uniformly.
            Sampling.uniformSphere(u1, u2, tmp);
            float qx = cx + r * tmp[0], qy = cy + r * tmp[1], qz = cz + r * tmp[2];
            float ex = qx - px, ey = qy - py, ez = qz - pz;
            float d2 = ex * ex + ey * ey + ez * ez;
            if (d2 == 0) {
                return false;
            }
            float d = (float) Math.sqrt(d2);
            wix = ex / d;
            wiy = ey / d;
            wiz = ez / d;
            float cosL = facing(-(wix * tmp[0] + wiy * tmp[1] + wiz * tmp[2]), flip, lp[o + TWO_SIDED] != 0);
            if (cosL <= 0) {
                return false;
            }
            dist = d;
            pdf = sel * d2 / (cosL * lp[o + AREA]);
            lastCosL = cosL;
        } else {
            // Outside: sample the cone of directions the sphere subtends (pbrt-v3 Sphere::Sample).
            float dc = (float) Math.sqrt(dc2);
            float sin2Max = r * r / dc2;
            float cosMax = (float) Math.sqrt(Math.max(0f, 1 - sin2Max));
            float cosT = (1 - u1) + u1 * cosMax;
            float sinT = (float) Math.sqrt(Math.max(0f, 1 - cosT * cosT));
            double phi = 2 * Math.PI * u2;
            float ax = dx / dc, ay = dy / dc, az = dz / dc;
            // Orthonormal basis around the axis (Duff et al. 2017).
            float sign = Math.copySign(1f, az);
            float a = -1f / (sign + az);
            float bb = ax * ay * a;
            float sx = 1 + sign * ax * ax * a, sy = sign * bb, sz = -sign * ax;
            float tx = bb, ty = sign + ay * ay * a, tz = -ay;
            float cp = (float) Math.cos(phi) * sinT, spp = (float) Math.sin(phi) * sinT;
            wix = cp * sx + spp * tx + cosT * ax;
            wiy = cp * sy + spp * ty + cosT * ay;
            wiz = cp * sz + spp * tz + cosT * az;
            // Distance to the near intersection with the sphere along wi.
            float ds = dc * cosT - (float) Math.sqrt(Math.max(0f, r * r - dc2 * sinT * sinT));
            float qx = px + ds * wix, qy = py + ds * wiy, qz = pz + ds * wiz;
            float nx = (qx - cx) / r, ny = (qy - cy) / r, nz = (qz - cz) / r;
            float cosL = facing(-(wix * nx + wiy * ny + wiz * nz), flip, lp[o + TWO_SIDED] != 0);
            if (cosL <= 0) {
                return false;
            }
            dist = ds;
            pdf = sel / (2 * Sampling.PI * (1 - cosMax));
            lastCosL = cosL;
        }
        lr = lp[o + L];
        lg = lp[o + L + 1];
        lb = lp[o + L + 2];
        delta = false;
        margin = surfaceMargin(1e-6f * (Math.abs(cx) + Math.abs(cy) + Math.abs(cz) + r), lastCosL, dist);
        return true;
    }

    /**
     * Solid-angle density with which {@link #sample} would produce the direction from p to a point
     * on area light {@code li} at distance {@code t} whose surface cosine with the ray is {@code
     * cosLight} (absolute value); includes the selection probability.
     */
    public float pdfArea(int li, float px, float py, float pz, float t, float cosLight) {
        float sel = s.lightSelectPdf[li];
        if (sel <= 0 || cosLight <= 0) {
            return 0f;
        }
        int o = li * STRIDE;
        if (s.lightType[li] == LightLayout.AREA_SPHERE) {
            int sp = s.lightPrim[li];
            float[] sg = s.sphereGeom;
            float dx = sg[4 * sp] - px, dy = sg[4 * sp + 1] - py, dz = sg[4 * sp + 2] - pz, r = sg[4 * sp + 3];
            float dc2 = dx * dx + dy * dy + dz * dz;
            if (dc2 > r * r * 1.00001f) {
                float cosMax = (float) Math.sqrt(Math.max(0f, 1 - r * r / dc2));
                return sel / (2 * Sampling.PI * (1 - cosMax));
            }
        }
        return sel * t * t / (cosLight * s.lightParams[o + AREA]);
    }

    /** Solid-angle density of sampling direction towards an infinite light (for MIS of escaped rays). */
    public float pdfInfinite(int li) {
        return s.lightType[li] == LightLayout.INFINITE ? s.lightSelectPdf[li] * Sampling.INV_4PI : 0f;
    }

    /** pbrt-v3's spot falloff: 0 outside the cone, 1 inside the inner cone, a quartic smooth step between. */
    static float spotFalloff(float cos, float cosTotal, float cosFalloff) {
        if (cos < cosTotal) {
            return 0f;
        }
        if (cos >= cosFalloff) {
            return 1f;
        }
        float d = (cos - cosTotal) / (cosFalloff - cosTotal);
        return (d * d) * (d * d);
    }
}

package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.CLT_ALPHA;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_BETA;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_CELLS;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_DWARP_DWARP;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_DWARP_DWEFT;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_DWEFT_DWARP;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_DWEFT_DWEFT;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_FINENESS;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_HWIDTH;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_PERIOD;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_SS;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_TILE_H;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_TILE_W;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_WARP_AREA;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_WEFT_AREA;
import static org.luxnet.scene.compiled.MaterialLayout.CLT_YARNS;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_CENTER_U;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_CENTER_V;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_KAPPA;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_LENGTH;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_PSI;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_STRIDE;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_UMAX;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_WEFT;
import static org.luxnet.scene.compiled.MaterialLayout.CLY_WIDTH;

/**
 * The Irawan and Marschner woven-cloth scattering of LuxRender 1.x (core/reflection/bxdf/irawan.cpp and
 * irawan.h, adapted there from Mitsuba), under the texture layer so that the compiler's {@link
 * HostTextures} runs the same code to estimate Cloth's specularNormalization (materials/cloth.cpp). A
 * weave pattern is a table in the texel pool ({@code MaterialLayout} CLT_ and CLY_ offsets):
 * {@link #clothYarn} is WeavePattern::GetYarn with Warp/Weft::GetUV, {@link #irawanSpecular}
 * Irawan::evalSpecular with Warp/Weft::EvalIntegrand, Yarn::EvalFilamentIntegrand,
 * EvalStapleIntegrand and RadiusOfCurvature, in single precision as LuxRender computes them. C's
 * conversions of a float to uint32_t (sampleTEAfloat's arguments, GetYarn's index1 and index2) are
 * taken as x86-64 compilers make them, through a 64-bit integer, so negative values wrap.
 */
abstract class IrawanKernel extends MasonryKernel {
    private static final float PI_F = (float) Math.PI;
    private static final float INV_TWO_PI = (float) (0.5 / Math.PI);

    /** irawan.cpp sampleTEAfloat: the low word of 8 TEA rounds on (v0, v1) as a float in [0, 1) (23 bits). */
    float clothTea(int v0In, int v1In) {
        int v0 = v0In, v1 = v1In, sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += 0x9e3779b9;
            v0 += ((v1 << 4) + 0xA341316C) ^ (v1 + sum) ^ ((v1 >>> 5) + 0xC8013EA4);
            v1 += ((v0 << 4) + 0xAD90777D) ^ (v0 + sum) ^ ((v0 >>> 5) + 0x7E95761E);
        }
        // ((low word >> 9) | 0x3f800000) as a float, less 1: exactly (low word >> 9) / 2^23.
        return (v0 >>> 9) * (1f / 8388608f);
    }

    /** C's (uint32_t) of a float, as x86-64 code converts it (through int64_t), as Java bits. */
    int clothUint(float x) {
        return (int) (long) x;
    }

    /**
     * WeavePattern::GetYarn at surface (ui, vi) for the pattern at texel-pool index {@code t} repeated
     * (repeatU, repeatV) times: the yarn record's index and Warp/Weft::GetUV's (u, v) and umaxMod, and the
     * fineness scale (min(-log xi, 10), 1 without fineness), into the CL_ scratch slots.
     */
    void clothYarn(int gid, int t, float ui, float vi, float repeatU, float repeatV) {
        int tw = (int) texTexels[t + CLT_TILE_W], th = (int) texTexels[t + CLT_TILE_H];
        float u = ui * repeatU;
        int bu = (int) floor(u);
        float ou = u - bu;
        float v = vi * repeatV;
        int bv = (int) floor(v);
        float ov = v - bv;
        // Floor2UInt: 0 below zero.
        int lx = min(tw - 1, (int) floor(max(0f, ou * tw)));
        int ly = th - 1 - min(th - 1, (int) floor(max(0f, ov * th)));
        int yarnId = (int) texTexels[t + CLT_CELLS + lx + tw * ly] - 1;
        int y = t + (int) texTexels[t + CLT_YARNS] + CLY_STRIDE * yarnId;
        float cu = texTexels[y + CLY_CENTER_U], cv = texTexels[y + CLY_CENTER_V];
        float centerX = (bu + cu) * tw, centerY = (bv + cv) * th;
        float xyX = (ou - cu) * tw, xyY = (ov - cv) * th;
        boolean weft = texTexels[y + CLY_WEFT] != 0;
        float umaxMod = texTexels[y + CLY_UMAX];
        float period = texTexels[t + CLT_PERIOD];
        if (period > 0f) {
            float random1 = blNewPerlin((centerX * (th * repeatV + clothTea(clothUint(centerX),
                    clothUint(2f * centerY))) + centerY) / period, 0f, 0f);
            float random2 = blNewPerlin((centerY * (tw * repeatU + clothTea(clothUint(centerX),
                    clothUint(2f * centerY + 1f))) + centerX) / period, 0f, 0f);
            if (weft) {
                umaxMod += random1 * texTexels[t + CLT_DWEFT_DWARP] + random2 * texTexels[t + CLT_DWEFT_DWEFT];
            } else {
                umaxMod += random1 * texTexels[t + CLT_DWARP_DWARP] + random2 * texTexels[t + CLT_DWARP_DWEFT];
            }
        }
        float len = texTexels[y + CLY_LENGTH], width = texTexels[y + CLY_WIDTH];
        float uu = xyY * 2f * umaxMod / len;
        float vv = xyX * PI_F / width;
        if (weft) {
            // Rotated pi/2 about z.
            uu = xyX * 2f * umaxMod / len;
            vv = -xyY * PI_F / width;
        }
        float scale = 1f;
        float fineness = texTexels[t + CLT_FINENESS];
        if (fineness > 0f) {
            int index1 = clothUint((centerX + xyX) * fineness);
            int index2 = clothUint((centerY + xyY) * fineness);
            float xi = clothTea(index1, index2);
            scale = min(-log(xi), 10f);
        }
        scratch[Scratch.CL_YARN * capacity + gid] = y;
        scratch[Scratch.CL_U * capacity + gid] = uu;
        scratch[Scratch.CL_V * capacity + gid] = vv;
        scratch[Scratch.CL_UMAX * capacity + gid] = umaxMod;
        scratch[Scratch.CL_SCALE * capacity + gid] = scale;
    }

    /**
     * Irawan::evalSpecular(wo, wi) for the yarn {@link #clothYarn} left in the CL_ slots (pattern at
     * {@code t}): both directions turned to +z, a weft's rotated by pi/2 about z, the staple integrand
     * for a twisted yarn (psi != 0) else the filament one, times (warpArea + weftArea) over the yarn
     * kind's area. Symmetric in wo and wi. Without the fineness scale.
     */
    float irawanSpecular(int gid, int t, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        int y = (int) scratch[Scratch.CL_YARN * capacity + gid];
        float u = scratch[Scratch.CL_U * capacity + gid], v = scratch[Scratch.CL_V * capacity + gid];
        float umaxMod = scratch[Scratch.CL_UMAX * capacity + gid];
        float ix = wix, iy = wiy, iz = wiz;
        if (iz < 0f) {
            ix = -ix;
            iy = -iy;
            iz = -iz;
        }
        float rx = wox, ry = woy, rz = woz;
        if (rz < 0f) {
            rx = -rx;
            ry = -ry;
            rz = -rz;
        }
        float area = texTexels[t + CLT_WARP_AREA];
        if (texTexels[y + CLY_WEFT] != 0) {
            // swap(x, y); x = -x
            float sx = ix;
            ix = -iy;
            iy = sx;
            sx = rx;
            rx = -ry;
            ry = sx;
            area = texTexels[t + CLT_WEFT_AREA];
        }
        float s = 0f;
        if (texTexels[y + CLY_PSI] != 0f) {
            s = irawanStaple(t, y, ix, iy, iz, rx, ry, rz, u, v, umaxMod);
        } else {
            s = irawanFilament(t, y, ix, iy, iz, rx, ry, rz, u, v, umaxMod);
        }
        return s * (texTexels[t + CLT_WARP_AREA] + texTexels[t + CLT_WEFT_AREA]) / area;
    }

    /** irawan.cpp vonMises(cos_x, b), Abramowitz and Stegun's I0 approximations. */
    float irawanVonMises(float cosX, float b) {
        float factor = exp(b * cosX) * INV_TWO_PI;
        float absB = abs(b);
        float r = 0f;
        if (absB <= 3.75f) {
            float t0 = absB / 3.75f;
            float t = t0 * t0;
            r = factor / (1.0f + t * (3.5156229f + t * (3.0899424f + t * (1.2067492f + t * (0.2659732f
                    + t * (0.0360768f + t * 0.0045813f))))));
        } else {
            float t = 3.75f / absB;
            r = factor * sqrt(absB) / (exp(absB) * (0.39894228f + t * (0.01328592f + t * (0.00225319f
                    + t * (-0.00157565f + t * (0.00916281f + t * (-0.02057706f + t * (0.02635537f
                    + t * (-0.01647633f + t * 0.00392377f)))))))));
        }
        return r;
    }

    /** irawan.cpp seeliger(cos_th1, cos_th2, 0, 1): albedo 1. */
    float irawanSeeliger(float c1In, float c2In) {
        float c1 = max(0f, c1In), c2 = max(0f, c2In);
        float r = 0f;
        if (c1 != 0f && c2 != 0f) {
            r = INV_TWO_PI * 0.5f * c1 * c2 / (c1 + c2);
        }
        return r;
    }

    /** Yarn::RadiusOfCurvature(u, umaxMod): the spine a circle, an ellipse, a hyperbola or a parabola by rhat. */
    float irawanRadius(int y, float u, float umaxMod) {
        float kappa = texTexels[y + CLY_KAPPA], width = texTexels[y + CLY_WIDTH], len = texTexels[y + CLY_LENGTH];
        float rhat = 1.0f + kappa * (1.0f + 1.0f / tan(umaxMod));
        float a = 0.5f * width;
        float r = 0f;
        if (rhat == 1.0f) {
            r = 0.5f * len / sin(umaxMod) - a;
        } else if (rhat > 0.0f) {
            float tmax = atan(rhat * tan(umaxMod));
            float bhat = (0.5f * len - a * sin(umaxMod)) / sin(tmax);
            float ahat = bhat / rhat;
            float t = atan(rhat * tan(u));
            float ct = cos(t), st = sin(t);
            r = pow(bhat * bhat * ct * ct + ahat * ahat * st * st, 1.5f) / (ahat * bhat);
        } else if (rhat < 0.0f) {
            float tmax = -irawanAtanh(rhat * tan(umaxMod));
            float bhat = (0.5f * len - a * sin(umaxMod)) / (0.5f * (exp(tmax) - exp(-tmax)));
            float ahat = bhat / rhat;
            float t = -irawanAtanh(rhat * tan(u));
            float ch = 0.5f * (exp(t) + exp(-t)), sh = 0.5f * (exp(t) - exp(-t));
            r = -pow(bhat * bhat * ch * ch + ahat * ahat * sh * sh, 1.5f) / (ahat * bhat);
        } else {
            float tmax = tan(umaxMod);
            float ahat = (0.5f * len - a * sin(umaxMod)) / (2f * tmax);
            float t = tan(u);
            r = 2f * ahat * pow(1f + t * t, 1.5f);
        }
        return r;
    }

    private float irawanAtanh(float x) {
        return 0.5f * log((1f + x) / (1f - x));
    }

    /** Yarn::EvalFilamentIntegrand (om_i = i, om_r = r, both on +z). */
    float irawanFilament(int t, int y, float ix, float iy, float iz, float rx, float ry, float rz, float u, float v,
                         float umaxMod) {
        float ss = texTexels[t + CLT_SS], hWidth = texTexels[t + CLT_HWIDTH];
        float width = texTexels[y + CLY_WIDTH], len = texTexels[y + CLY_LENGTH];
        float sx = ix + rx, sy = iy + ry, sz = iz + rz;
        float sl = sqrt(sx * sx + sy * sy + sz * sz);
        float hx = sx / sl, hy = sy / sl, hz = sz / sl;
        float uOfV = atan2(hy, hz);
        float deltaU = umaxMod * hWidth;
        float r = 0f;
        if (!(ss < 0.0f || ss >= 1.0f) && !(width * sin(umaxMod) >= len) && !(texTexels[y + CLY_KAPPA] < -1.0f)
                && abs(uOfV) < umaxMod && abs(uOfV - u) < deltaU) {
            float nx = sin(v), ny = sin(uOfV) * cos(v), nz = cos(uOfV) * cos(v);
            float nl = sqrt(nx * nx + ny * ny + nz * nz);
            nx /= nl;
            ny /= nl;
            nz /= nl;
            float ty = cos(uOfV), tz = -sin(uOfV);
            float tl = sqrt(ty * ty + tz * tz);
            ty /= tl;
            tz /= tl;
            float rr = irawanRadius(y, min(abs(uOfV), (1f - ss) * umaxMod), (1f - ss) * umaxMod);
            float a = 0.5f * width;
            // (t x h).x with t.x = 0
            float txh = ty * hz - tz * hy;
            float gu = a * (rr + a * cos(v)) / (sl * abs(txh));
            float fc = texTexels[t + CLT_ALPHA] + irawanVonMises(-(ix * rx + iy * ry + iz * rz), texTexels[t + CLT_BETA]);
            float as = irawanSeeliger(nx * ix + ny * iy + nz * iz, nx * rx + ny * ry + nz * rz);
            if (ss > 0.0f) {
                // SmoothStep(0, 1, x) = x^2 (3 - 2 x) on x clamped to [0, 1].
                float x = max(0f, min(1f, (umaxMod - abs(uOfV)) / (ss * umaxMod)));
                as *= x * x * (-2f * x + 3f);
            }
            r = gu * fc * as * PI_F / hWidth;
        }
        return r;
    }

    /** Yarn::EvalStapleIntegrand (om_i = i, om_r = r, both on +z). */
    float irawanStaple(int t, int y, float ix, float iy, float iz, float rx, float ry, float rz, float u, float v,
                       float umaxMod) {
        float hWidth = texTexels[t + CLT_HWIDTH];
        float width = texTexels[y + CLY_WIDTH], len = texTexels[y + CLY_LENGTH], psi = texTexels[y + CLY_PSI];
        float sx = ix + rx, sy = iy + ry, sz = iz + rz;
        float sl = sqrt(sx * sx + sy * sy + sz * sz);
        float hx = sx / sl, hy = sy / sl, hz = sz / sl;
        float su = sin(u), cu = cos(u);
        float q = hy * su + hz * cu;
        float d = (hy * cu - hz * su) / (sqrt(hx * hx + q * q) * tan(psi));
        float r = 0f;
        if (!(width * sin(umaxMod) >= len) && !(texTexels[y + CLY_KAPPA] < -1.0f) && abs(d) < 1f) {
            float vOfU = atan2(-hy * su - hz * cu, hx) + acos(d);
            float deltaV = 0.5f * PI_F * hWidth;
            if (abs(vOfU - v) < deltaV) {
                float nx = sin(vOfU), ny = su * cos(vOfU), nz = cu * cos(vOfU);
                float nl = sqrt(nx * nx + ny * ny + nz * nz);
                nx /= nl;
                ny /= nl;
                nz /= nl;
                float rr = irawanRadius(y, abs(u), umaxMod);
                float a = 0.5f * width;
                float gv = a * (rr + a * cos(vOfU)) / (sl * (nx * hx + ny * hy + nz * hz) * abs(sin(psi)));
                float fc = texTexels[t + CLT_ALPHA]
                        + irawanVonMises(-(ix * rx + iy * ry + iz * rz), texTexels[t + CLT_BETA]);
                float as = irawanSeeliger(nx * ix + ny * iy + nz * iz, nx * rx + ny * ry + nz * rz);
                r = gv * fc * as * 2.0f * umaxMod / hWidth;
            }
        }
        return r;
    }
}

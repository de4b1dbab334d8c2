package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.HAIR_COLOR;
import static org.luxnet.scene.compiled.MaterialLayout.HAIR_MELANIN;
import static org.luxnet.scene.compiled.MaterialLayout.HR_ALPHA;
import static org.luxnet.scene.compiled.MaterialLayout.HR_BETA_M;
import static org.luxnet.scene.compiled.MaterialLayout.HR_BETA_N;
import static org.luxnet.scene.compiled.MaterialLayout.HR_COLOR;
import static org.luxnet.scene.compiled.MaterialLayout.HR_ETA;
import static org.luxnet.scene.compiled.MaterialLayout.HR_EUMELANIN;
import static org.luxnet.scene.compiled.MaterialLayout.HR_MODE;
import static org.luxnet.scene.compiled.MaterialLayout.HR_PHEOMELANIN;
import static org.luxnet.scene.compiled.MaterialLayout.HR_SIGMA_A;

/**
 * pbrt-v3's "hair" material (materials/hair.cpp and hair.h: HairMaterial::ComputeScatteringFunctions
 * and HairBSDF, Chiang et al. 2016 with pMax = 3). The BSDF's local frame has x along the fibre (the
 * shading frame's s axis, dp/du normalised), so sin(theta) = w.x and phi = atan2(w.z, w.y); the offset
 * across the fibre is h = -1 + 2 v from the hit's surface v (SURF_V, which TextureKernel#shadeMaterial
 * writes: hair rows are compiled as textured so that it runs). f sums the p = 0, 1, 2 terms Mp Ap Np
 * (unrolled; the scale tilt rotates theta_i by 2 alpha, -alpha and -4 alpha) and the p = 3 remainder
 * Mp Ap / (2 pi), divided by |cos theta| against the shading normal. Pdf weights the same Mp Np by
 * ComputeApPdf (the Ap's luminance over their sum); Sample_f demultiplexes each of its two sample
 * numbers into two (DemuxFloat), picks p by ComputeApPdf, samples Mp's cone around the mirror
 * direction and Np's trimmed logistic around Phi(p). Where hair.cpp has undefined cases this kernel
 * renders something finite: I0's series uses exact 64-bit denominators (hair.cpp's int factorials
 * overflow from the i = 7 term on; pbrt-v4 made them int64_t), the p = 3 term is 0 where T f = 1
 * (h = +-1 with sigma_a 0, 0 / 0 in hair.cpp), beta_m and beta_n are clamped to [1e-3, 1] (hair.cpp
 * CHECKs [0, 1], and 0 divides by zero: pbrt-v3 issue #219), h to [-1, 1], and a wo along the fibre
 * (cos theta_o = 0, a division by zero there) scatters nothing.
 */
abstract class HairKernel extends DisneyKernel {
    private static final float TWO_PI_H = (float) (2 * Math.PI);
    // Literals: Aparapi inlines only compile-time constants (Math.sqrt and Math.log are calls).
    /** sqrt(pi / 8). */
    private static final float SQRT_PI_OVER_8 = 0.62665707f;
    private static final float RADIANS = (float) (Math.PI / 180);
    /** log(2 pi). */
    private static final float LOG_2PI = 1.8378771f;

    /** hair.cpp I0: the modified Bessel function of the first kind, order 0, as its ten-term series. */
    float hairI0(float x) {
        float val = 0f, x2i = 1f, den = 1f;
        for (int i = 0; i < 10; i++) {
            // Sum_i x^(2i) / (4^i (i!)^2)
            val += x2i / den;
            x2i *= x * x;
            den *= 4f * (i + 1) * (i + 1);
        }
        return val;
    }

    /** hair.cpp LogI0: log(I0(x)), by its asymptotic expansion above 12. */
    float hairLogI0(float x) {
        float r = 0f;
        if (x > 12) {
            r = x + 0.5f * (-LOG_2PI + log(1 / x) + 1 / (8 * x));
        } else {
            r = log(hairI0(x));
        }
        return r;
    }

    /** hair.cpp Mp: the longitudinal scattering function of variance v. */
    float hairMp(float cosThetaI, float cosThetaO, float sinThetaI, float sinThetaO, float v) {
        float a = cosThetaI * cosThetaO / v;
        float b = sinThetaI * sinThetaO / v;
        float mp = 0f;
        if (v <= 0.1f) {
            mp = exp(hairLogI0(a) - b - 1 / v + 0.6931f + log(1 / (2 * v)));
        } else {
            float e = exp(1 / v);
            // sinh(1 / v) = (e - 1 / e) / 2
            mp = exp(-b) * hairI0(a) / ((e - 1 / e) * v);
        }
        return mp;
    }

    /** hair.cpp Logistic, LogisticCDF. */
    float hairLogistic(float x, float s) {
        float e = exp(-abs(x) / s);
        return e / (s * (1 + e) * (1 + e));
    }

    float hairLogisticCdf(float x, float s) {
        return 1 / (1 + exp(-x / s));
    }

    /** hair.cpp Np: the trimmed logistic on [-pi, pi] around Phi(p) = 2 p gammaT - 2 gammaO + p pi. */
    float hairNp(float phi, int p, float s, float gammaO, float gammaT) {
        float dphi = phi - (2 * p * gammaT - 2 * gammaO + p * PI);
        while (dphi > PI) {
            dphi -= TWO_PI_H;
        }
        while (dphi < -PI) {
            dphi += TWO_PI_H;
        }
        return hairLogistic(dphi, s) / (hairLogisticCdf(PI, s) - hairLogisticCdf(-PI, s));
    }

    /**
     * Mp Np of term p (0..2) with theta_i tilted by the scales: sin(theta_i') = sin(theta_i) ca + cos(theta_i)
     * sa, cos(theta_i') = |cos(theta_i) ca - sin(theta_i) sa| (hair.cpp f and Pdf; sa is +sin(2 alpha) for p 0,
     * -sin(alpha) for p 1, -sin(4 alpha) for p 2).
     */
    float hairTerm(int p, float sinI, float cosI, float sinO, float cosO, float sa, float ca, float v, float phi,
                   float s, float gammaO, float gammaT) {
        float sinIp = sinI * ca + cosI * sa;
        float cosIp = abs(cosI * ca - sinI * sa);
        return hairMp(cosIp, cosO, sinIp, sinO, v) * hairNp(phi, p, s, gammaO, gammaT);
    }

    /** Clamped beta_m (m 1) or beta_n (m 0) at the hit (see the class comment). */
    float hairBeta(int o, int m) {
        return max(1e-3f, min(1f, shade[o + (m == 1 ? HR_BETA_M : HR_BETA_N)]));
    }

    /** HairBSDF's v[0] = (0.726 beta_m + 0.812 beta_m^2 + 3.7 beta_m^20)^2; v[1] = v[0] / 4, v[2] = v[3] = 4 v[0]. */
    float hairV0(float bm) {
        float b2 = bm * bm, b4 = b2 * b2, b8 = b4 * b4, b16 = b8 * b8;
        float r = 0.726f * bm + 0.812f * b2 + 3.7f * b16 * b4;
        return r * r;
    }

    /** HairBSDF's logistic scale s = sqrt(pi / 8) (0.265 beta_n + 1.194 beta_n^2 + 5.372 beta_n^22). */
    float hairS(float bn) {
        float b2 = bn * bn, b4 = b2 * b2, b8 = b4 * b4, b16 = b8 * b8;
        return SQRT_PI_OVER_8 * (0.265f * bn + 1.194f * b2 + 5.372f * b16 * b4 * b2);
    }

    /**
     * Channel c of sigma_a at the hit, by hair.cpp's precedence: "sigma_a" (clamped to >= 0), else
     * SigmaAFromReflectance("color", beta_n), else SigmaAFromConcentration(eumelanin, pheomelanin).
     */
    float hairSigmaA(int o, int c) {
        int mode = (int) shade[o + HR_MODE];
        float sigma = max(0f, shade[o + HR_SIGMA_A + c]);
        if (mode == HAIR_COLOR) {
            float bn = hairBeta(o, 0);
            float bn2 = bn * bn;
            float den = 5.969f - 0.215f * bn + 2.532f * bn2 - 10.73f * bn2 * bn + 5.574f * bn2 * bn2
                    + 0.245f * bn2 * bn2 * bn;
            float l = log(max(0f, shade[o + HR_COLOR + c])) / den;
            sigma = l * l;
        } else if (mode == HAIR_MELANIN) {
            float ce = max(0f, shade[o + HR_EUMELANIN]), cp = max(0f, shade[o + HR_PHEOMELANIN]);
            float eu = c == 0 ? 0.419f : c == 1 ? 0.697f : 1.37f;
            float ph = c == 0 ? 0.187f : c == 1 ? 0.4f : 1.05f;
            sigma = ce * eu + cp * ph;
        }
        return sigma;
    }

    /** hair.cpp Ap's term p (0..3) from the Fresnel reflectance f and one channel's transmittance t. */
    float hairAp(int p, float f, float t) {
        float a = f;
        if (p >= 1) {
            a = (1 - f) * (1 - f) * t;
        }
        if (p >= 2) {
            a = a * t * f;
        }
        if (p == 3) {
            float d = 1 - t * f;
            a = d > 0 ? a * f * t / d : 0f;
        }
        return a;
    }

    /** The offset across the fibre, h = -1 + 2 v (HairMaterial::ComputeScatteringFunctions). */
    float hairH(int gid) {
        return max(-1f, min(1f, -1 + 2 * scratch[Scratch.SURF_V * capacity + gid]));
    }

    /** sin(gamma_t) = h / eta', eta' = sqrt(eta^2 - sin^2(theta_o)) / cos(theta_o). */
    float hairSinGammaT(float eta, float sinO, float cosO, float h) {
        return h / (sqrt(eta * eta - sinO * sinO) / cosO);
    }

    /** Channel c of T = exp(-sigma_a 2 cos(gamma_t) / cos(theta_t)), a single pass through the fibre. */
    float hairT(int o, int c, float eta, float sinO, float sinGammaT) {
        float sinT = sinO / eta;
        float cosT = sqrt(max(0f, 1 - sinT * sinT));
        float cosGammaT = sqrt(max(0f, 1 - sinGammaT * sinGammaT));
        return exp(-hairSigmaA(o, c) * (2 * cosGammaT / cosT));
    }

    /**
     * HairBSDF::f times |cos theta_i| (not yet divided) and the density of HairBSDF::Pdf at the angles
     * (sin, cos theta_o; sin, cos theta_i; phi = phi_i - phi_o), written to the BS_ slots. cosI is used
     * as given (Sample_f's pdf passes its tilted cosine, which may be negative).
     */
    void hairScatter(int gid, int o, float sinO, float cosO, float sinI, float cosI, float phi) {
        float h = hairH(gid);
        float eta = shade[o + HR_ETA];
        float sinGammaT = hairSinGammaT(eta, sinO, cosO, h);
        float gammaT = asin(max(-1f, min(1f, sinGammaT)));
        float gammaO = asin(h);
        float tr = hairT(o, 0, eta, sinO, sinGammaT), tg = hairT(o, 1, eta, sinO, sinGammaT);
        float tb = hairT(o, 2, eta, sinO, sinGammaT);
        float f = fresnelDielectric(cosO * sqrt(max(0f, 1 - h * h)), 1f, eta);
        float v0 = hairV0(hairBeta(o, 1)), s = hairS(hairBeta(o, 0));
        // sin(2^k alpha), cos(2^k alpha) for k = 0, 1, 2.
        float sa0 = sin(shade[o + HR_ALPHA] * RADIANS), ca0 = sqrt(max(0f, 1 - sa0 * sa0));
        float sa1 = 2 * ca0 * sa0, ca1 = ca0 * ca0 - sa0 * sa0;
        float sa2 = 2 * ca1 * sa1, ca2 = ca1 * ca1 - sa1 * sa1;
        float m0 = hairTerm(0, sinI, cosI, sinO, cosO, sa1, ca1, v0, phi, s, gammaO, gammaT);
        float m1 = hairTerm(1, sinI, cosI, sinO, cosO, -sa0, ca0, 0.25f * v0, phi, s, gammaO, gammaT);
        float m2 = hairTerm(2, sinI, cosI, sinO, cosO, -sa2, ca2, 4 * v0, phi, s, gammaO, gammaT);
        float m3 = hairMp(cosI, cosO, sinI, sinO, 4 * v0) / TWO_PI_H;
        float fr = m0 * f + m1 * hairAp(1, f, tr) + m2 * hairAp(2, f, tr) + m3 * hairAp(3, f, tr);
        float fg = m0 * f + m1 * hairAp(1, f, tg) + m2 * hairAp(2, f, tg) + m3 * hairAp(3, f, tg);
        float fb = m0 * f + m1 * hairAp(1, f, tb) + m2 * hairAp(2, f, tb) + m3 * hairAp(3, f, tb);
        // ComputeApPdf: each Ap's luminance over their sum.
        float y0 = hairApY(0, f, tr, tg, tb), y1 = hairApY(1, f, tr, tg, tb), y2 = hairApY(2, f, tr, tg, tb);
        float y3 = hairApY(3, f, tr, tg, tb);
        float pdf = (m0 * y0 + m1 * y1 + m2 * y2 + m3 * y3) / (y0 + y1 + y2 + y3);
        writeColour(gid, fr, fg, fb, pdf);
    }

    /** RGBSpectrum::y of Ap's term p. */
    float hairApY(int p, float f, float tr, float tg, float tb) {
        return Y_R * hairAp(p, f, tr) + Y_G * hairAp(p, f, tg) + Y_B * hairAp(p, f, tb);
    }

    /** HairBSDF::f and HairBSDF::Pdf at (wo, wi) in the shading frame (x along the fibre). */
    void evalHair(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float cosO = sqrt(max(0f, 1 - wox * wox));
        if (cosO == 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            hairScatter(gid, o, wox, cosO, wix, sqrt(max(0f, 1 - wix * wix)), atan2(wiz, wiy) - atan2(woz, woy));
            hairDivideCos(gid, wiz);
        }
    }

    /** f /= |cos theta_i| where it is not 0 (hair.cpp f's last step). */
    void hairDivideCos(int gid, float wiz) {
        float c = abs(wiz);
        if (c > 0) {
            scratch[Scratch.BS_R * capacity + gid] = scratch[Scratch.BS_R * capacity + gid] / c;
            scratch[Scratch.BS_G * capacity + gid] = scratch[Scratch.BS_G * capacity + gid] / c;
            scratch[Scratch.BS_B * capacity + gid] = scratch[Scratch.BS_B * capacity + gid] / c;
        }
    }

    /**
     * hair.h DemuxFloat: bits 0, 2, 4, ... (which 0) or 1, 3, 5, ... (which 1) of floor(u 2^32), over 2^16
     * (Compact1By1). floor(u 2^32) is formed from two 16-bit halves, exactly, without a long.
     */
    float hairDemux(float u, int which) {
        float sc = u * 65536f;
        float hiF = floor(sc);
        int v = ((int) hiF << 16) | (int) ((sc - hiF) * 65536f);
        int x = which == 0 ? v : v >> 1;
        x &= 0x55555555;
        x = (x ^ (x >> 1)) & 0x33333333;
        x = (x ^ (x >> 2)) & 0x0f0f0f0f;
        x = (x ^ (x >> 4)) & 0x00ff00ff;
        x = (x ^ (x >> 8)) & 0x0000ffff;
        return x / 65536f;
    }

    /**
     * HairBSDF::Sample_f from sample numbers (u1, u2): wi, and the weight f |cos theta_i| / pdf with f =
     * f(wo, wi) and Sample_f's own pdf (at its sampled angles, before wi's atan2). False when the pdf is 0.
     */
    boolean sampleHair(int gid, int o, float wox, float woy, float woz, float u1, float u2) {
        float sinO = wox;
        float cosO = sqrt(max(0f, 1 - wox * wox));
        boolean ok = false;
        if (cosO > 0) {
            float phiO = atan2(woz, woy);
            float u00 = hairDemux(u1, 0), u01 = hairDemux(u1, 1), u10 = hairDemux(u2, 0), u11 = hairDemux(u2, 1);
            float h = hairH(gid);
            float eta = shade[o + HR_ETA];
            float sinGammaT = hairSinGammaT(eta, sinO, cosO, h);
            float tr = hairT(o, 0, eta, sinO, sinGammaT), tg = hairT(o, 1, eta, sinO, sinGammaT);
            float tb = hairT(o, 2, eta, sinO, sinGammaT);
            float f = fresnelDielectric(cosO * sqrt(max(0f, 1 - h * h)), 1f, eta);
            float y0 = hairApY(0, f, tr, tg, tb), y1 = hairApY(1, f, tr, tg, tb), y2 = hairApY(2, f, tr, tg, tb);
            float sum = y0 + y1 + y2 + hairApY(3, f, tr, tg, tb);
            // The term p: the first whose ComputeApPdf exceeds what is left of u[0][0].
            int p = 0;
            float u = u00;
            if (u >= y0 / sum) {
                u -= y0 / sum;
                p = 1;
                if (u >= y1 / sum) {
                    u -= y1 / sum;
                    p = 2;
                    if (u >= y2 / sum) {
                        p = 3;
                    }
                }
            }
            float v0 = hairV0(hairBeta(o, 1)), s = hairS(hairBeta(o, 0));
            float v = p == 0 ? v0 : p == 1 ? 0.25f * v0 : 4 * v0;
            // Mp: cos(theta) about the mirror direction, then the cone's azimuth.
            float um = max(u10, 1e-5f);
            float cosTheta = 1 + v * log(um + (1 - um) * exp(-2 / v));
            float sinTheta = sqrt(max(0f, 1 - cosTheta * cosTheta));
            float cosPhi = cos(TWO_PI_H * u11);
            float sinI = -cosTheta * sinO + sinTheta * cosPhi * cosO;
            float cosI = sqrt(max(0f, 1 - sinI * sinI));
            // Undo the scales' tilt of term p (the inverse rotation of hairTerm's).
            float sa0 = sin(shade[o + HR_ALPHA] * RADIANS), ca0 = sqrt(max(0f, 1 - sa0 * sa0));
            float sa1 = 2 * ca0 * sa0, ca1 = ca0 * ca0 - sa0 * sa0;
            float sa2 = 2 * ca1 * sa1, ca2 = ca1 * ca1 - sa1 * sa1;
            float sa = p == 0 ? sa1 : p == 1 ? -sa0 : p == 2 ? -sa2 : 0f;
            float ca = p == 0 ? ca1 : p == 1 ? ca0 : p == 2 ? ca2 : 1f;
            float sinIp = sinI * ca - cosI * sa;
            float cosIp = cosI * ca + sinI * sa;
            // Np: Phi(p) plus a trimmed logistic sample, or uniform for p = pMax.
            float gammaT = asin(max(-1f, min(1f, sinGammaT)));
            float gammaO = asin(h);
            float dphi = TWO_PI_H * u01;
            if (p < 3) {
                float lo = hairLogisticCdf(-PI, s);
                float k = hairLogisticCdf(PI, s) - lo;
                float x = -s * log(1 / (u01 * k + lo) - 1);
                dphi = 2 * p * gammaT - 2 * gammaO + p * PI + max(-PI, min(PI, x));
            }
            float phiI = phiO + dphi;
            float wix = sinIp, wiy = cosIp * cos(phiI), wiz = cosIp * sin(phiI);
            // Sample_f's pdf at its own angles; f(wo, wi) at wi's, which differ only where cos(theta_i') < 0.
            hairScatter(gid, o, sinO, cosO, sinIp, cosIp, dphi);
            float pdf = scratch[Scratch.BS_PDF * capacity + gid];
            if (cosIp < 0) {
                hairScatter(gid, o, sinO, cosO, sinIp, sqrt(max(0f, 1 - sinIp * sinIp)), atan2(wiz, wiy) - phiO);
            }
            hairDivideCos(gid, wiz);
            ok = pdf > 0;
            float w = ok ? abs(wiz) / pdf : 0f;
            writeColour(gid, scratch[Scratch.BS_R * capacity + gid] * w, scratch[Scratch.BS_G * capacity + gid] * w,
                    scratch[Scratch.BS_B * capacity + gid] * w, pdf);
            writeDirection(gid, wix, wiy, wiz, false, wiz * woz < 0, 1f);
        }
        return ok;
    }
}

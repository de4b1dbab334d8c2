package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.DG_CAUCHYB;
import static org.luxnet.scene.compiled.MaterialLayout.DG_EXT_A;
import static org.luxnet.scene.compiled.MaterialLayout.DG_EXT_B;
import static org.luxnet.scene.compiled.MaterialLayout.ETA;
import static org.luxnet.scene.compiled.MaterialLayout.KS;
import static org.luxnet.scene.compiled.MaterialLayout.KT;
import static org.luxnet.scene.compiled.MaterialLayout.RG_CAUCHYB;
import static org.luxnet.scene.compiled.MaterialLayout.RG_INDEX;
import static org.luxnet.scene.compiled.MaterialLayout.RG_KR;
import static org.luxnet.scene.compiled.MaterialLayout.RG_KT;
import static org.luxnet.scene.compiled.MaterialLayout.RG_U;
import static org.luxnet.scene.compiled.MaterialLayout.RG_V;

/**
 * LuxRender's glasses beyond the smooth one, over {@link SchlickKernel}: roughglass (Schlick microfacet
 * reflection and transmission) and glass with Cauchy dispersion in RGB.
 */
abstract class LuxGlassKernel extends SchlickKernel {
    // Roughglass (roughglass.cpp RoughGlass::GetBSDF): MultiBSDF of MicrofacetReflection(Kr) and
    // MicrofacetTransmission(Kt) (microfacet.cpp), each present when its colour is not black, sharing
    // SchlickDistribution(u v, anisotropy) and FresnelCauchy(index, cauchyb); without dispersion the
    // index is FresnelCauchy::Index's index + cauchyb / (0.38 um * 0.72 um). Transmitted radiance is
    // scaled by (eta_o / eta_i)^2 as the smooth glass does (pbrt's radiance transport).

    /** The index FresnelCauchy::Index uses when not dispersing. */
    float roughGlassIndex(int o) {
        return shade[o + RG_INDEX] + shade[o + RG_CAUCHYB] * (1f / (0.38f * 0.72f));
    }

    boolean roughGlassReflects(int o) {
        return shade[o + RG_KR] + shade[o + RG_KR + 1] + shade[o + RG_KR + 2] > 0;
    }

    boolean roughGlassTransmits(int o) {
        return shade[o + RG_KT] + shade[o + RG_KT + 1] + shade[o + RG_KT + 2] > 0;
    }

    /**
     * f and pdf of roughglass at wo and wi; with {@code reflect}, the reflection lobe alone whatever the sides
     * of wo and wi (the geometric normal seeing reflection, evalLuxReversed): its half vector wo + wi turned
     * up and absolute cosines are those of the two-sided MicrofacetReflection::F.
     */
    void evalRoughGlassLobes(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz,
                             boolean reflect) {
        float u = luxGlossyRoughness(shade[o + RG_U]), v = luxGlossyRoughness(shade[o + RG_V]);
        float r = u * v, aniso = schlickAnisotropy(u, v);
        float ior = roughGlassIndex(o);
        boolean reflects = roughGlassReflects(o), transmits = roughGlassTransmits(o);
        float n = 0f;
        if (reflects) {
            n += 1f;
        }
        if (transmits) {
            n += 1f;
        }
        float oz = abs(woz), iz = abs(wiz);
        float fr = 0f, fg = 0f, fb = 0f, pdf = 0f;
        int c = RG_KR;
        boolean reflection = reflect || woz * wiz > 0;
        // The half vector: wo + wi for reflection, eta_o wo + eta_i wi for transmission, turned up.
        float etaO = woz > 0 ? 1f : ior, etaI = woz > 0 ? ior : 1f;
        float hx = etaO * wox + etaI * wix, hy = etaO * woy + etaI * wiy, hz = etaO * woz + etaI * wiz;
        if (reflection) {
            hx = wox + wix;
            hy = woy + wiy;
            hz = woz + wiz;
        }
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        if (hz < 0) {
            hl = -hl;
        }
        boolean lobe = transmits;
        if (reflection) {
            lobe = reflects;
        }
        boolean ok = oz > 0 && iz > 0 && hl != 0 && lobe;
        if (ok) {
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float cosOH = wox * hx + woy * hy + woz * hz, cosIH = wix * hx + wiy * hy + wiz * hz;
            float d = schlickZ(r, hz) * schlickA(aniso, hx, hy) * INV_PI;
            float g = schlickG(r, oz) * schlickG(r, iz);
            float f = fresnelDielectric(reflection ? cosIH : cosOH, 1f, ior);
            float pdfH = schlickZ(r, hz) * hz * INV_PI * schlickPhiDensity(aniso, hx, hy);
            float k = 0f;
            if (reflection) {
                k = f * d * g / (4 * iz * oz);
                pdf = pdfH / (4 * abs(cosOH)) / n;
            } else if (cosOH * cosIH < 0 && cosOH * woz > 0) {
                // Refraction through a microfacet that faces wo.
                float den = etaO * cosOH + etaI * cosIH;
                k = (1 - f) * d * g * abs(cosIH) * abs(cosOH) * etaO * etaO / (iz * oz * den * den);
                pdf = pdfH * etaI * etaI * abs(cosIH) / (den * den) / n;
                c = RG_KT;
            }
            fr = min(1f, shade[o + c]) * k;
            fg = min(1f, shade[o + c + 1]) * k;
            fb = min(1f, shade[o + c + 2]) * k;
        }
        writeColour(gid, fr, fg, fb, pdf);
    }

    /** MultiBSDF::SampleF over the present lobes: a reflected or a refracted direction about a Schlick half vector. */
    boolean sampleRoughGlassDirection(int gid, int o, float wox, float woy, float woz, float u1, float u2,
                                              float uLobe) {
        float u = luxGlossyRoughness(shade[o + RG_U]), v = luxGlossyRoughness(shade[o + RG_V]);
        float r = u * v, aniso = schlickAnisotropy(u, v);
        boolean reflects = roughGlassReflects(o), transmits = roughGlassTransmits(o);
        boolean ok = false;
        boolean reflect = reflects;
        if (transmits && uLobe >= 0.5f) {
            reflect = false;
        }
        if (reflect) {
            ok = sampleSchlickReflection(gid, wox, woy, woz, r, aniso, u1, u2);
        } else if (transmits) {
            float s = woz < 0 ? -1f : 1f;
            float ior = roughGlassIndex(o);
            float eta = woz > 0 ? 1f / ior : ior;
            schlickSampleH(gid, r, aniso, u1, u2);
            // The half vector on wo's side, wo refracted through it (Snell).
            float hx = s * scratch[Scratch.VEC_X * capacity + gid], hy = s * scratch[Scratch.VEC_Y * capacity + gid];
            float hz = s * scratch[Scratch.VEC_Z * capacity + gid];
            float c = wox * hx + woy * hy + woz * hz;
            float sin2T = eta * eta * max(0f, 1 - c * c);
            if (c > 0 && sin2T < 1) {
                float k = eta * c - sqrt(1 - sin2T);
                float iz = k * hz - eta * woz;
                writeDirection(gid, k * hx - eta * wox, k * hy - eta * woy, iz, false, true, 1f);
                ok = iz * woz < 0;
            }
        }
        return ok;
    }

    // Dispersive glass (glass.cpp with cauchyb: FresnelCauchy and a dispersive SpecularTransmission;
    // glass2.cpp with "dispersion": FresnelDielectric of the Interior's over the Exterior's index), in
    // RGB: one colour per path, uniformly, refracting with (a + b / l^2) / (extA + extB / l^2) at that
    // colour's wavelength; the weight carries that colour only, times 3.

    /**
     * Samples reflection or refraction for one colour chosen by {@code uLobe} (its first third R, then
     * G, then B; the rest of the number picks reflection with the Fresnel probability).
     */
    boolean sampleDispersiveGlass(int gid, int o, float wox, float woy, float woz, float uLobe) {
        int c = min(2, (int) (uLobe * 3));
        float u = uLobe * 3 - c;
        float lambda = 0.612f;
        if (c == 1) {
            lambda = 0.549f;
        } else if (c == 2) {
            lambda = 0.465f;
        }
        float inv2 = 1f / (lambda * lambda);
        float eta = (shade[o + ETA] + shade[o + DG_CAUCHYB] * inv2) / (shade[o + DG_EXT_A] + shade[o + DG_EXT_B] * inv2);
        boolean entering = woz > 0;
        float f = fresnelDielectric(woz, 1f, eta);
        boolean ok = true;
        float w = 0f;
        if (u < f) {
            w = 3 * shade[o + KS + c];
            scratch[Scratch.BS_PDF * capacity + gid] = f / 3;
            writeDirection(gid, -wox, -woy, woz, true, false, 1f);
        } else {
            float ratio = entering ? 1f / eta : eta;
            float sin2T = ratio * ratio * max(0f, 1 - woz * woz);
            ok = sin2T < 1;
            float cosT = sqrt(max(0f, 1 - sin2T));
            w = 3 * shade[o + KT + c] * ratio * ratio;
            scratch[Scratch.BS_PDF * capacity + gid] = (1 - f) / 3;
            writeDirection(gid, -ratio * wox, -ratio * woy, entering ? -cosT : cosT, true, true, 1f / (ratio * ratio));
        }
        scratch[Scratch.BS_R * capacity + gid] = c == 0 ? w : 0f;
        scratch[Scratch.BS_G * capacity + gid] = c == 1 ? w : 0f;
        scratch[Scratch.BS_B * capacity + gid] = c == 2 ? w : 0f;
        return ok;
    }
}

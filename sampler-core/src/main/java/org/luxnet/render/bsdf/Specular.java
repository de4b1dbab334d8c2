package org.luxnet.render.bsdf;

import static org.luxnet.scene.compiled.MaterialLayout.ETA;
import static org.luxnet.scene.compiled.MaterialLayout.KS;
import static org.luxnet.scene.compiled.MaterialLayout.KT;

/**
 * Dirac-delta materials: a perfect mirror, smooth glass that reflects or refracts in proportion to
 * its Fresnel reflectance (pbrt-v3's FresnelSpecular, with radiance scaled by (eta_i/eta_t)^2 on
 * refraction), and thin "architectural" glass that transmits without bending. Their f is never
 * evaluated for a given pair of directions: the probability of hitting the delta is zero.
 */
final class Specular {
    private Specular() {
    }

    static boolean sampleMirror(float[] p, int o, float wox, float woy, float woz, BsdfSample out) {
        if (woz == 0) {
            return false;
        }
        out.wix = -wox;
        out.wiy = -woy;
        out.wiz = woz;
        out.set(p[o + KS], p[o + KS + 1], p[o + KS + 2], 1f);
        out.specular = true;
        out.transmission = false;
        out.etaScale = 1f;
        return true;
    }

    static boolean sampleGlass(float[] p, int o, float wox, float woy, float woz, float uLobe, BsdfSample out) {
        float eta = p[o + ETA];
        boolean entering = woz > 0;
        float etaI = entering ? 1f : eta, etaT = entering ? eta : 1f;
        float f = Fresnel.dielectric(woz, 1f, eta);
        if (uLobe < f) {
            out.wix = -wox;
            out.wiy = -woy;
            out.wiz = woz;
            out.set(p[o + KS], p[o + KS + 1], p[o + KS + 2], f);
            out.specular = true;
            out.transmission = false;
            out.etaScale = 1f;
            return true;
        }
        // Refract about the normal on wo's side; Fresnel < 1 guarantees no total internal reflection.
        float ratio = etaI / etaT;
        float cosI = Math.abs(woz);
        float sin2T = ratio * ratio * Math.max(0f, 1 - cosI * cosI);
        if (sin2T >= 1) {
            return false;
        }
        float cosT = (float) Math.sqrt(1 - sin2T);
        out.wix = -ratio * wox;
        out.wiy = -ratio * woy;
        out.wiz = entering ? -cosT : cosT;
        float scale = ratio * ratio;
        out.set(p[o + KT] * scale, p[o + KT + 1] * scale, p[o + KT + 2] * scale, 1 - f);
        out.specular = true;
        out.transmission = true;
        out.etaScale = 1f / scale;
        return true;
    }

    static boolean sampleArchGlass(float[] p, int o, float wox, float woy, float woz, float uLobe, BsdfSample out) {
        float f = Fresnel.dielectric(woz, 1f, p[o + ETA]);
        out.specular = true;
        out.etaScale = 1f;
        if (uLobe < f) {
            out.wix = -wox;
            out.wiy = -woy;
            out.wiz = woz;
            out.set(p[o + KS], p[o + KS + 1], p[o + KS + 2], f);
            out.transmission = false;
        } else {
            out.wix = -wox;
            out.wiy = -woy;
            out.wiz = -woz;
            out.set(p[o + KT], p[o + KT + 1], p[o + KT + 2], 1 - f);
            out.transmission = true;
        }
        return true;
    }
}

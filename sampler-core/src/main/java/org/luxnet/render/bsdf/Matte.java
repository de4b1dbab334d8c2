package org.luxnet.render.bsdf;

import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.ON_A;
import static org.luxnet.scene.compiled.MaterialLayout.ON_B;

import org.luxnet.render.math.Sampling;

/**
 * Lambertian reflection, or Oren-Nayar when the material's B term is non-zero (pbrt-v3's
 * OrenNayar). Two-sided: it reflects on whichever side wo lies. Sampled with a cosine lobe.
 */
final class Matte {
    private Matte() {
    }

    static void eval(float[] p, int o, float wox, float woy, float woz, float wix, float wiy, float wiz, BsdfSample out) {
        if (woz * wiz <= 0) {
            out.set(0, 0, 0, 0);
            return;
        }
        float k = Sampling.INV_PI * orenNayar(p, o, wox, woy, woz, wix, wiy, wiz);
        out.set(p[o + KD] * k, p[o + KD + 1] * k, p[o + KD + 2] * k, Math.abs(wiz) * Sampling.INV_PI);
    }

    static boolean sample(float[] p, int o, float wox, float woy, float woz, float u1, float u2, BsdfSample out, float[] tmp) {
        if (woz == 0) {
            return false;
        }
        Sampling.cosineHemisphere(u1, u2, tmp);
        float wix = tmp[0], wiy = tmp[1], wiz = woz < 0 ? -tmp[2] : tmp[2];
        if (wiz == 0) {
            return false;
        }
        out.wix = wix;
        out.wiy = wiy;
        out.wiz = wiz;
        // f * cos / pdf = Kd * (Oren-Nayar factor): the cosine and 1/pi cancel.
        float k = orenNayar(p, o, wox, woy, woz, wix, wiy, wiz);
        out.set(p[o + KD] * k, p[o + KD + 1] * k, p[o + KD + 2] * k, Math.abs(wiz) * Sampling.INV_PI);
        out.specular = false;
        out.transmission = false;
        out.etaScale = 1f;
        return true;
    }

    /** A + B max(0, cos(phi_i - phi_o)) sin(alpha) tan(beta); exactly 1 for Lambertian (B = 0). */
    private static float orenNayar(float[] p, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float b = p[o + ON_B];
        if (b == 0) {
            return 1f;
        }
        float a = p[o + ON_A];
        float sin2I = Math.max(0f, 1 - wiz * wiz), sin2O = Math.max(0f, 1 - woz * woz);
        float sinI = (float) Math.sqrt(sin2I), sinO = (float) Math.sqrt(sin2O);
        float maxCos = 0;
        if (sinI > 1e-4f && sinO > 1e-4f) {
            maxCos = Math.max(0f, (wix * wox + wiy * woy) / (sinI * sinO));
        }
        float cosI = Math.abs(wiz), cosO = Math.abs(woz);
        float sinAlpha, tanBeta;
        if (cosI > cosO) {
            sinAlpha = sinO;
            tanBeta = sinI / cosI;
        } else {
            sinAlpha = sinI;
            tanBeta = sinO / cosO;
        }
        return a + b * maxCos * sinAlpha * tanBeta;
    }
}

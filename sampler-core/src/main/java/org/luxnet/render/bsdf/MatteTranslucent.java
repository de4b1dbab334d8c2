package org.luxnet.render.bsdf;

import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.KT;

import org.luxnet.render.math.Sampling;

/**
 * LuxRender's "mattetranslucent": Lambertian reflection (Kr) on wo's side and Lambertian
 * transmission (Kt) to the other side of a thin surface. Sampling picks the side in proportion to
 * the larger channel of each.
 */
final class MatteTranslucent {
    private MatteTranslucent() {
    }

    private static float reflectProbability(float[] p, int o) {
        float r = Math.max(p[o + KD], Math.max(p[o + KD + 1], p[o + KD + 2]));
        float t = Math.max(p[o + KT], Math.max(p[o + KT + 1], p[o + KT + 2]));
        return r + t > 0 ? r / (r + t) : 0.5f;
    }

    static void eval(float[] p, int o, float woz, float wiz, BsdfSample out) {
        if (woz == 0 || wiz == 0) {
            out.set(0, 0, 0, 0);
            return;
        }
        float pr = reflectProbability(p, o);
        int c = woz * wiz > 0 ? KD : KT;
        float prob = woz * wiz > 0 ? pr : 1 - pr;
        out.set(p[o + c] * Sampling.INV_PI, p[o + c + 1] * Sampling.INV_PI, p[o + c + 2] * Sampling.INV_PI,
                prob * Math.abs(wiz) * Sampling.INV_PI);
    }

    static boolean sample(float[] p, int o, float woz, float u1, float u2, float uLobe, BsdfSample out, float[] tmp) {
        if (woz == 0) {
            return false;
        }
        float pr = reflectProbability(p, o);
        boolean reflect = uLobe < pr;
        Sampling.cosineHemisphere(u1, u2, tmp);
        float z = tmp[2];
        if (z == 0) {
            return false;
        }
        boolean up = (woz > 0) == reflect;
        out.wix = tmp[0];
        out.wiy = tmp[1];
        out.wiz = up ? z : -z;
        int c = reflect ? KD : KT;
        float prob = reflect ? pr : 1 - pr;
        float k = 1f / prob;
        out.set(p[o + c] * k, p[o + c + 1] * k, p[o + c + 2] * k, prob * z * Sampling.INV_PI);
        out.specular = false;
        out.transmission = !reflect;
        out.etaScale = 1f;
        return true;
    }
}

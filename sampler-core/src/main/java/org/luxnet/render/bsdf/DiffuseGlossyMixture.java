package org.luxnet.render.bsdf;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;

import org.luxnet.render.math.Sampling;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Sampling shared by the two-lobe materials (glossy and plastic): pick the cosine lobe or a GGX
 * visible normal with probability 1/2 each, then let the material's {@code eval} give f and the
 * mixture density, whose ratio is the throughput weight. Two-sided.
 */
final class DiffuseGlossyMixture {
    private DiffuseGlossyMixture() {
    }

    static boolean sample(int type, float[] p, int o, float wox, float woy, float woz, float u1, float u2, float uLobe,
                          BsdfSample out, float[] tmp) {
        if (woz == 0) {
            return false;
        }
        float s = woz < 0 ? -1f : 1f;
        float oz = woz * s;
        float ix, iy, iz;
        if (uLobe < 0.5f) {
            Sampling.cosineHemisphere(u1, u2, tmp);
            ix = tmp[0];
            iy = tmp[1];
            iz = tmp[2];
        } else {
            Ggx.sampleVisible(wox, woy, oz, p[o + ALPHA_U], p[o + ALPHA_V], u1, u2, tmp);
            float dot = wox * tmp[0] + woy * tmp[1] + oz * tmp[2];
            ix = 2 * dot * tmp[0] - wox;
            iy = 2 * dot * tmp[1] - woy;
            iz = 2 * dot * tmp[2] - oz;
        }
        if (iz <= 0) {
            return false;
        }
        if (type == MaterialLayout.GLOSSY) {
            Glossy.eval(p, o, wox, woy, woz, ix, iy, iz * s, out);
        } else {
            Plastic.eval(p, o, wox, woy, woz, ix, iy, iz * s, out);
        }
        if (out.pdf <= 0) {
            return false;
        }
        float k = iz / out.pdf;
        out.r *= k;
        out.g *= k;
        out.b *= k;
        out.wix = ix;
        out.wiy = iy;
        out.wiz = iz * s;
        out.specular = false;
        out.transmission = false;
        out.etaScale = 1f;
        return true;
    }
}

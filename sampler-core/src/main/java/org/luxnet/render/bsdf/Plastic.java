package org.luxnet.render.bsdf;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.KS;

import org.luxnet.render.math.Sampling;

/**
 * pbrt-v3's "plastic": a Lambertian lobe plus a GGX microfacet reflection lobe whose Fresnel term is
 * pbrt-v3's FresnelDielectric(1.5, 1). The two lobes add; sampling picks one with probability 1/2
 * and the density is their average, as pbrt's BSDF::Sample_f does for two components ({@link
 * DiffuseGlossyMixture}).
 */
final class Plastic {
    private Plastic() {
    }

    static void eval(float[] p, int o, float wox, float woy, float woz, float wix, float wiy, float wiz, BsdfSample out) {
        if (woz * wiz <= 0) {
            out.set(0, 0, 0, 0);
            return;
        }
        float s = woz < 0 ? -1f : 1f;
        float oz = woz * s, iz = wiz * s;
        float ax = p[o + ALPHA_U], ay = p[o + ALPHA_V];
        float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
        float hl = (float) Math.sqrt(hx * hx + hy * hy + hz * hz);
        float spec = 0, pdfSpec = 0;
        if (hl > 0) {
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float dotI = wix * hx + wiy * hy + iz * hz;
            float fr = Fresnel.dielectric(dotI, 1.5f, 1f);
            spec = Ggx.d(hx, hy, hz, ax, ay) * Ggx.g(wox, woy, oz, wix, wiy, iz, ax, ay) * fr / (4 * oz * iz);
            pdfSpec = Ggx.pdfVisible(wox, woy, oz, hx, hy, hz, ax, ay) / (4 * Math.abs(wox * hx + woy * hy + oz * hz));
        }
        out.set(p[o + KD] * Sampling.INV_PI + p[o + KS] * spec,
                p[o + KD + 1] * Sampling.INV_PI + p[o + KS + 1] * spec,
                p[o + KD + 2] * Sampling.INV_PI + p[o + KS + 2] * spec,
                0.5f * (iz * Sampling.INV_PI + pdfSpec));
    }
}

package org.luxnet.render.bsdf;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.KS;

import org.luxnet.render.math.Sampling;

/**
 * A diffuse base under a glossy coat: Ashikhmin-Shirley's energy-coupled model with Schlick's
 * Fresnel (pbrt-v3's FresnelBlend; the model behind LuxRender's "glossy" and pbrt's "substrate").
 * Two-sided. Sampled by {@link DiffuseGlossyMixture}.
 */
final class Glossy {
    private static final float DIFFUSE_NORM = 28f / (23f * (float) Math.PI);

    private Glossy() {
    }

    static void eval(float[] p, int o, float wox, float woy, float woz, float wix, float wiy, float wiz, BsdfSample out) {
        if (woz * wiz <= 0) {
            out.set(0, 0, 0, 0);
            return;
        }
        float s = woz < 0 ? -1f : 1f;
        float oz = woz * s, iz = wiz * s;
        float ax = p[o + ALPHA_U], ay = p[o + ALPHA_V];
        float diff = DIFFUSE_NORM * (1 - Fresnel.pow5(0.5f * iz)) * (1 - Fresnel.pow5(0.5f * oz));
        float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
        float hl = (float) Math.sqrt(hx * hx + hy * hy + hz * hz);
        float spec = 0, pdfSpec = 0, schlick = 0;
        if (hl > 0) {
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float dotI = wix * hx + wiy * hy + iz * hz;
            spec = Ggx.d(hx, hy, hz, ax, ay) / (4 * Math.abs(dotI) * Math.max(iz, oz));
            schlick = Fresnel.pow5(dotI);
            pdfSpec = Ggx.pdfVisible(wox, woy, oz, hx, hy, hz, ax, ay) / (4 * Math.abs(wox * hx + woy * hy + oz * hz));
        }
        out.set(channel(p, o, 0, diff, spec, schlick), channel(p, o, 1, diff, spec, schlick),
                channel(p, o, 2, diff, spec, schlick), 0.5f * (iz * Sampling.INV_PI + pdfSpec));
    }

    private static float channel(float[] p, int o, int c, float diff, float spec, float schlick) {
        float rd = p[o + KD + c], rs = p[o + KS + c];
        return rd * (1 - rs) * diff + spec * (rs + (1 - rs) * schlick);
    }
}

package org.luxnet.render.bsdf;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.METAL_ETA;
import static org.luxnet.scene.compiled.MaterialLayout.METAL_K;

/**
 * Rough metal: GGX microfacet reflection with the conductor Fresnel term per RGB channel
 * (pbrt-v3's MicrofacetReflection with FresnelConductor). Two-sided. Sampled by visible normals, so
 * the throughput weight is F * G / G1(wo).
 */
final class Conductor {
    private Conductor() {
    }

    static void eval(float[] p, int o, float wox, float woy, float woz, float wix, float wiy, float wiz, BsdfSample out) {
        if (woz * wiz <= 0) {
            out.set(0, 0, 0, 0);
            return;
        }
        float s = woz < 0 ? -1f : 1f;
        float oz = woz * s, iz = wiz * s;
        float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
        float hl = (float) Math.sqrt(hx * hx + hy * hy + hz * hz);
        if (hl == 0) {
            out.set(0, 0, 0, 0);
            return;
        }
        hx /= hl;
        hy /= hl;
        hz /= hl;
        float ax = p[o + ALPHA_U], ay = p[o + ALPHA_V];
        float dot = wix * hx + wiy * hy + iz * hz;
        float k = Ggx.d(hx, hy, hz, ax, ay) * Ggx.g(wox, woy, oz, wix, wiy, iz, ax, ay) / (4 * oz * iz);
        out.set(k * Fresnel.conductor(dot, p[o + METAL_ETA], p[o + METAL_K]),
                k * Fresnel.conductor(dot, p[o + METAL_ETA + 1], p[o + METAL_K + 1]),
                k * Fresnel.conductor(dot, p[o + METAL_ETA + 2], p[o + METAL_K + 2]),
                Ggx.pdfVisible(wox, woy, oz, hx, hy, hz, ax, ay) / (4 * Math.abs(wox * hx + woy * hy + oz * hz)));
    }

    static boolean sample(float[] p, int o, float wox, float woy, float woz, float u1, float u2, BsdfSample out, float[] tmp) {
        if (woz == 0) {
            return false;
        }
        float s = woz < 0 ? -1f : 1f;
        float oz = woz * s;
        float ax = p[o + ALPHA_U], ay = p[o + ALPHA_V];
        Ggx.sampleVisible(wox, woy, oz, ax, ay, u1, u2, tmp);
        float hx = tmp[0], hy = tmp[1], hz = tmp[2];
        float dot = wox * hx + woy * hy + oz * hz;
        float ix = 2 * dot * hx - wox, iy = 2 * dot * hy - woy, iz = 2 * dot * hz - oz;
        if (iz <= 0 || dot <= 0) {
            return false;
        }
        float w = Ggx.g(wox, woy, oz, ix, iy, iz, ax, ay) / Ggx.g1(wox, woy, oz, ax, ay);
        out.wix = ix;
        out.wiy = iy;
        out.wiz = iz * s;
        out.set(w * Fresnel.conductor(dot, p[o + METAL_ETA], p[o + METAL_K]),
                w * Fresnel.conductor(dot, p[o + METAL_ETA + 1], p[o + METAL_K + 1]),
                w * Fresnel.conductor(dot, p[o + METAL_ETA + 2], p[o + METAL_K + 2]),
                Ggx.pdfVisible(wox, woy, oz, hx, hy, hz, ax, ay) / (4 * dot));
        out.specular = false;
        out.transmission = false;
        out.etaScale = 1f;
        return true;
    }
}

package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.CLY_INDEX;
import static org.luxnet.scene.compiled.MaterialLayout.CL_REPEAT_U;
import static org.luxnet.scene.compiled.MaterialLayout.CL_REPEAT_V;
import static org.luxnet.scene.compiled.MaterialLayout.CL_SPEC_NORM;
import static org.luxnet.scene.compiled.MaterialLayout.CL_TABLE_HI;
import static org.luxnet.scene.compiled.MaterialLayout.CL_TABLE_LO;
import static org.luxnet.scene.compiled.MaterialLayout.CL_WARP_KD;
import static org.luxnet.scene.compiled.MaterialLayout.CL_WARP_KS;
import static org.luxnet.scene.compiled.MaterialLayout.CL_WEFT_KD;
import static org.luxnet.scene.compiled.MaterialLayout.CL_WEFT_KS;

/**
 * LuxRender's "cloth" BSDF (materials/cloth.cpp Cloth::GetBSDF): a MultiBSDF of a Lambertian of the
 * hit's yarn's Kd and the Irawan BxDF of its Ks (both clamped to [0, 1]; warp_ for a yarn of colour
 * index 0, weft_ for 1), the yarn found from the hit's surface (u, v) ({@link IrawanKernel#clothYarn},
 * SURF_U and SURF_V: cloth rows are shaded per hit). In this layer's convention, f without the cosine:
 * Kd / pi + Ks evalSpecular scale specularNormalization / pi (Irawan::F is that times |wo.z|, LuxRender's
 * BxDF::F carrying the cosine of its first direction). Both BxDFs keep BxDF::Pdf, the cosine density on
 * wo's side, so the MultiBSDF's density is |wi.z| / pi whichever is picked, and both sample the cosine
 * hemisphere (Lambertian::SampleF, Irawan::SampleF): LuxMaterialKernel's default sampling. Irawan::SampleF
 * returns Ks evalSpecular scale without the |wo.z / wi.z| that Lambertian::SampleF (and F / pdf) has, so
 * in LuxRender a sample of the Irawan lobe is weighted by |wi.z| / |wo.z| more than F says; here every
 * sample is weighted by F / pdf, so that sampled and light-sampled paths agree.
 */
abstract class ClothKernel extends HairKernel {
    /**
     * f (and the cosine pdf, 0 when {@code reversed}) of the cloth row at {@code o} for wo and wi in the shading
     * frame, written to the BS_ slots. The caller has checked the sides: {@link LuxMaterialKernel#evalLux} keeps
     * wo and wi on one side of the shading normal; {@code reversed} is LuxRender's F towards a light behind it
     * (Lambertian::F and Irawan::F test no side; evalSpecular turns both directions up).
     */
    void evalCloth(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz,
                   boolean reversed) {
        int t = (int) shade[o + CL_TABLE_HI] * 4096 + (int) shade[o + CL_TABLE_LO];
        clothYarn(gid, t, scratch[Scratch.SURF_U * capacity + gid], scratch[Scratch.SURF_V * capacity + gid],
                shade[o + CL_REPEAT_U], shade[o + CL_REPEAT_V]);
        int y = (int) scratch[Scratch.CL_YARN * capacity + gid];
        int kd = CL_WARP_KD, ks = CL_WARP_KS;
        if (texTexels[y + CLY_INDEX] != 0) {
            kd = CL_WEFT_KD;
            ks = CL_WEFT_KS;
        }
        float s = irawanSpecular(gid, t, wox, woy, woz, wix, wiy, wiz) * scratch[Scratch.CL_SCALE * capacity + gid]
                * shade[o + CL_SPEC_NORM];
        float r = (min(1f, shade[o + kd]) + min(1f, shade[o + ks]) * s) * INV_PI;
        float g = (min(1f, shade[o + kd + 1]) + min(1f, shade[o + ks + 1]) * s) * INV_PI;
        float b = (min(1f, shade[o + kd + 2]) + min(1f, shade[o + ks + 2]) * s) * INV_PI;
        float pdf = abs(wiz) * INV_PI;
        if (reversed) {
            pdf = 0f;
        }
        writeColour(gid, r, g, b, pdf);
    }
}

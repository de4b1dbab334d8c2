package org.luxnet.render.bsdf;

import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Evaluates and samples the BSDF of a compiled material, dispatching on its type. Directions are in
 * the local shading frame, whose +z is the surface's shading normal as authored (not flipped
 * towards wo): two-sided materials handle wo below the surface themselves, glass uses the side to
 * know whether the ray enters or leaves. Stateless; results go to a per-thread {@link BsdfSample}.
 */
public final class Bsdf {
    private Bsdf() {
    }

    /** True when the material has a non-delta lobe, so that sampling a light can find it. */
    public static boolean hasSmoothLobe(int type) {
        return type == MaterialLayout.MATTE || type == MaterialLayout.GLOSSY || type == MaterialLayout.METAL
                || type == MaterialLayout.PLASTIC || type == MaterialLayout.MATTE_TRANSLUCENT;
    }

    /**
     * Sets {@code out}'s colour to f(wo, wi) and its pdf to the density with which {@link #sample}
     * would pick wi. Zero for delta materials.
     */
    public static void eval(CompiledScene scene, int material, float wox, float woy, float woz,
                            float wix, float wiy, float wiz, BsdfSample out) {
        float[] p = scene.matParams;
        int o = material * MaterialLayout.STRIDE;
        switch (scene.matType[material]) {
            case MaterialLayout.MATTE:
                Matte.eval(p, o, wox, woy, woz, wix, wiy, wiz, out);
                return;
            case MaterialLayout.GLOSSY:
                Glossy.eval(p, o, wox, woy, woz, wix, wiy, wiz, out);
                return;
            case MaterialLayout.METAL:
                Conductor.eval(p, o, wox, woy, woz, wix, wiy, wiz, out);
                return;
            case MaterialLayout.PLASTIC:
                Plastic.eval(p, o, wox, woy, woz, wix, wiy, wiz, out);
                return;
            case MaterialLayout.MATTE_TRANSLUCENT:
                MatteTranslucent.eval(p, o, woz, wiz, out);
                return;
            default:
                out.set(0, 0, 0, 0);
        }
    }

    /**
     * Samples wi for wo. On success returns true with {@code out} holding wi, the throughput weight
     * f |cos wi| / pdf, the pdf and the lobe flags; returns false when no direction carries light.
     *
     * @param u1    first direction number, [0,1)
     * @param u2    second direction number, [0,1)
     * @param uLobe number choosing a lobe (reflection vs refraction, diffuse vs glossy), [0,1)
     * @param tmp   scratch of at least 3 floats
     */
    public static boolean sample(CompiledScene scene, int material, float wox, float woy, float woz,
                                 float u1, float u2, float uLobe, BsdfSample out, float[] tmp) {
        float[] p = scene.matParams;
        int o = material * MaterialLayout.STRIDE;
        switch (scene.matType[material]) {
            case MaterialLayout.MATTE:
                return Matte.sample(p, o, wox, woy, woz, u1, u2, out, tmp);
            case MaterialLayout.MIRROR:
                return Specular.sampleMirror(p, o, wox, woy, woz, out);
            case MaterialLayout.GLASS:
                return Specular.sampleGlass(p, o, wox, woy, woz, uLobe, out);
            case MaterialLayout.ARCH_GLASS:
                return Specular.sampleArchGlass(p, o, wox, woy, woz, uLobe, out);
            case MaterialLayout.GLOSSY:
                return DiffuseGlossyMixture.sample(MaterialLayout.GLOSSY, p, o, wox, woy, woz, u1, u2, uLobe, out, tmp);
            case MaterialLayout.METAL:
                return Conductor.sample(p, o, wox, woy, woz, u1, u2, out, tmp);
            case MaterialLayout.PLASTIC:
                return DiffuseGlossyMixture.sample(MaterialLayout.PLASTIC, p, o, wox, woy, woz, u1, u2, uLobe, out, tmp);
            case MaterialLayout.MATTE_TRANSLUCENT:
                return MatteTranslucent.sample(p, o, woz, u1, u2, uLobe, out, tmp);
            default:
                return false;
        }
    }
}

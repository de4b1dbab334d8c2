package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.ETA;
import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.KS;
import static org.luxnet.scene.compiled.MaterialLayout.KT;
import static org.luxnet.scene.compiled.MaterialLayout.METAL_ETA;
import static org.luxnet.scene.compiled.MaterialLayout.METAL_K;
import static org.luxnet.scene.compiled.MaterialLayout.ON_A;
import static org.luxnet.scene.compiled.MaterialLayout.ON_B;

import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Fourth layer of the light transport: every material (matte and Oren-Nayar, mirror, glass,
 * architectural glass, glossy, metal, plastic, mattetranslucent; pbrt-v3's multi-lobe materials
 * through LobeKernel, its disney through DisneyKernel, its hair through HairKernel, its fourier through FourierKernel), evaluated and sampled in the local
 * shading frame, whose +z is the surface's shading normal as authored (not flipped towards wo):
 * two-sided materials handle wo below the surface themselves, glass uses the side to know whether
 * the ray enters or leaves. Results go to the {@code BS_}
 * slots of {@link Scratch}. Parameters come from the {@link #shade} row that {@link
 * #shadeMaterial} points {@link #shadeAt} at for each hit; after {@link #evalBsdf} the colour is f and the pdf the density of
 * sampling wi; after {@link #sampleBsdf} the colour is the throughput weight f |cos| / pdf.
 */
abstract class BsdfKernel extends LuxMaterialKernel {
    private static final float DIFFUSE_NORM = 28f / (23f * (float) Math.PI);

    /** True when the material has a non-delta lobe, so that sampling a light can find it. */
    static boolean hasSmoothLobe(int type) {
        return type == MaterialLayout.MATTE || type == MaterialLayout.GLOSSY || type == MaterialLayout.METAL
                || type == MaterialLayout.PLASTIC || type == MaterialLayout.MATTE_TRANSLUCENT || luxBsdfType(type)
                || multiLobe(type) || type == MaterialLayout.DISNEY || type == MaterialLayout.HAIR
                || type == MaterialLayout.FOURIER;
    }

    /** The pbrt-v3 multi-lobe materials of {@link LobeKernel}. */
    static boolean multiLobe(int type) {
        return type == MaterialLayout.UBER || type == MaterialLayout.TRANSLUCENT || type == MaterialLayout.ROUGH_GLASS;
    }

    /** f(wo, wi) and the density with which {@link #sampleBsdf} would pick wi; zero for delta materials. */
    void evalBsdf(int gid, int material, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        int type = matType[material];
        int o = shadeAt[gid]; // the shaded parameters (TextureKernel.shadeMaterial)
        if (type == MaterialLayout.MATTE) {
            evalMatte(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.GLOSSY) {
            evalGlossy(gid, o, wox, woy, woz, wix, wiy, wiz, false);
        } else if (type == MaterialLayout.METAL) {
            evalMetal(gid, o, wox, woy, woz, wix, wiy, wiz, false);
        } else if (type == MaterialLayout.PLASTIC) {
            evalPlastic(gid, o, wox, woy, woz, wix, wiy, wiz, false);
        } else if (type == MaterialLayout.MATTE_TRANSLUCENT) {
            evalMatteTranslucent(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (luxBsdfType(type)) {
            evalLux(gid, type, o, wox, woy, woz, wix, wiy, wiz);
        } else if (multiLobe(type)) {
            evalLobes(gid, type, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.DISNEY) {
            evalDisney(gid, o, wox, woy, woz, wix, wiy, wiz, false);
        } else if (type == MaterialLayout.HAIR) {
            evalHair(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.FOURIER) {
            evalFourier(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else {
            writeColour(gid, 0, 0, 0, 0);
        }
    }

    /**
     * True for the pbrt-v3 materials whose reflection lobes {@link #evalReflectionAcross} evaluates: the
     * reflection-only ones and disney.
     */
    static boolean reflectsAcross(int type) {
        return type == MaterialLayout.GLOSSY || type == MaterialLayout.METAL || type == MaterialLayout.PLASTIC
                || type == MaterialLayout.DISNEY;
    }

    /**
     * f(wo, wi) of a glossy, metal or plastic material where the geometric normal sees reflection but wi
     * lies below the shading hemisphere of wo (a bumped or interpolated normal turned away from the
     * light). pbrt-v3's BSDF::f picks the lobes by the geometric normal alone ({@code reflect =
     * Dot(wiW, ng) * Dot(woW, ng) > 0}) and evaluates its reflection lobes at wi as it is: Lambertian R /
     * pi, MicrofacetReflection D(wh) G(wo, wi) F(wi . wh) / (4 |cos i| |cos o|) and FresnelBlend with
     * wh = normalize(wi + wo) and absolute cosines (core/reflection.cpp), D and G being even in the
     * cosine. The pdf written is the lobes' density, which BSDF::Pdf makes 0 there (SameHemisphere); the
     * caller uses 0.
     */
    void evalReflectionAcross(int gid, int material, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        int type = matType[material];
        int o = shadeAt[gid];
        if (woz == 0 || wiz == 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else if (type == MaterialLayout.GLOSSY) {
            evalGlossy(gid, o, wox, woy, woz, wix, wiy, wiz, true);
        } else if (type == MaterialLayout.METAL) {
            evalMetal(gid, o, wox, woy, woz, wix, wiy, wiz, true);
        } else if (type == MaterialLayout.PLASTIC) {
            evalPlastic(gid, o, wox, woy, woz, wix, wiy, wiz, true);
        } else if (type == MaterialLayout.DISNEY) {
            evalDisney(gid, o, wox, woy, woz, wix, wiy, wiz, true);
        } else {
            writeColour(gid, 0, 0, 0, 0);
        }
    }

    /**
     * The pbrt-v3 materials with transmission lobes whose f and pdf {@link #evalAcrossKinds} evaluates
     * where the geometric normal and the shading frame disagree on reflection versus transmission.
     */
    static boolean transmitsAcross(int type) {
        return multiLobe(type) || type == MaterialLayout.DISNEY || type == MaterialLayout.HAIR
                || type == MaterialLayout.FOURIER;
    }

    /**
     * pbrt-v3's BSDF::f and BSDF::Pdf (core/reflection.cpp) for uber, translucent, rough glass and disney
     * where wi is the other kind for the geometric normal than for the shading frame (next-event
     * estimation, EstimateDirect in core/integrator.cpp): reflection when {@code geoReflect}, else
     * transmission. BSDF::f sums the BxDFs of the kind the geometric normal sees ({@code reflect =
     * Dot(wiW, ng) * Dot(woW, ng) > 0}), each at the local directions as they are: translucent's and
     * uber's LambertianReflection and MicrofacetReflection, rough glass's MicrofacetReflection, disney's
     * reflection lobes ({@link #evalLobesAcross}, evalDisney across); or LambertianTransmission's T /
     * pi (translucent, disney's thin diffuse transmission) and MicrofacetTransmission's 0 ("if
     * (SameHemisphere(wo, wi)) return 0"). BSDF::Pdf knows no geometric normal: it averages every
     * component's Pdf at wi as it is, which is the density {@link #evalBsdf} writes (the lobes of the
     * kind the shading frame sees; the others' Pdf is 0 by SameHemisphere), and that pdf is kept.
     */
    void evalAcrossKinds(int gid, int material, float wox, float woy, float woz, float wix, float wiy, float wiz,
                         boolean geoReflect) {
        int type = matType[material];
        int o = shadeAt[gid];
        evalBsdf(gid, material, wox, woy, woz, wix, wiy, wiz);
        float pdf = scratch[Scratch.BS_PDF * capacity + gid];
        if (multiLobe(type)) {
            evalLobesAcross(gid, type, o, wox, woy, woz, wix, wiy, wiz, geoReflect);
        } else if (type == MaterialLayout.DISNEY) {
            evalDisneyAcross(gid, o, wox, woy, woz, wix, wiy, wiz, geoReflect);
        }
        // Hair and fourier: HairBSDF and FourierBSDF are both reflection and transmission BxDFs, so BSDF::f keeps them
        // either way: evalBsdf's f.
        scratch[Scratch.BS_PDF * capacity + gid] = pdf;
    }

    /**
     * Disney's f of the kind the geometric normal sees where the shading frame sees the other: its
     * reflection lobes at wi as it is (evalDisney across), or its transmission BxDFs on wo's side, where
     * MicrofacetTransmission is 0 and only a thin surface's LambertianTransmission(dt c), dt = difftrans /
     * 2 (disney.cpp), gives dt c / pi. Writes the colour; the pdf slot is the caller's to set.
     */
    private void evalDisneyAcross(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz,
                                  boolean geoReflect) {
        if (geoReflect) {
            evalDisney(gid, o, wox, woy, woz, wix, wiy, wiz, true);
        } else {
            float k = 0f;
            if (shade[o + MaterialLayout.DS_THIN] != 0) {
                k = shade[o + MaterialLayout.DS_DIFFTRANS] * 0.5f * INV_PI;
            }
            writeColour(gid, shade[o + MaterialLayout.DS_COLOR] * k, shade[o + MaterialLayout.DS_COLOR + 1] * k,
                    shade[o + MaterialLayout.DS_COLOR + 2] * k, 0f);
        }
    }

    /**
     * pbrt-v3's number of BxDFs at the hit (BSDF::NumComponents(BSDF_ALL), which BSDF::Sample_f calls
     * matchingComps in the path integrator): a BxDF is added only for a colour that is not black.
     * matte.cpp adds one Lambertian or OrenNayar, metal.cpp one MicrofacetReflection, substrate.cpp one
     * FresnelBlend; plastic.cpp a Lambertian for Kd and a MicrofacetReflection for Ks; uber,
     * translucent and rough glass count their present lobes ({@link #lobeCount}). mixmat.cpp adds both
     * materials' BxDFs, so a mix ({@code mixed} 1) has at least one more than the material chosen here.
     * Only called where a sample crosses the geometric surface.
     */
    int componentCount(int type, int o, int mixed) {
        int n = 1;
        if (type == MaterialLayout.PLASTIC) {
            n = nonBlack(o + KD) + nonBlack(o + KS);
        } else if (multiLobe(type)) {
            n = lobeCount(type, o);
        } else if (type == MaterialLayout.DISNEY) {
            // disney.cpp adds these BxDFs; a crossing sample with several then gets the geometric kind's BxDFs
            // (evalDisneyAcross).
            n = 0;
            for (int lobe = 0; lobe < DS_LOBES; lobe++) {
                n += disneyPresent(o, lobe);
            }
        }
        return n + mixed;
    }

    private int nonBlack(int slot) {
        return shade[slot] > 0 || shade[slot + 1] > 0 || shade[slot + 2] > 0 ? 1 : 0;
    }

    /**
     * pbrt-v3's BSDF::Sample_f (core/reflection.cpp) for a non-specular sample wi (local frame, written
     * by {@link #sampleBsdf}) that the geometric normal sees as the other kind than the shading frame
     * does: reflection when {@code geoReflect}, else transmission. With one component, f and pdf are
     * the sampled BxDF's own whatever the geometric side, and the sample stays as it is. With more,
     * "!(bxdf->type & BSDF_SPECULAR) && matchingComps > 1" recomputes f as the sum of the BxDFs of the
     * kind the geometric normal sees ({@code reflect = Dot(*wiWorld, ng) * Dot(woWorld, ng) > 0}),
     * keeping the averaged pdf: the reflection-only materials (plastic, a mix of them) get 0 there, so
     * the path ends; translucent and rough glass get their other kind's lobes ({@link
     * #evalLobesAcross}), disney its reflection lobes or a thin surface's diffuse transmission
     * ({@link #evalDisneyAcross}). The weight in the BS_ slots becomes f |wi.z| / pdf. Returns false
     * when the path ends. A mix's other material's BxDFs (which pbrt-v3 would add) are not evaluated: the mix
     * chose one material here, and its weight carries the rest. The LuxRender-only materials, which a
     * pbrt-v3 scene may name too, keep LuxRender's rule (SingleBSDF/MultiBSDF::SampleF): false.
     */
    boolean crossGeometry(int gid, int material, int mixed, float wox, float woy, float woz, float wix, float wiy,
                          float wiz, boolean geoReflect) {
        int type = matType[material];
        int o = shadeAt[gid];
        boolean keep = !luxBsdfType(type);
        if (keep && componentCount(type, o, mixed) > 1) {
            float pdf = scratch[Scratch.BS_PDF * capacity + gid];
            if (multiLobe(type)) {
                evalLobesAcross(gid, type, o, wox, woy, woz, wix, wiy, wiz, geoReflect);
            } else if (type == MaterialLayout.DISNEY) {
                evalDisneyAcross(gid, o, wox, woy, woz, wix, wiy, wiz, geoReflect);
            } else {
                // pbrt-v3's other materials here (matte, substrate, metal, plastic) have reflection BxDFs only and
                // sample reflection, so the geometry sees transmission: no BxDF matches, f is 0.
                writeColour(gid, 0, 0, 0, 0);
            }
            float k = pdf > 0 ? abs(wiz) / pdf : 0f;
            float r = scratch[Scratch.BS_R * capacity + gid] * k;
            float g = scratch[Scratch.BS_G * capacity + gid] * k;
            float b = scratch[Scratch.BS_B * capacity + gid] * k;
            writeColour(gid, r, g, b, pdf);
            keep = r > 0 || g > 0 || b > 0;
        }
        return keep;
    }

    /** Samples wi for wo: false when no direction carries light. */
    boolean sampleBsdf(int gid, int material, float wox, float woy, float woz, float u1, float u2, float uLobe) {
        int type = matType[material];
        int o = shadeAt[gid]; // the shaded parameters (TextureKernel.shadeMaterial)
        boolean ok = false;
        boolean twoLobes = type == MaterialLayout.GLOSSY || type == MaterialLayout.PLASTIC;
        if (type == MaterialLayout.MATTE) {
            ok = sampleMatte(gid, o, wox, woy, woz, u1, u2);
        } else if (type == MaterialLayout.MIRROR) {
            ok = sampleMirror(gid, o, wox, woy, woz);
        } else if (type == MaterialLayout.GLASS) {
            ok = sampleGlass(gid, o, wox, woy, woz, uLobe);
        } else if (type == MaterialLayout.ARCH_GLASS) {
            ok = sampleArchGlass(gid, o, wox, woy, woz, uLobe);
        } else if (twoLobes) {
            float lobe = uLobe;
            if (type == MaterialLayout.PLASTIC) {
                lobe = plasticLobe(o, uLobe);
            }
            ok = sampleTwoLobes(gid, o, wox, woy, woz, u1, u2, lobe);
        } else if (type == MaterialLayout.METAL) {
            ok = sampleMetal(gid, o, wox, woy, woz, u1, u2);
        } else if (type == MaterialLayout.MATTE_TRANSLUCENT) {
            ok = sampleMatteTranslucent(gid, o, wox, woy, woz, u1, u2, uLobe);
        } else if (luxBsdfType(type)) {
            ok = sampleLux(gid, type, o, wox, woy, woz, u1, u2, uLobe);
        } else if (type == MaterialLayout.DISPERSIVE_GLASS) {
            ok = sampleDispersiveGlass(gid, o, wox, woy, woz, uLobe);
        } else if (multiLobe(type)) {
            ok = sampleLobes(gid, type, o, wox, woy, woz, u1, u2, uLobe);
        } else if (type == MaterialLayout.DISNEY) {
            ok = sampleDisney(gid, o, wox, woy, woz, u1, u2, uLobe);
        } else if (type == MaterialLayout.HAIR) {
            ok = sampleHair(gid, o, wox, woy, woz, u1, u2);
        } else if (type == MaterialLayout.FOURIER) {
            ok = sampleFourier(gid, o, wox, woy, woz, u1, u2);
        }
        if (twoLobes && ok) {
            // Glossy.sample and Plastic.sample: the weight is f cos / pdf at the sampled direction.
            float ix = scratch[Scratch.BS_WX * capacity + gid], iy = scratch[Scratch.BS_WY * capacity + gid];
            float iz = scratch[Scratch.BS_WZ * capacity + gid];
            evalBsdf(gid, material, wox, woy, woz, ix, iy, iz);
            float pdf = scratch[Scratch.BS_PDF * capacity + gid];
            ok = !(pdf <= 0);
            float k = abs(iz) / pdf;
            scratch[Scratch.BS_R * capacity + gid] = scratch[Scratch.BS_R * capacity + gid] * k;
            scratch[Scratch.BS_G * capacity + gid] = scratch[Scratch.BS_G * capacity + gid] * k;
            scratch[Scratch.BS_B * capacity + gid] = scratch[Scratch.BS_B * capacity + gid] * k;
        }
        return ok;
    }

    // Matte (Lambertian / Oren-Nayar).

    private void evalMatte(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        if (woz * wiz <= 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            float k = INV_PI * orenNayar(o, wox, woy, woz, wix, wiy, wiz);
            writeColour(gid, shade[o + KD] * k, shade[o + KD + 1] * k, shade[o + KD + 2] * k,
                    abs(wiz) * INV_PI);
        }
    }

    private boolean sampleMatte(int gid, int o, float wox, float woy, float woz, float u1, float u2) {
        boolean ok = false;
        if (woz != 0) {
            cosineHemisphere(gid, u1, u2);
            float wix = scratch[Scratch.VEC_X * capacity + gid];
            float wiy = scratch[Scratch.VEC_Y * capacity + gid];
            float wiz = scratch[Scratch.VEC_Z * capacity + gid];
            if (woz < 0) {
                wiz = -wiz;
            }
            if (wiz != 0) {
                float k = orenNayar(o, wox, woy, woz, wix, wiy, wiz);
                writeColour(gid, shade[o + KD] * k, shade[o + KD + 1] * k, shade[o + KD + 2] * k,
                        abs(wiz) * INV_PI);
                writeDirection(gid, wix, wiy, wiz, false, false, 1f);
                ok = true;
            }
        }
        return ok;
    }

    private float orenNayar(int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float b = shade[o + ON_B];
        float result = 1f;
        if (b != 0) {
            float a = shade[o + ON_A];
            float sin2I = max(0f, 1 - wiz * wiz), sin2O = max(0f, 1 - woz * woz);
            float sinI = sqrt(sin2I), sinO = sqrt(sin2O);
            float maxCos = 0;
            if (sinI > 1e-4f && sinO > 1e-4f) {
                maxCos = max(0f, (wix * wox + wiy * woy) / (sinI * sinO));
            }
            float cosI = abs(wiz), cosO = abs(woz);
            float sinAlpha = sinI, tanBeta = sinO / cosO;
            if (cosI > cosO) {
                sinAlpha = sinO;
                tanBeta = sinI / cosI;
            }
            result = a + b * maxCos * sinAlpha * tanBeta;
        }
        return result;
    }

    // Glossy (FresnelBlend) and plastic: a diffuse and a GGX lobe, sampled half and half (plastic: the lobes it has).

    /*
     * The glossy, plastic and metal evaluations below take wi on wo's side of the shading normal, or with
     * across (evalReflectionAcross) on the other side: iz < 0 there, and the half vector's z may be
     * negative, hence the absolute values (no-ops on wo's side).
     */
    private void evalGlossy(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz,
                            boolean across) {
        if (woz * wiz <= 0 && !across) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s, iz = wiz * s;
            float aiz = abs(iz);
            float ax = shade[o + ALPHA_U], ay = shade[o + ALPHA_V];
            float diff = DIFFUSE_NORM * (1 - pow5(0.5f * aiz)) * (1 - pow5(0.5f * oz));
            float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
            float hl = sqrt(hx * hx + hy * hy + hz * hz);
            float spec = 0, pdfSpec = 0, schlick = 0;
            if (hl > 0) {
                hx /= hl;
                hy /= hl;
                hz /= hl;
                float dotI = wix * hx + wiy * hy + iz * hz;
                float d = ggxD(hx, hy, abs(hz), ax, ay);
                spec = d / (4 * abs(dotI) * max(aiz, oz));
                schlick = pow5(dotI);
                float g1 = 1f / (1f + ggxLambda(wox, woy, oz, ax, ay));
                pdfSpec = ggxPdfVisible(wox, woy, oz, hx, hy, hz, g1, d) / (4 * abs(wox * hx + woy * hy + oz * hz));
            }
            writeColour(gid, glossyChannel(o, 0, diff, spec, schlick), glossyChannel(o, 1, diff, spec, schlick),
                    glossyChannel(o, 2, diff, spec, schlick), 0.5f * (aiz * INV_PI + pdfSpec));
        }
    }

    private float glossyChannel(int o, int c, float diff, float spec, float schlick) {
        float rd = shade[o + KD + c], rs = shade[o + KS + c];
        return rd * (1 - rs) * diff + spec * (rs + (1 - rs) * schlick);
    }

    private void evalPlastic(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz,
                             boolean across) {
        if (woz * wiz <= 0 && !across) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s, iz = wiz * s;
            float aiz = abs(iz);
            float ax = shade[o + ALPHA_U], ay = shade[o + ALPHA_V];
            float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
            float hl = sqrt(hx * hx + hy * hy + hz * hz);
            float spec = 0, pdfSpec = 0;
            if (hl > 0) {
                hx /= hl;
                hy /= hl;
                hz /= hl;
                float dotI = wix * hx + wiy * hy + iz * hz;
                float fr = fresnelDielectric(dotI, 1.5f, 1f);
                float d = ggxD(hx, hy, abs(hz), ax, ay);
                float lo = ggxLambda(wox, woy, oz, ax, ay);
                spec = d * (1f / (1f + lo + ggxLambda(wix, wiy, iz, ax, ay))) * fr / (4 * oz * aiz);
                pdfSpec = ggxPdfVisible(wox, woy, oz, hx, hy, hz, 1f / (1f + lo), d)
                        / (4 * abs(wox * hx + woy * hy + oz * hz));
            }
            float pdf = 0.5f * (aiz * INV_PI + pdfSpec);
            int nd = nonBlack(o + KD), ns = nonBlack(o + KS);
            if (nd + ns == 1) {
                // One BxDF (plastic.cpp adds none for a black Kd or Ks): BSDF::Pdf is that BxDF's own.
                pdf = nd * aiz * INV_PI + ns * pdfSpec;
            }
            writeColour(gid, shade[o + KD] * INV_PI + shade[o + KS] * spec,
                    shade[o + KD + 1] * INV_PI + shade[o + KS + 1] * spec,
                    shade[o + KD + 2] * INV_PI + shade[o + KS + 2] * spec, pdf);
        }
    }

    /**
     * Plastic's lobe choice for {@link #sampleTwoLobes} (below 0.5 the cosine lobe): pbrt-v3's
     * BSDF::Sample_f picks uniformly among the BxDFs present, and plastic.cpp adds the Lambertian only
     * for a Kd that is not black and the microfacet lobe only for such a Ks, so with one of them black
     * the other is always sampled.
     */
    private float plasticLobe(int o, float uLobe) {
        float u = uLobe;
        int nd = nonBlack(o + KD), ns = nonBlack(o + KS);
        if (nd + ns == 1) {
            u = ns == 0 ? 0f : 0.75f;
        }
        return u;
    }

    /**
     * The direction half of Glossy.sample and Plastic.sample: the cosine lobe or a GGX visible
     * normal, chosen by {@code uLobe}; writes wi and the flags, false when wi is below the surface.
     * {@link #sampleBsdf} then evaluates the material there.
     */
    private boolean sampleTwoLobes(int gid, int o, float wox, float woy, float woz, float u1, float u2, float uLobe) {
        boolean ok = false;
        if (woz != 0) {
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s;
            float ix = 0f, iy = 0f, iz = 0f;
            if (uLobe < 0.5f) {
                cosineHemisphere(gid, u1, u2);
                ix = scratch[Scratch.VEC_X * capacity + gid];
                iy = scratch[Scratch.VEC_Y * capacity + gid];
                iz = scratch[Scratch.VEC_Z * capacity + gid];
            } else {
                ggxSampleVisible(gid, wox, woy, oz, shade[o + ALPHA_U], shade[o + ALPHA_V], u1, u2);
                float hx = scratch[Scratch.VEC_X * capacity + gid], hy = scratch[Scratch.VEC_Y * capacity + gid];
                float hz = scratch[Scratch.VEC_Z * capacity + gid];
                float cosH = wox * hx + woy * hy + oz * hz;
                ix = 2 * cosH * hx - wox;
                iy = 2 * cosH * hy - woy;
                iz = 2 * cosH * hz - oz;
            }
            ok = !(iz <= 0);
            writeDirection(gid, ix, iy, iz * s, false, false, 1f);
        }
        return ok;
    }

    // Metal: GGX conductor.

    private void evalMetal(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz,
                           boolean across) {
        float s = woz < 0 ? -1f : 1f;
        float oz = woz * s, iz = wiz * s;
        float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        if ((woz * wiz <= 0 && !across) || hl == 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float ax = shade[o + ALPHA_U], ay = shade[o + ALPHA_V];
            float cosH = wix * hx + wiy * hy + iz * hz;
            float d = ggxD(hx, hy, abs(hz), ax, ay);
            float lo = ggxLambda(wox, woy, oz, ax, ay);
            float k = d * (1f / (1f + lo + ggxLambda(wix, wiy, iz, ax, ay))) / (4 * oz * abs(iz));
            writeColour(gid, k * fresnelConductor(cosH, shade[o + METAL_ETA], shade[o + METAL_K]),
                    k * fresnelConductor(cosH, shade[o + METAL_ETA + 1], shade[o + METAL_K + 1]),
                    k * fresnelConductor(cosH, shade[o + METAL_ETA + 2], shade[o + METAL_K + 2]),
                    ggxPdfVisible(wox, woy, oz, hx, hy, hz, 1f / (1f + lo), d) / (4 * abs(wox * hx + woy * hy + oz * hz)));
        }
    }

    private boolean sampleMetal(int gid, int o, float wox, float woy, float woz, float u1, float u2) {
        boolean ok = false;
        if (woz != 0) {
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s;
            float ax = shade[o + ALPHA_U], ay = shade[o + ALPHA_V];
            ggxSampleVisible(gid, wox, woy, oz, ax, ay, u1, u2);
            float hx = scratch[Scratch.VEC_X * capacity + gid];
            float hy = scratch[Scratch.VEC_Y * capacity + gid];
            float hz = scratch[Scratch.VEC_Z * capacity + gid];
            float cosH = wox * hx + woy * hy + oz * hz;
            float ix = 2 * cosH * hx - wox, iy = 2 * cosH * hy - woy, iz = 2 * cosH * hz - oz;
            if (!(iz <= 0 || cosH <= 0)) {
                float lo = ggxLambda(wox, woy, oz, ax, ay);
                float g1 = 1f / (1f + lo);
                float w = 1f / (1f + lo + ggxLambda(ix, iy, iz, ax, ay)) / g1;
                writeColour(gid, w * fresnelConductor(cosH, shade[o + METAL_ETA], shade[o + METAL_K]),
                        w * fresnelConductor(cosH, shade[o + METAL_ETA + 1], shade[o + METAL_K + 1]),
                        w * fresnelConductor(cosH, shade[o + METAL_ETA + 2], shade[o + METAL_K + 2]),
                        ggxPdfVisible(wox, woy, oz, hx, hy, hz, g1, ggxD(hx, hy, hz, ax, ay)) / (4 * cosH));
                writeDirection(gid, ix, iy, iz * s, false, false, 1f);
                ok = true;
            }
        }
        return ok;
    }

    // Mattetranslucent.

    /**
     * mattetranslucent's probability of sampling reflection: its reflected over its whole albedo (the
     * transmission as {@link #mtColour} gives it), half and half when both are black.
     */
    private float reflectProbability(int o) {
        float r = max(mtColour(o, true, 0), max(mtColour(o, true, 1), mtColour(o, true, 2)));
        float t = max(mtColour(o, false, 0), max(mtColour(o, false, 1), mtColour(o, false, 2)));
        return r + t > 0 ? r / (r + t) : 0.5f;
    }

    /**
     * mattetranslucent's reflected (Kr) or transmitted (Kt) colour in channel ch, both clamped to [0, 1]
     * as mattetranslucent.cpp GetBSDF clamps them; with "energyconserving" the transmission is Kt (1 - Kr),
     * what the reflection leaves (LuxCore's mattetranslucent always does so).
     */
    private float mtColour(int o, boolean reflect, int ch) {
        float r = min(1f, max(0f, shade[o + KD + ch]));
        float v = r;
        if (!reflect) {
            v = min(1f, max(0f, shade[o + KT + ch]));
            if (shade[o + MaterialLayout.MT_ENERGY] != 0) {
                v = v * (1 - r);
            }
        }
        return v;
    }

    /**
     * mattetranslucent.cpp: Lambertian (sigma 0) or Oren-Nayar (sigma) reflection of Kr, and the same BRDF
     * turned into a BTDF (BRDFToBTDF: wi mirrored through the surface, which leaves Oren-Nayar's terms as
     * they are) transmitting Kt.
     */
    private void evalMatteTranslucent(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        if (woz == 0 || wiz == 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            float pr = reflectProbability(o);
            boolean reflect = woz * wiz > 0;
            float prob = reflect ? pr : 1 - pr;
            float k = INV_PI * orenNayar(o, wox, woy, woz, wix, wiy, wiz);
            writeColour(gid, mtColour(o, reflect, 0) * k, mtColour(o, reflect, 1) * k, mtColour(o, reflect, 2) * k,
                    prob * abs(wiz) * INV_PI);
        }
    }

    private boolean sampleMatteTranslucent(int gid, int o, float wox, float woy, float woz, float u1, float u2,
            float uLobe) {
        boolean ok = false;
        if (woz != 0) {
            float pr = reflectProbability(o);
            boolean reflect = uLobe < pr;
            cosineHemisphere(gid, u1, u2);
            float x = scratch[Scratch.VEC_X * capacity + gid], y = scratch[Scratch.VEC_Y * capacity + gid];
            float z = scratch[Scratch.VEC_Z * capacity + gid];
            if (z != 0) {
                boolean up = (woz > 0) == reflect;
                float prob = reflect ? pr : 1 - pr;
                float k = orenNayar(o, wox, woy, woz, x, y, z) / prob;
                writeColour(gid, mtColour(o, reflect, 0) * k, mtColour(o, reflect, 1) * k, mtColour(o, reflect, 2) * k,
                        prob * z * INV_PI);
                writeDirection(gid, x, y, up ? z : -z, false, !reflect, 1f);
                ok = true;
            }
        }
        return ok;
    }

    // Delta materials.

    private boolean sampleMirror(int gid, int o, float wox, float woy, float woz) {
        boolean ok = false;
        if (woz != 0) {
            writeColour(gid, shade[o + KS], shade[o + KS + 1], shade[o + KS + 2], 1f);
            writeDirection(gid, -wox, -woy, woz, true, false, 1f);
            ok = true;
        }
        return ok;
    }

    private boolean sampleGlass(int gid, int o, float wox, float woy, float woz, float uLobe) {
        float eta = shade[o + ETA];
        boolean entering = woz > 0;
        float etaI = entering ? 1f : eta, etaT = entering ? eta : 1f;
        float f = fresnelDielectric(woz, 1f, eta);
        boolean ok = true;
        if (uLobe < f) {
            writeColour(gid, shade[o + KS], shade[o + KS + 1], shade[o + KS + 2], f);
            writeDirection(gid, -wox, -woy, woz, true, false, 1f);
        } else {
            float ratio = etaI / etaT;
            float cosI = abs(woz);
            float sin2T = ratio * ratio * max(0f, 1 - cosI * cosI);
            if (sin2T >= 1) {
                ok = false;
            } else {
                float cosT = sqrt(1 - sin2T);
                float scale = ratio * ratio;
                writeColour(gid, shade[o + KT] * scale, shade[o + KT + 1] * scale, shade[o + KT + 2] * scale,
                        1 - f);
                writeDirection(gid, -ratio * wox, -ratio * woy, entering ? -cosT : cosT, true, true, 1f / scale);
            }
        }
        return ok;
    }

    private boolean sampleArchGlass(int gid, int o, float wox, float woy, float woz, float uLobe) {
        float f = fresnelDielectric(woz, 1f, shade[o + ETA]);
        if (uLobe < f) {
            writeColour(gid, shade[o + KS], shade[o + KS + 1], shade[o + KS + 2], f);
            writeDirection(gid, -wox, -woy, woz, true, false, 1f);
        } else {
            writeColour(gid, shade[o + KT], shade[o + KT + 1], shade[o + KT + 2], 1 - f);
            writeDirection(gid, -wox, -woy, -woz, true, true, 1f);
        }
        return true;
    }
}

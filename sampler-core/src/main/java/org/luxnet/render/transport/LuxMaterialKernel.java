package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.CP_D;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KA;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KD;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KS1;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KS2;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KS3;
import static org.luxnet.scene.compiled.MaterialLayout.CP_M1;
import static org.luxnet.scene.compiled.MaterialLayout.CP_R1;
import static org.luxnet.scene.compiled.MaterialLayout.GT_KT;
import static org.luxnet.scene.compiled.MaterialLayout.LG_D;
import static org.luxnet.scene.compiled.MaterialLayout.LG_KA;
import static org.luxnet.scene.compiled.MaterialLayout.LG_KD;
import static org.luxnet.scene.compiled.MaterialLayout.LG_KS;
import static org.luxnet.scene.compiled.MaterialLayout.LG_MULTIBOUNCE;
import static org.luxnet.scene.compiled.MaterialLayout.LG_U;
import static org.luxnet.scene.compiled.MaterialLayout.LG_V;
import static org.luxnet.scene.compiled.MaterialLayout.M2_ETA;
import static org.luxnet.scene.compiled.MaterialLayout.M2_K;
import static org.luxnet.scene.compiled.MaterialLayout.M2_U;
import static org.luxnet.scene.compiled.MaterialLayout.M2_V;
import static org.luxnet.scene.compiled.MaterialLayout.SC_G;
import static org.luxnet.scene.compiled.MaterialLayout.SC_KD;
import static org.luxnet.scene.compiled.MaterialLayout.STRIDE;
import static org.luxnet.scene.compiled.MaterialLayout.SM_KR;
import static org.luxnet.scene.compiled.MaterialLayout.SM_KS;
import static org.luxnet.scene.compiled.MaterialLayout.SM_U;
import static org.luxnet.scene.compiled.MaterialLayout.SM_V;
import static org.luxnet.scene.compiled.MaterialLayout.VV_KD;
import static org.luxnet.scene.compiled.MaterialLayout.VV_P1;
import static org.luxnet.scene.compiled.MaterialLayout.VV_P2;
import static org.luxnet.scene.compiled.MaterialLayout.VV_P3;
import static org.luxnet.scene.compiled.MaterialLayout.VV_THICKNESS;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * The LuxRender 1.x materials, between the textures and {@link BsdfKernel} (over {@link LuxGlassKernel}
 * and {@link SchlickKernel}): carpaint, glossy (a Schlick coating over a Lambertian base), glossy_lossy,
 * glossytranslucent, shinymetal, metal2, velvet and the per-hit choice of mix, evaluated and sampled in
 * the local shading frame like the other BSDFs (f without the cosine, results in the {@code BS_}
 * slots of {@link Scratch}). f is LuxRender's as its sources compute it (cited per material);
 * the pdfs are the true densities of the sampling done here, so that MIS stays unbiased where
 * LuxRender's own Pdf differs from its sampling (SchlickDistribution::Pdf leaves out cos(theta_h)).
 */
abstract class LuxMaterialKernel extends LuxGlassKernel {
    /** True for the LuxRender types this layer evaluates; all have a smooth lobe (not "is...": Aparapi takes that for a getter). */
    static boolean luxBsdfType(int type) {
        return (type >= MaterialLayout.CARPAINT && type <= MaterialLayout.LUX_LAST_BSDF) || type == MaterialLayout.CLOTH;
    }


    /** f and pdf of the LuxRender material {@code type}; same contract as BsdfKernel.evalBsdf. */
    void evalLux(int gid, int type, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        if (type == MaterialLayout.GLOSSY_TRANSLUCENT) {
            evalGlossyTranslucent(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.SCATTER) {
            evalScatter(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.ROUGHGLASS) {
            evalRoughGlassLobes(gid, o, wox, woy, woz, wix, wiy, wiz, false);
        } else if (woz * wiz <= 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else if (type == MaterialLayout.CARPAINT) {
            evalCarPaint(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.LUX_GLOSSY) {
            evalLuxGlossy(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.SHINYMETAL) {
            // The glossy half of shinymetal: conductor of FresnelApproxEta/K(Ks), sampled half the time.
            evalConductorLobe(gid, wox, woy, woz, wix, wiy, wiz, shade[o + SM_U], shade[o + SM_V],
                    approxEta(shade[o + SM_KS]), approxEta(shade[o + SM_KS + 1]), approxEta(shade[o + SM_KS + 2]),
                    approxK(shade[o + SM_KS]), approxK(shade[o + SM_KS + 1]), approxK(shade[o + SM_KS + 2]), 0.5f);
        } else if (type == MaterialLayout.METAL2) {
            evalConductorLobe(gid, wox, woy, woz, wix, wiy, wiz, shade[o + M2_U], shade[o + M2_V],
                    shade[o + M2_ETA], shade[o + M2_ETA + 1], shade[o + M2_ETA + 2],
                    shade[o + M2_K], shade[o + M2_K + 1], shade[o + M2_K + 2], 1f);
        } else if (type == MaterialLayout.VELVET) {
            evalVelvet(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.GLOSSY_LOSSY) {
            evalGlossyLossy(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.CLOTH) {
            evalCloth(gid, o, wox, woy, woz, wix, wiy, wiz, false);
        } else {
            writeColour(gid, 0, 0, 0, 0);
        }
    }

    /**
     * The LuxRender types {@link #evalLuxReversed} evaluates with the light behind the shading normal: those
     * whose BSDF keeps a BRDF there. (mattetranslucent's Lambertian BRDF is BsdfKernel's matte mirror case.)
     */
    static boolean luxReflectsBehind(int type) {
        return luxBsdfType(type);
    }

    /**
     * A LuxRender material as its path integrator evaluates it towards a light, {@code bsdf->F(sw, wi,
     * wo, true)}: the light's direction wi first and the eye's wo second, here for wi and wo on opposite
     * sides of the shading normal (the geometric normal seeing reflection), which {@link #evalLux}
     * answers with 0. SingleBSDF::F and MultiBSDF::F keep the BRDFs alone (sideTest = Dot(wiW, ng) /
     * Dot(woW, ng) > 0) and call each BxDF::F(light, eye) on the local directions as they are; reverse, so
     * no |sideTest| factor. BxDF::F carries the cosine of its first direction, the light's, which the
     * caller's |wi . ns| supplies: f is written without it, in the BS_ slots, pdf 0 (see PathTraceKernel's
     * NEE block for the pdf). Per material:
     * <ul>
     * <li>glossy (SchlickBSDF::F): the light below the shading normal takes the "back face: no coating"
     * branch, the Lambertian base alone: evalLuxGlossy with the light as wo.
     * <li>metal2 and shinymetal: MicrofacetReflection (two-sided by default; shinymetal's SpecularReflection
     * adds nothing to F): {@link #evalConductorAcross}.
     * <li>carpaint (carpaint.cpp): MicrofacetReflection(Ks_k, FresnelSlick(R_k), Schlick(M_k^2, 0), one-sided)
     * lobes, which give 0 where wh = normalize(light + eye) has wh.z &lt; 0 and else D(wh) G / (4 |eye.z|)
     * Ks F(eye . wh), and SchlickBRDF(Kd, 0, Ka, d) (schlickbrdf.cpp: with Rs black, Kd / pi absorbed over
     * both cosines): evalCarPaint with the eye as wo, whose lobes then test wh.z as the one-sided ones do.
     * <li>glossy_lossy (FresnelBlend::F, fresnelblend.cpp): absolute cosines throughout and wh turned up,
     * so it is even in either direction: evalGlossyLossy as it is.
     * <li>velvet (Asperity::F, asperity.cpp, a BRDF): Kd clamp(p(-light . eye) thickness / |eye.z|, 0, 1),
     * no cosine of the light: evalVelvet as it is (its 1 / |wi.z| cancels the caller's cosine).
     * <li>glossytranslucent (glossytranslucent.cpp, onesided): SchlickDoubleSidedBRDF::F (schlickbrdf.cpp)
     * with H = normalize(light + eye): the diffuse part Kd (1 - S(|eye . H|)) / pi absorbed by Ka over d,
     * the same on either branch of H.z (the back face copies the front), no specular part (it needs both
     * directions on one side); the SchlickTranslucentBTDF is dropped by the side test.
     * <li>roughglass (roughglass.cpp): its MicrofacetReflection(Kr, FresnelCauchy) is two-sided, D G Fr /
     * (4 |eye.z|) with wh turned up and Fr at eye . wh (negative when wh was turned: the exiting Fresnel):
     * evalRoughGlass's reflection lobe; the MicrofacetTransmission is dropped by the side test.
     * <li>scatter (SchlickScatter::F, schlickscatter.cpp): a phase function with no side test at all:
     * evalScatter as it is.
     * <li>cloth (cloth.cpp, a MultiBSDF of Lambertian and Irawan, both BRDFs): Lambertian::F tests no side and
     * Irawan::evalSpecular turns both directions up: evalCloth as it is.
     * </ul>
     */
    void evalLuxReversed(int gid, int type, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        int o = shadeAt[gid];
        if (type == MaterialLayout.METAL2) {
            evalConductorAcross(gid, wix, wiy, wiz, wox, woy, woz, shade[o + M2_U], shade[o + M2_V],
                    shade[o + M2_ETA], shade[o + M2_ETA + 1], shade[o + M2_ETA + 2],
                    shade[o + M2_K], shade[o + M2_K + 1], shade[o + M2_K + 2]);
        } else if (type == MaterialLayout.SHINYMETAL) {
            // MultiBSDF of the same two-sided MicrofacetReflection (FresnelApproxEta/K of Ks) and a
            // SpecularReflection, whose F is 0.
            evalConductorAcross(gid, wix, wiy, wiz, wox, woy, woz, shade[o + SM_U], shade[o + SM_V],
                    approxEta(shade[o + SM_KS]), approxEta(shade[o + SM_KS + 1]), approxEta(shade[o + SM_KS + 2]),
                    approxK(shade[o + SM_KS]), approxK(shade[o + SM_KS + 1]), approxK(shade[o + SM_KS + 2]));
        } else if (type == MaterialLayout.CARPAINT) {
            evalCarPaint(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.GLOSSY_LOSSY) {
            evalGlossyLossy(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.VELVET) {
            evalVelvet(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.GLOSSY_TRANSLUCENT) {
            evalGlossyTranslucentBase(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.ROUGHGLASS) {
            evalRoughGlassLobes(gid, o, wox, woy, woz, wix, wiy, wiz, true);
        } else if (type == MaterialLayout.SCATTER) {
            evalScatter(gid, o, wox, woy, woz, wix, wiy, wiz);
        } else if (type == MaterialLayout.CLOTH) {
            evalCloth(gid, o, wox, woy, woz, wix, wiy, wiz, true);
        } else {
            evalLuxGlossy(gid, o, wix, wiy, wiz, wox, woy, woz);
        }
    }

    /** Samples wi for wo: false when no direction carries light; same contract as BsdfKernel.sampleBsdf. */
    boolean sampleLux(int gid, int type, int o, float wox, float woy, float woz, float u1, float u2, float uLobe) {
        boolean ok = false;
        boolean specular = false;
        if (woz == 0) {
            ok = false;
        } else if (type == MaterialLayout.CARPAINT) {
            ok = sampleCarPaintDirection(gid, o, wox, woy, woz, u1, u2, uLobe);
        } else if (type == MaterialLayout.LUX_GLOSSY) {
            ok = sampleLuxGlossyDirection(gid, o, wox, woy, woz, u1, u2, uLobe);
        } else if (type == MaterialLayout.SHINYMETAL) {
            specular = uLobe < 0.5f;
            if (specular) {
                ok = sampleShinyMirror(gid, o, wox, woy, woz);
            } else {
                ok = sampleSchlickReflection(gid, wox, woy, woz, shade[o + SM_U] * shade[o + SM_V],
                        schlickAnisotropy(shade[o + SM_U], shade[o + SM_V]), u1, u2);
            }
        } else if (type == MaterialLayout.GLOSSY_TRANSLUCENT) {
            ok = sampleGlossyTranslucentDirection(gid, o, wox, woy, woz, u1, u2, uLobe);
        } else if (type == MaterialLayout.GLOSSY_LOSSY && uLobe >= 0.5f) {
            // FresnelBlend::SampleF: half the time about a Schlick half vector, else the cosine.
            float u = luxGlossyRoughness(shade[o + LG_U]), v = luxGlossyRoughness(shade[o + LG_V]);
            ok = sampleSchlickReflection(gid, wox, woy, woz, u * v, schlickAnisotropy(u, v), u1, u2);
        } else if (type == MaterialLayout.METAL2) {
            ok = sampleSchlickReflection(gid, wox, woy, woz, shade[o + M2_U] * shade[o + M2_V],
                    schlickAnisotropy(shade[o + M2_U], shade[o + M2_V]), u1, u2);
        } else if (type == MaterialLayout.ROUGHGLASS) {
            ok = sampleRoughGlassDirection(gid, o, wox, woy, woz, u1, u2, uLobe);
        } else if (type == MaterialLayout.SCATTER) {
            ok = sampleScatterDirection(gid, o, wox, woy, woz, u1, u2);
        } else {
            ok = sampleCosine(gid, woz, u1, u2);
        }
        if (ok && !specular) {
            // The weight f cos / pdf at the sampled direction.
            float ix = scratch[Scratch.BS_WX * capacity + gid], iy = scratch[Scratch.BS_WY * capacity + gid];
            float iz = scratch[Scratch.BS_WZ * capacity + gid];
            evalLux(gid, type, o, wox, woy, woz, ix, iy, iz);
            float pdf = scratch[Scratch.BS_PDF * capacity + gid];
            ok = pdf > 0;
            float k = ok ? abs(iz) / pdf : 0f;
            scratch[Scratch.BS_R * capacity + gid] = scratch[Scratch.BS_R * capacity + gid] * k;
            scratch[Scratch.BS_G * capacity + gid] = scratch[Scratch.BS_G * capacity + gid] * k;
            scratch[Scratch.BS_B * capacity + gid] = scratch[Scratch.BS_B * capacity + gid] * k;
        }
        return ok;
    }

    // Carpaint (carpaint.cpp CarPaint::GetBSDF): MultiBSDF of up to three MicrofacetReflection lobes
    // (SchlickDistribution(m^2, 0), FresnelSlick(r), one-sided) that have Ks > 0 and m > 0, and the
    // SchlickBRDF(Kd, 0, Ka, d, 1, 0) base, which with Rs = 0 is Kd / pi absorbed by Ka over depth d.

    /** Offset of carpaint lobe k's Ks. */
    private int carPaintKs(int k) {
        int ks = CP_KS1;
        if (k == 1) {
            ks = CP_KS2;
        } else if (k == 2) {
            ks = CP_KS3;
        }
        return ks;
    }

    /** True when carpaint lobe k is in the BSDF (Ks > 0 and M > 0). */
    private boolean carPaintLobe(int o, int k) {
        int ks = o + carPaintKs(k);
        return shade[ks] + shade[ks + 1] + shade[ks + 2] > 0 && shade[o + CP_M1 + k] > 0;
    }

    private void evalCarPaint(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float oz = abs(woz), iz = abs(wiz);
        float d = shade[o + CP_D];
        float fr = min(1f, shade[o + CP_KD]) * absorption(shade[o + CP_KA], d, iz, oz) * INV_PI;
        float fg = min(1f, shade[o + CP_KD + 1]) * absorption(shade[o + CP_KA + 1], d, iz, oz) * INV_PI;
        float fb = min(1f, shade[o + CP_KD + 2]) * absorption(shade[o + CP_KA + 2], d, iz, oz) * INV_PI;
        float pdf = iz * INV_PI;
        int n = 1;
        float hx = wox + wix, hy = woy + wiy, hz = woz + wiz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        // The lobes are one-sided (MicrofacetReflection::F returns nothing for wh.z < 0); wh.z < 0 only
        // with wi below the shading normal (evalLuxReversed).
        boolean front = woz > 0 && hl > 0 && hz >= 0;
        if (front) {
            hx /= hl;
            hy /= hl;
            hz /= hl;
        }
        float cosH = wix * hx + wiy * hy + wiz * hz;
        for (int k = 0; k < 3; k++) {
            if (carPaintLobe(o, k)) {
                n++;
                if (front) {
                    float m = shade[o + CP_M1 + k];
                    float r = m * m;
                    float z = schlickZ(r, hz);
                    float lobe = z * INV_PI * schlickG(r, oz) * schlickG(r, iz) / (4 * iz * oz);
                    float r0 = max(0f, min(1f, shade[o + CP_R1 + k]));
                    float fresnel = r0 + (1 - r0) * pow5(cosH);
                    int ks = o + carPaintKs(k);
                    fr += min(1f, shade[ks]) * fresnel * lobe;
                    fg += min(1f, shade[ks + 1]) * fresnel * lobe;
                    fb += min(1f, shade[ks + 2]) * fresnel * lobe;
                    pdf += schlickReflectionPdf(r, 0f, hx, hy, hz, cosH);
                }
            }
        }
        writeColour(gid, fr, fg, fb, pdf / n);
    }

    /** MultiBSDF::SampleF: one of the base and the present lobes, each as likely. */
    private boolean sampleCarPaintDirection(int gid, int o, float wox, float woy, float woz, float u1, float u2,
                                            float uLobe) {
        int n = 1;
        for (int k = 0; k < 3; k++) {
            if (carPaintLobe(o, k)) {
                n++;
            }
        }
        int pick = min(n - 1, (int) (uLobe * n));
        boolean ok = false;
        if (pick == 0) {
            ok = sampleCosine(gid, woz, u1, u2);
        } else if (woz > 0) {
            // The pick-th present lobe.
            int seen = 0;
            float m = 0f;
            for (int k = 0; k < 3; k++) {
                if (carPaintLobe(o, k)) {
                    seen++;
                    if (seen == pick) {
                        m = shade[o + CP_M1 + k];
                    }
                }
            }
            ok = sampleSchlickReflection(gid, wox, woy, woz, m * m, 0f, u1, u2);
        }
        return ok;
    }

    // LuxRender glossy (glossy2.cpp Glossy2::GetBSDF, separable): SchlickBSDF, a FresnelSlick(Ks)
    // coating with SchlickDistribution(u v, anisotropy) over a Lambertian Kd base, which the coating
    // filters by 1 - S; the base is absorbed by Ka over depth d as SchlickBRDF::F does. The coating is
    // on the front face only; from behind the base alone reflects.

    /** SchlickBSDF::CoatingWeight: the probability of sampling the coating, 0.5 (1 + mean S(cos_o)); 0 from behind. */
    private float luxGlossyCoatingWeight(int o, float woz) {
        float w = 0f;
        if (woz > 0) {
            float p = pow5(woz);
            float s = 0f;
            for (int c = 0; c < 3; c++) {
                float ks = min(1f, shade[o + LG_KS + c]);
                s += ks + (1 - ks) * p;
            }
            w = 0.5f * (1 + s / 3);
        }
        return w;
    }

    private void evalLuxGlossy(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float oz = abs(woz), iz = abs(wiz);
        float wc = luxGlossyCoatingWeight(o, woz);
        float pdf = (1 - wc) * iz * INV_PI;
        float fr = min(1f, shade[o + LG_KD]) * INV_PI;
        float fg = min(1f, shade[o + LG_KD + 1]) * INV_PI;
        float fb = min(1f, shade[o + LG_KD + 2]) * INV_PI;
        if (woz > 0) {
            float u = luxGlossyRoughness(shade[o + LG_U]), v = luxGlossyRoughness(shade[o + LG_V]);
            float r = u * v, aniso = schlickAnisotropy(u, v);
            float hx = wox + wix, hy = woy + wiy, hz = woz + wiz;
            float hl = sqrt(hx * hx + hy * hy + hz * hz);
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float cosH = wix * hx + wiy * hy + wiz * hz;
            float g = schlickG(r, oz) * schlickG(r, iz);
            float coat = schlickZ(r, hz) * schlickA(aniso, hx, hy) * INV_PI * g / (4 * iz * oz);
            if (shade[o + LG_MULTIBOUNCE] != 0) {
                coat += max(0f, min(1f, (1 - g) / (4 * iz * oz)));
            }
            float p = pow5(cosH), d = shade[o + LG_D];
            fr = luxGlossyChannel(o, 0, fr, p, coat, d, iz, oz);
            fg = luxGlossyChannel(o, 1, fg, p, coat, d, iz, oz);
            fb = luxGlossyChannel(o, 2, fb, p, coat, d, iz, oz);
            pdf += wc * schlickReflectionPdf(r, aniso, hx, hy, hz, cosH);
        }
        writeColour(gid, fr, fg, fb, pdf);
    }

    /** Coating S coat plus the base (1 - S) a Kd / pi of one channel, S = Ks + (1 - Ks)(1 - cos_h)^5. */
    private float luxGlossyChannel(int o, int c, float base, float p, float coat, float d, float iz, float oz) {
        float ks = min(1f, shade[o + LG_KS + c]);
        float s = ks + (1 - ks) * p;
        return s * coat + (1 - s) * absorption(shade[o + LG_KA + c], d, iz, oz) * base;
    }

    private boolean sampleLuxGlossyDirection(int gid, int o, float wox, float woy, float woz, float u1, float u2,
                                             float uLobe) {
        boolean ok = false;
        if (uLobe < luxGlossyCoatingWeight(o, woz)) {
            float u = luxGlossyRoughness(shade[o + LG_U]), v = luxGlossyRoughness(shade[o + LG_V]);
            ok = sampleSchlickReflection(gid, wox, woy, woz, u * v, schlickAnisotropy(u, v), u1, u2);
        } else {
            ok = sampleCosine(gid, woz, u1, u2);
        }
        return ok;
    }

    // glossy_lossy (glossy.cpp Glossy::GetBSDF, fresnelblend.cpp FresnelBlend::F): Ashikhmin-Shirley's
    // diffuse term 28/(23 pi) Rd (1 - Rs)(1 - (1 - cos_i/2)^5)(1 - (1 - cos_o/2)^5), absorbed by Ka over d,
    // plus D S(cos_ih) / (4 cos_ih max(cos_i, cos_o)) with SchlickDistribution(u v, anisotropy).

    private void evalGlossyLossy(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float oz = abs(woz), iz = abs(wiz);
        float u = luxGlossyRoughness(shade[o + LG_U]), v = luxGlossyRoughness(shade[o + LG_V]);
        float r = u * v, aniso = schlickAnisotropy(u, v);
        float hx = wox + wix, hy = woy + wiy, hz = woz + wiz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        if (hz < 0) {
            hl = -hl;
        }
        hx /= hl;
        hy /= hl;
        hz /= hl;
        float cosIH = abs(wix * hx + wiy * hy + wiz * hz), cosOH = abs(wox * hx + woy * hy + woz * hz);
        float diff = 28f / (23f * PI) * (1 - pow5(0.5f * iz)) * (1 - pow5(0.5f * oz));
        float spec = schlickZ(r, hz) * schlickA(aniso, hx, hy) * INV_PI / (4 * cosIH * max(iz, oz));
        float p = pow5(cosIH), d = shade[o + LG_D];
        writeColour(gid, glossyLossyChannel(o, 0, diff, spec, p, d, iz, oz),
                glossyLossyChannel(o, 1, diff, spec, p, d, iz, oz), glossyLossyChannel(o, 2, diff, spec, p, d, iz, oz),
                0.5f * (iz * INV_PI + schlickReflectionPdf(r, aniso, hx, hy, hz, cosOH)));
    }

    private float glossyLossyChannel(int o, int c, float diff, float spec, float p, float d, float iz, float oz) {
        float rs = min(1f, shade[o + LG_KS + c]);
        return diff * absorption(shade[o + LG_KA + c], d, iz, oz) * min(1f, shade[o + LG_KD + c]) * (1 - rs)
                + spec * (rs + (1 - rs) * p);
    }

    // glossytranslucent (glossytranslucent.cpp, one-sided: the back face copies the front): MultiBSDF of
    // SchlickDoubleSidedBRDF (schlickbrdf.cpp: a Kd (1 - S) / pi absorbed by Ka over d, plus S G Z A /
    // (4 pi cos_i cos_o), multibounce adding clamp((1 - G) / (4 pi cos_i cos_o), 0, 1)) and
    // SchlickTranslucentBTDF (schlicktranslucentbtdf.cpp: Kt (1 - Kd) S' / pi, S' = (1 - S1)(1 - S2) /
    // (1 - (S1 + S2)/2) at the flipped half vector, absorbed likewise), each sampled half the time.

    private void evalGlossyTranslucent(int gid, int o, float wox, float woy, float woz, float wix, float wiy,
                                       float wiz) {
        float oz = abs(woz), iz = abs(wiz);
        float d = shade[o + LG_D];
        float fr = 0f, fg = 0f, fb = 0f, pdf = 0f;
        if (oz > 0 && iz > 0) {
            float u = luxGlossyRoughness(shade[o + LG_U]), v = luxGlossyRoughness(shade[o + LG_V]);
            float r = u * v, aniso = schlickAnisotropy(u, v);
            boolean reflection = woz * wiz > 0;
            // Reflection: H = wo + wi turned up; transmission: wi + wo with wo's z negated.
            float hx = wox + wix, hy = woy + wiy, hz = abs(woz + wiz);
            if (!reflection) {
                hz = abs(wiz - woz);
            }
            float hl = sqrt(hx * hx + hy * hy + hz * hz);
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float cosIH = abs(wix * hx + wiy * hy + abs(wiz) * hz);
            float p = pow5(cosIH);
            float spec = 0f;
            if (reflection) {
                float g = schlickG(r, oz) * schlickG(r, iz);
                float den = 4 * PI * iz * oz;
                spec = g * schlickZ(r, hz) * schlickA(aniso, hx, hy) / den;
                if (shade[o + LG_MULTIBOUNCE] != 0) {
                    spec += max(0f, min(1f, (1 - g) / den));
                }
                pdf = 0.5f * (0.5f * iz * INV_PI + 0.5f * schlickReflectionPdf(r, aniso, hx, hy, hz,
                        abs(wox * hx + woy * hy + oz * hz)));
            } else {
                pdf = 0.5f * iz * INV_PI;
            }
            fr = glossyTranslucentChannel(o, 0, reflection, p, spec, d, iz, oz);
            fg = glossyTranslucentChannel(o, 1, reflection, p, spec, d, iz, oz);
            fb = glossyTranslucentChannel(o, 2, reflection, p, spec, d, iz, oz);
        }
        writeColour(gid, fr, fg, fb, pdf);
    }

    private float glossyTranslucentChannel(int o, int c, boolean reflection, float p, float spec, float d, float iz,
                                           float oz) {
        float ks = min(1f, shade[o + LG_KS + c]), kd = min(1f, shade[o + LG_KD + c]);
        float s = ks + (1 - ks) * p;
        float a = absorption(shade[o + LG_KA + c], d, iz, oz);
        float f = 0f;
        if (reflection) {
            f = a * kd * (1 - s) * INV_PI + s * spec;
        } else {
            // S1 = S2 = s on a one-sided material: (1 - s)^2 / (1 - s).
            f = (1 - s) * a * min(1f, shade[o + GT_KT + c]) * (1 - kd) * INV_PI;
        }
        return f;
    }

    /**
     * SchlickDoubleSidedBRDF::F for wo and wi on opposite sides of the shading normal (evalLuxReversed):
     * the diffuse part alone, S at |wi . H| with H = normalize(wo + wi) (symmetric in wo and wi).
     */
    private void evalGlossyTranslucentBase(int gid, int o, float wox, float woy, float woz, float wix, float wiy,
                                           float wiz) {
        float oz = abs(woz), iz = abs(wiz);
        float fr = 0f, fg = 0f, fb = 0f;
        float hx = wox + wix, hy = woy + wiy, hz = woz + wiz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        if (oz > 0 && iz > 0 && hl > 0) {
            float p = pow5(abs(wix * hx + wiy * hy + wiz * hz) / hl), d = shade[o + LG_D];
            fr = glossyTranslucentChannel(o, 0, true, p, 0f, d, iz, oz);
            fg = glossyTranslucentChannel(o, 1, true, p, 0f, d, iz, oz);
            fb = glossyTranslucentChannel(o, 2, true, p, 0f, d, iz, oz);
        }
        writeColour(gid, fr, fg, fb, 0f);
    }

    /** MultiBSDF::SampleF: the BRDF (half cosine, half Schlick half vector) or the BTDF (cosine through). */
    private boolean sampleGlossyTranslucentDirection(int gid, int o, float wox, float woy, float woz, float u1,
                                                     float u2, float uLobe) {
        boolean ok = false;
        if (uLobe < 0.25f) {
            ok = sampleCosine(gid, woz, u1, u2);
        } else if (uLobe < 0.5f) {
            float u = luxGlossyRoughness(shade[o + LG_U]), v = luxGlossyRoughness(shade[o + LG_V]);
            ok = sampleSchlickReflection(gid, wox, woy, woz, u * v, schlickAnisotropy(u, v), u1, u2);
        } else {
            ok = sampleCosine(gid, -woz, u1, u2);
            scratch[Scratch.BS_TRANSMISSION * capacity + gid] = 1f;
        }
        return ok;
    }

    // Shinymetal (shinymetal.cpp ShinyMetal::GetBSDF): MultiBSDF of a two-sided MicrofacetReflection
    // (R = 1, SchlickDistribution(u v, anisotropy), conductor Fresnel with FresnelApproxEta/K of Ks) and
    // a SpecularReflection (conductor Fresnel of Kr), each sampled half the time. The conductor Fresnel
    // is evaluated exactly (fresnelConductor) where LuxRender's FresnelGeneral picks its own formula.

    /** The specular half: weight F(Kr) / 0.5 (MultiBSDF divides by its pick probability). */
    private boolean sampleShinyMirror(int gid, int o, float wox, float woy, float woz) {
        float c = abs(woz);
        writeColour(gid, 2 * fresnelConductor(c, approxEta(shade[o + SM_KR]), approxK(shade[o + SM_KR])),
                2 * fresnelConductor(c, approxEta(shade[o + SM_KR + 1]), approxK(shade[o + SM_KR + 1])),
                2 * fresnelConductor(c, approxEta(shade[o + SM_KR + 2]), approxK(shade[o + SM_KR + 2])), 0.5f);
        writeDirection(gid, -wox, -woy, woz, true, false, 1f);
        return true;
    }

    // Velvet (velvet.cpp, asperity.cpp Asperity::F): a phase function with Legendre coefficients p1..p3,
    // p(c) = (1 + p1 c + p2 (3c^2 - 1)/2 + p3 (5c^3 - 3c)/2) / 4pi with c = -wo.wi. LuxRender's path
    // integrator evaluates Asperity::F(light, eye) (bsdf->F(sw, wi, wo, true), and BxDF::SampleF with
    // reverse: F(wi, wo)), which is Kd clamp(p thickness / |cos eye|, 0, 1) and stands for f |cos light|:
    // here f = Kd clamp(p thickness / |cos wo|, 0, 1) / |cos wi|. Sampled by the cosine (BxDF::SampleF).

    private void evalVelvet(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float c = -(wox * wix + woy * wiy + woz * wiz);
        float b = 3 * c;
        float p = 1 + shade[o + VV_P1] * c + shade[o + VV_P2] * 0.5f * (b * c - 1)
                + shade[o + VV_P3] * 0.5f * (5 * c * c * c - b);
        p = p * INV_4PI * shade[o + VV_THICKNESS] / abs(woz);
        float k = max(0f, min(1f, p)) / abs(wiz);
        writeColour(gid, min(1f, shade[o + VV_KD]) * k, min(1f, shade[o + VV_KD + 1]) * k,
                min(1f, shade[o + VV_KD + 2]) * k, abs(wiz) * INV_PI);
    }

    // Scatter (scattermaterial.cpp, schlickscatter.cpp SchlickScatter): k = g (1.55 - 0.55 g^2) per channel
    // (g clamped to [-1, 1]), LuxRender's F = R (1 - k^2) / (4 pi (1 + k wo.wi)^2), a phase function with no
    // cosine, over the whole sphere; here f = F / |cos wi| so that the path tracer's f |cos wi| is F.
    // Sampled as SchlickScatter::SampleF with k's mean (k.Filter): cos(wo, wi) = -(2 u1 + k - 1) / (2 k u1
    // - k + 1), pdf (1 - k^2) / (4 pi (1 + k cos)^2).

    /** k of channel c. */
    private float scatterK(int o, int c) {
        float g = max(-1f, min(1f, shade[o + SC_G + c]));
        return g * (1.55f - 0.55f * g * g);
    }

    private float schlickPhase(float k, float cosWoWi) {
        float d = 1 + k * cosWoWi;
        return (1 - k * k) * INV_4PI / (d * d);
    }

    private void evalScatter(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        float c = wox * wix + woy * wiy + woz * wiz;
        float kr = scatterK(o, 0), kg = scatterK(o, 1), kb = scatterK(o, 2);
        float kMean = (kr + kg + kb) / 3f;
        float iz = abs(wiz);
        float inv = 0f;
        if (iz > 1e-7f) {
            inv = 1f / iz;
        }
        writeColour(gid, shade[o + SC_KD] * schlickPhase(kr, c) * inv, shade[o + SC_KD + 1] * schlickPhase(kg, c) * inv,
                shade[o + SC_KD + 2] * schlickPhase(kb, c) * inv, schlickPhase(kMean, c));
    }

    private boolean sampleScatterDirection(int gid, int o, float wox, float woy, float woz, float u1, float u2) {
        float k = (scatterK(o, 0) + scatterK(o, 1) + scatterK(o, 2)) / 3f;
        float cost = -(2 * u1 + k - 1) / (2 * k * u1 - k + 1);
        cost = max(-1f, min(1f, cost));
        float sint = sqrt(max(0f, 1 - cost * cost));
        float phi = 2 * PI * u2;
        // An orthonormal frame (x, y, wo) (Duff et al. 2017).
        float sign = woz >= 0 ? 1f : -1f;
        float a = -1f / (sign + woz), b = wox * woy * a;
        float xx = 1 + sign * wox * wox * a, xy = sign * b, xz = -sign * wox;
        float yx = b, yy = sign + woy * woy * a, yz = -woy;
        float cp = cos(phi) * sint, sp = sin(phi) * sint;
        float ix = cp * xx + sp * yx + cost * wox, iy = cp * xy + sp * yy + cost * woy;
        float iz = cp * xz + sp * yz + cost * woz;
        writeDirection(gid, ix, iy, iz, false, iz * woz < 0, 1f);
        return iz != 0;
    }
}

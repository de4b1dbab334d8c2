package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.DS_ANISOTROPIC;
import static org.luxnet.scene.compiled.MaterialLayout.DS_CLEARCOAT;
import static org.luxnet.scene.compiled.MaterialLayout.DS_CLEARCOAT_GLOSS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_COLOR;
import static org.luxnet.scene.compiled.MaterialLayout.DS_DIFFTRANS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_ETA;
import static org.luxnet.scene.compiled.MaterialLayout.DS_FLATNESS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_METALLIC;
import static org.luxnet.scene.compiled.MaterialLayout.DS_ROUGHNESS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SHEEN;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SHEEN_TINT;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SPECTRANS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SPECULAR_TINT;
import static org.luxnet.scene.compiled.MaterialLayout.DS_THIN;

/**
 * pbrt-v3's "disney" material (materials/disney.cpp). DisneyMaterial::ComputeScatteringFunctions adds,
 * with diffuseWeight = (1 - metallic)(1 - spectrans) and dt = difftrans / 2:
 *
 * <ol start="0">
 *   <li>DisneyDiffuse, R = diffuseWeight c (thin: diffuseWeight (1 - flatness)(1 - dt) c), when diffuseWeight > 0;
 *   <li>DisneyFakeSS, R = diffuseWeight flatness (1 - dt) c, when thin and diffuseWeight > 0;
 *   <li>DisneyRetro, R = diffuseWeight c, when diffuseWeight > 0;
 *   <li>DisneySheen, R = diffuseWeight sheen lerp(sheentint, 1, Ctint), when diffuseWeight > 0 and sheen > 0;
 *   <li>MicrofacetReflection with R = c, DisneyMicrofacetDistribution (Trowbridge-Reitz, G = G1(wo) G1(wi)) and
 *       DisneyFresnel, always;
 *   <li>DisneyClearcoat (GTR1), when clearcoat > 0;
 *   <li>MicrofacetTransmission with T = spectrans sqrt(c), when spectrans > 0 (thin: a plain Trowbridge-Reitz with
 *       the roughness scaled by 0.65 eta - 0.35);
 *   <li>LambertianTransmission, T = dt c, when thin.
 * </ol>
 *
 * pbrt-v3 adds each of these whatever its colour (unlike uber), so a black one still counts in the lobe
 * choice. As BSDF::Sample_f does, sampling picks one of the present lobes uniformly; the direction is
 * then weighted by f of every lobe on its side (reflection or transmission) over the mean pdf of all
 * lobes. DisneyClearcoat samples and evaluates GTR1 with alpha = lerp(clearcoatgloss, .1, .001) and
 * the density D(wh) cos(wh) / (4 wo.wh): pbrt-v3 as of pull request #172, which made the sampling agree
 * with Pdf (before it, Sample_f drew from alpha .25 and Pdf lacked the cosine). The lobes are evaluated
 * in the frame flipped to wo's side; every Disney lobe but the Fresnel terms is even in z there.
 */
abstract class DisneyKernel extends LobeKernel {
    static final int DS_LOBES = 8;
    /** Lobes, in disney.cpp's order of BSDF::Add. */
    static final int DS_DIFFUSE = 0, DS_FAKE_SS = 1, DS_RETRO = 2, DS_SHEEN_LOBE = 3, DS_SPECULAR = 4,
            DS_CLEARCOAT_LOBE = 5, DS_TRANSMISSION = 6, DS_DIFFUSE_T = 7;
    /** RGBSpectrum::y's luminance weights (pbrt-v3 core/spectrum.h). */
    static final float Y_R = 0.212671f, Y_G = 0.715160f, Y_B = 0.072169f;

    /** 1 when lobe {@code lobe} of the Disney material at {@code o} is present, else 0 (see the class comment). */
    int disneyPresent(int o, int lobe) {
        float dw = (1 - shade[o + DS_METALLIC]) * (1 - shade[o + DS_SPECTRANS]);
        boolean thin = shade[o + DS_THIN] != 0;
        boolean p = true;
        if (lobe == DS_DIFFUSE || lobe == DS_RETRO) {
            p = dw > 0;
        } else if (lobe == DS_FAKE_SS) {
            p = dw > 0 && thin;
        } else if (lobe == DS_SHEEN_LOBE) {
            p = dw > 0 && shade[o + DS_SHEEN] > 0;
        } else if (lobe == DS_CLEARCOAT_LOBE) {
            p = shade[o + DS_CLEARCOAT] > 0;
        } else if (lobe == DS_TRANSMISSION) {
            p = shade[o + DS_SPECTRANS] > 0;
        } else if (lobe == DS_DIFFUSE_T) {
            p = thin;
        }
        return p ? 1 : 0;
    }

    /** disney.cpp GTR1: the Berry distribution of the clearcoat, normalised so that its integral of D cos is 1. */
    float gtr1(float cosTheta, float alpha) {
        float a2 = alpha * alpha;
        return (a2 - 1) / (PI * log(a2) * (1 + (a2 - 1) * cosTheta * cosTheta));
    }

    /** disney.cpp smithG_GGX: G1 / (2 cos) of the clearcoat's Smith term. */
    float clearcoatSmith(float cosTheta, float alpha) {
        float a2 = alpha * alpha, c2 = cosTheta * cosTheta;
        return 1f / (cosTheta + sqrt(a2 + c2 - a2 * c2));
    }

    /**
     * Channel c of DisneyFresnel::Evaluate(cosI): lerp(metallic, FrDielectric(cosI, 1, eta), FrSchlick(Cspec0,
     * cosI)) with Cspec0 = lerp(metallic, SchlickR0FromEta(eta) lerp(speculartint, 1, Ctint), c); {@code
     * schlick} is SchlickWeight(cosI), {@code dielectric} FrDielectric(cosI, 1, eta).
     */
    float disneyFresnel(int o, int c, float tint, float dielectric, float schlick) {
        float m = shade[o + DS_METALLIC], eta = shade[o + DS_ETA];
        float r0 = (eta - 1) * (eta - 1) / ((eta + 1) * (eta + 1));
        float st = shade[o + DS_SPECULAR_TINT];
        float spec0 = (1 - m) * r0 * ((1 - st) + st * tint) + m * shade[o + DS_COLOR + c];
        return (1 - m) * dielectric + m * (spec0 + (1 - spec0) * schlick);
    }

    /** Ctint = c / luminance(c), or 1 where the luminance is 0 (channel c). */
    float disneyTint(int o, int c) {
        float lum = Y_R * shade[o + DS_COLOR] + Y_G * shade[o + DS_COLOR + 1] + Y_B * shade[o + DS_COLOR + 2];
        return lum > 0 ? shade[o + DS_COLOR + c] / lum : 1f;
    }

    /**
     * f(wo, wi) of the Disney material at {@code o} and the density with which {@link #sampleDisney} picks
     * wi. With {@code across}, wi lies below wo's shading hemisphere where the geometric normal sees
     * reflection: BSDF::f then sums the reflection lobes alone, at wi as it is (their f take absolute
     * cosines, D and G are even, the Fresnel cosine is taken against wh turned to +z); the pdf written
     * there is not BSDF::Pdf's (0), which the caller uses instead.
     */
    void evalDisney(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz, boolean across) {
        int n = 0;
        for (int l = 0; l < DS_LOBES; l++) {
            n += disneyPresent(o, l);
        }
        if (woz == 0 || wiz == 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s, iz = wiz * s;
            float cr = shade[o + DS_COLOR], cg = shade[o + DS_COLOR + 1], cb = shade[o + DS_COLOR + 2];
            float metallic = shade[o + DS_METALLIC], eta = shade[o + DS_ETA], rough = shade[o + DS_ROUGHNESS];
            float strans = shade[o + DS_SPECTRANS];
            boolean thin = shade[o + DS_THIN] != 0;
            float dw = (1 - metallic) * (1 - strans);
            float dt = shade[o + DS_DIFFTRANS] * 0.5f;
            float aspect = sqrt(1 - shade[o + DS_ANISOTROPIC] * 0.9f);
            float fr = 0f, fg = 0f, fb = 0f, pdf = 0f;
            float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
            float hl = sqrt(hx * hx + hy * hy + hz * hz);
            if ((iz > 0 || across) && hl > 0) {
                hx /= hl;
                hy /= hl;
                hz /= hl;
                // cos(theta_d) = wi . wh = wo . wh.
                float cosD = wix * hx + wiy * hy + iz * hz;
                float aiz = abs(iz), ahz = abs(hz);
                float fo = pow5(oz), fi = pow5(aiz);
                // The diffuse lobes: scalars times c, and the sheen.
                float diff = 0f, sheen = 0f;
                int diffuseLobes = 0;
                if (dw > 0) {
                    float flat = shade[o + DS_FLATNESS];
                    float disney = INV_PI * (1 - fo * 0.5f) * (1 - fi * 0.5f);
                    diff = thin ? dw * (1 - flat) * (1 - dt) * disney : dw * disney;
                    float rr = 2 * rough * cosD * cosD;
                    diff += dw * INV_PI * rr * (fo + fi + fo * fi * (rr - 1));
                    diffuseLobes = 2;
                    if (thin) {
                        float fss90 = cosD * cosD * rough;
                        float fss = (1 + (fss90 - 1) * fo) * (1 + (fss90 - 1) * fi);
                        float ss = 1.25f * (fss * (1 / (oz + aiz) - 0.5f) + 0.5f);
                        diff += dw * flat * (1 - dt) * INV_PI * ss;
                        diffuseLobes = 3;
                    }
                    float sw = shade[o + DS_SHEEN];
                    if (sw > 0) {
                        sheen = dw * sw * pow5(cosD);
                        diffuseLobes++;
                    }
                }
                float stint = shade[o + DS_SHEEN_TINT];
                float tr = disneyTint(o, 0), tg = disneyTint(o, 1), tb = disneyTint(o, 2);
                // The microfacet reflection, with the Fresnel cosine of wi against wh turned to +z (reflection.cpp
                // MicrofacetReflection::f's Faceforward), which is -cosD when wo is below the surface.
                float ax = max(0.001f, rough * rough / aspect), ay = max(0.001f, rough * rough * aspect);
                float d = ggxD(hx, hy, ahz, ax, ay);
                float lo = ggxLambda(wox, woy, oz, ax, ay), li = ggxLambda(wix, wiy, iz, ax, ay);
                float spec = d / ((1 + lo) * (1 + li) * 4 * oz * aiz);
                float cosF = s * hz < 0 ? -cosD : cosD;
                float die = fresnelDielectric(cosF, 1f, eta), sch = pow5(cosF);
                fr = cr * (diff + spec * disneyFresnel(o, 0, tr, die, sch)) + sheen * ((1 - stint) + stint * tr);
                fg = cg * (diff + spec * disneyFresnel(o, 1, tg, die, sch)) + sheen * ((1 - stint) + stint * tg);
                fb = cb * (diff + spec * disneyFresnel(o, 2, tb, die, sch)) + sheen * ((1 - stint) + stint * tb);
                pdf = diffuseLobes * aiz * INV_PI + ggxPdfVisible(wox, woy, oz, hx, hy, hz, 1f / (1f + lo), d) / (4 * cosD);
                float cc = shade[o + DS_CLEARCOAT];
                if (cc > 0) {
                    float g = shade[o + DS_CLEARCOAT_GLOSS];
                    float alpha = (1 - g) * 0.1f + g * 0.001f;
                    float dr = gtr1(ahz, alpha);
                    float coat = 0.25f * cc * clearcoatSmith(oz, 0.25f) * clearcoatSmith(aiz, 0.25f) * (0.04f + 0.96f * pow5(cosD)) * dr;
                    fr += coat;
                    fg += coat;
                    fb += coat;
                    pdf += dr * ahz / (4 * cosD);
                }
            }
            if (iz < 0 && !across) {
                if (strans > 0) {
                    float rs = thin ? (0.65f * eta - 0.35f) * rough : rough;
                    float ax = max(0.001f, rs * rs / aspect), ay = max(0.001f, rs * rs * aspect);
                    float rel = s > 0 ? eta : 1f / eta;
                    float t = strans * microfacetTransmission(wox, woy, oz, wix, wiy, iz, ax, ay, rel, false, !thin);
                    fr = t * sqrt(cr);
                    fg = t * sqrt(cg);
                    fb = t * sqrt(cb);
                    pdf = microfacetTransmission(wox, woy, oz, wix, wiy, iz, ax, ay, rel, true, !thin);
                }
                if (thin) {
                    fr += dt * cr * INV_PI;
                    fg += dt * cg * INV_PI;
                    fb += dt * cb * INV_PI;
                    pdf += -iz * INV_PI;
                }
            }
            writeColour(gid, fr, fg, fb, pdf / n);
        }
    }

    /**
     * Samples one present lobe chosen uniformly by {@code uLobe} (disney.cpp's Sample_f of each: the
     * cosine hemisphere for the diffuse lobes, on the other side for LambertianTransmission, GGX visible
     * normals for the microfacet lobes, GTR1 half vectors for the clearcoat), then weights wi by
     * {@link #evalDisney}; false when no direction carries light.
     */
    boolean sampleDisney(int gid, int o, float wox, float woy, float woz, float u1, float u2, float uLobe) {
        int n = 0;
        for (int l = 0; l < DS_LOBES; l++) {
            n += disneyPresent(o, l);
        }
        boolean ok = false;
        if (woz != 0) {
            int k = min((int) (uLobe * n), n - 1);
            int lobe = 0, seen = 0;
            for (int l = 0; l < DS_LOBES; l++) {
                int p = disneyPresent(o, l);
                if (p != 0 && seen == k) {
                    lobe = l;
                }
                seen += p;
            }
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s;
            float ix = 0f, iy = 0f, iz = 0f;
            if (lobe <= DS_SHEEN_LOBE || lobe == DS_DIFFUSE_T) {
                cosineHemisphere(gid, u1, u2);
                ix = scratch[Scratch.VEC_X * capacity + gid];
                iy = scratch[Scratch.VEC_Y * capacity + gid];
                iz = scratch[Scratch.VEC_Z * capacity + gid];
                if (lobe == DS_DIFFUSE_T) {
                    iz = -iz;
                }
            } else if (lobe == DS_CLEARCOAT_LOBE) {
                // disney.cpp DisneyClearcoat::Sample_f: cos^2(theta_h) = (1 - alpha^(2 (1 - u))) / (1 - alpha^2).
                float g = shade[o + DS_CLEARCOAT_GLOSS];
                float alpha = (1 - g) * 0.1f + g * 0.001f;
                float a2 = alpha * alpha;
                float cosT = sqrt(max(0f, (1 - exp((1 - u1) * log(a2))) / (1 - a2)));
                float sinT = sqrt(max(0f, 1 - cosT * cosT));
                float phi = 2 * PI * u2;
                float hx = sinT * cos(phi), hy = sinT * sin(phi);
                float cosH = wox * hx + woy * hy + oz * cosT;
                ix = 2 * cosH * hx - wox;
                iy = 2 * cosH * hy - woy;
                iz = 2 * cosH * cosT - oz;
            } else {
                float rough = shade[o + DS_ROUGHNESS], eta = shade[o + DS_ETA];
                boolean thin = shade[o + DS_THIN] != 0;
                float rs = lobe == DS_TRANSMISSION && thin ? (0.65f * eta - 0.35f) * rough : rough;
                float aspect = sqrt(1 - shade[o + DS_ANISOTROPIC] * 0.9f);
                ggxSampleVisible(gid, wox, woy, oz, max(0.001f, rs * rs / aspect), max(0.001f, rs * rs * aspect), u1, u2);
                // pbrt-v3 Refract(wo, wh, 1 / rel) for the transmission lobe.
                microfacetTurn(gid, wox, woy, oz, lobe == DS_SPECULAR, s > 0 ? 1f / eta : eta);
                ix = scratch[Scratch.VEC_X * capacity + gid];
                iy = scratch[Scratch.VEC_Y * capacity + gid];
                iz = scratch[Scratch.VEC_Z * capacity + gid];
            }
            boolean rightSide = lobe >= DS_TRANSMISSION ? iz < 0 : iz > 0;
            if (rightSide) {
                evalDisney(gid, o, wox, woy, woz, ix, iy, iz * s, false);
                float pdf = scratch[Scratch.BS_PDF * capacity + gid];
                ok = pdf > 0;
                float w = ok ? abs(iz) / pdf : 0f;
                scratch[Scratch.BS_R * capacity + gid] = scratch[Scratch.BS_R * capacity + gid] * w;
                scratch[Scratch.BS_G * capacity + gid] = scratch[Scratch.BS_G * capacity + gid] * w;
                scratch[Scratch.BS_B * capacity + gid] = scratch[Scratch.BS_B * capacity + gid] * w;
                writeDirection(gid, ix, iy, iz * s, false, iz < 0, 1f);
            }
        }
        return ok;
    }
}

package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.ETA;
import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.KS;
import static org.luxnet.scene.compiled.MaterialLayout.KT;
import static org.luxnet.scene.compiled.MaterialLayout.MAX_MIX_DEPTH;
import static org.luxnet.scene.compiled.MaterialLayout.MIX_AMOUNT;
import static org.luxnet.scene.compiled.MaterialLayout.MIX_FIRST;
import static org.luxnet.scene.compiled.MaterialLayout.MIX_SECOND;
import static org.luxnet.scene.compiled.MaterialLayout.STRIDE;
import static org.luxnet.scene.compiled.MaterialLayout.TRANSLUCENT_REFLECT;
import static org.luxnet.scene.compiled.MaterialLayout.TRANSLUCENT_TRANSMIT;
import static org.luxnet.scene.compiled.MaterialLayout.UBER_KR;
import static org.luxnet.scene.compiled.MaterialLayout.UBER_OPACITY;

import org.luxnet.scene.compiled.MaterialLayout;

/**
 * The pbrt-v3 multi-lobe materials (uber, translucent, rough glass) and mix, between the textures and
 * {@link BsdfKernel}. Each material is a set of lobes as pbrt-v3's BSDF holds BxDFs: Lambertian
 * reflection and transmission, Trowbridge-Reitz (GGX) microfacet reflection and transmission with a
 * dielectric Fresnel (core/reflection.cpp MicrofacetReflection, MicrofacetTransmission), specular
 * reflection and transmission, and uber's pass-through. As pbrt-v3's BSDF::Sample_f does, sampling
 * picks one present lobe uniformly; a smooth lobe's direction is then weighted by f and pdf of the
 * whole mixture (f summed over the smooth lobes, pdf their sum over the number of lobes), a delta
 * lobe's by its own value times the lobe count. Parameters are read as {@code shade[o + slot]}.
 */
abstract class LobeKernel extends BumpKernel {
    /** Lobes, in the order pbrt-v3's materials add them. */
    static final int DIFFUSE_R = 0, DIFFUSE_T = 1, GLOSSY_R = 2, GLOSSY_T = 3, SPECULAR_R = 4, SPECULAR_T = 5,
            PASS = 6, LOBES = 7;

    /**
     * Per material: 1 when it has no texture, is no mix and has no bump map, so that a hit can use
     * its constant row directly and skip the footprint, mix, shading and bump steps.
     */
    int[] matPlain = new int[1];

    void writeColour(int gid, float r, float g, float b, float pdf) {
        scratch[Scratch.BS_R * capacity + gid] = r;
        scratch[Scratch.BS_G * capacity + gid] = g;
        scratch[Scratch.BS_B * capacity + gid] = b;
        scratch[Scratch.BS_PDF * capacity + gid] = pdf;
    }

    void writeDirection(int gid, float x, float y, float z, boolean specular, boolean transmission,
                        float etaScale) {
        scratch[Scratch.BS_WX * capacity + gid] = x;
        scratch[Scratch.BS_WY * capacity + gid] = y;
        scratch[Scratch.BS_WZ * capacity + gid] = z;
        scratch[Scratch.BS_SPECULAR * capacity + gid] = specular ? 1f : 0f;
        scratch[Scratch.BS_TRANSMISSION * capacity + gid] = transmission ? 1f : 0f;
        scratch[Scratch.BS_ETA_SCALE * capacity + gid] = etaScale;
    }

    /**
     * Channel c of lobe {@code lobe}'s colour for a material of {@code type} (0 when the material has
     * no such lobe). uber.cpp scales every lobe by the opacity and adds a pass-through of 1 - opacity;
     * translucent.cpp scales the reflected lobes by "reflect" and the transmitted by "transmit".
     */
    float lobeColour(int type, int o, int lobe, int c) {
        float v = 0f;
        if (type == MaterialLayout.UBER) {
            float op = shade[o + UBER_OPACITY + c];
            if (lobe == DIFFUSE_R) {
                v = op * shade[o + KD + c];
            } else if (lobe == GLOSSY_R) {
                v = op * shade[o + KS + c];
            } else if (lobe == SPECULAR_R) {
                v = op * shade[o + UBER_KR + c];
            } else if (lobe == SPECULAR_T) {
                v = op * shade[o + KT + c];
            } else if (lobe == PASS) {
                v = max(0f, 1f - op);
            }
        } else if (type == MaterialLayout.TRANSLUCENT) {
            float r = shade[o + TRANSLUCENT_REFLECT + c], t = shade[o + TRANSLUCENT_TRANSMIT + c];
            if (lobe == DIFFUSE_R) {
                v = r * shade[o + KD + c];
            } else if (lobe == DIFFUSE_T) {
                v = t * shade[o + KD + c];
            } else if (lobe == GLOSSY_R) {
                v = r * shade[o + KS + c];
            } else if (lobe == GLOSSY_T) {
                v = t * shade[o + KS + c];
            }
        } else if (type == MaterialLayout.ROUGH_GLASS) {
            if (lobe == GLOSSY_R) {
                v = shade[o + KS + c];
            } else if (lobe == GLOSSY_T) {
                v = shade[o + KT + c];
            }
        }
        return v;
    }

    /** 1 when the lobe is present (pbrt-v3 adds a BxDF only for a colour that is not black), else 0. */
    int lobePresent(int type, int o, int lobe) {
        boolean present = lobeColour(type, o, lobe, 0) > 0 || lobeColour(type, o, lobe, 1) > 0
                || lobeColour(type, o, lobe, 2) > 0;
        return present ? 1 : 0;
    }

    /** Number of present lobes: pbrt-v3's BSDF::NumComponents. */
    int lobeCount(int type, int o) {
        int n = 0;
        for (int l = 0; l < LOBES; l++) {
            n += lobePresent(type, o, l);
        }
        return n;
    }

    /**
     * D G F / (4 |cos| |cos|) of pbrt-v3's MicrofacetReflection with FresnelDielectric(1, eta), in the
     * frame flipped to wo's side (oz > 0, and iz > 0 but for {@link #evalLobesAcross}, where wi is below:
     * MicrofacetReflection::f takes absolute cosines, and D and G are even in cos(theta_h), hence
     * |hz|); {@code side} is -1 when wo is below the surface, where the Fresnel term is that of the
     * inside.
     */
    float microfacetReflection(float ox, float oy, float oz, float ix, float iy, float iz, float ax, float ay,
                               float eta, float side) {
        float hx = ox + ix, hy = oy + iy, hz = oz + iz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        float f = 0f;
        if (hl > 0) {
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float d = ggxD(hx, hy, abs(hz), ax, ay);
            float g = 1f / (1f + ggxLambda(ox, oy, oz, ax, ay) + ggxLambda(ix, iy, iz, ax, ay));
            // MicrofacetReflection::f takes the Fresnel cosine against Faceforward(wh, (0, 0, 1)) in pbrt's own frame:
            // for wi below (hz < 0 here, only across) that is the inside's cosine where wo is above, and back.
            float cosH = ix * hx + iy * hy + iz * hz;
            if (hz < 0) {
                cosH = -cosH;
            }
            float fr = fresnelDielectric(side * cosH, 1f, eta);
            f = d * g * fr / (4 * oz * abs(iz));
        }
        return f;
    }

    /**
     * f(wo, wi) of the lobes of the kind the geometric normal sees, reflection when {@code geoReflect}
     * else transmission, where the shading frame sees wi as the other kind (pbrt-v3 BSDF::Sample_f's
     * recomputed f, see BsdfKernel#crossGeometry). Reflection with wi below wo's shading hemisphere:
     * LambertianReflection::f is R / pi whatever the hemisphere, MicrofacetReflection::f is evaluated
     * at wi as it is ({@link #microfacetReflection}). Transmission with wi on wo's side:
     * LambertianTransmission::f is T / pi whatever the hemisphere, MicrofacetTransmission::f is 0
     * ("if (SameHemisphere(wo, wi)) return 0"); the specular lobes' f is 0. Writes the colour, pdf 0.
     */
    void evalLobesAcross(int gid, int type, int o, float wox, float woy, float woz, float wix, float wiy, float wiz,
                         boolean geoReflect) {
        float s = woz < 0 ? -1f : 1f;
        int diffuse = DIFFUSE_T, glossy = GLOSSY_T;
        float kg = 0f;
        if (geoReflect) {
            diffuse = DIFFUSE_R;
            glossy = GLOSSY_R;
            if (woz != 0 && wiz != 0 && lobePresent(type, o, GLOSSY_R) != 0) {
                kg = microfacetReflection(wox, woy, woz * s, wix, wiy, wiz * s, shade[o + ALPHA_U], shade[o + ALPHA_V],
                        shade[o + ETA], s);
            }
        }
        writeColour(gid, lobeColour(type, o, diffuse, 0) * INV_PI + lobeColour(type, o, glossy, 0) * kg,
                lobeColour(type, o, diffuse, 1) * INV_PI + lobeColour(type, o, glossy, 1) * kg,
                lobeColour(type, o, diffuse, 2) * INV_PI + lobeColour(type, o, glossy, 2) * kg, 0f);
    }

    /** Density of a reflected direction sampled from GGX visible normals (oz, iz > 0). */
    float microfacetReflectionPdf(float ox, float oy, float oz, float ix, float iy, float iz, float ax, float ay) {
        float hx = ox + ix, hy = oy + iy, hz = oz + iz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        float pdf = 0f;
        if (hl > 0) {
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float d = ggxD(hx, hy, hz, ax, ay);
            float g1 = 1f / (1f + ggxLambda(ox, oy, oz, ax, ay));
            pdf = ggxPdfVisible(ox, oy, oz, hx, hy, hz, g1, d) / (4 * abs(ox * hx + oy * hy + oz * hz));
        }
        return pdf;
    }

    /**
     * pbrt-v3's MicrofacetTransmission::f without T, in radiance mode, flipped to wo's side (oz > 0 >
     * iz); {@code eta} is the index on wi's side over the index on wo's side. With {@code pdf} true,
     * the density of sampling wi instead (MicrofacetTransmission::Pdf). With {@code separable}, the masking
     * term is G1(wo) G1(wi), as disney.cpp's DisneyMicrofacetDistribution::G has it, instead of pbrt-v3's
     * TrowbridgeReitzDistribution::G = 1 / (1 + Lambda(wo) + Lambda(wi)).
     */
    float microfacetTransmission(float ox, float oy, float oz, float ix, float iy, float iz, float ax, float ay,
                                 float eta, boolean pdf, boolean separable) {
        float hx = ox + ix * eta, hy = oy + iy * eta, hz = oz + iz * eta;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        float v = 0f;
        if (hl > 0) {
            float k = hz < 0 ? -1f / hl : 1f / hl;
            hx *= k;
            hy *= k;
            hz *= k;
            float dotO = ox * hx + oy * hy + oz * hz, dotI = ix * hx + iy * hy + iz * hz;
            float denom = dotO + eta * dotI;
            // Microfacets that face away from wo or towards wi carry nothing (pbrt-v4's rule; sampling never makes them).
            if (dotO > 0 && dotI < 0 && denom != 0) {
                float d = ggxD(hx, hy, hz, ax, ay);
                float lo = ggxLambda(ox, oy, oz, ax, ay);
                if (pdf) {
                    v = ggxPdfVisible(ox, oy, oz, hx, hy, hz, 1f / (1f + lo), d) * abs(eta * eta * dotI)
                            / (denom * denom);
                } else {
                    float li = ggxLambda(ix, iy, iz, ax, ay);
                    float g = separable ? 1f / ((1f + lo) * (1f + li)) : 1f / (1f + lo + li);
                    float fr = fresnelDielectric(dotO, 1f, eta);
                    // eta^2 from the Jacobian cancels the radiance scale (1 / eta)^2.
                    v = (1 - fr) * d * g * abs(dotI * dotO / (iz * oz)) / (denom * denom);
                }
            }
        }
        return v;
    }

    /** f(wo, wi) of the smooth lobes and the density with which {@link #sampleLobes} picks wi. */
    void evalLobes(int gid, int type, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        int n = lobeCount(type, o);
        if (woz == 0 || wiz == 0 || n == 0) {
            writeColour(gid, 0, 0, 0, 0);
        } else {
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s, iz = wiz * s;
            float ax = shade[o + ALPHA_U], ay = shade[o + ALPHA_V], eta = shade[o + ETA];
            int diffuse = DIFFUSE_R, glossy = GLOSSY_R;
            float kd = INV_PI, pd = iz * INV_PI, kg = 0f, pg = 0f;
            if (iz > 0) {
                if (lobePresent(type, o, GLOSSY_R) != 0) {
                    kg = microfacetReflection(wox, woy, oz, wix, wiy, iz, ax, ay, eta, s);
                    pg = microfacetReflectionPdf(wox, woy, oz, wix, wiy, iz, ax, ay);
                }
            } else {
                diffuse = DIFFUSE_T;
                glossy = GLOSSY_T;
                pd = -pd;
                if (lobePresent(type, o, GLOSSY_T) != 0) {
                    float rel = s > 0 ? eta : 1f / eta;
                    kg = microfacetTransmission(wox, woy, oz, wix, wiy, iz, ax, ay, rel, false, false);
                    pg = microfacetTransmission(wox, woy, oz, wix, wiy, iz, ax, ay, rel, true, false);
                }
            }
            float pdf = (lobePresent(type, o, diffuse) * pd + lobePresent(type, o, glossy) * pg) / n;
            writeColour(gid, lobeColour(type, o, diffuse, 0) * kd + lobeColour(type, o, glossy, 0) * kg,
                    lobeColour(type, o, diffuse, 1) * kd + lobeColour(type, o, glossy, 1) * kg,
                    lobeColour(type, o, diffuse, 2) * kd + lobeColour(type, o, glossy, 2) * kg, pdf);
        }
    }

    /** Samples one lobe chosen uniformly by {@code uLobe}, then wi; false when no direction carries light. */
    boolean sampleLobes(int gid, int type, int o, float wox, float woy, float woz, float u1, float u2, float uLobe) {
        int n = lobeCount(type, o);
        boolean ok = false;
        if (woz != 0 && n > 0) {
            int k = min((int) (uLobe * n), n - 1);
            int lobe = 0, seen = 0;
            for (int l = 0; l < LOBES; l++) {
                int p = lobePresent(type, o, l);
                if (p != 0 && seen == k) {
                    lobe = l;
                }
                seen += p;
            }
            float s = woz < 0 ? -1f : 1f;
            float oz = woz * s;
            float eta = shade[o + ETA];
            // eta on the far side over eta on wo's side.
            float rel = s > 0 ? eta : 1f / eta;
            if (lobe >= SPECULAR_R) {
                ok = sampleDeltaLobe(gid, type, o, lobe, n, wox, woy, woz, eta, rel);
            } else {
                float ix = 0f, iy = 0f, iz = 0f;
                if (lobe <= DIFFUSE_T) {
                    cosineHemisphere(gid, u1, u2);
                    ix = scratch[Scratch.VEC_X * capacity + gid];
                    iy = scratch[Scratch.VEC_Y * capacity + gid];
                    iz = scratch[Scratch.VEC_Z * capacity + gid];
                    if (lobe == DIFFUSE_T) {
                        iz = -iz;
                    }
                } else {
                    ggxSampleVisible(gid, wox, woy, oz, shade[o + ALPHA_U], shade[o + ALPHA_V], u1, u2);
                    // pbrt-v3 Refract(wo, wh, 1 / rel) for the transmission lobe.
                    microfacetTurn(gid, wox, woy, oz, lobe == GLOSSY_R, 1f / rel);
                    ix = scratch[Scratch.VEC_X * capacity + gid];
                    iy = scratch[Scratch.VEC_Y * capacity + gid];
                    iz = scratch[Scratch.VEC_Z * capacity + gid];
                }
                boolean rightSide = lobe == DIFFUSE_T || lobe == GLOSSY_T ? iz < 0 : iz > 0;
                if (rightSide) {
                    evalLobes(gid, type, o, wox, woy, woz, ix, iy, iz * s);
                    float pdf = scratch[Scratch.BS_PDF * capacity + gid];
                    ok = pdf > 0;
                    float w = ok ? abs(iz) / pdf : 0f;
                    scratch[Scratch.BS_R * capacity + gid] = scratch[Scratch.BS_R * capacity + gid] * w;
                    scratch[Scratch.BS_G * capacity + gid] = scratch[Scratch.BS_G * capacity + gid] * w;
                    scratch[Scratch.BS_B * capacity + gid] = scratch[Scratch.BS_B * capacity + gid] * w;
                    writeDirection(gid, ix, iy, iz * s, false, iz < 0, 1f);
                }
            }
        }
        return ok;
    }

    /**
     * pbrt-v3's SpecularReflection and SpecularTransmission with FresnelDielectric(1, eta), and uber's
     * pass-through (SpecularTransmission with index 1 on both sides); picked with probability 1 / n.
     */
    private boolean sampleDeltaLobe(int gid, int type, int o, int lobe, int n, float wox, float woy, float woz,
                                    float eta, float rel) {
        boolean ok = true;
        float k = n;
        if (lobe == SPECULAR_R) {
            k = n * fresnelDielectric(woz, 1f, eta);
            writeDirection(gid, -wox, -woy, woz, true, false, 1f);
        } else if (lobe == PASS) {
            writeDirection(gid, -wox, -woy, -woz, true, true, 1f);
        } else {
            float r = 1f / rel;
            float sin2T = r * r * max(0f, 1 - woz * woz);
            ok = sin2T < 1;
            float cosT = sqrt(max(0f, 1 - sin2T));
            k = n * (1 - fresnelDielectric(woz, 1f, eta)) * r * r;
            writeDirection(gid, -r * wox, -r * woy, woz > 0 ? -cosT : cosT, true, true, rel * rel);
        }
        writeColour(gid, lobeColour(type, o, lobe, 0) * k, lobeColour(type, o, lobe, 1) * k,
                lobeColour(type, o, lobe, 2) * k, 1f / n);
        return ok;
    }

    /**
     * Follows mix materials from {@code mat} to the material the hit uses, at most {@link
     * MaterialLayout#MAX_MIX_DEPTH} deep (a loop: the kernel may not recurse). Each mix picks its
     * first material with probability p = sum(amount) / (sum(amount) + sum(1 - amount)) by {@code u},
     * which is then rescaled to [0, 1) for the next choice and the leaf's lobe choice; the weight
     * amount / p (or (1 - amount) / (1 - p)) per channel goes to the MIX slots of {@link Scratch},
     * and the leftover sample number to {@link Scratch#MIX_U}. The expected BSDF is then pbrt-v3's
     * amount * f1 + (1 - amount) * f2 for rgb amounts too. A textured amount is shaded first. A
     * LuxRender doubleside on the way takes its front material when {@code cosGeo} (the cosine of the
     * reversed ray with the geometric normal) is above 0, else its back one (DoubleSideBSDF's
     * Dot(wo, ng) > 0), with weight 1 and {@code u} left as it is; where DoubleSideMaterial::GetBSDF
     * flips that side's normals, what follows sees the other side ({@link Scratch#MIX_FLIP} -1).
     */
    int resolveMix(int gid, int prim, int mat, float hx, float hy, float hz, float u, float cosGeo) {
        int m = mat;
        int depth = 0;
        float v = u, wr = 1f, wg = 1f, wb = 1f, c = cosGeo, flip = 1f;
        while ((matType[m] == MaterialLayout.MIX || matType[m] == MaterialLayout.DOUBLESIDE) && depth < MAX_MIX_DEPTH) {
            if (matType[m] == MaterialLayout.DOUBLESIDE) {
                // Doubleside: the material of the side the ray arrives from, no sample number used.
                int row = m * STRIDE;
                m = (int) shade[row + (c > 0 ? MaterialLayout.DBL_FRONT : MaterialLayout.DBL_BACK)];
                if (shade[row + (c > 0 ? MaterialLayout.DBL_FLIP_FRONT : MaterialLayout.DBL_FLIP_BACK)] != 0) {
                    c = -c;
                    flip = -flip;
                }
            } else {
                int base = m * STRIDE + MIX_AMOUNT;
                float ar = shade[base], ag = shade[base + 1], ab = shade[base + 2];
                if (matTextured[m] != 0) {
                    shadeMaterial(gid, prim, m, hx, hy, hz);
                    int o = shadeAt[gid] + MIX_AMOUNT;
                    ar = shade[o];
                    ag = shade[o + 1];
                    ab = shade[o + 2];
                }
                ar = max(0f, ar);
                ag = max(0f, ag);
                ab = max(0f, ab);
                float t1 = ar + ag + ab;
                float t2 = max(0f, 1 - ar) + max(0f, 1 - ag) + max(0f, 1 - ab);
                float p = t1 + t2 > 0 ? t1 / (t1 + t2) : 0.5f;
                if (v < p) {
                    wr *= ar / p;
                    wg *= ag / p;
                    wb *= ab / p;
                    v = v / p;
                    m = (int) shade[m * STRIDE + MIX_FIRST];
                } else {
                    float q = 1 - p;
                    wr *= max(0f, 1 - ar) / q;
                    wg *= max(0f, 1 - ag) / q;
                    wb *= max(0f, 1 - ab) / q;
                    v = (v - p) / q;
                    m = (int) shade[m * STRIDE + MIX_SECOND];
                }
                v = min(v, 0.99999994f);
            }
            depth++;
        }
        scratch[Scratch.MIX_R * capacity + gid] = wr;
        scratch[Scratch.MIX_G * capacity + gid] = wg;
        scratch[Scratch.MIX_B * capacity + gid] = wb;
        scratch[Scratch.MIX_U * capacity + gid] = v;
        scratch[Scratch.MIX_FLIP * capacity + gid] = flip;
        return m;
    }

    /**
     * Host side: {@link #matPlain} from the materials' types, textures and bump maps. Needs
     * {@code setupMaterials} first.
     */
    void setupPlainMaterials() {
        matPlain = new int[matType.length];
        for (int m = 0; m < matType.length; m++) {
            int row = m * STRIDE;
            boolean bumped = (int) shade[row + MaterialLayout.BUMP_MODE] != MaterialLayout.BUMP_NONE && matTexStart[row + MaterialLayout.BUMP] >= 0;
            boolean chooses = matType[m] == MaterialLayout.MIX || matType[m] == MaterialLayout.DOUBLESIDE;
            matPlain[m] = !chooses && matTextured[m] == 0 && !bumped ? 1 : 0;
        }
    }
}

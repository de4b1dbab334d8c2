package org.luxnet.render.transport;



/**
 * The layer under the LuxRender materials (after the textures): Schlick's microfacet distribution
 * (schlickdistribution.h: Z, G, the azimuthal A, SampleH and the true density of its samples), the
 * absorption and approximate-conductor helpers LuxRender's BxDFs share, the cosine and Schlick
 * reflection samplers, the conductor lobe of shinymetal and metal2, and the writers of the {@code BS_}
 * slots of {@link Scratch}.
 */
abstract class SchlickKernel extends FourierKernel {
    private static final float HALF_PI = (float) (Math.PI / 2);

    // Schlick's microfacet distribution (schlickdistribution.h): roughness r, anisotropy in (-1, 1).

    /** SchlickZ: r / (1 + (r - 1) cos^2)^2, the denominator as sin^2 + r cos^2 (no cancellation for small r). */
    float schlickZ(float r, float c) {
        float d = (1 - c * c) + r * c * c;
        return r / (d * d);
    }

    /** SchlickG of one direction: cos / (cos (1 - r) + r). */
    float schlickG(float r, float c) {
        return c / (c * (1 - r) + r);
    }

    /** SchlickA, the azimuthal factor of D, for half vector h. */
    float schlickA(float aniso, float hx, float hy) {
        float h = sqrt(hx * hx + hy * hy);
        float a = 1f;
        if (h > 0 && aniso != 0) {
            float w = (aniso > 0 ? hx : hy) / h;
            float p = 1 - abs(aniso);
            a = sqrt(p / (p * p + w * w * (1 - p * p)));
        }
        return a;
    }

    /**
     * Density of the azimuth SchlickDistribution::SampleH draws (GetPhi per quadrant), relative to a
     * uniform azimuth: with s the angle to the nearest sampling axis over pi/2, p^2 / (p^2 + s^2 (1 - p^2))^1.5.
     */
    float schlickPhiDensity(float aniso, float hx, float hy) {
        float d = 1f;
        if (aniso != 0) {
            float p = 1 - abs(aniso);
            float s = aniso > 0 ? atan2(abs(hx), abs(hy)) : atan2(abs(hy), abs(hx));
            s = s / HALF_PI;
            float q = p * p + s * s * (1 - p * p);
            d = p * p / (q * sqrt(q));
        }
        return d;
    }

    /** SchlickDistribution::SampleH: a half vector in the upper hemisphere into the VEC slots. */
    void schlickSampleH(int gid, float r, float aniso, float u1, float u2) {
        float w = u2 * 4;
        float cos2 = u1 / (r * (1 - u1) + u1);
        float ct = sqrt(max(0f, cos2)), st = sqrt(max(0f, 1 - cos2));
        float p = 1 - abs(aniso);
        int quadrant = min(3, (int) w);
        float t = w;
        if (quadrant == 1) {
            t = 2 - w;
        } else if (quadrant == 2) {
            t = w - 2;
        } else if (quadrant == 3) {
            t = 4 - w;
        }
        float g = HALF_PI * sqrt(t * t * p * p / max(1e-12f, 1 - t * t * (1 - p * p)));
        float phi = g;
        if (quadrant == 1) {
            phi = PI - g;
        } else if (quadrant == 2) {
            phi = PI + g;
        } else if (quadrant == 3) {
            phi = 2 * PI - g;
        }
        if (aniso > 0) {
            phi += HALF_PI;
        }
        scratch[Scratch.VEC_X * capacity + gid] = st * cos(phi);
        scratch[Scratch.VEC_Y * capacity + gid] = st * sin(phi);
        scratch[Scratch.VEC_Z * capacity + gid] = ct;
    }

    /** glossy2.cpp/shinymetal.cpp: anisotropy from the u and v roughness. */
    float schlickAnisotropy(float u, float v) {
        float u2 = u * u, v2 = v * v;
        return u2 < v2 ? 1 - u2 / v2 : v2 / u2 - 1;
    }

    /** SchlickBRDF::F's absorption of the base: exp(-Ka d (1/cos_i + 1/cos_o)), 1 for d <= 0. */
    float absorption(float ka, float d, float iz, float oz) {
        float a = 1f;
        if (d > 0) {
            a = exp(-min(1f, ka) * d * (1 / iz + 1 / oz));
        }
        return a;
    }

    /** LuxRender's FresnelApproxEta of a reflectance (clamped to [0, 0.999]). */
    float approxEta(float refl) {
        float s = sqrt(max(0f, min(0.999f, refl)));
        return (1 + s) / (1 - s);
    }

    /** LuxRender's FresnelApproxK of a reflectance (clamped to [0, 0.999]). */
    float approxK(float refl) {
        float r = max(0f, min(0.999f, refl));
        return 2 * sqrt(r / (1 - r));
    }

    /** A cosine-weighted direction on wo's side. */
    boolean sampleCosine(int gid, float woz, float u1, float u2) {
        cosineHemisphere(gid, u1, u2);
        float z = scratch[Scratch.VEC_Z * capacity + gid];
        writeDirection(gid, scratch[Scratch.VEC_X * capacity + gid], scratch[Scratch.VEC_Y * capacity + gid],
                woz < 0 ? -z : z, false, false, 1f);
        return z > 0;
    }

    /** wo mirrored about a Schlick half vector (MicrofacetReflection::SampleF), on wo's side; false below. */
    boolean sampleSchlickReflection(int gid, float wox, float woy, float woz, float r, float aniso, float u1,
                                            float u2) {
        float s = woz < 0 ? -1f : 1f;
        schlickSampleH(gid, r, aniso, u1, u2);
        float hx = scratch[Scratch.VEC_X * capacity + gid], hy = scratch[Scratch.VEC_Y * capacity + gid];
        float hz = scratch[Scratch.VEC_Z * capacity + gid];
        float oz = woz * s;
        float c = wox * hx + woy * hy + oz * hz;
        float iz = 2 * c * hz - oz;
        writeDirection(gid, 2 * c * hx - wox, 2 * c * hy - woy, iz * s, false, false, 1f);
        return iz > 0;
    }

    /**
     * Density of {@link #sampleSchlickReflection} at the half vector h (upper hemisphere) of wo and wi:
     * Z cos(theta_h) / pi times the azimuth's density, over 4 |wo.h|.
     */
    float schlickReflectionPdf(float r, float aniso, float hx, float hy, float hz, float cosOH) {
        return schlickZ(r, hz) * hz * INV_PI * schlickPhiDensity(aniso, hx, hy) / (4 * abs(cosOH));
    }

    /** LuxRender's clamp of u and v roughness to [6e-3, 1] (glossy2.cpp, roughglass.cpp). */
    float luxGlossyRoughness(float r) {
        return max(6e-3f, min(1f, r));
    }

    /**
     * A two-sided MicrofacetReflection with R = 1 over SchlickDistribution(u v, anisotropy) and a
     * conductor Fresnel of index eta + i k per channel (shinymetal's glossy lobe, metal2), its pdf times
     * the probability {@code lobe} with which the material samples it.
     */
    void evalConductorLobe(int gid, float wox, float woy, float woz, float wix, float wiy, float wiz, float u,
                                   float v, float etaR, float etaG, float etaB, float kR, float kG, float kB, float lobe) {
        float s = woz < 0 ? -1f : 1f;
        float oz = woz * s, iz = wiz * s;
        float hx = wox + wix, hy = woy + wiy, hz = oz + iz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        hx /= hl;
        hy /= hl;
        hz /= hl;
        float r = u * v, aniso = schlickAnisotropy(u, v);
        float cosH = wix * hx + wiy * hy + iz * hz;
        float k = schlickZ(r, hz) * schlickA(aniso, hx, hy) * INV_PI * schlickG(r, oz) * schlickG(r, iz)
                / (4 * iz * oz);
        writeColour(gid, k * fresnelConductor(cosH, etaR, kR), k * fresnelConductor(cosH, etaG, kG),
                k * fresnelConductor(cosH, etaB, kB), lobe * schlickReflectionPdf(r, aniso, hx, hy, hz, cosH));
    }

    /**
     * LuxRender's MicrofacetReflection::F (microfacet.cpp, two-sided) with SchlickDistribution, divided
     * by the cosine it carries of its first direction a, for a and b on either side of the shading
     * normal: cos_a = |a.z|, cos_b = |b.z|, wh = normalize(a + b) turned to +z, F at cos_h = b . wh,
     * D(wh) G / (4 cos_a cos_b) with D and G of absolute cosines (schlickdistribution.h). The pdf
     * written is 0 (SameHemisphere).
     */
    void evalConductorAcross(int gid, float ax, float ay, float az, float bx, float by, float bz, float u, float v,
                             float etaR, float etaG, float etaB, float kR, float kG, float kB) {
        float ca = abs(az), cb = abs(bz);
        float hx = ax + bx, hy = ay + by, hz = az + bz;
        float hl = sqrt(hx * hx + hy * hy + hz * hz);
        float fr = 0f, fg = 0f, fb = 0f;
        if (ca > 0 && cb > 0 && hl > 0) {
            if (hz < 0) {
                hl = -hl;
            }
            hx /= hl;
            hy /= hl;
            hz /= hl;
            float r = u * v, aniso = schlickAnisotropy(u, v);
            float cosH = bx * hx + by * hy + bz * hz;
            float k = schlickZ(r, hz) * schlickA(aniso, hx, hy) * INV_PI * schlickG(r, ca) * schlickG(r, cb)
                    / (4 * ca * cb);
            fr = k * fresnelConductor(cosH, etaR, kR);
            fg = k * fresnelConductor(cosH, etaG, kG);
            fb = k * fresnelConductor(cosH, etaB, kB);
        }
        writeColour(gid, fr, fg, fb, 0f);
    }
}

package org.luxnet.render.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * pbrt-v3's disney BSDF in double precision, for the tests: written from materials/disney.cpp
 * (DisneyMaterial::ComputeScatteringFunctions and the Disney BxDFs, DisneyClearcoat as of pull request
 * #172), core/reflection.cpp (MicrofacetReflection, MicrofacetTransmission, LambertianTransmission,
 * BxDF::Pdf, BSDF::f and BSDF::Pdf) and core/microfacet.cpp (TrowbridgeReitzDistribution with visible
 * area sampling) as pbrt writes them: unflipped local frame, absolute cosines, Faceforward for the
 * microfacet Fresnel. Independent of the kernel's code, which works in a frame flipped to wo's side.
 * One deliberate difference from pbrt-v3, shared with the kernel's other microfacet transmission
 * (LobeKernel): a microfacet facing away from wo or towards wi transmits nothing (pbrt-v4's rule).
 */
final class DisneyReference {
    /** The parameters, pbrt-v3's defaults unless set. */
    double[] color = {0.5, 0.5, 0.5};
    double metallic = 0, eta = 1.5, roughness = 0.5, specularTint = 0, anisotropic = 0, sheen = 0, sheenTint = 0.5,
            clearcoat = 0, clearcoatGloss = 1, specTrans = 0, flatness = 0, diffTrans = 1;
    boolean thin;

    /** One BxDF: reflection or transmission, f(wo, wi) per channel and Pdf(wo, wi). */
    private interface Lobe {
        boolean reflection();

        double[] f(double[] wo, double[] wi);

        double pdf(double[] wo, double[] wi);
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] normalize(double[] v) {
        double l = Math.sqrt(dot(v, v));
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }

    private static double schlickWeight(double c) {
        double m = Math.min(1, Math.max(0, 1 - c));
        return m * m * m * m * m;
    }

    private static double[] scale(double[] c, double k) {
        return new double[] {c[0] * k, c[1] * k, c[2] * k};
    }

    private static boolean sameHemisphere(double[] a, double[] b) {
        return a[2] * b[2] > 0;
    }

    private static double[] half(double[] wo, double[] wi) {
        return normalize(new double[] {wo[0] + wi[0], wo[1] + wi[1], wo[2] + wi[2]});
    }

    /** FrDielectric(cosThetaI, etaI, etaT) of reflection.cpp. */
    static double frDielectric(double cosI, double etaI, double etaT) {
        cosI = Math.max(-1, Math.min(1, cosI));
        if (cosI <= 0) {
            double t = etaI;
            etaI = etaT;
            etaT = t;
            cosI = -cosI;
        }
        double sinI = Math.sqrt(Math.max(0, 1 - cosI * cosI));
        double sinT = etaI / etaT * sinI;
        if (sinT >= 1) {
            return 1;
        }
        double cosT = Math.sqrt(Math.max(0, 1 - sinT * sinT));
        double rParl = (etaT * cosI - etaI * cosT) / (etaT * cosI + etaI * cosT);
        double rPerp = (etaI * cosI - etaT * cosT) / (etaI * cosI + etaT * cosT);
        return (rParl * rParl + rPerp * rPerp) / 2;
    }

    /** TrowbridgeReitzDistribution: D, Lambda, G1 (microfacet.cpp), with spherical-coordinate trigonometry. */
    record Tr(double ax, double ay, boolean separable) {
        double d(double[] wh) {
            double cos2 = wh[2] * wh[2], sin2 = Math.max(0, 1 - cos2);
            double tan2 = sin2 / cos2;
            if (Double.isInfinite(tan2)) {
                return 0;
            }
            double cos2Phi = sin2 == 0 ? 1 : wh[0] * wh[0] / sin2, sin2Phi = sin2 == 0 ? 0 : wh[1] * wh[1] / sin2;
            double e = (cos2Phi / (ax * ax) + sin2Phi / (ay * ay)) * tan2;
            return 1 / (Math.PI * ax * ay * cos2 * cos2 * (1 + e) * (1 + e));
        }

        double lambda(double[] w) {
            double cos2 = w[2] * w[2], sin2 = Math.max(0, 1 - cos2);
            double absTan = Math.sqrt(sin2 / cos2);
            if (Double.isInfinite(absTan)) {
                return 0;
            }
            double cos2Phi = sin2 == 0 ? 1 : w[0] * w[0] / sin2, sin2Phi = sin2 == 0 ? 0 : w[1] * w[1] / sin2;
            double alpha = Math.sqrt(cos2Phi * ax * ax + sin2Phi * ay * ay);
            double a2t2 = alpha * absTan * alpha * absTan;
            return (-1 + Math.sqrt(1 + a2t2)) / 2;
        }

        double g1(double[] w) {
            return 1 / (1 + lambda(w));
        }

        /** TrowbridgeReitz G, or DisneyMicrofacetDistribution::G = G1 G1 when separable. */
        double g(double[] wo, double[] wi) {
            return separable ? g1(wo) * g1(wi) : 1 / (1 + lambda(wo) + lambda(wi));
        }

        /** MicrofacetDistribution::Pdf with sampleVisibleArea. */
        double pdf(double[] wo, double[] wh) {
            return d(wh) * g1(wo) * Math.abs(dot(wo, wh)) / Math.abs(wo[2]);
        }
    }

    /** The BxDFs DisneyMaterial::ComputeScatteringFunctions adds, in its order. */
    private List<Lobe> lobes() {
        List<Lobe> l = new ArrayList<>();
        double[] c = color.clone();
        double dw = (1 - metallic) * (1 - specTrans);
        double dt = diffTrans / 2;
        double lum = 0.212671 * c[0] + 0.715160 * c[1] + 0.072169 * c[2];
        double[] ctint = lum > 0 ? scale(c, 1 / lum) : new double[] {1, 1, 1};
        double[] csheen = new double[3];
        for (int i = 0; i < 3; i++) {
            csheen[i] = (1 - sheenTint) + sheenTint * ctint[i];
        }
        if (dw > 0) {
            if (thin) {
                l.add(diffuse(scale(c, dw * (1 - flatness) * (1 - dt))));
                l.add(fakeSs(scale(c, dw * flatness * (1 - dt)), roughness));
            } else {
                l.add(diffuse(scale(c, dw)));
            }
            l.add(retro(scale(c, dw), roughness));
            if (sheen > 0) {
                l.add(sheenLobe(scale(csheen, dw * sheen)));
            }
        }
        double aspect = Math.sqrt(1 - anisotropic * 0.9);
        Tr distrib = new Tr(Math.max(0.001, roughness * roughness / aspect),
                Math.max(0.001, roughness * roughness * aspect), true);
        double r0 = (eta - 1) * (eta - 1) / ((eta + 1) * (eta + 1));
        double[] cspec0 = new double[3];
        for (int i = 0; i < 3; i++) {
            cspec0[i] = (1 - metallic) * r0 * ((1 - specularTint) + specularTint * ctint[i]) + metallic * c[i];
        }
        l.add(microfacetReflection(c, distrib, cspec0));
        if (clearcoat > 0) {
            l.add(clearcoatLobe(clearcoat, (1 - clearcoatGloss) * 0.1 + clearcoatGloss * 0.001));
        }
        if (specTrans > 0) {
            double[] t = {specTrans * Math.sqrt(c[0]), specTrans * Math.sqrt(c[1]), specTrans * Math.sqrt(c[2])};
            if (thin) {
                double rs = (0.65 * eta - 0.35) * roughness;
                l.add(microfacetTransmission(t, new Tr(Math.max(0.001, rs * rs / aspect),
                        Math.max(0.001, rs * rs * aspect), false)));
            } else {
                l.add(microfacetTransmission(t, distrib));
            }
        }
        if (thin) {
            l.add(lambertianTransmission(scale(c, dt)));
        }
        return l;
    }

    /** BSDF::NumComponents. */
    int lobeCount() {
        return lobes().size();
    }

    /** BSDF::f with the shading normal as the geometric one: the lobes on wi's side, summed. */
    double[] f(double[] wo, double[] wi) {
        return f(wo, wi, wo[2] * wi[2] > 0);
    }

    /**
     * BSDF::f where the geometric normal says reflection ({@code reflect}) or transmission, whichever
     * side of the shading normal wi lies on: the reflection or the transmission lobes, summed.
     */
    double[] f(double[] wo, double[] wi, boolean reflect) {
        double[] sum = new double[3];
        for (Lobe b : lobes()) {
            if (b.reflection() == reflect) {
                double[] v = b.f(wo, wi);
                for (int i = 0; i < 3; i++) {
                    sum[i] += v[i];
                }
            }
        }
        return sum;
    }

    /** BSDF::Pdf: the mean of every lobe's Pdf. */
    double pdf(double[] wo, double[] wi) {
        List<Lobe> ls = lobes();
        double p = 0;
        for (Lobe b : ls) {
            p += b.pdf(wo, wi);
        }
        return p / ls.size();
    }

    private abstract static class Reflection implements Lobe {
        @Override
        public boolean reflection() {
            return true;
        }

        /** BxDF::Pdf: the cosine hemisphere on wo's side. */
        @Override
        public double pdf(double[] wo, double[] wi) {
            return sameHemisphere(wo, wi) ? Math.abs(wi[2]) / Math.PI : 0;
        }
    }

    private static Lobe diffuse(double[] r) {
        return new Reflection() {
            @Override
            public double[] f(double[] wo, double[] wi) {
                double fo = schlickWeight(Math.abs(wo[2])), fi = schlickWeight(Math.abs(wi[2]));
                return scale(r, (1 - fo / 2) * (1 - fi / 2) / Math.PI);
            }
        };
    }

    private static Lobe fakeSs(double[] r, double roughness) {
        return new Reflection() {
            @Override
            public double[] f(double[] wo, double[] wi) {
                double[] wh = half(wo, wi);
                double cosD = dot(wi, wh);
                double fss90 = cosD * cosD * roughness;
                double fo = schlickWeight(Math.abs(wo[2])), fi = schlickWeight(Math.abs(wi[2]));
                double fss = ((1 - fo) + fo * fss90) * ((1 - fi) + fi * fss90);
                double ss = 1.25 * (fss * (1 / (Math.abs(wo[2]) + Math.abs(wi[2])) - 0.5) + 0.5);
                return scale(r, ss / Math.PI);
            }
        };
    }

    private static Lobe retro(double[] r, double roughness) {
        return new Reflection() {
            @Override
            public double[] f(double[] wo, double[] wi) {
                double[] wh = half(wo, wi);
                double cosD = dot(wi, wh);
                double fo = schlickWeight(Math.abs(wo[2])), fi = schlickWeight(Math.abs(wi[2]));
                double rr = 2 * roughness * cosD * cosD;
                return scale(r, rr * (fo + fi + fo * fi * (rr - 1)) / Math.PI);
            }
        };
    }

    private static Lobe sheenLobe(double[] r) {
        return new Reflection() {
            @Override
            public double[] f(double[] wo, double[] wi) {
                return scale(r, schlickWeight(dot(wi, half(wo, wi))));
            }
        };
    }

    private Lobe microfacetReflection(double[] r, Tr d, double[] cspec0) {
        return new Reflection() {
            @Override
            public double[] f(double[] wo, double[] wi) {
                double[] wh = half(wo, wi);
                double[] up = wh[2] < 0 ? scale(wh, -1) : wh;
                double cosI = dot(wi, up);
                double k = d.d(wh) * d.g(wo, wi) / (4 * Math.abs(wo[2]) * Math.abs(wi[2]));
                double[] v = new double[3];
                for (int i = 0; i < 3; i++) {
                    double schlick = cspec0[i] + (1 - cspec0[i]) * schlickWeight(cosI);
                    double fr = (1 - metallic) * frDielectric(cosI, 1, eta) + metallic * schlick;
                    v[i] = r[i] * k * fr;
                }
                return v;
            }

            @Override
            public double pdf(double[] wo, double[] wi) {
                if (!sameHemisphere(wo, wi)) {
                    return 0;
                }
                double[] wh = half(wo, wi);
                return d.pdf(wo, wh) / (4 * dot(wo, wh));
            }
        };
    }

    private static double gtr1(double cos, double alpha) {
        double a2 = alpha * alpha;
        return (a2 - 1) / (Math.PI * Math.log(a2) * (1 + (a2 - 1) * cos * cos));
    }

    private static double smithG(double cos, double alpha) {
        double a2 = alpha * alpha, c2 = cos * cos;
        return 1 / (cos + Math.sqrt(a2 + c2 - a2 * c2));
    }

    private static Lobe clearcoatLobe(double weight, double gloss) {
        return new Reflection() {
            @Override
            public double[] f(double[] wo, double[] wi) {
                double[] wh = half(wo, wi);
                double dr = gtr1(Math.abs(wh[2]), gloss);
                double fr = 0.04 + 0.96 * schlickWeight(dot(wo, wh));
                double gr = smithG(Math.abs(wo[2]), 0.25) * smithG(Math.abs(wi[2]), 0.25);
                double v = weight * gr * fr * dr / 4;
                return new double[] {v, v, v};
            }

            @Override
            public double pdf(double[] wo, double[] wi) {
                if (!sameHemisphere(wo, wi)) {
                    return 0;
                }
                double[] wh = half(wo, wi);
                return gtr1(Math.abs(wh[2]), gloss) * Math.abs(wh[2]) / (4 * dot(wo, wh));
            }
        };
    }

    private abstract static class Transmission implements Lobe {
        @Override
        public boolean reflection() {
            return false;
        }
    }

    /** MicrofacetTransmission(T, distribution, etaA = 1, etaB = eta, radiance mode). */
    private Lobe microfacetTransmission(double[] t, Tr d) {
        return new Transmission() {
            /** wh for (wo, wi) turned to wo's side, or null where the kernel's rule gives nothing. */
            private double[] wh(double[] wo, double[] wi, double e) {
                double[] wh = normalize(new double[] {wo[0] + wi[0] * e, wo[1] + wi[1] * e, wo[2] + wi[2] * e});
                if (wh[2] * wo[2] < 0) {
                    wh = scale(wh, -1);
                }
                return dot(wo, wh) > 0 && dot(wi, wh) < 0 ? wh : null;
            }

            @Override
            public double[] f(double[] wo, double[] wi) {
                if (sameHemisphere(wo, wi)) {
                    return new double[3];
                }
                double e = wo[2] > 0 ? eta : 1 / eta;
                double[] wh = wh(wo, wi, e);
                if (wh == null) {
                    return new double[3];
                }
                double[] up = wh[2] < 0 ? scale(wh, -1) : wh;
                double fr = frDielectric(dot(wo, up), 1, eta);
                double denom = dot(wo, wh) + e * dot(wi, wh);
                double factor = 1 / e;
                double k = (1 - fr) * Math.abs(d.d(wh) * d.g(wo, wi) * e * e * Math.abs(dot(wi, wh))
                        * Math.abs(dot(wo, wh)) * factor * factor / (wi[2] * wo[2] * denom * denom));
                return scale(t, k);
            }

            @Override
            public double pdf(double[] wo, double[] wi) {
                if (sameHemisphere(wo, wi)) {
                    return 0;
                }
                double e = wo[2] > 0 ? eta : 1 / eta;
                double[] wh = wh(wo, wi, e);
                if (wh == null) {
                    return 0;
                }
                double denom = dot(wo, wh) + e * dot(wi, wh);
                return d.pdf(wo, wh) * Math.abs(e * e * dot(wi, wh) / (denom * denom));
            }
        };
    }

    private static Lobe lambertianTransmission(double[] t) {
        return new Transmission() {
            @Override
            public double[] f(double[] wo, double[] wi) {
                return scale(t, 1 / Math.PI);
            }

            @Override
            public double pdf(double[] wo, double[] wi) {
                return sameHemisphere(wo, wi) ? 0 : Math.abs(wi[2]) / Math.PI;
            }
        };
    }
}

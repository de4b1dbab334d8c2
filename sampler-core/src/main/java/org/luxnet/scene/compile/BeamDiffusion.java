package org.luxnet.scene.compile;

/**
 * pbrt-v3's photon beam diffusion table (core/bssrdf.cpp ComputeBeamDiffusionBSSRDF, BeamDiffusionMS,
 * BeamDiffusionSS, SubsurfaceFromDiffuse; core/interpolation.cpp IntegrateCatmullRom, InvertCatmullRom,
 * CatmullRom), computed on the host in doubles: "kdsubsurface" turns its diffuse reflectance Kd and mean
 * free path into the sigma_a and sigma_s of the medium its random walk scatters in, as pbrt-v3 does. The
 * table is pbrt-v3's BSSRDFTable(100, 64) (materials/kdsubsurface.h): 100 albedos, 64 optical radii.
 */
final class BeamDiffusion {
    static final int RHO_SAMPLES = 100, RADIUS_SAMPLES = 64;
    private static final double INV_4PI = 1 / (4 * Math.PI);

    /** Albedo nodes (single-scattering albedo of a medium with sigma_t 1). */
    final double[] rho = new double[RHO_SAMPLES];
    /** Optical radius nodes (radius times sigma_t). */
    final double[] radius = new double[RADIUS_SAMPLES];
    /** 2 pi r (Sss + Sms) per albedo, RADIUS_SAMPLES values each. */
    final double[] profile = new double[RHO_SAMPLES * RADIUS_SAMPLES];
    /** The effective albedo (the profile's integral over r) of each albedo node. */
    final double[] rhoEff = new double[RHO_SAMPLES];

    /** ComputeBeamDiffusionBSSRDF(g, eta, &table). */
    BeamDiffusion(double g, double eta) {
        // The radii as pbrt-v3 makes them, in float (0, 2.5e-3, then times 1.2f each).
        float r = 2.5e-3f;
        radius[0] = 0;
        for (int j = 1; j < RADIUS_SAMPLES; j++) {
            radius[j] = r;
            r *= 1.2f;
        }
        for (int i = 0; i < RHO_SAMPLES; i++) {
            rho[i] = (1 - Math.exp(-8.0 * i / (RHO_SAMPLES - 1))) / (1 - Math.exp(-8));
        }
        for (int i = 0; i < RHO_SAMPLES; i++) {
            double[] f = new double[RADIUS_SAMPLES];
            for (int j = 0; j < RADIUS_SAMPLES; j++) {
                f[j] = 2 * Math.PI * radius[j] * (beamDiffusionSs(rho[i], 1 - rho[i], g, eta, radius[j])
                        + beamDiffusionMs(rho[i], 1 - rho[i], g, eta, radius[j]));
            }
            System.arraycopy(f, 0, profile, i * RADIUS_SAMPLES, RADIUS_SAMPLES);
            rhoEff[i] = integrateCatmullRom(radius, f);
        }
    }

    /**
     * SubsurfaceFromDiffuse for one channel: {sigma_a, sigma_s} of the medium whose effective albedo is
     * {@code kd} (clamped to [0, 1] as Kd->Evaluate(si).Clamp()) and whose mean free path is {@code mfp}.
     */
    double[] fromDiffuse(double kd, double mfp) {
        double albedo = invertCatmullRom(rho, rhoEff, Math.max(0, Math.min(1, kd)));
        return new double[] {(1 - albedo) / mfp, albedo / mfp};
    }

    /** The effective albedo of single-scattering albedo {@code albedo}: the rhoEff spline at it (CatmullRom). */
    double effectiveAlbedo(double albedo) {
        return catmullRom(rho, rhoEff, albedo);
    }

    /** FresnelMoment1 (core/bssrdf.cpp). */
    static double fresnelMoment1(double eta) {
        double eta2 = eta * eta, eta3 = eta2 * eta, eta4 = eta3 * eta, eta5 = eta4 * eta;
        if (eta < 1) {
            return 0.45966 - 1.73965 * eta + 3.37668 * eta2 - 3.904945 * eta3 + 2.49277 * eta4 - 0.68441 * eta5;
        }
        return -4.61686 + 11.1136 * eta - 10.4646 * eta2 + 5.11455 * eta3 - 1.27198 * eta4 + 0.12746 * eta5;
    }

    /** FresnelMoment2 (core/bssrdf.cpp). */
    static double fresnelMoment2(double eta) {
        double eta2 = eta * eta, eta3 = eta2 * eta, eta4 = eta3 * eta, eta5 = eta4 * eta;
        if (eta < 1) {
            return 0.27614 - 0.87350 * eta + 1.12077 * eta2 - 0.65095 * eta3 + 0.07883 * eta4 + 0.04860 * eta5;
        }
        double r1 = 1 / eta, r2 = r1 * r1, r3 = r2 * r1;
        return -547.033 + 45.3087 * r3 - 218.725 * r2 + 458.843 * r1 + 404.557 * eta - 189.519 * eta2
                + 54.9327 * eta3 - 9.00603 * eta4 + 0.63942 * eta5;
    }

    /** BeamDiffusionMS: the photon beam diffusion multiple-scattering profile at radius r. */
    static double beamDiffusionMs(double sigmaS, double sigmaA, double g, double eta, double r) {
        int n = 100;
        double ed = 0;
        // Reduced coefficients, the non-classical diffusion coefficient and the effective transport coefficient.
        double sps = sigmaS * (1 - g), spt = sigmaA + sps, rhop = sps / spt;
        double dg = (2 * sigmaA + sps) / (3 * spt * spt);
        double str = Math.sqrt(sigmaA / dg);
        double fm1 = fresnelMoment1(eta), fm2 = fresnelMoment2(eta);
        double ze = -2 * dg * (1 + 3 * fm2) / (1 - 2 * fm1);
        double cPhi = 0.25 * (1 - 2 * fm1), cE = 0.5 * (1 - 3 * fm2);
        for (int i = 0; i < n; i++) {
            // A real source at depth zr, its virtual image at zv; the dipole's fluence and vector irradiance.
            double zr = -Math.log(1 - (i + 0.5) / n) / spt;
            double zv = -zr + 2 * ze;
            double dr = Math.sqrt(r * r + zr * zr), dv = Math.sqrt(r * r + zv * zv);
            double phiD = INV_4PI / dg * (Math.exp(-str * dr) / dr - Math.exp(-str * dv) / dv);
            double edn = INV_4PI * (zr * (1 + str * dr) * Math.exp(-str * dr) / (dr * dr * dr)
                    - zv * (1 + str * dv) * Math.exp(-str * dv) / (dv * dv * dv));
            double e = phiD * cPhi + edn * cE;
            double kappa = 1 - Math.exp(-2 * spt * (dr + zr));
            ed += kappa * rhop * rhop * e;
        }
        return ed / n;
    }

    /** BeamDiffusionSS: the single-scattering profile at radius r. */
    static double beamDiffusionSs(double sigmaS, double sigmaA, double g, double eta, double r) {
        double sigmaT = sigmaA + sigmaS, albedo = sigmaS / sigmaT;
        double tCrit = r * Math.sqrt(eta * eta - 1);
        double ess = 0;
        int n = 100;
        for (int i = 0; i < n; i++) {
            double ti = tCrit - Math.log(1 - (i + 0.5) / n) / sigmaT;
            double d = Math.sqrt(r * r + ti * ti);
            double cosO = ti / d;
            ess += albedo * Math.exp(-sigmaT * (d + tCrit)) / (d * d) * phaseHg(cosO, g)
                    * (1 - frDielectric(-cosO, 1, eta)) * Math.abs(cosO);
        }
        return ess / n;
    }

    /** PhaseHG (core/medium.h). */
    static double phaseHg(double cosTheta, double g) {
        double denom = 1 + g * g + 2 * g * cosTheta;
        return INV_4PI * (1 - g * g) / (denom * Math.sqrt(denom));
    }

    /** FrDielectric (core/reflection.cpp). */
    static double frDielectric(double cosI, double etaI, double etaT) {
        cosI = Math.max(-1, Math.min(1, cosI));
        if (cosI <= 0) {
            double s = etaI;
            etaI = etaT;
            etaT = s;
            cosI = Math.abs(cosI);
        }
        double sinI = Math.sqrt(Math.max(0, 1 - cosI * cosI));
        double sinT = etaI / etaT * sinI;
        if (sinT >= 1) {
            return 1;
        }
        double cosT = Math.sqrt(Math.max(0, 1 - sinT * sinT));
        double parl = (etaT * cosI - etaI * cosT) / (etaT * cosI + etaI * cosT);
        double perp = (etaI * cosI - etaT * cosT) / (etaI * cosI + etaT * cosT);
        return (parl * parl + perp * perp) / 2;
    }

    /** IntegrateCatmullRom: the integral of the spline through (x, f). */
    static double integrateCatmullRom(double[] x, double[] f) {
        double sum = 0;
        int n = x.length;
        for (int i = 0; i < n - 1; i++) {
            double w = x[i + 1] - x[i];
            double d0 = i > 0 ? w * (f[i + 1] - f[i - 1]) / (x[i + 1] - x[i - 1]) : f[i + 1] - f[i];
            double d1 = i + 2 < n ? w * (f[i + 2] - f[i]) / (x[i + 2] - x[i]) : f[i + 1] - f[i];
            sum += ((d0 - d1) / 12 + (f[i] + f[i + 1]) * 0.5) * w;
        }
        return sum;
    }

    /** pbrt-v3 FindInterval: the last i with pred(i), clamped to [0, size - 2]. */
    private static int findInterval(double[] v, double u) {
        int first = 0, len = v.length;
        while (len > 0) {
            int half = len >> 1, middle = first + half;
            if (v[middle] <= u) {
                first = middle + 1;
                len -= half + 1;
            } else {
                len = half;
            }
        }
        return Math.max(0, Math.min(v.length - 2, first - 1));
    }

    /** CatmullRom: the spline through (x, f) at u, 0 outside [x0, xn]. */
    static double catmullRom(double[] x, double[] f, double u) {
        if (!(u >= x[0] && u <= x[x.length - 1])) {
            return 0;
        }
        int i = findInterval(x, u);
        double[] d = slopes(x, f, i);
        double t = (u - x[i]) / (x[i + 1] - x[i]), t2 = t * t, t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * f[i] + (-2 * t3 + 3 * t2) * f[i + 1] + (t3 - 2 * t2 + t) * d[0]
                + (t3 - t2) * d[1];
    }

    private static double[] slopes(double[] x, double[] f, int i) {
        int n = x.length;
        double w = x[i + 1] - x[i];
        double d0 = i > 0 ? w * (f[i + 1] - f[i - 1]) / (x[i + 1] - x[i - 1]) : f[i + 1] - f[i];
        double d1 = i + 2 < n ? w * (f[i + 2] - f[i]) / (x[i + 2] - x[i]) : f[i + 1] - f[i];
        return new double[] {d0, d1};
    }

    /** InvertCatmullRom: the x where the spline through (x, values) is u (Newton-bisection, as pbrt-v3). */
    static double invertCatmullRom(double[] x, double[] values, double u) {
        int n = x.length;
        if (!(u > values[0])) {
            return x[0];
        } else if (!(u < values[n - 1])) {
            return x[n - 1];
        }
        int i = findInterval(values, u);
        double f0 = values[i], f1 = values[i + 1];
        double[] d = slopes(x, values, i);
        double a = 0, b = 1, t = 0.5;
        for (int iter = 0; iter < 200; iter++) {
            if (!(t > a && t < b)) {
                t = 0.5 * (a + b);
            }
            double t2 = t * t, t3 = t2 * t;
            double fhat = (2 * t3 - 3 * t2 + 1) * f0 + (-2 * t3 + 3 * t2) * f1 + (t3 - 2 * t2 + t) * d[0]
                    + (t3 - t2) * d[1];
            double dhat = (6 * t2 - 6 * t) * f0 + (-6 * t2 + 6 * t) * f1 + (3 * t2 - 4 * t + 1) * d[0]
                    + (3 * t2 - 2 * t) * d[1];
            // pbrt-v3 stops at 1e-6 in float; in doubles the iteration runs to the spline's own precision.
            if (Math.abs(fhat - u) < 1e-12 || b - a < 1e-12) {
                break;
            }
            if (fhat - u < 0) {
                a = t;
            } else {
                b = t;
            }
            t -= (fhat - u) / dhat;
        }
        return x[i] + t * (x[i + 1] - x[i]);
    }
}

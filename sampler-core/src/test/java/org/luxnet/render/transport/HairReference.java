package org.luxnet.render.transport;

/**
 * pbrt-v3's HairBSDF (src/materials/hair.cpp, f and Pdf, pMax = 3), transcribed in double precision
 * for tests, independently of HairKernel. I0's series uses exact 64-bit denominators (hair.cpp's int
 * factorials overflow from its i = 7 term; see HairKernel). Directions are in the BSDF's local frame,
 * x along the fibre, z the shading normal.
 */
final class HairReference {
    private static final int P_MAX = 3;
    private final double[] sigmaA;
    private final double eta;
    private final double[] v = new double[P_MAX + 1];
    private final double s;
    private final double[] sin2kAlpha = new double[3], cos2kAlpha = new double[3];

    /** @param alphaDegrees the material's "alpha" (HairMaterial passes Radians(alpha) to HairBSDF) */
    HairReference(double[] sigmaA, double eta, double betaM, double betaN, double alphaDegrees) {
        this.sigmaA = sigmaA;
        this.eta = eta;
        v[0] = sqr(0.726 * betaM + 0.812 * sqr(betaM) + 3.7 * Math.pow(betaM, 20));
        v[1] = .25 * v[0];
        v[2] = 4 * v[0];
        v[3] = v[2];
        s = Math.sqrt(Math.PI / 8) * (0.265 * betaN + 1.194 * sqr(betaN) + 5.372 * Math.pow(betaN, 22));
        sin2kAlpha[0] = Math.sin(Math.toRadians(alphaDegrees));
        cos2kAlpha[0] = Math.sqrt(Math.max(0, 1 - sqr(sin2kAlpha[0])));
        for (int i = 1; i < 3; i++) {
            sin2kAlpha[i] = 2 * cos2kAlpha[i - 1] * sin2kAlpha[i - 1];
            cos2kAlpha[i] = sqr(cos2kAlpha[i - 1]) - sqr(sin2kAlpha[i - 1]);
        }
    }

    static double sqr(double x) {
        return x * x;
    }

    static double i0(double x) {
        double val = 0, x2i = 1;
        long ifact = 1, i4 = 1;
        for (int i = 0; i < 10; i++) {
            if (i > 1) {
                ifact *= i;
            }
            val += x2i / (double) (i4 * ifact * ifact);
            x2i *= x * x;
            i4 *= 4;
        }
        return val;
    }

    static double logI0(double x) {
        return x > 12 ? x + 0.5 * (-Math.log(2 * Math.PI) + Math.log(1 / x) + 1 / (8 * x)) : Math.log(i0(x));
    }

    static double mp(double cosThetaI, double cosThetaO, double sinThetaI, double sinThetaO, double v) {
        double a = cosThetaI * cosThetaO / v, b = sinThetaI * sinThetaO / v;
        return v <= .1 ? Math.exp(logI0(a) - b - 1 / v + 0.6931 + Math.log(1 / (2 * v)))
                : Math.exp(-b) * i0(a) / (Math.sinh(1 / v) * 2 * v);
    }

    /** pbrt-v3 FrDielectric(cosThetaI, etaI, etaT) for cosThetaI >= 0. */
    static double frDielectric(double cosI, double etaI, double etaT) {
        double sinT = etaI / etaT * Math.sqrt(Math.max(0, 1 - cosI * cosI));
        if (sinT >= 1) {
            return 1;
        }
        double cosT = Math.sqrt(Math.max(0, 1 - sinT * sinT));
        double parl = (etaT * cosI - etaI * cosT) / (etaT * cosI + etaI * cosT);
        double perp = (etaI * cosI - etaT * cosT) / (etaI * cosI + etaT * cosT);
        return (parl * parl + perp * perp) / 2;
    }

    /** Ap[p][c]. */
    static double[][] ap(double cosThetaO, double eta, double h, double[] t) {
        double[][] ap = new double[P_MAX + 1][3];
        double f = frDielectric(cosThetaO * Math.sqrt(Math.max(0, 1 - h * h)), 1, eta);
        for (int c = 0; c < 3; c++) {
            ap[0][c] = f;
            ap[1][c] = sqr(1 - f) * t[c];
            for (int p = 2; p < P_MAX; p++) {
                ap[p][c] = ap[p - 1][c] * t[c] * f;
            }
            ap[P_MAX][c] = ap[P_MAX - 1][c] * f * t[c] / (1 - t[c] * f);
        }
        return ap;
    }

    static double logistic(double x, double s) {
        x = Math.abs(x);
        return Math.exp(-x / s) / (s * sqr(1 + Math.exp(-x / s)));
    }

    static double logisticCdf(double x, double s) {
        return 1 / (1 + Math.exp(-x / s));
    }

    static double np(double phi, int p, double s, double gammaO, double gammaT) {
        double dphi = phi - (2 * p * gammaT - 2 * gammaO + p * Math.PI);
        while (dphi > Math.PI) {
            dphi -= 2 * Math.PI;
        }
        while (dphi < -Math.PI) {
            dphi += 2 * Math.PI;
        }
        return logistic(dphi, s) / (logisticCdf(Math.PI, s) - logisticCdf(-Math.PI, s));
    }

    static double y(double[] c) {
        return 0.212671 * c[0] + 0.715160 * c[1] + 0.072169 * c[2];
    }

    /** f (rgb) and Pdf at offset h. */
    double[] f(double h, double[] wo, double[] wi) {
        double sinThetaO = wo[0], cosThetaO = Math.sqrt(Math.max(0, 1 - sqr(sinThetaO)));
        double phiO = Math.atan2(wo[2], wo[1]);
        double sinThetaI = wi[0], cosThetaI = Math.sqrt(Math.max(0, 1 - sqr(sinThetaI)));
        double phiI = Math.atan2(wi[2], wi[1]);
        double sinThetaT = sinThetaO / eta, cosThetaT = Math.sqrt(Math.max(0, 1 - sqr(sinThetaT)));
        double etap = Math.sqrt(eta * eta - sqr(sinThetaO)) / cosThetaO;
        double sinGammaT = h / etap, cosGammaT = Math.sqrt(Math.max(0, 1 - sqr(sinGammaT)));
        double gammaT = Math.asin(Math.max(-1, Math.min(1, sinGammaT)));
        double gammaO = Math.asin(Math.max(-1, Math.min(1, h)));
        double[] t = new double[3];
        for (int c = 0; c < 3; c++) {
            t[c] = Math.exp(-sigmaA[c] * (2 * cosGammaT / cosThetaT));
        }
        double phi = phiI - phiO;
        double[][] ap = ap(cosThetaO, eta, h, t);
        double sumY = 0;
        for (int p = 0; p <= P_MAX; p++) {
            sumY += y(ap[p]);
        }
        double[] out = new double[4];
        for (int p = 0; p < P_MAX; p++) {
            double sinThetaIp, cosThetaIp;
            if (p == 0) {
                sinThetaIp = sinThetaI * cos2kAlpha[1] + cosThetaI * sin2kAlpha[1];
                cosThetaIp = cosThetaI * cos2kAlpha[1] - sinThetaI * sin2kAlpha[1];
            } else if (p == 1) {
                sinThetaIp = sinThetaI * cos2kAlpha[0] - cosThetaI * sin2kAlpha[0];
                cosThetaIp = cosThetaI * cos2kAlpha[0] + sinThetaI * sin2kAlpha[0];
            } else {
                sinThetaIp = sinThetaI * cos2kAlpha[2] - cosThetaI * sin2kAlpha[2];
                cosThetaIp = cosThetaI * cos2kAlpha[2] + sinThetaI * sin2kAlpha[2];
            }
            cosThetaIp = Math.abs(cosThetaIp);
            double mn = mp(cosThetaIp, cosThetaO, sinThetaIp, sinThetaO, v[p]) * np(phi, p, s, gammaO, gammaT);
            for (int c = 0; c < 3; c++) {
                out[c] += mn * ap[p][c];
            }
            out[3] += mn * y(ap[p]) / sumY;
        }
        double m3 = mp(cosThetaI, cosThetaO, sinThetaI, sinThetaO, v[P_MAX]) / (2 * Math.PI);
        for (int c = 0; c < 3; c++) {
            out[c] += m3 * ap[P_MAX][c];
            if (Math.abs(wi[2]) > 0) {
                out[c] /= Math.abs(wi[2]);
            }
        }
        out[3] += m3 * y(ap[P_MAX]) / sumY;
        return out;
    }

    static double[] sigmaAFromConcentration(double ce, double cp) {
        double[] eu = {0.419, 0.697, 1.37}, ph = {0.187, 0.4, 1.05};
        return new double[] {ce * eu[0] + cp * ph[0], ce * eu[1] + cp * ph[1], ce * eu[2] + cp * ph[2]};
    }

    static double[] sigmaAFromReflectance(double[] c, double bn) {
        double den = 5.969 - 0.215 * bn + 2.532 * sqr(bn) - 10.73 * Math.pow(bn, 3) + 5.574 * Math.pow(bn, 4)
                + 0.245 * Math.pow(bn, 5);
        return new double[] {sqr(Math.log(c[0]) / den), sqr(Math.log(c[1]) / den), sqr(Math.log(c[2]) / den)};
    }

    /** hair.h DemuxFloat. */
    static double[] demux(float f) {
        long v = (long) (f * 4294967296f);
        return new double[] {compact1By1((int) v) / 65536f, compact1By1((int) (v >> 1)) / 65536f};
    }

    static int compact1By1(int x) {
        x &= 0x55555555;
        x = (x ^ (x >>> 1)) & 0x33333333;
        x = (x ^ (x >>> 2)) & 0x0f0f0f0f;
        x = (x ^ (x >>> 4)) & 0x00ff00ff;
        x = (x ^ (x >>> 8)) & 0x0000ffff;
        return x;
    }

    /** HairBSDF::Sample_f at offset h: {wi.x, wi.y, wi.z, f r, g, b, pdf, p}. */
    double[] sample(double h, double[] wo, float u0, float u1) {
        double sinThetaO = wo[0], cosThetaO = Math.sqrt(Math.max(0, 1 - sqr(sinThetaO)));
        double phiO = Math.atan2(wo[2], wo[1]);
        double[] ua = demux(u0), ub = demux(u1);
        double etap = Math.sqrt(eta * eta - sqr(sinThetaO)) / cosThetaO;
        double sinGammaT = h / etap, cosGammaT = Math.sqrt(Math.max(0, 1 - sqr(sinGammaT)));
        double sinThetaT = sinThetaO / eta, cosThetaT = Math.sqrt(Math.max(0, 1 - sqr(sinThetaT)));
        double[] t = new double[3];
        for (int c = 0; c < 3; c++) {
            t[c] = Math.exp(-sigmaA[c] * (2 * cosGammaT / cosThetaT));
        }
        double[][] ap = ap(cosThetaO, eta, h, t);
        double sumY = 0;
        for (int q = 0; q <= P_MAX; q++) {
            sumY += y(ap[q]);
        }
        int p;
        for (p = 0; p < P_MAX; p++) {
            double apPdf = y(ap[p]) / sumY;
            if (ua[0] < apPdf) {
                break;
            }
            ua[0] -= apPdf;
        }
        ub[0] = Math.max(ub[0], 1e-5);
        double cosTheta = 1 + v[p] * Math.log(ub[0] + (1 - ub[0]) * Math.exp(-2 / v[p]));
        double sinTheta = Math.sqrt(Math.max(0, 1 - sqr(cosTheta)));
        double cosPhi = Math.cos(2 * Math.PI * ub[1]);
        double sinThetaI = -cosTheta * sinThetaO + sinTheta * cosPhi * cosThetaO;
        double cosThetaI = Math.sqrt(Math.max(0, 1 - sqr(sinThetaI)));
        double sinThetaIp = sinThetaI, cosThetaIp = cosThetaI;
        if (p == 0) {
            sinThetaIp = sinThetaI * cos2kAlpha[1] - cosThetaI * sin2kAlpha[1];
            cosThetaIp = cosThetaI * cos2kAlpha[1] + sinThetaI * sin2kAlpha[1];
        } else if (p == 1) {
            sinThetaIp = sinThetaI * cos2kAlpha[0] + cosThetaI * sin2kAlpha[0];
            cosThetaIp = cosThetaI * cos2kAlpha[0] - sinThetaI * sin2kAlpha[0];
        } else if (p == 2) {
            sinThetaIp = sinThetaI * cos2kAlpha[2] + cosThetaI * sin2kAlpha[2];
            cosThetaIp = cosThetaI * cos2kAlpha[2] - sinThetaI * sin2kAlpha[2];
        }
        sinThetaI = sinThetaIp;
        cosThetaI = cosThetaIp;
        double gammaT = Math.asin(Math.max(-1, Math.min(1, sinGammaT)));
        double gammaO = Math.asin(Math.max(-1, Math.min(1, h)));
        double dphi;
        if (p < P_MAX) {
            double k = logisticCdf(Math.PI, s) - logisticCdf(-Math.PI, s);
            double x = -s * Math.log(1 / (ua[1] * k + logisticCdf(-Math.PI, s)) - 1);
            dphi = 2 * p * gammaT - 2 * gammaO + p * Math.PI + Math.max(-Math.PI, Math.min(Math.PI, x));
        } else {
            dphi = 2 * Math.PI * ua[1];
        }
        double phiI = phiO + dphi;
        double[] wi = {sinThetaI, cosThetaI * Math.cos(phiI), cosThetaI * Math.sin(phiI)};
        double pdf = 0;
        for (int q = 0; q < P_MAX; q++) {
            double sinIp, cosIp;
            if (q == 0) {
                sinIp = sinThetaI * cos2kAlpha[1] + cosThetaI * sin2kAlpha[1];
                cosIp = cosThetaI * cos2kAlpha[1] - sinThetaI * sin2kAlpha[1];
            } else if (q == 1) {
                sinIp = sinThetaI * cos2kAlpha[0] - cosThetaI * sin2kAlpha[0];
                cosIp = cosThetaI * cos2kAlpha[0] + sinThetaI * sin2kAlpha[0];
            } else {
                sinIp = sinThetaI * cos2kAlpha[2] - cosThetaI * sin2kAlpha[2];
                cosIp = cosThetaI * cos2kAlpha[2] + sinThetaI * sin2kAlpha[2];
            }
            cosIp = Math.abs(cosIp);
            pdf += mp(cosIp, cosThetaO, sinIp, sinThetaO, v[q]) * y(ap[q]) / sumY * np(dphi, q, s, gammaO, gammaT);
        }
        pdf += mp(cosThetaI, cosThetaO, sinThetaI, sinThetaO, v[P_MAX]) * y(ap[P_MAX]) / sumY / (2 * Math.PI);
        double[] f = f(h, wo, wi);
        return new double[] {wi[0], wi[1], wi[2], f[0], f[1], f[2], pdf, p};
    }
}

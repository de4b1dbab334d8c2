package org.luxnet.render.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * pbrt-v3's FourierBSDF (core/reflection.cpp f, Sample_f, Pdf; FourierBSDFTable::Read in
 * materials/fourier.cpp; CatmullRomWeights, SampleCatmullRom2D, Fourier, SampleFourier and FindInterval in
 * core/interpolation.cpp and pbrt.h) transcribed in double precision for tests, independently of
 * FourierKernel: the a_k are accumulated into an array as pbrt-v3 does. TransportMode::Radiance.
 * Directions are in the shading frame.
 */
final class FourierReference {
    final double eta;
    final int nMu, mMax, nChannels;
    final double[] mu, cdf, a0, a, recip;
    final int[] aOffset, m;

    FourierReference(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        b.getInt();
        nMu = b.getInt();
        int nCoeffs = b.getInt();
        mMax = b.getInt();
        nChannels = b.getInt();
        b.getInt();
        b.getInt();
        b.getInt();
        b.getInt();
        eta = b.getFloat();
        b.position(64);
        mu = new double[nMu];
        for (int i = 0; i < nMu; i++) {
            mu[i] = b.getFloat();
        }
        cdf = new double[nMu * nMu];
        for (int i = 0; i < nMu * nMu; i++) {
            cdf[i] = b.getFloat();
        }
        aOffset = new int[nMu * nMu];
        m = new int[nMu * nMu];
        for (int i = 0; i < nMu * nMu; i++) {
            aOffset[i] = b.getInt();
            m[i] = b.getInt();
        }
        a = new double[nCoeffs];
        for (int i = 0; i < nCoeffs; i++) {
            a[i] = b.getFloat();
        }
        a0 = new double[nMu * nMu];
        for (int i = 0; i < nMu * nMu; i++) {
            a0[i] = m[i] > 0 ? a[aOffset[i]] : 0;
        }
        recip = new double[mMax];
        for (int i = 0; i < mMax; i++) {
            recip[i] = 1 / (double) i;
        }
    }

    interface Pred {
        boolean test(int i);
    }

    static int findInterval(int size, Pred pred) {
        int first = 0, len = size;
        while (len > 0) {
            int half = len >> 1, middle = first + half;
            if (pred.test(middle)) {
                first = middle + 1;
                len -= half + 1;
            } else {
                len = half;
            }
        }
        return Math.max(0, Math.min(first - 1, size - 2));
    }

    /** CatmullRomWeights: the offset, or Integer.MIN_VALUE when x is out of bounds; weights filled. */
    static int catmullRomWeights(double[] nodes, double x, double[] weights) {
        int size = nodes.length;
        if (!(x >= nodes[0] && x <= nodes[size - 1])) {
            return Integer.MIN_VALUE;
        }
        int idx = findInterval(size, i -> nodes[i] <= x);
        double x0 = nodes[idx], x1 = nodes[idx + 1];
        double t = (x - x0) / (x1 - x0), t2 = t * t, t3 = t2 * t;
        weights[1] = 2 * t3 - 3 * t2 + 1;
        weights[2] = -2 * t3 + 3 * t2;
        if (idx > 0) {
            double w0 = (t3 - 2 * t2 + t) * (x1 - x0) / (x1 - nodes[idx - 1]);
            weights[0] = -w0;
            weights[2] += w0;
        } else {
            double w0 = t3 - 2 * t2 + t;
            weights[0] = 0;
            weights[1] -= w0;
            weights[2] += w0;
        }
        if (idx + 2 < size) {
            double w3 = (t3 - t2) * (x1 - x0) / (nodes[idx + 2] - x0);
            weights[1] -= w3;
            weights[3] = w3;
        } else {
            double w3 = t3 - t2;
            weights[1] -= w3;
            weights[2] += w3;
            weights[3] = 0;
        }
        return idx - 1;
    }

    static double fourier(double[] ak, int off, int mm, double cosPhi) {
        double value = 0, cosKMinusOnePhi = cosPhi, cosKPhi = 1;
        for (int k = 0; k < mm; k++) {
            value += ak[off + k] * cosKPhi;
            double next = 2 * cosPhi * cosKPhi - cosKMinusOnePhi;
            cosKMinusOnePhi = cosKPhi;
            cosKPhi = next;
        }
        return value;
    }

    /** SampleFourier: returns {f, pdf, phi}. */
    double[] sampleFourier(double[] ak, int mm, double u) {
        boolean flip = u >= 0.5;
        u = flip ? 1 - 2 * (u - .5) : u * 2;
        double lo = 0, hi = Math.PI, phi = 0.5 * Math.PI, bigF, f;
        while (true) {
            double cosPhi = Math.cos(phi), sinPhi = Math.sqrt(Math.max(0, 1 - cosPhi * cosPhi));
            double cosPhiPrev = cosPhi, cosPhiCur = 1, sinPhiPrev = -sinPhi, sinPhiCur = 0;
            bigF = ak[0] * phi;
            f = ak[0];
            for (int k = 1; k < mm; k++) {
                double sinPhiNext = 2 * cosPhi * sinPhiCur - sinPhiPrev;
                double cosPhiNext = 2 * cosPhi * cosPhiCur - cosPhiPrev;
                sinPhiPrev = sinPhiCur;
                sinPhiCur = sinPhiNext;
                cosPhiPrev = cosPhiCur;
                cosPhiCur = cosPhiNext;
                bigF += ak[k] * recip[k] * sinPhiNext;
                f += ak[k] * cosPhiNext;
            }
            bigF -= u * ak[0] * Math.PI;
            if (bigF > 0) {
                hi = phi;
            } else {
                lo = phi;
            }
            if (Math.abs(bigF) < 1e-6 || hi - lo < 1e-6) {
                break;
            }
            phi -= bigF / f;
            if (!(phi > lo && phi < hi)) {
                phi = 0.5 * (lo + hi);
            }
        }
        if (flip) {
            phi = 2 * Math.PI - phi;
        }
        return new double[] {f, 1 / (2 * Math.PI) * f / ak[0], phi};
    }

    /** SampleCatmullRom2D(nMu, nMu, mu, mu, a0, cdf, alpha, u): {mu_i, pdf}; {0, NaN} where it returns early. */
    double[] sampleCatmullRom2D(double alpha, double uIn) {
        double[] weights = new double[4];
        int offset = catmullRomWeights(mu, alpha, weights);
        if (offset == Integer.MIN_VALUE) {
            return new double[] {0, Double.NaN};
        }
        int size2 = nMu;
        java.util.function.BiFunction<double[], Integer, Double> interpolate = (array, idx) -> {
            double value = 0;
            for (int i = 0; i < 4; i++) {
                if (weights[i] != 0) {
                    value += array[(offset + i) * size2 + idx] * weights[i];
                }
            }
            return value;
        };
        double maximum = interpolate.apply(cdf, size2 - 1);
        double u = uIn * maximum;
        final double uu = u;
        int idx = findInterval(size2, i -> interpolate.apply(cdf, i) <= uu);
        double f0 = interpolate.apply(a0, idx), f1 = interpolate.apply(a0, idx + 1);
        double x0 = mu[idx], x1 = mu[idx + 1], width = x1 - x0, d0, d1;
        u = (u - interpolate.apply(cdf, idx)) / width;
        d0 = idx > 0 ? width * (f1 - interpolate.apply(a0, idx - 1)) / (x1 - mu[idx - 1]) : f1 - f0;
        d1 = idx + 2 < size2 ? width * (interpolate.apply(a0, idx + 2) - f0) / (mu[idx + 2] - x0) : f1 - f0;
        double t = f0 != f1 ? (f0 - Math.sqrt(Math.max(0, f0 * f0 + 2 * u * (f1 - f0)))) / (f0 - f1) : u / f0;
        double lo = 0, hi = 1, fhat;
        while (true) {
            if (!(t >= lo && t <= hi)) {
                t = 0.5 * (lo + hi);
            }
            double bigF = t * (f0 + t * (.5 * d0 + t * ((1.0 / 3.0) * (-2 * d0 - d1) + f1 - f0
                    + t * (.25 * (d0 + d1) + .5 * (f0 - f1)))));
            fhat = f0 + t * (d0 + t * (-2 * d0 - d1 + 3 * (f1 - f0) + t * (d0 + d1 + 2 * (f0 - f1))));
            if (Math.abs(bigF - u) < 1e-6 || hi - lo < 1e-6) {
                break;
            }
            if (bigF - u < 0) {
                lo = t;
            } else {
                hi = t;
            }
            t -= (bigF - u) / fhat;
        }
        return new double[] {x0 + width * t, fhat / maximum};
    }

    static double cosDPhi(double ax, double ay, double bx, double by) {
        double waxy = ax * ax + ay * ay, wbxy = bx * bx + by * by;
        if (waxy == 0 || wbxy == 0) {
            return 1;
        }
        return Math.max(-1, Math.min(1, (ax * bx + ay * by) / Math.sqrt(waxy * wbxy)));
    }

    /** The a_k accumulation of f and Sample_f: ak (nChannels x mMax) and the returned series length. */
    int accumulate(double muI, double muO, double[] ak, int channels) {
        double[] wI = new double[4], wO = new double[4];
        int offI = catmullRomWeights(mu, muI, wI), offO = catmullRomWeights(mu, muO, wO);
        if (offI == Integer.MIN_VALUE || offO == Integer.MIN_VALUE) {
            return -1;
        }
        int mm = 0;
        for (int b = 0; b < 4; b++) {
            for (int ai = 0; ai < 4; ai++) {
                double weight = wI[ai] * wO[b];
                if (weight != 0) {
                    int cell = (offO + b) * nMu + offI + ai;
                    int len = m[cell];
                    mm = Math.max(mm, len);
                    for (int c = 0; c < channels; c++) {
                        for (int k = 0; k < len; k++) {
                            ak[c * mMax + k] += weight * a[aOffset[cell] + c * len + k];
                        }
                    }
                }
            }
        }
        return mm;
    }

    /** FourierBSDF::f (BSDF::f's wo.z == 0 check included): RGB. */
    double[] f(double[] wo, double[] wi) {
        if (wo[2] == 0) {
            return new double[3];
        }
        double muI = -wi[2], muO = wo[2];
        double cosPhi = cosDPhi(-wi[0], -wi[1], wo[0], wo[1]);
        double[] ak = new double[mMax * nChannels];
        int mm = accumulate(muI, muO, ak, nChannels);
        if (mm < 0) {
            return new double[3];
        }
        return colour(ak, mm, muI, muO, cosPhi, Math.max(0, fourier(ak, 0, mm, cosPhi)));
    }

    private double[] colour(double[] ak, int mm, double muI, double muO, double cosPhi, double y) {
        double scale = muI != 0 ? 1 / Math.abs(muI) : 0;
        if (muI * muO > 0) {
            double e = muI > 0 ? 1 / eta : eta;
            scale *= e * e;
        }
        if (nChannels == 1) {
            return new double[] {y * scale, y * scale, y * scale};
        }
        double r = fourier(ak, mMax, mm, cosPhi), bl = fourier(ak, 2 * mMax, mm, cosPhi);
        double g = 1.39829 * y - 0.100913 * bl - 0.297375 * r;
        return new double[] {Math.max(0, r * scale), Math.max(0, g * scale), Math.max(0, bl * scale)};
    }

    /** FourierBSDF::Pdf (BSDF::Pdf's wo.z == 0 check included). */
    double pdf(double[] wo, double[] wi) {
        if (wo[2] == 0) {
            return 0;
        }
        double muI = -wi[2], muO = wo[2];
        double cosPhi = cosDPhi(-wi[0], -wi[1], wo[0], wo[1]);
        double[] ak = new double[mMax];
        int mm = accumulate(muI, muO, ak, 1);
        if (mm < 0) {
            return 0;
        }
        double[] wO = new double[4];
        int offO = catmullRomWeights(mu, muO, wO);
        double rho = 0;
        for (int o = 0; o < 4; o++) {
            if (wO[o] != 0) {
                rho += wO[o] * cdf[(offO + o) * nMu + nMu - 1] * (2 * Math.PI);
            }
        }
        double y = fourier(ak, 0, mm, cosPhi);
        return rho > 0 && y > 0 ? y / rho : 0;
    }

    /**
     * FourierBSDF::Sample_f with u = (u0, u1), then BSDF::Sample_f's recomputation of f at wi for a
     * non-specular BxDF: {wi.x, wi.y, wi.z, pdf, r, g, b}; null where BSDF::Sample_f returns 0 with pdf 0.
     */
    double[] sample(double[] wo, double u0, double u1) {
        if (wo[2] == 0) {
            return null;
        }
        double muO = wo[2];
        double[] s = sampleCatmullRom2D(muO, u1);
        double muI = s[0], pdfMu = s[1];
        double[] ak = new double[mMax * nChannels];
        int mm = accumulate(muI, muO, ak, nChannels);
        if (mm < 0) {
            return null;
        }
        double[] sf = sampleFourier(ak, mm, u0);
        double pdf = Math.max(0, sf[1] * pdfMu);
        double phi = sf[2];
        double sin2ThetaI = Math.max(0, 1 - muI * muI);
        double norm = Math.sqrt(sin2ThetaI / Math.max(0, 1 - muO * muO));
        if (Double.isInfinite(norm)) {
            norm = 0;
        }
        double sinPhi = Math.sin(phi), cosPhi = Math.cos(phi);
        double[] wi = {-norm * (cosPhi * wo[0] - sinPhi * wo[1]), -norm * (sinPhi * wo[0] + cosPhi * wo[1]), -muI};
        double len = Math.sqrt(wi[0] * wi[0] + wi[1] * wi[1] + wi[2] * wi[2]);
        for (int i = 0; i < 3; i++) {
            wi[i] /= len;
        }
        if (pdf == 0) {
            return null;
        }
        double[] f = f(wo, wi);
        return new double[] {wi[0], wi[1], wi[2], pdf, f[0], f[1], f[2]};
    }
}

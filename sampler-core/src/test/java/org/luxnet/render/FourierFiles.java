package org.luxnet.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * pbrt-v3 tabulated BSDF files (the "SCATFUN" format FourierBSDFTable::Read reads, materials/fourier.cpp)
 * written from code for tests: a header of 64 bytes (identifier, version 1, flags, nMu, nCoeffs, mMax,
 * nChannels, nBases, three unused ints, eta, four unused), then mu, cdf, (offset, length) per cell and the
 * coefficients, little-endian. Each cdf row is IntegrateCatmullRom (core/interpolation.cpp) of the row's
 * a0 along mu_i, as the layer laboratory writes it.
 */
public final class FourierFiles {
    private FourierFiles() {
    }

    /** A table: cells {@code o * nMu + i}, coefficients {@code coeffs[cell][c * m + k]} (m = length / channels). */
    public record Table(float eta, int nChannels, int mMax, float[] mu, float[][] coeffs) {
    }

    /**
     * A Lambertian reflector of reflectance {@code albedo} on both sides, no transmission: a0(mu_i, mu_o) =
     * albedo |mu_i| / pi where mu_i mu_o < 0 (reflection: mu_i is the cosine of -wi), one coefficient; no
     * series (length 0) elsewhere. mu: -1, -0.975, -0.925, ..., -0.025, 0.025, ..., 0.975, 1 (42 nodes, none
     * at 0, where a0 has its kink), so that the Catmull-Rom spline, exact for linear functions, reproduces a0
     * wherever |mu_i| and |mu_o| are at least 0.075 (no interval whose four nodes straddle 0).
     */
    public static Table lambertian(double albedo) {
        float[] mu = new float[42];
        mu[0] = -1;
        mu[41] = 1;
        for (int j = 0; j < 20; j++) {
            mu[20 - j] = -(0.025f + 0.05f * j);
            mu[21 + j] = 0.025f + 0.05f * j;
        }
        int n = mu.length;
        float[][] c = new float[n * n][];
        for (int o = 0; o < n; o++) {
            for (int i = 0; i < n; i++) {
                c[o * n + i] = mu[i] * mu[o] < 0 ? new float[] {(float) (albedo * Math.abs(mu[i]) / Math.PI)}
                        : new float[0];
            }
        }
        return new Table(1f, 1, 1, mu, c);
    }

    /**
     * A random valid table: nMu nodes (the ends at -1 and 1, the rest uniform in between, jittered), per cell
     * a series of 1..mMax coefficients (a few cells none) per channel, a_0 > 0 and |a_k| <= a_0 0.4^k so that
     * every series is positive; reflection and transmission both present.
     */
    public static Table random(long seed, int nMu, int mMax, int nChannels, float eta) {
        Random r = new Random(seed);
        float[] mu = new float[nMu];
        for (int j = 0; j < nMu; j++) {
            double x = -1 + 2.0 * j / (nMu - 1);
            if (j > 0 && j < nMu - 1) {
                x += (r.nextDouble() - 0.5) * 0.8 / (nMu - 1);
            }
            mu[j] = (float) x;
        }
        float[][] c = new float[nMu * nMu][];
        for (int cell = 0; cell < nMu * nMu; cell++) {
            int m = r.nextInt(20) == 0 ? 0 : 1 + r.nextInt(mMax);
            if (cell == 0) {
                m = mMax;
            }
            float[] a = new float[nChannels * m];
            double absMuI = Math.abs(mu[cell % nMu]);
            for (int ch = 0; ch < nChannels; ch++) {
                double a0 = (0.05 + 0.5 * r.nextDouble()) * (0.2 + absMuI);
                for (int k = 0; k < m; k++) {
                    a[ch * m + k] = (float) (k == 0 ? a0 : a0 * (2 * r.nextDouble() - 1) * Math.pow(0.4, k));
                }
            }
            c[cell] = a;
        }
        return new Table(eta, nChannels, mMax, mu, c);
    }

    /** The file's bytes. */
    public static byte[] write(Table t) {
        int n = t.mu().length;
        int nCoeffs = 0;
        for (float[] a : t.coeffs()) {
            nCoeffs += a.length;
        }
        ByteBuffer b = ByteBuffer.allocate(64 + 4 * (n + 3 * n * n + nCoeffs)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'S', 'C', 'A', 'T', 'F', 'U', 'N', 1});
        b.putInt(1).putInt(n).putInt(nCoeffs).putInt(t.mMax()).putInt(t.nChannels()).putInt(1);
        b.putInt(0).putInt(0).putInt(0).putFloat(t.eta());
        b.putFloat(0).putFloat(0).putFloat(0).putFloat(0);
        for (float v : t.mu()) {
            b.putFloat(v);
        }
        for (int o = 0; o < n; o++) {
            double[] a0 = new double[n];
            for (int i = 0; i < n; i++) {
                float[] a = t.coeffs()[o * n + i];
                a0[i] = a.length > 0 ? a[0] : 0;
            }
            for (double v : integrateCatmullRom(t.mu(), a0)) {
                b.putFloat((float) v);
            }
        }
        int offset = 0;
        for (float[] a : t.coeffs()) {
            b.putInt(offset).putInt(a.length / t.nChannels());
            offset += a.length;
        }
        for (float[] a : t.coeffs()) {
            for (float v : a) {
                b.putFloat(v);
            }
        }
        return b.array();
    }

    /** IntegrateCatmullRom (core/interpolation.cpp): the running integral of the spline through (x, values). */
    static double[] integrateCatmullRom(float[] x, double[] values) {
        int n = x.length;
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n - 1; i++) {
            double x0 = x[i], x1 = x[i + 1], f0 = values[i], f1 = values[i + 1], width = x1 - x0;
            double d0 = i > 0 ? width * (f1 - values[i - 1]) / (x1 - x[i - 1]) : f1 - f0;
            double d1 = i + 2 < n ? width * (values[i + 2] - f0) / (x[i + 2] - x0) : f1 - f0;
            sum += ((d0 - d1) * (1.0 / 12.0) + (f0 + f1) * .5) * width;
            cdf[i + 1] = sum;
        }
        return cdf;
    }
}

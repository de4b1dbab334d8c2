package org.luxnet.render.transport;

import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "fourier" material (materials/fourier.cpp; FourierBSDF::f, Sample_f and Pdf in
 * core/reflection.cpp; CatmullRomWeights, SampleCatmullRom2D, Fourier and SampleFourier in
 * core/interpolation.cpp) on the table FourierTables laid out in {@link #fourierData} and {@link
 * #fourierInfo}. mu_i = cos(-wi), mu_o = cos(wo) in the shading frame (the BSDF is isotropic, so the frame's
 * tangent does not matter); f = Fourier(a_k, cos(phi)) / |mu_i| with a_k interpolated over the 4 x 4
 * neighbouring (mu_i, mu_o) cells by Catmull-Rom weights, scaled by 1 / eta^2 or eta^2 for transmission
 * (TransportMode::Radiance: the path tracer follows camera paths), and for three channels (Y, R, B) turned
 * into RGB with G = 1.39829 Y - 0.100913 B - 0.297375 R and clamped at 0.
 *
 * <p>pbrt-v3 sums the neighbouring cells' coefficients into a stack array a_k first (ALLOCA); the kernel
 * can allocate nothing, so it sums the cells' series instead (the sum is linear: the same value up to
 * rounding), the weights kept in the FR_ scratch slots. SampleFourier's Newton-bisection runs in float
 * (pbrt-v3: double) and, like SampleCatmullRom2D's, stops after {@link #MAX_STEPS} steps at the latest
 * (pbrt-v3 has no cap; its own tolerances end it long before on a valid table).
 */
abstract class FourierKernel extends ClothKernel {
    /** Newton-bisection steps at most: bisection alone halves [0, pi] below 1e-6 in 22 steps. */
    static final int MAX_STEPS = 64;

    /** pbrt-v3 "fourier" tables' values ({@link CompiledScene#fourierData}). */
    float[] fourierData = new float[1];
    /** Their directory ({@link CompiledScene#fourierInfo}). */
    int[] fourierInfo = new int[1];

    /** Host side: the scene's tables. */
    void setupFourier(CompiledScene s) {
        fourierData = KernelArrays.floats(s.fourierData);
        fourierInfo = KernelArrays.ints(s.fourierInfo);
    }

    /** The first float of the mu grid of table {@code t} (t: its fourierInfo offset). */
    int frMu(int t) {
        return fourierInfo[t] + 1;
    }

    /**
     * CatmullRomWeights(nMu, mu, x): writes the four weights to slots w..w+3 and the offset (idx - 1) to
     * slot off; false when x is outside [mu[0], mu[nMu - 1]] (or NaN).
     */
    boolean frWeights(int gid, int t, float x, int w, int off) {
        int n = fourierInfo[t + 1];
        int mu = frMu(t);
        boolean ok = x >= fourierData[mu] && x <= fourierData[mu + n - 1];
        if (ok) {
            // FindInterval(size, nodes[i] <= x)
            int first = 0, len = n;
            while (len > 0) {
                int halfLen = len >> 1, middle = first + halfLen;
                if (fourierData[mu + middle] <= x) {
                    first = middle + 1;
                    len -= halfLen + 1;
                } else {
                    len = halfLen;
                }
            }
            int idx = max(0, min(first - 1, n - 2));
            float x0 = fourierData[mu + idx], x1 = fourierData[mu + idx + 1];
            float t1 = (x - x0) / (x1 - x0), t2 = t1 * t1, t3 = t2 * t1;
            float w0 = 0f, w1 = 2 * t3 - 3 * t2 + 1, w2 = -2 * t3 + 3 * t2, w3 = 0f;
            if (idx > 0) {
                float a = (t3 - 2 * t2 + t1) * (x1 - x0) / (x1 - fourierData[mu + idx - 1]);
                w0 = -a;
                w2 += a;
            } else {
                float a = t3 - 2 * t2 + t1;
                w1 -= a;
                w2 += a;
            }
            if (idx + 2 < n) {
                float a = (t3 - t2) * (x1 - x0) / (fourierData[mu + idx + 2] - x0);
                w1 -= a;
                w3 = a;
            } else {
                float a = t3 - t2;
                w1 -= a;
                w2 += a;
            }
            scratch[w * capacity + gid] = w0;
            scratch[(w + 1) * capacity + gid] = w1;
            scratch[(w + 2) * capacity + gid] = w2;
            scratch[(w + 3) * capacity + gid] = w3;
            scratch[off * capacity + gid] = idx - 1;
        }
        return ok;
    }

    /** Weight j of the last frWeights into slots w.. */
    float frW(int gid, int w, int j) {
        return scratch[(w + j) * capacity + gid];
    }

    /**
     * Fourier(a_k, m, cos(phi)) of channel c with a_k the weighted sum over the 4 x 4 cells around (mu_i, mu_o)
     * (the FR_WI and FR_WO weights): each cell's series m_cell long, by the cosine recurrence.
     */
    float frFourier(int gid, int t, int c, float cosPhi) {
        int n = fourierInfo[t + 1];
        int offI = (int) scratch[Scratch.FR_OFF_I * capacity + gid];
        int offO = (int) scratch[Scratch.FR_OFF_O * capacity + gid];
        float value = 0f;
        for (int b = 0; b < 4; b++) {
            for (int a = 0; a < 4; a++) {
                float weight = frW(gid, Scratch.FR_WI, a) * frW(gid, Scratch.FR_WO, b);
                if (weight != 0) {
                    int cell = (offO + b) * n + offI + a;
                    int m = fourierInfo[t + 4 + n * n + cell];
                    int base = fourierInfo[t + 4 + cell] + c * m;
                    float s = 0f, cosKMinusOne = cosPhi, cosK = 1f;
                    for (int k = 0; k < m; k++) {
                        s += fourierData[base + k] * cosK;
                        float next = 2 * cosPhi * cosK - cosKMinusOne;
                        cosKMinusOne = cosK;
                        cosK = next;
                    }
                    value += weight * s;
                }
            }
        }
        return value;
    }

    /** pbrt-v3 CosDPhi(wa, wb): the cosine of the azimuth between wa and wb, 1 when either is along z. */
    float frCosDPhi(float ax, float ay, float bx, float by) {
        float a = ax * ax + ay * ay, b = bx * bx + by * by;
        float r = 1f;
        if (a != 0 && b != 0) {
            r = max(-1f, min(1f, (ax * bx + ay * by) / sqrt(a * b)));
        }
        return r;
    }

    /**
     * FourierBSDF::f's colour for the weights in the FR_ slots at (mu_i, mu_o, cos(phi)), written with pdf
     * {@code pdf} (BS_ slots). Y is channel 0's series, unclamped (returned for the pdf).
     */
    float frColour(int gid, int t, float muI, float muO, float cosPhi, float pdf, float y) {
        float yc = max(0f, y);
        float scale = muI != 0 ? 1 / abs(muI) : 0f;
        if (muI * muO > 0) {
            float eta = fourierData[fourierInfo[t]];
            float e = muI > 0 ? 1 / eta : eta;
            scale *= e * e;
        }
        float r = yc * scale, g = r, bl = r;
        if (fourierInfo[t + 3] == 3) {
            float rr = frFourier(gid, t, 1, cosPhi), bb = frFourier(gid, t, 2, cosPhi);
            float gg = 1.39829f * yc - 0.100913f * bb - 0.297375f * rr;
            r = max(0f, rr * scale);
            g = max(0f, gg * scale);
            bl = max(0f, bb * scale);
        }
        writeColour(gid, r, g, bl, pdf);
        return y;
    }

    /** FourierBSDF::f and FourierBSDF::Pdf at (wo, wi) in the shading frame; 0 where wo.z is 0 (BSDF::f). */
    void evalFourier(int gid, int o, float wox, float woy, float woz, float wix, float wiy, float wiz) {
        int t = (int) shade[o + MaterialLayout.FR_TABLE];
        float muI = -wiz, muO = woz;
        boolean ok = woz != 0 && frWeights(gid, t, muI, Scratch.FR_WI, Scratch.FR_OFF_I)
                && frWeights(gid, t, muO, Scratch.FR_WO, Scratch.FR_OFF_O);
        if (ok) {
            float cosPhi = frCosDPhi(-wix, -wiy, wox, woy);
            float y = frFourier(gid, t, 0, cosPhi);
            float rho = frRho(gid, t);
            frColour(gid, t, muI, muO, cosPhi, rho > 0 && y > 0 ? y / rho : 0f, y);
        } else {
            writeColour(gid, 0, 0, 0, 0);
        }
    }

    /** FourierBSDF::Pdf's rho: 2 pi times the mu_o-interpolated total of the cdf rows. */
    float frRho(int gid, int t) {
        int n = fourierInfo[t + 1];
        int cdf = frMu(t) + n;
        int offO = (int) scratch[Scratch.FR_OFF_O * capacity + gid];
        float rho = 0f;
        for (int b = 0; b < 4; b++) {
            float w = frW(gid, Scratch.FR_WO, b);
            if (w != 0) {
                rho += w * fourierData[cdf + (offO + b) * n + n - 1] * (2 * PI);
            }
        }
        return rho;
    }

    /** SampleCatmullRom2D's interpolate(array, idx) over the FR_WO weights (array: its first float). */
    float frInterp(int gid, int array, int n, int idx) {
        int off = (int) scratch[Scratch.FR_OFF_O * capacity + gid];
        float v = 0f;
        for (int i = 0; i < 4; i++) {
            float w = frW(gid, Scratch.FR_WO, i);
            if (w != 0) {
                v += fourierData[array + (off + i) * n + idx] * w;
            }
        }
        return v;
    }

    /**
     * SampleCatmullRom2D(nMu, nMu, mu, mu, a0, cdf, mu_o, u): mu_i, with its pdf in slot FR_PDF (0 and 0 where
     * mu_o is outside the grid). Leaves mu_o's weights in the FR_WO slots.
     */
    float frSampleMu(int gid, int t, float muO, float uIn) {
        int n = fourierInfo[t + 1];
        int mu = frMu(t);
        int cdf = mu + n, a0 = cdf + n * n;
        float result = 0f;
        scratch[Scratch.FR_PDF * capacity + gid] = 0f;
        if (frWeights(gid, t, muO, Scratch.FR_WO, Scratch.FR_OFF_O)) {
            float maximum = frInterp(gid, cdf, n, n - 1);
            float u = uIn * maximum;
            int first = 0, len = n;
            while (len > 0) {
                int halfLen = len >> 1, middle = first + halfLen;
                if (frInterp(gid, cdf, n, middle) <= u) {
                    first = middle + 1;
                    len -= halfLen + 1;
                } else {
                    len = halfLen;
                }
            }
            int idx = max(0, min(first - 1, n - 2));
            float f0 = frInterp(gid, a0, n, idx), f1 = frInterp(gid, a0, n, idx + 1);
            float x0 = fourierData[mu + idx], x1 = fourierData[mu + idx + 1];
            float width = x1 - x0;
            u = (u - frInterp(gid, cdf, n, idx)) / width;
            float d0 = f1 - f0, d1 = f1 - f0;
            if (idx > 0) {
                d0 = width * (f1 - frInterp(gid, a0, n, idx - 1)) / (x1 - fourierData[mu + idx - 1]);
            }
            if (idx + 2 < n) {
                d1 = width * (frInterp(gid, a0, n, idx + 2) - f0) / (fourierData[mu + idx + 2] - x0);
            }
            float tt = u / f0;
            if (f0 != f1) {
                tt = (f0 - sqrt(max(0f, f0 * f0 + 2 * u * (f1 - f0)))) / (f0 - f1);
            }
            float a = 0f, b = 1f, fHat = 0f;
            boolean done = false;
            for (int step = 0; step < MAX_STEPS && !done; step++) {
                if (!(tt >= a && tt <= b)) {
                    tt = 0.5f * (a + b);
                }
                float bigF = tt * (f0 + tt * (0.5f * d0 + tt * ((1f / 3f) * (-2 * d0 - d1) + f1 - f0
                        + tt * (0.25f * (d0 + d1) + 0.5f * (f0 - f1)))));
                fHat = f0 + tt * (d0 + tt * (-2 * d0 - d1 + 3 * (f1 - f0) + tt * (d0 + d1 + 2 * (f0 - f1))));
                if (abs(bigF - u) < 1e-6f || b - a < 1e-6f) {
                    done = true;
                } else {
                    if (bigF - u < 0) {
                        a = tt;
                    } else {
                        b = tt;
                    }
                    tt -= (bigF - u) / fHat;
                }
            }
            scratch[Scratch.FR_PDF * capacity + gid] = fHat / maximum;
            result = x0 + width * tt;
        }
        return result;
    }

    /**
     * SampleFourier(a_k, recip, m, u) on channel 0 of the interpolated series: phi, with its pdf in slot
     * FR_PDF. Each step evaluates F(phi) = a_0 phi + sum a_k sin(k phi) / k - u a_0 pi and f(phi) = sum a_k
     * cos(k phi) cell by cell.
     */
    float frSamplePhi(int gid, int t, float uIn) {
        int n = fourierInfo[t + 1];
        int recip = frMu(t) + n + 2 * n * n;
        int offI = (int) scratch[Scratch.FR_OFF_I * capacity + gid];
        int offO = (int) scratch[Scratch.FR_OFF_O * capacity + gid];
        boolean flip = uIn >= 0.5f;
        float u = flip ? 1 - 2 * (uIn - 0.5f) : uIn * 2;
        float a = 0f, b = PI, phi = 0.5f * PI, f = 0f, ak0 = 0f;
        boolean done = false;
        for (int step = 0; step < MAX_STEPS && !done; step++) {
            float cosPhi = cos(phi);
            float sinPhi = sqrt(max(0f, 1 - cosPhi * cosPhi));
            float bigF = 0f;
            f = 0f;
            ak0 = 0f;
            for (int cb = 0; cb < 4; cb++) {
                for (int ca = 0; ca < 4; ca++) {
                    float weight = frW(gid, Scratch.FR_WI, ca) * frW(gid, Scratch.FR_WO, cb);
                    if (weight != 0) {
                        int cell = (offO + cb) * n + offI + ca;
                        int m = fourierInfo[t + 4 + n * n + cell];
                        int base = fourierInfo[t + 4 + cell];
                        if (m > 0) {
                            float c0 = fourierData[base];
                            float sF = c0 * phi, sf = c0;
                            float cosPrev = cosPhi, cosCur = 1f, sinPrev = -sinPhi, sinCur = 0f;
                            for (int k = 1; k < m; k++) {
                                float sinNext = 2 * cosPhi * sinCur - sinPrev;
                                float cosNext = 2 * cosPhi * cosCur - cosPrev;
                                sinPrev = sinCur;
                                sinCur = sinNext;
                                cosPrev = cosCur;
                                cosCur = cosNext;
                                sF += fourierData[base + k] * fourierData[recip + k] * sinNext;
                                sf += fourierData[base + k] * cosNext;
                            }
                            bigF += weight * sF;
                            f += weight * sf;
                            ak0 += weight * c0;
                        }
                    }
                }
            }
            bigF -= u * ak0 * PI;
            if (bigF > 0) {
                b = phi;
            } else {
                a = phi;
            }
            if (abs(bigF) < 1e-6f || b - a < 1e-6f) {
                done = true;
            } else {
                phi -= bigF / f;
                if (!(phi > a && phi < b)) {
                    phi = 0.5f * (a + b);
                }
            }
        }
        if (flip) {
            phi = 2 * PI - phi;
        }
        scratch[Scratch.FR_PDF * capacity + gid] = (1 / (2 * PI)) * f / ak0;
        return phi;
    }

    /**
     * FourierBSDF::Sample_f from (u1, u2) = pbrt's (u[0], u[1]): mu_i by SampleCatmullRom2D, phi by
     * SampleFourier, wi = -(norm (cos phi wo.x - sin phi wo.y), norm (sin phi wo.x + cos phi wo.y), mu_i)
     * normalised; the pdf is Sample_f's (pdfPhi pdfMu, at least 0) and the colour f(wo, wi) as BSDF::Sample_f
     * recomputes it for a non-specular BxDF, so the weight is f |cos| / pdf. False where wo.z is 0 or the
     * pdf is 0.
     */
    boolean sampleFourier(int gid, int o, float wox, float woy, float woz, float u1, float u2) {
        int t = (int) shade[o + MaterialLayout.FR_TABLE];
        boolean ok = false;
        if (woz != 0) {
            float muO = woz;
            float muI = frSampleMu(gid, t, muO, u2);
            float pdfMu = scratch[Scratch.FR_PDF * capacity + gid];
            if (frWeights(gid, t, muI, Scratch.FR_WI, Scratch.FR_OFF_I)
                    && frWeights(gid, t, muO, Scratch.FR_WO, Scratch.FR_OFF_O)) {
                float phi = frSamplePhi(gid, t, u1);
                float pdf = max(0f, scratch[Scratch.FR_PDF * capacity + gid] * pdfMu);
                float sin2ThetaI = max(0f, 1 - muI * muI);
                float norm = sqrt(sin2ThetaI / max(0f, 1 - woz * woz));
                if (!(norm <= 3.4e38f)) {
                    // isinf(norm) in pbrt-v3; also 0 / 0 (wo and wi both along z), where pbrt-v3 would make NaN.
                    norm = 0f;
                }
                float sinPhi = sin(phi), cosPhi = cos(phi);
                float wx = -norm * (cosPhi * wox - sinPhi * woy), wy = -norm * (sinPhi * wox + cosPhi * woy);
                float wz = -muI;
                float len = sqrt(wx * wx + wy * wy + wz * wz);
                if (len > 0) {
                    wx /= len;
                    wy /= len;
                    wz /= len;
                }
                evalFourier(gid, o, wox, woy, woz, wx, wy, wz);
                ok = pdf > 0;
                float w = ok ? abs(wz) / pdf : 0f;
                writeColour(gid, scratch[Scratch.BS_R * capacity + gid] * w, scratch[Scratch.BS_G * capacity + gid] * w,
                        scratch[Scratch.BS_B * capacity + gid] * w, pdf);
                writeDirection(gid, wx, wy, wz, false, wz * woz < 0, 1f);
            }
        }
        return ok;
    }
}

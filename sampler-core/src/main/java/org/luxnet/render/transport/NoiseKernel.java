package org.luxnet.render.transport;

/**
 * pbrt-v3's Perlin noise for the procedural textures (core/texture.cpp): gradient noise over Ken
 * Perlin's permutation table with the quintic fade, and its FBm and Turbulence sums; and the other
 * procedural helpers of the textures, with pbrt-v3's octave clamp by the footprint.
 */
abstract class NoiseKernel extends WarpKernel {
    int[] noisePerm = new int[2 * PerlinTable.SIZE];

    /** Host side: binds the permutation table. */
    void setupNoise() {
        noisePerm = PerlinTable.doubled();
    }

    /**
     * pbrt-v3 FBm (turbulence 0) or Turbulence (turbulence 1) of p, frequency x1.99 and weight x omega
     * per octave, over a footprint whose larger texture-space offset has squared length len2: pbrt-v3
     * uses n = clamp(-1 - log2(len2) / 2, 0, octaves) octaves, the fractional one faded in by
     * SmoothStep(0.3, 0.7, .); Turbulence adds 0.2 for each octave left out (all octaves and 0.2
     * omega^octaves without a footprint, len2 = 0).
     */
    float noiseSum(float x, float y, float z, float omega, int octaves, int turbulence, float len2) {
        float nOct = octaves;
        if (len2 > 0) {
            nOct = min(max(-1f - 0.5f * log(len2) * 1.442695f, 0f), nOct);
        }
        int nInt = (int) floor(nOct);
        float sum = 0f, lambda = 1f, o = 1f;
        for (int i = 0; i < nInt; i++) {
            float nv = perlin(lambda * x, lambda * y, lambda * z);
            if (turbulence != 0) {
                nv = abs(nv);
            }
            sum += o * nv;
            lambda *= 1.99f;
            o *= omega;
        }
        float partial = nOct - nInt;
        // The partial octave: FBm o SmoothStep(partial) Noise, Turbulence o Lerp(SmoothStep(partial), 0.2, |Noise|).
        float term = 0f;
        if (turbulence != 0) {
            term = o * 0.2f;
        }
        if (partial > 0) {
            float st = min(max((partial - 0.3f) / 0.4f, 0f), 1f);
            float sm = st * st * (3 - 2 * st);
            float pv = perlin(lambda * x, lambda * y, lambda * z);
            term = o * sm * pv;
            if (turbulence != 0) {
                term = o * ((1 - sm) * 0.2f + sm * abs(pv));
            }
        }
        sum += term;
        if (turbulence != 0) {
            for (int i = nInt; i < octaves; i++) {
                sum += o * 0.2f;
                o *= omega;
            }
        }
        return sum;
    }

    /** pbrt-v3 Noise(x, y, z): gradient noise with the quintic fade, in [-1, 1]. */
    private float perlin(float x, float y, float z) {
        float fx = floor(x), fy = floor(y), fz = floor(z);
        float dx = x - fx, dy = y - fy, dz = z - fz;
        int ix = ((int) fx) & 255, iy = ((int) fy) & 255, iz = ((int) fz) & 255;
        float w000 = grad(ix, iy, iz, dx, dy, dz);
        float w100 = grad(ix + 1, iy, iz, dx - 1, dy, dz);
        float w010 = grad(ix, iy + 1, iz, dx, dy - 1, dz);
        float w110 = grad(ix + 1, iy + 1, iz, dx - 1, dy - 1, dz);
        float w001 = grad(ix, iy, iz + 1, dx, dy, dz - 1);
        float w101 = grad(ix + 1, iy, iz + 1, dx - 1, dy, dz - 1);
        float w011 = grad(ix, iy + 1, iz + 1, dx, dy - 1, dz - 1);
        float w111 = grad(ix + 1, iy + 1, iz + 1, dx - 1, dy - 1, dz - 1);
        float wx = fade(dx), wy = fade(dy), wz = fade(dz);
        float x00 = w000 + wx * (w100 - w000), x10 = w010 + wx * (w110 - w010);
        float x01 = w001 + wx * (w101 - w001), x11 = w011 + wx * (w111 - w011);
        float y0 = x00 + wy * (x10 - x00), y1 = x01 + wy * (x11 - x01);
        return y0 + wz * (y1 - y0);
    }

    private float grad(int x, int y, int z, float dx, float dy, float dz) {
        int h = noisePerm[noisePerm[noisePerm[x] + y] + z] & 15;
        float u = dy, v = dz;
        if (h < 8 || h == 12 || h == 13) {
            u = dx;
        }
        if (h < 4 || h == 12 || h == 13) {
            v = dy;
        }
        if ((h & 1) != 0) {
            u = -u;
        }
        if ((h & 2) != 0) {
            v = -v;
        }
        return u + v;
    }

    private float fade(float t) {
        float t3 = t * t * t;
        return 6 * t3 * t * t - 15 * t3 * t + 10 * t3;
    }

    /**
     * The fraction of [x - d, x + d] in odd cells, pbrt-v3's (bumpInt(x + d) - bumpInt(x - d)) / 2d
     * with bumpInt(x) = floor(x / 2) + 2 max(x / 2 - floor(x / 2) - 0.5, 0); for d = 0 (where pbrt-v3
     * would divide by zero) the parity of x's cell.
     */
    float oddCellFraction(float x, float d) {
        float frac = x / 2 - floor(x / 2);
        float f = 0f;
        if (frac >= 0.5f) {
            f = 1f;
        }
        if (d > 0) {
            float hi = (x + d) / 2, lo = (x - d) / 2;
            float bumpHi = floor(hi) + 2 * max(hi - floor(hi) - 0.5f, 0f);
            float bumpLo = floor(lo) + 2 * max(lo - floor(lo) - 0.5f, 0f);
            f = (bumpHi - bumpLo) / (2 * d);
        }
        return f;
    }

    /** LuxRender RadicalInverse(n, base) (core/mc.h): n's digits in base mirrored about the point. */
    float radicalInverse(int n, int base) {
        float val = 0f, invBase = 1f / base, invBi = invBase;
        for (int k = n; k > 0; k = k / base) {
            val += (k % base) * invBi;
            invBi *= invBase;
        }
        return val;
    }
}

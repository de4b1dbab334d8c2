package org.luxnet.render.transport;

import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.TextureLayout;

/**
 * The Blender noise library LuxRender 1.x's Blender textures use (LuxRender/Lux
 * textures/blender_noiselib.cpp, Blender's BLI noise): the noise bases (orgBlenderNoise, Perlin's
 * original noise3_perlin, improved Perlin newPerlin, Voronoi F1..F4, F2-F1 and crackle, cell noise),
 * BLI_gNoise, BLI_gTurbulence, Musgrave's fBm, multifractal, heterogeneous terrain, hybrid and ridged
 * multifractals, and the distorted-domain noise mg_VLNoise. Basis numbers are Blender's (0 original (the compiler gives no others than these),
 * 1 original Perlin, 2 improved Perlin, 3..6 Voronoi F1..F4, 7 F2-F1, 8 crackle, 14 cell noise).
 * Function pointers become a dispatch on the basis; Voronoi's distance and point arrays become scalars.
 */
abstract class BlenderNoiseKernel extends NoiseKernel {
    /** hash[512], hashvectf[768], hashpntf[768]: bound only for scenes with a Blender texture. */
    int[] blHash = new int[1];
    float[] blVec = new float[1];
    float[] blPnt = new float[1];

    /**
     * Host side: binds the Blender noise tables when some texture node is a Blender texture, or some material
     * a LuxRender cloth (whose yarns' umax noise is Blender's newPerlin, irawan.cpp perlinNoise).
     */
    void setupBlender(CompiledScene s) {
        boolean used = false;
        for (int type : s.texType) {
            used |= type == TextureLayout.BLENDER;
        }
        for (int type : s.matType) {
            used |= type == org.luxnet.scene.compiled.MaterialLayout.CLOTH;
        }
        if (used) {
            bindBlenderTables();
        }
    }

    /** Host side: binds hash, hashvectf and hashpntf. */
    void bindBlenderTables() {
        blHash = BlenderNoiseTables.hash();
        blVec = BlenderNoiseTables.vectors();
        blPnt = BlenderNoiseTables.points();
    }

    /** One corner of orgBlenderNoise: weight w times hashvectf[3 h] . (a, b, c). */
    private float blCorner(int h, float w, float a, float b, float c) {
        int v = 3 * h;
        return w * (blVec[v] * a + blVec[v + 1] * b + blVec[v + 2] * c);
    }

    /** orgBlenderNoise: Blender's original lattice noise with cubic weights, clamped to [0, 1]. */
    float blOrgNoise(float x, float y, float z) {
        float fx = floor(x), fy = floor(y), fz = floor(z);
        int ix = (int) fx, iy = (int) fy, iz = (int) fz;
        float ox = x - fx, oy = y - fy, oz = z - fz;
        float jx = ox - 1, jy = oy - 1, jz = oz - 1;
        float cn1 = ox * ox, cn2 = oy * oy, cn3 = oz * oz, cn4 = jx * jx, cn5 = jy * jy, cn6 = jz * jz;
        cn1 = 1 - 3 * cn1 + 2 * cn1 * ox;
        cn2 = 1 - 3 * cn2 + 2 * cn2 * oy;
        cn3 = 1 - 3 * cn3 + 2 * cn3 * oz;
        cn4 = 1 - 3 * cn4 - 2 * cn4 * jx;
        cn5 = 1 - 3 * cn5 - 2 * cn5 * jy;
        cn6 = 1 - 3 * cn6 - 2 * cn6 * jz;
        int b00 = blHash[blHash[ix & 255] + (iy & 255)], b10 = blHash[blHash[(ix + 1) & 255] + (iy & 255)];
        int b01 = blHash[blHash[ix & 255] + ((iy + 1) & 255)], b11 = blHash[blHash[(ix + 1) & 255] + ((iy + 1) & 255)];
        int b20 = iz & 255, b21 = (iz + 1) & 255;
        float n = 0.5f;
        n += blCorner(blHash[b20 + b00], cn1 * cn2 * cn3, ox, oy, oz);
        n += blCorner(blHash[b21 + b00], cn1 * cn2 * cn6, ox, oy, jz);
        n += blCorner(blHash[b20 + b01], cn1 * cn5 * cn3, ox, jy, oz);
        n += blCorner(blHash[b21 + b01], cn1 * cn5 * cn6, ox, jy, jz);
        n += blCorner(blHash[b20 + b10], cn4 * cn2 * cn3, jx, oy, oz);
        n += blCorner(blHash[b21 + b10], cn4 * cn2 * cn6, jx, oy, jz);
        n += blCorner(blHash[b20 + b11], cn4 * cn5 * cn3, jx, jy, oz);
        n += blCorner(blHash[b21 + b11], cn4 * cn5 * cn6, jx, jy, jz);
        return min(1f, max(0f, n));
    }

    /** Improved Perlin's gradient (Perlin's reference: h 12 and 14 pick x). */
    private float blGrad(int hash, float x, float y, float z) {
        int h = hash & 15;
        float u = y, v = z;
        if (h < 8) {
            u = x;
        }
        if (h == 12 || h == 14) {
            v = x;
        }
        if (h < 4) {
            v = y;
        }
        if ((h & 1) != 0) {
            u = -u;
        }
        if ((h & 2) != 0) {
            v = -v;
        }
        return u + v;
    }

    private float blFade(float t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    /** newPerlin: improved Perlin noise over Blender's hash table, in [-1, 1]. */
    float blNewPerlin(float x, float y, float z) {
        float fx = floor(x), fy = floor(y), fz = floor(z);
        int cx = ((int) fx) & 255, cy = ((int) fy) & 255, cz = ((int) fz) & 255;
        x -= fx;
        y -= fy;
        z -= fz;
        float u = blFade(x), v = blFade(y), w = blFade(z);
        int a = blHash[cx] + cy, aa = blHash[a] + cz, ab = blHash[a + 1] + cz;
        int b = blHash[cx + 1] + cy, ba = blHash[b] + cz, bb = blHash[b + 1] + cz;
        float g0 = blGrad(blHash[aa], x, y, z), g1 = blGrad(blHash[ba], x - 1, y, z);
        float g2 = blGrad(blHash[ab], x, y - 1, z), g3 = blGrad(blHash[bb], x - 1, y - 1, z);
        float g4 = blGrad(blHash[aa + 1], x, y, z - 1), g5 = blGrad(blHash[ba + 1], x - 1, y, z - 1);
        float g6 = blGrad(blHash[ab + 1], x, y - 1, z - 1), g7 = blGrad(blHash[bb + 1], x - 1, y - 1, z - 1);
        float l0 = g0 + u * (g1 - g0), l1 = g2 + u * (g3 - g2), l2 = g4 + u * (g5 - g4), l3 = g6 + u * (g7 - g6);
        float m0 = l0 + v * (l1 - l0), m1 = l2 + v * (l3 - l2);
        return m0 + w * (m1 - m0);
    }

    /**
     * The lattice cell of noise3_perlin's setup: the integer part of t = v + 10000 as C's (int) cast
     * takes it (toward zero), less 10000, so that v - base is its r0, exactly as C's double t gives it.
     */
    private float blPerlinBase(float v) {
        float base = floor(v);
        if (v < -10000f) {
            base = -floor(-v);
        }
        return base;
    }

    /** hashvectf row k (Perlin's g[k], the same rows repeated) dotted with (a, b, c). */
    private float blAt(int k, float a, float b, float c) {
        int q = 3 * (k & 255);
        return a * blVec[q] + b * blVec[q + 1] + c * blVec[q + 2];
    }

    /** noise3_perlin: Perlin's original gradient noise with the cubic s-curve, times 1.5. */
    float blOrgPerlin(float x, float y, float z) {
        float lx = blPerlinBase(x), ly = blPerlinBase(y), lz = blPerlinBase(z);
        int bx0 = ((int) lx + 10000) & 255, by0 = ((int) ly + 10000) & 255, bz0 = ((int) lz + 10000) & 255;
        int bx1 = (bx0 + 1) & 255, by1 = (by0 + 1) & 255, bz1 = (bz0 + 1) & 255;
        float rx0 = x - lx, ry0 = y - ly, rz0 = z - lz;
        float rx1 = rx0 - 1, ry1 = ry0 - 1, rz1 = rz0 - 1;
        int i = blHash[bx0], j = blHash[bx1];
        int b00 = blHash[i + by0], b10 = blHash[j + by0], b01 = blHash[i + by1], b11 = blHash[j + by1];
        float sx = rx0 * rx0 * (3 - 2 * rx0), sy = ry0 * ry0 * (3 - 2 * ry0), sz = rz0 * rz0 * (3 - 2 * rz0);
        float u = blAt(b00 + bz0, rx0, ry0, rz0), v = blAt(b10 + bz0, rx1, ry0, rz0);
        float a = u + sx * (v - u);
        u = blAt(b01 + bz0, rx0, ry1, rz0);
        v = blAt(b11 + bz0, rx1, ry1, rz0);
        float b = u + sx * (v - u);
        float c = a + sy * (b - a);
        u = blAt(b00 + bz1, rx0, ry0, rz1);
        v = blAt(b10 + bz1, rx1, ry0, rz1);
        a = u + sx * (v - u);
        u = blAt(b01 + bz1, rx0, ry1, rz1);
        v = blAt(b11 + bz1, rx1, ry1, rz1);
        b = u + sx * (v - u);
        float d = a + sy * (b - a);
        return 1.5f * (c + sz * (d - c));
    }

    /**
     * voronoi(): the four nearest feature points of the 27 cells around p under the metric, F1..F4
     * their distances under metric 0 real, 1 squared, 2 Manhattan, 3 Chebychev, 4..6 Minkowski with exponent
     * 1/2, 4, e. Mode 0 returns w1 F1 + w2 F2 + w3 F3 + w4 F4; mode 1..3 returns channel mode - 1
     * of |w1| c1 + .. + |w4| c4, c_k the cell colour (cellNoiseV) of the k-th point.
     */
    float blVoronoi(float x, float y, float z, float e, int metric, int mode, float w1, float w2, float w3, float w4) {
        int xi = (int) floor(x), yi = (int) floor(y), zi = (int) floor(z);
        float d0 = 1e10f, d1 = 1e10f, d2 = 1e10f, d3 = 1e10f;
        float p0x = 0f, p0y = 0f, p0z = 0f, p1x = 0f, p1y = 0f, p1z = 0f;
        float p2x = 0f, p2y = 0f, p2z = 0f, p3x = 0f, p3y = 0f, p3z = 0f;
        for (int xx = xi - 1; xx <= xi + 1; xx++) {
            for (int yy = yi - 1; yy <= yi + 1; yy++) {
                for (int zz = zi - 1; zz <= zi + 1; zz++) {
                    // HASHPNT and the metric written out: this is a leaf, called at two depths (see SampleKernel).
                    int h = 3 * blHash[(blHash[(blHash[zz & 255] + yy) & 255] + xx) & 255];
                    float px = blPnt[h] + xx, py = blPnt[h + 1] + yy, pz = blPnt[h + 2] + zz;
                    float dx = x - px, dy = y - py, dz = z - pz;
                    float d = sqrt(dx * dx + dy * dy + dz * dz);
                    if (metric == 1) {
                        d = dx * dx + dy * dy + dz * dz;
                    }
                    if (metric == 2) {
                        d = abs(dx) + abs(dy) + abs(dz);
                    }
                    if (metric == 3) {
                        d = max(max(abs(dx), abs(dy)), abs(dz));
                    }
                    if (metric == 4) {
                        float sq = sqrt(abs(dx)) + sqrt(abs(dy)) + sqrt(abs(dz));
                        d = sq * sq;
                    }
                    if (metric == 5) {
                        float x2 = dx * dx, y2 = dy * dy, z2 = dz * dz;
                        d = sqrt(sqrt(x2 * x2 + y2 * y2 + z2 * z2));
                    }
                    if (metric == 6) {
                        d = pow(pow(abs(dx), e) + pow(abs(dy), e) + pow(abs(dz), e), 1f / e);
                    }
                    if (d < d0) {
                        d3 = d2;
                        d2 = d1;
                        d1 = d0;
                        d0 = d;
                        p3x = p2x;
                        p3y = p2y;
                        p3z = p2z;
                        p2x = p1x;
                        p2y = p1y;
                        p2z = p1z;
                        p1x = p0x;
                        p1y = p0y;
                        p1z = p0z;
                        p0x = px;
                        p0y = py;
                        p0z = pz;
                    } else if (d < d1) {
                        d3 = d2;
                        d2 = d1;
                        d1 = d;
                        p3x = p2x;
                        p3y = p2y;
                        p3z = p2z;
                        p2x = p1x;
                        p2y = p1y;
                        p2z = p1z;
                        p1x = px;
                        p1y = py;
                        p1z = pz;
                    } else if (d < d2) {
                        d3 = d2;
                        d2 = d;
                        p3x = p2x;
                        p3y = p2y;
                        p3z = p2z;
                        p2x = px;
                        p2y = py;
                        p2z = pz;
                    } else if (d < d3) {
                        d3 = d;
                        p3x = px;
                        p3y = py;
                        p3z = pz;
                    }
                }
            }
        }
        float r = w1 * d0 + w2 * d1 + w3 * d2 + w4 * d3;
        if (mode > 0) {
            // cellNoiseV of each point: hashpntf at the point's lattice cell.
            int c = mode - 1;
            int i0 = (int) floor(p0x), j0 = (int) floor(p0y), k0 = (int) floor(p0z);
            int i1 = (int) floor(p1x), j1 = (int) floor(p1y), k1 = (int) floor(p1z);
            int i2 = (int) floor(p2x), j2 = (int) floor(p2y), k2 = (int) floor(p2z);
            int i3 = (int) floor(p3x), j3 = (int) floor(p3y), k3 = (int) floor(p3z);
            r = abs(w1) * blPnt[3 * blHash[(blHash[(blHash[k0 & 255] + j0) & 255] + i0) & 255] + c];
            r += abs(w2) * blPnt[3 * blHash[(blHash[(blHash[k1 & 255] + j1) & 255] + i1) & 255] + c];
            r += abs(w3) * blPnt[3 * blHash[(blHash[(blHash[k2 & 255] + j2) & 255] + i2) & 255] + c];
            r += abs(w4) * blPnt[3 * blHash[(blHash[(blHash[k3 & 255] + j3) & 255] + i3) & 255] + c];
        }
        return r;
    }

    /** cellNoiseU's 32-bit hash of lattice cell (xi, yi, zi), as a signed int holding the unsigned bits. */
    int blCellHash(int xi, int yi, int zi) {
        int n = xi + yi * 1301 + zi * 314159;
        n ^= n << 13;
        return n * (n * n * 15731 + 789221) + 1376312589;
    }

    /** cellNoiseU: the hash of p's lattice cell over 2^32, in [0, 1]. */
    float blCellU(float x, float y, float z) {
        int m = blCellHash((int) floor(x), (int) floor(y), (int) floor(z));
        // (float) of the unsigned value: its high half times 2^16 is exact, so the sum rounds once, as C's cast.
        // (A branch on m < 0 there came out wrong on PoCL.)
        float f = (float) (m >>> 16) * 65536f + (float) (m & 65535);
        return f * (1f / 4294967296f);
    }

    /** The Voronoi bases' distance: F1..F4 for bases 3..6, F2 - F1 for 7 and 8 (real distance). */
    private float blVoronoiBasis(int basis, float x, float y, float z) {
        float w1 = 0f, w2 = 0f, w3 = 0f, w4 = 0f;
        if (basis == 3) {
            w1 = 1f;
        } else if (basis == 4) {
            w2 = 1f;
        } else if (basis == 5) {
            w3 = 1f;
        } else if (basis == 6) {
            w4 = 1f;
        } else {
            w1 = -1f;
            w2 = 1f;
        }
        return blVoronoi(x, y, z, 1f, 0, 0, w1, w2, w3, w4);
    }

    /** The unsigned noise function of basis (BLI_gNoise's and BLI_gTurbulence's noisefunc). */
    float blNoiseU(int basis, float x, float y, float z) {
        // Flat ifs: Aparapi 3.0.2 cannot fold an if nested in an else-if branch here.
        float v = 0f;
        if (basis == 0) {
            v = blOrgNoise(x, y, z);
        }
        if (basis == 1) {
            v = 0.5f + 0.5f * blOrgPerlin(x, y, z);
        }
        if (basis == 2) {
            v = 0.5f + 0.5f * blNewPerlin(x, y, z);
        }
        if (basis >= 3 && basis <= 8) {
            v = blVoronoiBasis(basis, x, y, z);
        }
        if (basis == 8) {
            v = min(1f, 10 * v);
        }
        if (basis == 14) {
            v = blCellU(x, y, z);
        }
        return v;
    }

    /** The signed noise function of basis (the Musgrave functions' and mg_VLNoise's noisefunc). */
    float blNoiseS(int basis, float x, float y, float z) {
        float v = 0f;
        if (basis == 1) {
            v = blOrgPerlin(x, y, z);
        } else if (basis == 2) {
            v = blNewPerlin(x, y, z);
        } else if (basis >= 3 && basis <= 8) {
            v = blVoronoiBasis(basis, x, y, z);
            if (basis == 8) {
                v = 10 * v;
                if (v > 1f) {
                    v = 1f;
                } else {
                    v = 2 * v - 1;
                }
            } else {
                v = 2 * v - 1;
            }
        } else if (basis == 14) {
            v = 2 * blCellU(x, y, z) - 1;
        } else {
            v = 2 * blOrgNoise(x, y, z) - 1;
        }
        return v;
    }

    /** BLI_gNoise: basis's noise at p / noisesize (the original basis at (p + 1) / noisesize); hard: |2n - 1|. */
    float blGNoise(float noisesize, float x, float y, float z, int hard, int basis) {
        if (basis == 0) {
            x += 1;
            y += 1;
            z += 1;
        }
        if (noisesize != 0) {
            float s = 1f / noisesize;
            x *= s;
            y *= s;
            z *= s;
        }
        float n = blNoiseU(basis, x, y, z);
        if (hard != 0) {
            n = abs(2 * n - 1);
        }
        return n;
    }

    /** BLI_gTurbulence: octaves 0..oct of BLI_gNoise at doubling frequency and halving weight, normalised. */
    float blGTurbulence(float noisesize, float x, float y, float z, int oct, int hard, int basis) {
        if (basis == 0) {
            x += 1;
            y += 1;
            z += 1;
        }
        if (noisesize != 0) {
            float s = 1f / noisesize;
            x *= s;
            y *= s;
            z *= s;
        }
        float sum = 0f, amp = 1f, fscale = 1f;
        for (int i = 0; i <= oct; i++) {
            float t = blNoiseU(basis, fscale * x, fscale * y, fscale * z);
            if (hard != 0) {
                t = abs(2 * t - 1);
            }
            sum += t * amp;
            amp *= 0.5f;
            fscale *= 2;
        }
        return sum * ((float) (1 << oct) / (float) ((1 << (oct + 1)) - 1));
    }

    /**
     * Musgrave's functions of blender_noiselib.cpp on the signed basis: kind 0 multifractal
     * (mg_MultiFractal), 1 ridged (mg_RidgedMultiFractal), 2 hybrid (mg_HybridMultiFractal), 3 fBm
     * (mg_fBm), 4 heterogeneous terrain (mg_HeteroTerrain), the musgrave types' numbers.
     */
    float blMusgrave(int kind, float x, float y, float z, float h, float lacunarity, float octaves, float offset,
                     float gain, int basis) {
        float pwHL = pow(lacunarity, -h);
        int oct = (int) octaves;
        float rmd = octaves - floor(octaves);
        float value = 0f;
        if (kind == 3 || kind == 0) {
            float pwr = 1f;
            if (kind == 0) {
                value = 1f;
            }
            for (int i = 0; i < oct; i++) {
                float nv = blNoiseS(basis, x, y, z);
                if (kind == 0) {
                    value *= pwr * nv + 1;
                } else {
                    value += nv * pwr;
                }
                pwr *= pwHL;
                x *= lacunarity;
                y *= lacunarity;
                z *= lacunarity;
            }
            if (rmd != 0) {
                float nv = blNoiseS(basis, x, y, z);
                if (kind == 0) {
                    value *= rmd * nv * pwr + 1;
                } else {
                    value += rmd * nv * pwr;
                }
            }
        } else if (kind == 4) {
            float pwr = pwHL;
            value = offset + blNoiseS(basis, x, y, z);
            x *= lacunarity;
            y *= lacunarity;
            z *= lacunarity;
            for (int i = 1; i < oct; i++) {
                value += (blNoiseS(basis, x, y, z) + offset) * pwr * value;
                pwr *= pwHL;
                x *= lacunarity;
                y *= lacunarity;
                z *= lacunarity;
            }
            if (rmd != 0) {
                value += rmd * ((blNoiseS(basis, x, y, z) + offset) * pwr * value);
            }
        } else if (kind == 2) {
            float pwr = pwHL;
            value = blNoiseS(basis, x, y, z) + offset;
            float weight = gain * value;
            x *= lacunarity;
            y *= lacunarity;
            z *= lacunarity;
            // C's loop runs while weight > 0.001; once it fails nothing changes it, so the rest is skipped.
            for (int i = 1; i < oct; i++) {
                if (weight > 0.001f) {
                    weight = min(weight, 1f);
                    float signal = (blNoiseS(basis, x, y, z) + offset) * pwr;
                    pwr *= pwHL;
                    value += weight * signal;
                    weight *= gain * signal;
                    x *= lacunarity;
                    y *= lacunarity;
                    z *= lacunarity;
                }
            }
            if (rmd != 0) {
                value += rmd * ((blNoiseS(basis, x, y, z) + offset) * pwr);
            }
        } else {
            float pwr = pwHL;
            float signal = offset - abs(blNoiseS(basis, x, y, z));
            signal *= signal;
            value = signal;
            for (int i = 1; i < oct; i++) {
                x *= lacunarity;
                y *= lacunarity;
                z *= lacunarity;
                float weight = min(1f, max(0f, signal * gain));
                signal = offset - abs(blNoiseS(basis, x, y, z));
                signal *= signal;
                signal *= weight;
                value += signal * pwr;
                pwr *= pwHL;
            }
        }
        return value;
    }

    /** mg_VLNoise: basis2's signed noise at p displaced by basis1's signed noise at p and p +- 13.5, times distortion. */
    float blVlNoise(float x, float y, float z, float distortion, int basis1, int basis2) {
        float rx = blNoiseS(basis1, x + 13.5f, y + 13.5f, z + 13.5f) * distortion;
        float ry = blNoiseS(basis1, x, y, z) * distortion;
        float rz = blNoiseS(basis1, x - 13.5f, y - 13.5f, z - 13.5f) * distortion;
        return blNoiseS(basis2, x + rx, y + ry, z + rz);
    }
}

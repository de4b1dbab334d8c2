package org.luxnet.render.transport;

/**
 * A plain transcription, in double precision and with function pointers as switches, of the Blender
 * noise library and texture functions LuxRender 1.x carries (LuxRender/Lux textures/blender_noiselib.cpp
 * and textures/blender_texlib.cpp as read), for the tests to hold the kernel's float code against.
 * Written from the C, not from the kernel: arrays for da/pa, C's (int) truncation, 1e10 sentinels.
 * Where the C stores a coordinate in a float variable before a basis reads it (the scaled, shifted or
 * octave-multiplied point), {@link #f} rounds it likewise, since the bases' lattice cells depend on it.
 */
final class BlenderReference {
    final int[] hash = BlenderNoiseTables.hash();
    final float[] hashvectf = BlenderNoiseTables.vectors();
    final float[] hashpntf = BlenderNoiseTables.points();

    /** A value stored in a C float. */
    static double f(double v) {
        return (float) v;
    }

    // ---- blender_noiselib.cpp ----

    double orgBlenderNoise(double x, double y, double z) {
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y), iz = (int) Math.floor(z);
        double ox = x - ix, oy = y - iy, oz = z - iz;
        double jx = ox - 1, jy = oy - 1, jz = oz - 1;
        double cn1 = ox * ox, cn2 = oy * oy, cn3 = oz * oz, cn4 = jx * jx, cn5 = jy * jy, cn6 = jz * jz;
        cn1 = 1.0 - 3.0 * cn1 + 2.0 * cn1 * ox;
        cn2 = 1.0 - 3.0 * cn2 + 2.0 * cn2 * oy;
        cn3 = 1.0 - 3.0 * cn3 + 2.0 * cn3 * oz;
        cn4 = 1.0 - 3.0 * cn4 - 2.0 * cn4 * jx;
        cn5 = 1.0 - 3.0 * cn5 - 2.0 * cn5 * jy;
        cn6 = 1.0 - 3.0 * cn6 - 2.0 * cn6 * jz;
        int b00 = hash[hash[ix & 255] + (iy & 255)];
        int b10 = hash[hash[(ix + 1) & 255] + (iy & 255)];
        int b01 = hash[hash[ix & 255] + ((iy + 1) & 255)];
        int b11 = hash[hash[(ix + 1) & 255] + ((iy + 1) & 255)];
        int b20 = iz & 255, b21 = (iz + 1) & 255;
        double n = 0.5;
        int h;
        h = 3 * hash[b20 + b00];
        n += cn1 * cn2 * cn3 * (hashvectf[h] * ox + hashvectf[h + 1] * oy + hashvectf[h + 2] * oz);
        h = 3 * hash[b21 + b00];
        n += cn1 * cn2 * cn6 * (hashvectf[h] * ox + hashvectf[h + 1] * oy + hashvectf[h + 2] * jz);
        h = 3 * hash[b20 + b01];
        n += cn1 * cn5 * cn3 * (hashvectf[h] * ox + hashvectf[h + 1] * jy + hashvectf[h + 2] * oz);
        h = 3 * hash[b21 + b01];
        n += cn1 * cn5 * cn6 * (hashvectf[h] * ox + hashvectf[h + 1] * jy + hashvectf[h + 2] * jz);
        h = 3 * hash[b20 + b10];
        n += cn4 * cn2 * cn3 * (hashvectf[h] * jx + hashvectf[h + 1] * oy + hashvectf[h + 2] * oz);
        h = 3 * hash[b21 + b10];
        n += cn4 * cn2 * cn6 * (hashvectf[h] * jx + hashvectf[h + 1] * oy + hashvectf[h + 2] * jz);
        h = 3 * hash[b20 + b11];
        n += cn4 * cn5 * cn3 * (hashvectf[h] * jx + hashvectf[h + 1] * jy + hashvectf[h + 2] * oz);
        h = 3 * hash[b21 + b11];
        n += cn4 * cn5 * cn6 * (hashvectf[h] * jx + hashvectf[h + 1] * jy + hashvectf[h + 2] * jz);
        if (n < 0.0) {
            n = 0.0;
        } else if (n > 1.0) {
            n = 1.0;
        }
        return n;
    }

    private static double npfade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    private static double lerp(double t, double a, double b) {
        return a + t * (b - a);
    }

    private static double grad(int hash, double x, double y, double z) {
        int h = hash & 15;
        double u = h < 8 ? x : y, v = h < 4 ? y : h == 12 || h == 14 ? x : z;
        return ((h & 1) == 0 ? u : -u) + ((h & 2) == 0 ? v : -v);
    }

    double newPerlin(double x, double y, double z) {
        double u = Math.floor(x), v = Math.floor(y), w = Math.floor(z);
        int X = ((int) u) & 255, Y = ((int) v) & 255, Z = ((int) w) & 255;
        x -= u;
        y -= v;
        z -= w;
        u = npfade(x);
        v = npfade(y);
        w = npfade(z);
        int A = hash[X] + Y, AA = hash[A] + Z, AB = hash[A + 1] + Z;
        int B = hash[X + 1] + Y, BA = hash[B] + Z, BB = hash[B + 1] + Z;
        return lerp(w, lerp(v, lerp(u, grad(hash[AA], x, y, z), grad(hash[BA], x - 1, y, z)),
                        lerp(u, grad(hash[AB], x, y - 1, z), grad(hash[BB], x - 1, y - 1, z))),
                lerp(v, lerp(u, grad(hash[AA + 1], x, y, z - 1), grad(hash[BA + 1], x - 1, y, z - 1)),
                        lerp(u, grad(hash[AB + 1], x, y - 1, z - 1), grad(hash[BB + 1], x - 1, y - 1, z - 1))));
    }

    /** Perlin's g[] is hashvectf's rows repeated (514 rows); p[] is hash (514 entries). */
    private double at(int row, double rx, double ry, double rz) {
        int q = 3 * (row % 256);
        return rx * hashvectf[q] + ry * hashvectf[q + 1] + rz * hashvectf[q + 2];
    }

    double noise3Perlin(double x, double y, double z) {
        double[] vec = {x, y, z};
        int[] b0 = new int[3], b1 = new int[3];
        double[] r0 = new double[3], r1 = new double[3];
        for (int i = 0; i < 3; i++) {
            double t = vec[i] + 10000.;
            b0[i] = ((int) t) & 255;
            b1[i] = (b0[i] + 1) & 255;
            r0[i] = t - (int) t;
            r1[i] = r0[i] - 1.;
        }
        int i = hash[b0[0]], j = hash[b1[0]];
        int b00 = hash[i + b0[1]], b10 = hash[j + b0[1]], b01 = hash[i + b1[1]], b11 = hash[j + b1[1]];
        double sx = r0[0] * r0[0] * (3. - 2. * r0[0]), sy = r0[1] * r0[1] * (3. - 2. * r0[1]);
        double sz = r0[2] * r0[2] * (3. - 2. * r0[2]);
        double u = at(b00 + b0[2], r0[0], r0[1], r0[2]), v = at(b10 + b0[2], r1[0], r0[1], r0[2]);
        double a = lerp(sx, u, v);
        u = at(b01 + b0[2], r0[0], r1[1], r0[2]);
        v = at(b11 + b0[2], r1[0], r1[1], r0[2]);
        double b = lerp(sx, u, v);
        double c = lerp(sy, a, b);
        u = at(b00 + b1[2], r0[0], r0[1], r1[2]);
        v = at(b10 + b1[2], r1[0], r0[1], r1[2]);
        a = lerp(sx, u, v);
        u = at(b01 + b1[2], r0[0], r1[1], r1[2]);
        v = at(b11 + b1[2], r1[0], r1[1], r1[2]);
        b = lerp(sx, u, v);
        double d = lerp(sy, a, b);
        return 1.5 * lerp(sz, c, d);
    }

    static double dist(double x, double y, double z, double e, int dtype) {
        switch (dtype) {
            case 1:
                return x * x + y * y + z * z;
            case 2:
                return Math.abs(x) + Math.abs(y) + Math.abs(z);
            case 3:
                return Math.max(Math.max(Math.abs(x), Math.abs(y)), Math.abs(z));
            case 4: {
                double d = Math.sqrt(Math.abs(x)) + Math.sqrt(Math.abs(y)) + Math.sqrt(Math.abs(z));
                return d * d;
            }
            case 5: {
                x *= x;
                y *= y;
                z *= z;
                return Math.sqrt(Math.sqrt(x * x + y * y + z * z));
            }
            case 6:
                return Math.pow(Math.pow(Math.abs(x), e) + Math.pow(Math.abs(y), e) + Math.pow(Math.abs(z), e), 1.0 / e);
            default:
                return Math.sqrt(x * x + y * y + z * z);
        }
    }

    int hashpnt(int x, int y, int z) {
        return 3 * hash[(hash[(hash[z & 255] + y) & 255] + x) & 255];
    }

    void voronoi(double x, double y, double z, double[] da, double[] pa, double me, int dtype) {
        int xi = (int) Math.floor(x), yi = (int) Math.floor(y), zi = (int) Math.floor(z);
        da[0] = da[1] = da[2] = da[3] = 1e10;
        for (int xx = xi - 1; xx <= xi + 1; xx++) {
            for (int yy = yi - 1; yy <= yi + 1; yy++) {
                for (int zz = zi - 1; zz <= zi + 1; zz++) {
                    int p = hashpnt(xx, yy, zz);
                    double px = hashpntf[p] + xx, py = hashpntf[p + 1] + yy, pz = hashpntf[p + 2] + zz;
                    double d = dist(x - px, y - py, z - pz, me, dtype);
                    int k = d < da[0] ? 0 : d < da[1] ? 1 : d < da[2] ? 2 : d < da[3] ? 3 : 4;
                    for (int m = 3; m > k; m--) {
                        da[m] = da[m - 1];
                        System.arraycopy(pa, 3 * (m - 1), pa, 3 * m, 3);
                    }
                    if (k < 4) {
                        da[k] = d;
                        pa[3 * k] = px;
                        pa[3 * k + 1] = py;
                        pa[3 * k + 2] = pz;
                    }
                }
            }
        }
    }

    private double[] da(double x, double y, double z) {
        double[] da = new double[4];
        voronoi(x, y, z, da, new double[12], 1, 0);
        return da;
    }

    double cellNoiseU(double x, double y, double z) {
        long xi = (long) Math.floor(x), yi = (long) Math.floor(y), zi = (long) Math.floor(z);
        long n = (xi + yi * 1301 + zi * 314159) & 0xFFFFFFFFL;
        n = (n ^ (n << 13)) & 0xFFFFFFFFL;
        long m = (n * ((n * n * 15731 + 789221) & 0xFFFFFFFFL) + 1376312589) & 0xFFFFFFFFL;
        return (float) m / 4294967296.0;
    }

    /** The noisefunc of BLI_gNoise/BLI_gTurbulence for a basis. */
    double noiseU(int basis, double x, double y, double z) {
        switch (basis) {
            case 1:
                return 0.5 + 0.5 * noise3Perlin(x, y, z);
            case 2:
                return 0.5 + 0.5 * newPerlin(x, y, z);
            case 3: case 4: case 5: case 6:
                return da(x, y, z)[basis - 3];
            case 7: {
                double[] d = da(x, y, z);
                return d[1] - d[0];
            }
            case 8: {
                double[] d = da(x, y, z);
                double t = 10 * (d[1] - d[0]);
                return t > 1 ? 1 : t;
            }
            case 14:
                return cellNoiseU(x, y, z);
            default:
                return orgBlenderNoise(x, y, z);
        }
    }

    /** The noisefunc of the Musgrave functions and mg_VLNoise for a basis. */
    double noiseS(int basis, double x, double y, double z) {
        switch (basis) {
            case 1:
                return noise3Perlin(x, y, z);
            case 2:
                return newPerlin(x, y, z);
            case 3: case 4: case 5: case 6: case 7:
                return 2.0 * noiseU(basis, x, y, z) - 1.0;
            case 8: {
                double[] d = da(x, y, z);
                double t = 10 * (d[1] - d[0]);
                return t > 1 ? 1 : 2.0 * t - 1.0;
            }
            case 14:
                return 2.0 * cellNoiseU(x, y, z) - 1.0;
            default:
                return 2.0 * orgBlenderNoise(x, y, z) - 1.0;
        }
    }

    double gNoise(double noisesize, double x, double y, double z, int hard, int basis) {
        if (basis == 0) {
            x = f(x + 1);
            y = f(y + 1);
            z = f(z + 1);
        }
        if (noisesize != 0.0) {
            noisesize = f(1.0 / noisesize);
            x = f(x * noisesize);
            y = f(y * noisesize);
            z = f(z * noisesize);
        }
        if (hard != 0) {
            return Math.abs(2.0 * noiseU(basis, x, y, z) - 1.0);
        }
        return noiseU(basis, x, y, z);
    }

    double gTurbulence(double noisesize, double x, double y, double z, int oct, int hard, int basis) {
        if (basis == 0) {
            x = f(x + 1);
            y = f(y + 1);
            z = f(z + 1);
        }
        if (noisesize != 0.0) {
            noisesize = f(1.0 / noisesize);
            x = f(x * noisesize);
            y = f(y * noisesize);
            z = f(z * noisesize);
        }
        double sum = 0, amp = 1, fscale = 1;
        for (int i = 0; i <= oct; i++, amp *= 0.5, fscale *= 2) {
            double t = noiseU(basis, f(fscale * x), f(fscale * y), f(fscale * z));
            if (hard != 0) {
                t = Math.abs(2.0 * t - 1.0);
            }
            sum += t * amp;
        }
        return sum * ((double) (1 << oct) / (double) ((1 << (oct + 1)) - 1));
    }

    double fBm(double x, double y, double z, double H, double lac, double oct, int basis) {
        double value = 0.0, pwr = 1.0, pwHL = Math.pow(lac, -H);
        for (int i = 0; i < (int) oct; i++) {
            value += noiseS(basis, x, y, z) * pwr;
            pwr *= pwHL;
            x = f(x * lac);
            y = f(y * lac);
            z = f(z * lac);
        }
        double rmd = oct - Math.floor(oct);
        if (rmd != 0) {
            value += rmd * noiseS(basis, x, y, z) * pwr;
        }
        return value;
    }

    double multiFractal(double x, double y, double z, double H, double lac, double oct, int basis) {
        double value = 1.0, pwr = 1.0, pwHL = Math.pow(lac, -H);
        for (int i = 0; i < (int) oct; i++) {
            value *= pwr * noiseS(basis, x, y, z) + 1.0;
            pwr *= pwHL;
            x = f(x * lac);
            y = f(y * lac);
            z = f(z * lac);
        }
        double rmd = oct - Math.floor(oct);
        if (rmd != 0.0) {
            value *= rmd * noiseS(basis, x, y, z) * pwr + 1.0;
        }
        return value;
    }

    double heteroTerrain(double x, double y, double z, double H, double lac, double oct, double offset, int basis) {
        double pwHL = Math.pow(lac, -H), pwr = pwHL;
        double value = offset + noiseS(basis, x, y, z);
        x = f(x * lac);
        y = f(y * lac);
        z = f(z * lac);
        for (int i = 1; i < (int) oct; i++) {
            double increment = (noiseS(basis, x, y, z) + offset) * pwr * value;
            value += increment;
            pwr *= pwHL;
            x = f(x * lac);
            y = f(y * lac);
            z = f(z * lac);
        }
        double rmd = oct - Math.floor(oct);
        if (rmd != 0.0) {
            value += rmd * ((noiseS(basis, x, y, z) + offset) * pwr * value);
        }
        return value;
    }

    double hybridMultiFractal(double x, double y, double z, double H, double lac, double oct, double offset,
                              double gain, int basis) {
        double pwHL = Math.pow(lac, -H), pwr = pwHL;
        double result = noiseS(basis, x, y, z) + offset;
        double weight = gain * result;
        x = f(x * lac);
        y = f(y * lac);
        z = f(z * lac);
        for (int i = 1; weight > 0.001 && i < (int) oct; i++) {
            if (weight > 1.0) {
                weight = 1.0;
            }
            double signal = (noiseS(basis, x, y, z) + offset) * pwr;
            pwr *= pwHL;
            result += weight * signal;
            weight *= gain * signal;
            x = f(x * lac);
            y = f(y * lac);
            z = f(z * lac);
        }
        double rmd = oct - Math.floor(oct);
        if (rmd != 0) {
            result += rmd * ((noiseS(basis, x, y, z) + offset) * pwr);
        }
        return result;
    }

    double ridgedMultiFractal(double x, double y, double z, double H, double lac, double oct, double offset,
                              double gain, int basis) {
        double pwHL = Math.pow(lac, -H), pwr = pwHL;
        double signal = offset - Math.abs(noiseS(basis, x, y, z));
        signal *= signal;
        double result = signal;
        for (int i = 1; i < (int) oct; i++) {
            x = f(x * lac);
            y = f(y * lac);
            z = f(z * lac);
            double weight = Math.min(1, Math.max(0, signal * gain));
            signal = offset - Math.abs(noiseS(basis, x, y, z));
            signal *= signal;
            signal *= weight;
            result += signal * pwr;
            pwr *= pwHL;
        }
        return result;
    }

    double vlNoise(double x, double y, double z, double distortion, int nbas1, int nbas2) {
        double r0 = f(noiseS(nbas1, f(x + 13.5), f(y + 13.5), f(z + 13.5)) * distortion);
        double r1 = f(noiseS(nbas1, x, y, z) * distortion);
        double r2 = f(noiseS(nbas1, f(x - 13.5), f(y - 13.5), f(z - 13.5)) * distortion);
        return noiseS(nbas2, f(x + r0), f(y + r1), f(z + r2));
    }

    // ---- blender_texlib.cpp, then BlenderTexture3D::GetF ----

    static double bricont(double tin, double bright, double contrast) {
        tin = (tin - 0.5) * contrast + bright - 0.5;
        return tin < 0 ? 0 : tin > 1 ? 1 : tin;
    }

    /** BRICONTRGB then GetF's min(0.35 r + 0.45 g + 0.2 b, 1). */
    static double bricontRgb(double r, double g, double b, double bright, double contrast) {
        r = Math.max(0, (r - 0.5) * contrast + bright - 0.5);
        g = Math.max(0, (g - 0.5) * contrast + bright - 0.5);
        b = Math.max(0, (b - 0.5) * contrast + bright - 0.5);
        return Math.min(0.35 * r + 0.45 * g + 0.2 * b, 1);
    }

    static double wave(int wf, double a) {
        double b = 2 * Math.PI;
        if (wf == 1) {
            int n = (int) (a / b);
            a -= n * b;
            if (a < 0) {
                a += b;
            }
            return a / b;
        }
        if (wf == 2) {
            return 1.0 - 2.0 * Math.abs(Math.floor(a * (1.0 / b) + 0.5) - a * (1.0 / b));
        }
        return 0.5 + 0.5 * Math.sin(a);
    }

    double clouds(double[] p, int stype, double ns, int depth, int hard, int basis, double bright, double contrast) {
        double tin = gTurbulence(ns, p[0], p[1], p[2], depth, hard, basis);
        if (stype == 1) {
            double tg = gTurbulence(ns, p[1], p[0], p[2], depth, hard, basis);
            double tb = gTurbulence(ns, p[1], p[2], p[0], depth, hard, basis);
            return bricontRgb(tin, tg, tb, bright, contrast);
        }
        return bricont(tin, bright, contrast);
    }

    double wood(double[] p, int wt, int wf, double ns, int hard, int basis, double turbul, double bright,
                double contrast) {
        double x = p[0], y = p[1], z = p[2], wi = 0, sum = f(f(x + y) + z);
        if (wt == 0) {
            wi = wave(wf, f(sum * 10.0));
        } else if (wt == 1) {
            wi = wave(wf, Math.sqrt(x * x + y * y + z * z) * 20.0);
        } else if (wt == 2) {
            wi = turbul * gNoise(ns, x, y, z, hard, basis);
            wi = wave(wf, f(f(sum * 10.0) + f(wi)));
        } else if (wt == 3) {
            wi = turbul * gNoise(ns, x, y, z, hard, basis);
            wi = wave(wf, f(f(Math.sqrt(x * x + y * y + z * z) * 20.0) + f(wi)));
        }
        return bricont(wi, bright, contrast);
    }

    double marble(double[] p, int mt, int wf, double ns, int depth, int hard, int basis, double turbul,
                  double bright, double contrast) {
        double n = f(5.0 * f(f(p[0] + p[1]) + p[2]));
        double mi = f(n + f(turbul * gTurbulence(ns, p[0], p[1], p[2], depth, hard, basis)));
        mi = wave(wf, mi);
        if (mt == 1) {
            mi = Math.sqrt(mi);
        } else if (mt == 2) {
            mi = Math.sqrt(Math.sqrt(mi));
        }
        return bricont(mi, bright, contrast);
    }

    static double magic(double[] p, int n, double turbul, double bright, double contrast) {
        double turb = turbul / 5.0;
        double x = Math.sin((p[0] + p[1] + p[2]) * 5.0);
        double y = Math.cos((-p[0] + p[1] - p[2]) * 5.0);
        double z = -Math.cos((-p[0] - p[1] + p[2]) * 5.0);
        if (n > 0) {
            x *= turb;
            y *= turb;
            z *= turb;
            y = -Math.cos(x - y + z);
            y *= turb;
            if (n > 1) {
                x = Math.cos(x - y - z);
                x *= turb;
                if (n > 2) {
                    z = Math.sin(-x - y - z);
                    z *= turb;
                    if (n > 3) {
                        x = -Math.cos(-x + y - z);
                        x *= turb;
                        if (n > 4) {
                            y = -Math.sin(-x + y + z);
                            y *= turb;
                            if (n > 5) {
                                y = -Math.cos(-x + y + z);
                                y *= turb;
                                if (n > 6) {
                                    x = Math.cos(x + y + z);
                                    x *= turb;
                                    if (n > 7) {
                                        z = Math.sin(x + y - z);
                                        z *= turb;
                                        if (n > 8) {
                                            x = -Math.cos(-x - y + z);
                                            x *= turb;
                                            if (n > 9) {
                                                y = -Math.sin(x - y + z);
                                                y *= turb;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if (turb != 0.0) {
            turb *= 2.0;
            x /= turb;
            y /= turb;
            z /= turb;
        }
        return bricontRgb(0.5 - x, 0.5 - y, 0.5 - z, bright, contrast);
    }

    double stucci(double[] p, int stype, double ns, int hard, int basis, double turbul) {
        double b2 = gNoise(ns, p[0], p[1], p[2], hard, basis);
        double ofs = turbul / 200.0;
        if (stype != 0) {
            ofs *= b2 * b2;
        }
        double tin = gNoise(ns, p[0], p[1], f(p[2] + ofs), hard, basis);
        if (stype == 2) {
            tin = 1.0 - tin;
        }
        return tin < 0 ? 0 : tin;
    }

    /** multitex's TEX_MUSGRAVE: tmpvec = p / noisesize, then the stype's function times outscale, BRICONT. */
    double musgrave(double[] p, int stype, double ns, double h, double lac, double oct, double offset, double gain,
                    double outscale, int basis, double bright, double contrast) {
        double s = f(1.0 / ns), x = f(p[0] * s), y = f(p[1] * s), z = f(p[2] * s), v;
        switch (stype) {
            case 0:
                v = multiFractal(x, y, z, h, lac, oct, basis);
                break;
            case 1:
                v = ridgedMultiFractal(x, y, z, h, lac, oct, offset, gain, basis);
                break;
            case 2:
                v = hybridMultiFractal(x, y, z, h, lac, oct, offset, gain, basis);
                break;
            case 3:
                v = fBm(x, y, z, h, lac, oct, basis);
                break;
            default:
                v = heteroTerrain(x, y, z, h, lac, oct, offset, basis);
        }
        return bricont(outscale * v, bright, contrast);
    }

    double voronoiTex(double[] p, double ns, int distm, int coltype, double mexp, double outscale, double[] w,
                      double bright, double contrast) {
        double s = f(1.0 / ns), x = f(p[0] * s), y = f(p[1] * s), z = f(p[2] * s);
        double[] da = new double[4], pa = new double[12];
        double aw1 = Math.abs(w[0]), aw2 = Math.abs(w[1]), aw3 = Math.abs(w[2]), aw4 = Math.abs(w[3]);
        double sc = aw1 + aw2 + aw3 + aw4;
        if (sc != 0) {
            sc = outscale / sc;
        }
        voronoi(x, y, z, da, pa, mexp, distm);
        double tin = sc * Math.abs(w[0] * da[0] + w[1] * da[1] + w[2] * da[2] + w[3] * da[3]);
        if (coltype == 0) {
            return bricont(tin, bright, contrast);
        }
        double[] aw = {aw1, aw2, aw3, aw4};
        double[] rgb = new double[3];
        for (int k = 0; k < 4; k++) {
            int c = hashpnt((int) Math.floor(pa[3 * k]), (int) Math.floor(pa[3 * k + 1]), (int) Math.floor(pa[3 * k + 2]));
            for (int i = 0; i < 3; i++) {
                rgb[i] += aw[k] * hashpntf[c + i];
            }
        }
        double t1 = sc;
        if (coltype >= 2) {
            t1 = Math.min(1, (da[1] - da[0]) * 10);
            t1 *= coltype == 3 ? tin : sc;
        }
        return bricontRgb(rgb[0] * t1, rgb[1] * t1, rgb[2] * t1, bright, contrast);
    }

    double distortedNoise(double[] p, double ns, double amount, int basis, int basis2, double bright,
                          double contrast) {
        double s = f(1.0 / ns);
        return bricont(vlNoise(f(p[0] * s), f(p[1] * s), f(p[2] * s), amount, basis, basis2), bright, contrast);
    }
}

package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.LightLayout.DIR;
import static org.luxnet.scene.compiled.LightLayout.HIDDEN_FROM_CAMERA;
import static org.luxnet.scene.compiled.LightLayout.L;
import static org.luxnet.scene.compiled.LightLayout.MAP;
import static org.luxnet.scene.compiled.LightLayout.ONE_MINUS_COS_MAX;
import static org.luxnet.scene.compiled.LightLayout.SIN2_MAX;
import static org.luxnet.scene.compiled.LightLayout.STRIDE;

import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.EnvMapLayout;
import org.luxnet.scene.compiled.LightLayout;

/**
 * Fifth layer of the light transport, first half: the light tables, how a light sample is written to
 * the {@code LS_} slots of {@link Scratch}, and the lights at infinity that escaped rays see: the
 * lat-long environment map (looked up bilinearly, importance sampled by its 2D distribution) and
 * LuxRender's sun (a small cone of constant radiance, sampled uniformly), with the densities that
 * multiple importance sampling needs. {@link LightKernel} adds light selection and the other lights.
 */
abstract class InfiniteLightKernel extends BsdfKernel {
    int[] lightType = new int[1];
    float[] lightParams = new float[STRIDE];
    int[] lightPrim = new int[1];
    float[] lightSelectPdf = new float[1];
    float[] lightCdf = new float[1];
    int[] infiniteLights = new int[1];
    int lightCount;
    int infiniteCount;
    /** Environment maps ({@link EnvMapLayout}): texels, distributions, rotations, per-map offsets. */
    float[] envTexels = new float[1];
    float[] envDist = new float[1];
    float[] envXform = new float[1];
    int[] envInfo = new int[1];

    /** Host side: binds the light tables. */
    void setupLights(CompiledScene s) {
        lightType = KernelArrays.ints(s.lightType);
        lightParams = KernelArrays.floats(s.lightParams);
        lightPrim = KernelArrays.ints(s.lightPrim);
        lightSelectPdf = KernelArrays.floats(s.lightSelectPdf);
        lightCdf = KernelArrays.floats(s.lightCdf);
        infiniteLights = KernelArrays.ints(s.infiniteLights);
        lightCount = s.lightCount;
        infiniteCount = s.infiniteLights.length;
        envTexels = KernelArrays.floats(s.envTexels);
        envDist = KernelArrays.floats(s.envDist);
        envXform = KernelArrays.floats(s.envXform);
        envInfo = KernelArrays.ints(s.envInfo);
    }

    void writeLight(int gid, float wx, float wy, float wz, float dist, int o, float k, float pdf, boolean delta,
                            float margin) {
        scratch[Scratch.LS_MARGIN * capacity + gid] = margin;
        scratch[Scratch.LS_WX * capacity + gid] = wx;
        scratch[Scratch.LS_WY * capacity + gid] = wy;
        scratch[Scratch.LS_WZ * capacity + gid] = wz;
        scratch[Scratch.LS_DIST * capacity + gid] = dist;
        scratch[Scratch.LS_R * capacity + gid] = lightParams[o + L] * k;
        scratch[Scratch.LS_G * capacity + gid] = lightParams[o + L + 1] * k;
        scratch[Scratch.LS_B * capacity + gid] = lightParams[o + L + 2] * k;
        scratch[Scratch.LS_PDF * capacity + gid] = pdf;
        scratch[Scratch.LS_DELTA * capacity + gid] = delta ? 1f : 0f;
    }

    /**
     * The direction at polar angle (cosT, sinT) and azimuth phi around the unit axis a, in the frame of
     * Duff et al.'s branchless orthonormal basis; written to the VEC slots.
     */
    void coneDirection(int gid, float ax, float ay, float az, float cosT, float sinT, float phi) {
        float sgn = signOf(az);
        float a = -1f / (sgn + az);
        float bb = ax * ay * a;
        float sx = 1 + sgn * ax * ax * a, sy = sgn * bb, sz = -sgn * ax;
        float tx = bb, ty = sgn + ay * ay * a, tz = -ay;
        float cp = cos(phi) * sinT, spp = sin(phi) * sinT;
        scratch[Scratch.VEC_X * capacity + gid] = cp * sx + spp * tx + cosT * ax;
        scratch[Scratch.VEC_Y * capacity + gid] = cp * sy + spp * ty + cosT * ay;
        scratch[Scratch.VEC_Z * capacity + gid] = cp * sz + spp * tz + cosT * az;
    }

    /**
     * Samples the cone of LuxRender's sun uniformly in solid angle: 1 - cos theta = u1 (1 - cos
     * thetaMax), taken without cancellation for the sun's tiny cone; density 1 / (2 pi (1 - cos thetaMax)).
     */
    boolean sampleSunLight(int gid, int o, float u1, float u2, float sel) {
        float oneMinusCosMax = lightParams[o + ONE_MINUS_COS_MAX];
        float a = u1 * oneMinusCosMax;
        float sinT = sqrt(max(0f, a * (2 - a)));
        coneDirection(gid, lightParams[o + DIR], lightParams[o + DIR + 1], lightParams[o + DIR + 2], 1 - a, sinT, 2 * PI * u2);
        writeLight(gid, scratch[Scratch.VEC_X * capacity + gid], scratch[Scratch.VEC_Y * capacity + gid],
                scratch[Scratch.VEC_Z * capacity + gid], Float.POSITIVE_INFINITY, o, 1f,
                sel / (2 * PI * oneMinusCosMax), false, 0f);
        return oneMinusCosMax > 0;
    }

    /**
     * 1 when unit direction d lies in the cone of sun light {@code li} (its sine to the axis, from the
     * cross product, within sin thetaMax, as sun.cpp's Le tests), else 0; 1 for every other light.
     */
    /**
     * The weight, before multiple importance sampling, of environment light {@code li} seen by a path that
     * escapes after {@code bounce} scattering vertices: 0 for a camera ray (bounce 0, null surfaces passed
     * through not counted) when the light is {@link LightLayout#HIDDEN_FROM_CAMERA}, as LuxRender's
     * path.cpp adds the lights' Le on escape only "if (includeEnvironment || vertexIndex > 0)"; else 1.
     */
    float escapeWeight(int li, int bounce) {
        float w = 1f;
        if (bounce == 0 && lightParams[li * STRIDE + HIDDEN_FROM_CAMERA] != 0) {
            w = 0f;
        }
        return w;
    }

    float sunCone(int li, float dx, float dy, float dz) {
        float k = 1f;
        if (lightType[li] == LightLayout.SUN) {
            int o = li * STRIDE;
            float ax = lightParams[o + DIR], ay = lightParams[o + DIR + 1], az = lightParams[o + DIR + 2];
            float cx = dy * az - dz * ay, cy = dz * ax - dx * az, cz = dx * ay - dy * ax;
            k = 0f;
            if (dx * ax + dy * ay + dz * az > 0 && cx * cx + cy * cy + cz * cz <= lightParams[o + SIN2_MAX]) {
                k = 1f;
            }
        }
        return k;
    }

    /**
     * Density with which {@link #sampleLight} would produce direction d (unit length) towards infinite
     * light {@code li}, light selection included: uniform over the sphere for a constant light (LuxRender
     * scenes; a pbrt-v3 scene's constant light is compiled as a 1x1 map, EnvMapLoader.constant), the
     * map's distribution pdf(s, t) / (2 pi^2 sin theta) for a mapped one (pbrt-v3 Pdf_Li), uniform
     * over its cone for LuxRender's sun.
     */
    float pdfInfinite(int gid, int li, float dx, float dy, float dz) {
        float pdf = 0f;
        if (lightType[li] == LightLayout.SUN) {
            pdf = sunCone(li, dx, dy, dz) * lightSelectPdf[li] / (2 * PI * lightParams[li * STRIDE + ONE_MINUS_COS_MAX]);
        }
        if (lightType[li] == LightLayout.INFINITE) {
            pdf = lightSelectPdf[li] * INV_4PI;
            int mp = (int) lightParams[li * STRIDE + MAP] - 1;
            if (mp >= 0) {
                envDirection(gid, mp, dx, dy, dz);
                float s = scratch[Scratch.VEC_X * capacity + gid];
                float t = scratch[Scratch.VEC_Y * capacity + gid];
                float sinTheta = scratch[Scratch.VEC_Z * capacity + gid];
                int w = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_WIDTH];
                int h = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_HEIGHT];
                int b = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_DIST];
                int iu = min(max((int) (s * w), 0), w - 1);
                int iv = min(max((int) (t * h), 0), h - 1);
                float margInt = envDist[b + w * h + h * (w + 1) + h + h + 1];
                pdf = 0f;
                if (sinTheta > 0 && margInt > 0) {
                    pdf = lightSelectPdf[li] * envDist[b + iv * w + iu] / (margInt * 2 * PI * PI * sinTheta);
                }
            }
        }
        return pdf;
    }

    /**
     * The lat-long coordinates of world direction d in map {@code mp} (pbrt-v3 InfiniteAreaLight::Le):
     * w = WorldToLight(d) normalised, s = phi / 2pi with phi = atan2(w.y, w.x) in [0, 2pi), t = theta
     * / pi with theta = acos(w.z); writes s, t and sin(theta) to the VEC slots.
     */
    void envDirection(int gid, int mp, float dx, float dy, float dz) {
        int x = mp * EnvMapLayout.XFORM_STRIDE + EnvMapLayout.XFORM_W2L;
        float wx = envXform[x] * dx + envXform[x + 1] * dy + envXform[x + 2] * dz;
        float wy = envXform[x + 3] * dx + envXform[x + 4] * dy + envXform[x + 5] * dz;
        float wz = envXform[x + 6] * dx + envXform[x + 7] * dy + envXform[x + 8] * dz;
        float len = sqrt(wx * wx + wy * wy + wz * wz);
        float k = 0f;
        if (len > 0) {
            k = 1f / len;
        }
        wx *= k;
        wy *= k;
        wz *= k;
        float sinTheta = sqrt(wx * wx + wy * wy);
        float phi = atan2(wy, wx);
        if (phi < 0) {
            phi += 2 * PI;
        }
        scratch[Scratch.VEC_X * capacity + gid] = phi * (0.5f / PI);
        scratch[Scratch.VEC_Y * capacity + gid] = atan2(sinTheta, wz) * (1f / PI);
        scratch[Scratch.VEC_Z * capacity + gid] = sinTheta;
    }

    /**
     * Map {@code mp} at (s, t), bilinear between texel centres with wrap repeat on both axes (pbrt-v3
     * MIPMap::Lookup at width 0); writes RGB to the VEC slots.
     */
    void envLookup(int gid, int mp, float s, float t) {
        int w = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_WIDTH];
        int h = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_HEIGHT];
        int base = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_TEXELS];
        float x = s * w - 0.5f, y = t * h - 0.5f;
        float fx = floor(x), fy = floor(y);
        float ax = x - fx, ay = y - fy;
        int x0 = ((int) fx) % w;
        int y0 = ((int) fy) % h;
        if (x0 < 0) {
            x0 += w;
        }
        if (y0 < 0) {
            y0 += h;
        }
        int x1 = x0 + 1;
        int y1 = y0 + 1;
        if (x1 == w) {
            x1 = 0;
        }
        if (y1 == h) {
            y1 = 0;
        }
        int o00 = base + 3 * (y0 * w + x0), o10 = base + 3 * (y0 * w + x1);
        int o01 = base + 3 * (y1 * w + x0), o11 = base + 3 * (y1 * w + x1);
        float k00 = (1 - ax) * (1 - ay), k10 = ax * (1 - ay), k01 = (1 - ax) * ay, k11 = ax * ay;
        scratch[Scratch.VEC_X * capacity + gid] = k00 * envTexels[o00] + k10 * envTexels[o10] + k01 * envTexels[o01]
                + k11 * envTexels[o11];
        scratch[Scratch.VEC_Y * capacity + gid] = k00 * envTexels[o00 + 1] + k10 * envTexels[o10 + 1]
                + k01 * envTexels[o01 + 1] + k11 * envTexels[o11 + 1];
        scratch[Scratch.VEC_Z * capacity + gid] = k00 * envTexels[o00 + 2] + k10 * envTexels[o10 + 2]
                + k01 * envTexels[o01 + 2] + k11 * envTexels[o11 + 2];
    }

    /** Largest i in [0, n) with {@code envDist[cdf + i] <= u} (pbrt's FindInterval over a CDF of n + 1 entries). */
    int envFindInterval(int cdf, int n, float u) {
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (envDist[cdf + mid] <= u) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Samples map {@code mp} of the infinite light at {@code o} by its 2D distribution (pbrt-v3
     * Distribution2D::SampleContinuous: a row by the marginal, then a column by that row's
     * conditional, each continuous within its cell) and writes the light sample.
     */
    boolean sampleEnvLight(int gid, int mp, int o, float u1, float u2, float sel) {
        int w = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_WIDTH];
        int h = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_HEIGHT];
        int b = envInfo[mp * EnvMapLayout.INFO_STRIDE + EnvMapLayout.INFO_DIST];
        int margCdf = b + w * h + h * (w + 1) + h;
        float margInt = envDist[margCdf + h + 1];
        // Row (theta) from the marginal.
        int iv = envFindInterval(margCdf, h, u2);
        float c0 = envDist[margCdf + iv], c1 = envDist[margCdf + iv + 1];
        float dv = u2 - c0;
        if (c1 - c0 > 0) {
            dv /= c1 - c0;
        }
        // Column (phi) from the row's conditional.
        int condCdf = b + w * h + iv * (w + 1);
        int iu = envFindInterval(condCdf, w, u1);
        float d0 = envDist[condCdf + iu], d1 = envDist[condCdf + iu + 1];
        float du = u1 - d0;
        if (d1 - d0 > 0) {
            du /= d1 - d0;
        }
        float mapPdf = 0f;
        if (margInt > 0) {
            mapPdf = envDist[b + iv * w + iu] / margInt;
        }
        float s = (iu + min(du, 0.99999994f)) / w;
        float t = (iv + min(dv, 0.99999994f)) / h;
        float theta = t * PI, phi = s * 2 * PI;
        float sinTheta = sin(theta);
        float lx = sinTheta * cos(phi), ly = sinTheta * sin(phi), lz = cos(theta);
        int x = mp * EnvMapLayout.XFORM_STRIDE + EnvMapLayout.XFORM_L2W;
        float wx = envXform[x] * lx + envXform[x + 1] * ly + envXform[x + 2] * lz;
        float wy = envXform[x + 3] * lx + envXform[x + 4] * ly + envXform[x + 5] * lz;
        float wz = envXform[x + 6] * lx + envXform[x + 7] * ly + envXform[x + 8] * lz;
        float len = sqrt(wx * wx + wy * wy + wz * wz);
        boolean ok = false;
        if (mapPdf > 0 && sinTheta > 0 && len > 0) {
            envLookup(gid, mp, s, t);
            float r = scratch[Scratch.VEC_X * capacity + gid];
            float g = scratch[Scratch.VEC_Y * capacity + gid];
            float bl = scratch[Scratch.VEC_Z * capacity + gid];
            writeLight(gid, wx / len, wy / len, wz / len, Float.POSITIVE_INFINITY, o, 1f,
                    sel * mapPdf / (2 * PI * PI * sinTheta), false, 0f);
            // The map's texels carry the light's colour: replace the mean that writeLight took.
            scratch[Scratch.LS_R * capacity + gid] = r;
            scratch[Scratch.LS_G * capacity + gid] = g;
            scratch[Scratch.LS_B * capacity + gid] = bl;
            ok = r > 0 || g > 0 || bl > 0;
        }
        return ok;
    }
}

package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.LightLayout.AREA;
import static org.luxnet.scene.compiled.LightLayout.COS_FALLOFF;
import static org.luxnet.scene.compiled.LightLayout.COS_TOTAL;
import static org.luxnet.scene.compiled.LightLayout.DIR;
import static org.luxnet.scene.compiled.LightLayout.MAP;
import static org.luxnet.scene.compiled.LightLayout.POS;
import static org.luxnet.scene.compiled.LightLayout.PROJ_HALF_H;
import static org.luxnet.scene.compiled.LightLayout.PROJ_HALF_W;
import static org.luxnet.scene.compiled.LightLayout.PROJ_INV_TAN;
import static org.luxnet.scene.compiled.LightLayout.PROJ_LUX_AREA;
import static org.luxnet.scene.compiled.LightLayout.STRIDE;
import static org.luxnet.scene.compiled.LightLayout.TWO_SIDED;

import org.luxnet.scene.compiled.EnvMapLayout;
import org.luxnet.scene.compiled.LightLayout;

/**
 * Fifth layer of the light transport, second half: next-event estimation (light choice by power,
 * area lights on triangles and spheres, point, spot and distant lights, and the lights at infinity
 * of {@link InfiniteLightKernel}) and the density of area lights that multiple importance sampling
 * needs. A light sample goes to the {@code LS_} slots of {@link Scratch}.
 */
abstract class LightKernel extends InfiniteLightKernel {
    /** The light that {@code u} selects from the power CDF. */
    int selectLight(float u) {
        int lo = 0, hi = lightCount - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lightCdf[mid + 1] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Samples incident light at p; false when there is none or it carries nothing. */
    boolean sampleLight(int gid, float px, float py, float pz, float uSelect, float u1, float u2) {
        boolean ok = false;
        if (lightCount > 0) {
            int li = selectLight(uSelect);
            float sel = lightSelectPdf[li];
            int o = li * STRIDE;
            int type = lightType[li];
            if (!(sel <= 0)) {
                if (type == LightLayout.AREA_TRIANGLE) {
                    ok = sampleTriangleLight(gid, li, o, px, py, pz, u1, u2, sel);
                } else if (type == LightLayout.AREA_SPHERE) {
                    ok = sampleSphereLight(gid, li, o, px, py, pz, u1, u2, sel);
                } else if (type == LightLayout.POINT || type == LightLayout.SPOT || type == LightLayout.PROJECTION) {
                    ok = samplePointLight(gid, o, type, px, py, pz, sel);
                } else if (type == LightLayout.DISTANT) {
                    writeLight(gid, -lightParams[o + DIR], -lightParams[o + DIR + 1], -lightParams[o + DIR + 2],
                            Float.POSITIVE_INFINITY, o, 1f, sel, true, 0f);
                    ok = true;
                } else if (type == LightLayout.SUN) {
                    ok = sampleSunLight(gid, o, u1, u2, sel);
                } else if (type == LightLayout.INFINITE && lightParams[o + MAP] > 0) {
                    ok = sampleEnvLight(gid, (int) lightParams[o + MAP] - 1, o, u1, u2, sel);
                } else if (type == LightLayout.INFINITE) {
                    uniformSphere(gid, u1, u2);
                    writeLight(gid, scratch[Scratch.VEC_X * capacity + gid], scratch[Scratch.VEC_Y * capacity + gid],
                            scratch[Scratch.VEC_Z * capacity + gid], Float.POSITIVE_INFINITY, o, 1f, sel * INV_4PI, false, 0f);
                    ok = true;
                }
            }
        }
        return ok;
    }

    private boolean samplePointLight(int gid, int o, int type, float px, float py, float pz, float sel) {
        float dx = lightParams[o + POS] - px, dy = lightParams[o + POS + 1] - py, dz = lightParams[o + POS + 2] - pz;
        float d2 = dx * dx + dy * dy + dz * dz;
        boolean ok = false;
        if (d2 != 0) {
            float d = sqrt(d2);
            float wx = dx / d, wy = dy / d, wz = dz / d;
            float k = 1f / d2;
            ok = true;
            if (type == LightLayout.SPOT) {
                float cosAxis = -(wx * lightParams[o + DIR] + wy * lightParams[o + DIR + 1] + wz * lightParams[o + DIR + 2]);
                k *= spotFalloff(cosAxis, lightParams[o + COS_TOTAL], lightParams[o + COS_FALLOFF]);
                ok = k != 0;
            }
            if (ok) {
                if (lightParams[o + MAP] > 0) {
                    // An emission distribution (point, projection): the intensity towards p, per channel.
                    ok = distribution(gid, o, type, -wx, -wy, -wz);
                    float fr = scratch[Scratch.VEC_X * capacity + gid];
                    float fg = scratch[Scratch.VEC_Y * capacity + gid];
                    float fb = scratch[Scratch.VEC_Z * capacity + gid];
                    writeLight(gid, wx, wy, wz, d, o, k, sel, true, 0f);
                    scratch[Scratch.LS_R * capacity + gid] *= fr;
                    scratch[Scratch.LS_G * capacity + gid] *= fg;
                    scratch[Scratch.LS_B * capacity + gid] *= fb;
                } else {
                    writeLight(gid, wx, wy, wz, d, o, k, sel, true, 0f);
                }
            }
        }
        return ok;
    }

    /**
     * The emission distribution of the point or projection light at {@code o} in world direction v (from
     * the light), RGB to the VEC slots; false where it is zero by construction (outside a projection's
     * frustum). Point lights (LuxRender's image and IES spherical functions, pbrt-v3's goniometric
     * light, its axis swap folded into the frame): the map at (phi / 2pi, theta / pi) of v in the light's
     * frame. Projection (pbrt-v3 ProjectionLight::Projection): v in the light's frame, unnormalised,
     * zero behind the near plane z = 1e-3, else projected to x / z, y / z times 1 / tan(fov / 2) and
     * zero outside the screen window [-w, w] x [-h, h], which maps to the image's [0,1]^2.
     */
    boolean distribution(int gid, int o, int type, float vx, float vy, float vz) {
        int mp = (int) lightParams[o + MAP] - 1;
        boolean ok = true;
        if (type == LightLayout.PROJECTION) {
            int x = mp * EnvMapLayout.XFORM_STRIDE + EnvMapLayout.XFORM_W2L;
            float lx = envXform[x] * vx + envXform[x + 1] * vy + envXform[x + 2] * vz;
            float ly = envXform[x + 3] * vx + envXform[x + 4] * vy + envXform[x + 5] * vz;
            float lz = envXform[x + 6] * vx + envXform[x + 7] * vy + envXform[x + 8] * vz;
            ok = false;
            scratch[Scratch.VEC_X * capacity + gid] = 0f;
            scratch[Scratch.VEC_Y * capacity + gid] = 0f;
            scratch[Scratch.VEC_Z * capacity + gid] = 0f;
            if (!(lz < 1e-3f)) {
                float inv = lightParams[o + PROJ_INV_TAN] / lz;
                float sx = lx * inv, sy = ly * inv;
                float hw = lightParams[o + PROJ_HALF_W], hh = lightParams[o + PROJ_HALF_H];
                if (sx >= -hw && sx <= hw && sy >= -hh && sy <= hh) {
                    envLookup(gid, mp, (sx + hw) / (2 * hw), (sy + hh) / (2 * hh));
                    ok = true;
                    float area = lightParams[o + PROJ_LUX_AREA];
                    if (area > 0) {
                        luxProjectionFalloff(gid, area, lx, ly, lz);
                    }
                }
            }
        } else {
            envDirection(gid, mp, vx, vy, vz);
            envLookup(gid, mp, scratch[Scratch.VEC_X * capacity + gid], scratch[Scratch.VEC_Y * capacity + gid]);
        }
        return ok;
    }

    /**
     * LuxRender's projection light (lights/projection.cpp): ProjectionBxDF's f, map / (area cos^4),
     * times the cosine the light's BSDF is evaluated with, so the map's texels divided by area cos^3
     * of the angle between the direction (lx, ly, lz), in the light's frame, and its axis.
     */
    private void luxProjectionFalloff(int gid, float area, float lx, float ly, float lz) {
        float c = lz / sqrt(lx * lx + ly * ly + lz * lz);
        float k = 1f / (area * c * c * c);
        scratch[Scratch.VEC_X * capacity + gid] = scratch[Scratch.VEC_X * capacity + gid] * k;
        scratch[Scratch.VEC_Y * capacity + gid] = scratch[Scratch.VEC_Y * capacity + gid] * k;
        scratch[Scratch.VEC_Z * capacity + gid] = scratch[Scratch.VEC_Z * capacity + gid] * k;
    }

    private boolean sampleTriangleLight(int gid, int li, int o, float px, float py, float pz, float u1, float u2,
                                        float sel) {
        int t = lightPrim[li];
        int go = t * 9;
        float su = sqrt(u1);
        float b0 = 1 - su;
        float b1 = u2 * su;
        float c1 = b1, c2 = 1 - b0 - b1;
        float qx = triGeom[go] + c1 * triGeom[go + 3] + c2 * triGeom[go + 6];
        float qy = triGeom[go + 1] + c1 * triGeom[go + 4] + c2 * triGeom[go + 7];
        float qz = triGeom[go + 2] + c1 * triGeom[go + 5] + c2 * triGeom[go + 8];
        float dx = qx - px, dy = qy - py, dz = qz - pz;
        float d2 = dx * dx + dy * dy + dz * dz;
        boolean ok = false;
        if (d2 != 0) {
            float d = sqrt(d2);
            float wx = dx / d, wy = dy / d, wz = dz / d;
            float cosL = -(wx * triNg[3 * t] + wy * triNg[3 * t + 1] + wz * triNg[3 * t + 2]);
            if (lightParams[o + TWO_SIDED] != 0) {
                cosL = abs(cosL);
            }
            if (!(cosL <= 0)) {
                writeLight(gid, wx, wy, wz, d, o, 1f, sel * d2 / (cosL * lightParams[o + AREA]), false,
                        surfaceMargin(triEps[t], cosL, d));
                ok = true;
                if (lightParams[o + MAP] > 0) {
                    areaDistribution(gid, o, t, -wx, -wy, -wz);
                    scratch[Scratch.LS_R * capacity + gid] *= scratch[Scratch.VEC_X * capacity + gid];
                    scratch[Scratch.LS_G * capacity + gid] *= scratch[Scratch.VEC_Y * capacity + gid];
                    scratch[Scratch.LS_B * capacity + gid] *= scratch[Scratch.VEC_Z * capacity + gid];
                }
            }
        }
        return ok;
    }

    /**
     * The factor f(w) / |cos| of LuxRender's area light with a spherical function (area.cpp
     * GonioAreaBSDF::f) on triangle {@code t}, for unit world direction w leaving the surface, RGB to
     * the VEC slots: w in the triangle's frame (z its normal, x its first edge, which is dp/du for the
     * renderer's default uvs, y = z cross x) looked up as (phi / 2pi, theta / pi) in map {@code MAP}
     * (stored with an identity frame).
     */
    void areaDistribution(int gid, int o, int t, float wx, float wy, float wz) {
        int mp = (int) lightParams[o + MAP] - 1;
        float nx = triNg[3 * t], ny = triNg[3 * t + 1], nz = triNg[3 * t + 2];
        int go = t * 9;
        float ex = triGeom[go + 3], ey = triGeom[go + 4], ez = triGeom[go + 5];
        float en = ex * nx + ey * ny + ez * nz;
        ex -= en * nx;
        ey -= en * ny;
        ez -= en * nz;
        float el = sqrt(ex * ex + ey * ey + ez * ez);
        if (el > 0) {
            ex /= el;
            ey /= el;
            ez /= el;
        }
        float tx = ny * ez - nz * ey, ty = nz * ex - nx * ez, tz = nx * ey - ny * ex;
        float lx = wx * ex + wy * ey + wz * ez;
        float ly = wx * tx + wy * ty + wz * tz;
        float lz = wx * nx + wy * ny + wz * nz;
        envDirection(gid, mp, lx, ly, lz);
        envLookup(gid, mp, scratch[Scratch.VEC_X * capacity + gid], scratch[Scratch.VEC_Y * capacity + gid]);
        float k = 0f;
        if (abs(lz) > 0) {
            k = 1f / abs(lz);
        }
        scratch[Scratch.VEC_X * capacity + gid] *= k;
        scratch[Scratch.VEC_Y * capacity + gid] *= k;
        scratch[Scratch.VEC_Z * capacity + gid] *= k;
    }

    /**
     * How far short of a light's surface a shadow ray stops, so the light never shadows itself: a few
     * float ulps of the surface ({@code qeps}) over the cosine, at most half the distance.
     */
    float surfaceMargin(float qeps, float cosL, float dist) {
        return min(0.5f * dist, 4 * qeps / max(cosL, 1e-3f));
    }

    private boolean sampleSphereLight(int gid, int li, int o, float px, float py, float pz, float u1, float u2,
                                      float sel) {
        int sp = lightPrim[li];
        float cx = sphereGeom[4 * sp], cy = sphereGeom[4 * sp + 1], cz = sphereGeom[4 * sp + 2];
        float r = sphereGeom[4 * sp + 3];
        float dx = cx - px, dy = cy - py, dz = cz - pz;
        float dc2 = dx * dx + dy * dy + dz * dz;
        boolean flip = sphereFlip[sp] != 0;
        boolean twoSided = lightParams[o + TWO_SIDED] != 0;
        boolean ok = false;
        if (dc2 <= r * r * 1.00001f) {
            // Inside (or on) the sphere: sample its area uniformly.
            uniformSphere(gid, u1, u2);
            float nx = scratch[Scratch.VEC_X * capacity + gid];
            float ny = scratch[Scratch.VEC_Y * capacity + gid];
            float nz = scratch[Scratch.VEC_Z * capacity + gid];
            float ex = cx + r * nx - px, ey = cy + r * ny - py, ez = cz + r * nz - pz;
            float d2 = ex * ex + ey * ey + ez * ez;
            if (d2 != 0) {
                float d = sqrt(d2);
                float wx = ex / d, wy = ey / d, wz = ez / d;
                float cosL = -(wx * nx + wy * ny + wz * nz);
                if (flip) {
                    cosL = -cosL;
                }
                if (twoSided) {
                    cosL = abs(cosL);
                }
                if (!(cosL <= 0)) {
                    writeLight(gid, wx, wy, wz, d, o, 1f, sel * d2 / (cosL * lightParams[o + AREA]), false,
                            surfaceMargin(1e-6f * (abs(cx) + abs(cy) + abs(cz) + r), cosL, d));
                    ok = true;
                }
            }
        } else {
            // Outside: sample the cone of directions the sphere subtends.
            float dc = sqrt(dc2);
            float sin2Max = r * r / dc2;
            float cosMax = sqrt(max(0f, 1 - sin2Max));
            float cosT = (1 - u1) + u1 * cosMax;
            float sinT = sqrt(max(0f, 1 - cosT * cosT));
            coneDirection(gid, dx / dc, dy / dc, dz / dc, cosT, sinT, 2 * PI * u2);
            float wx = scratch[Scratch.VEC_X * capacity + gid];
            float wy = scratch[Scratch.VEC_Y * capacity + gid];
            float wz = scratch[Scratch.VEC_Z * capacity + gid];
            float ds = dc * cosT - sqrt(max(0f, r * r - dc2 * sinT * sinT));
            float nx = (px + ds * wx - cx) / r, ny = (py + ds * wy - cy) / r, nz = (pz + ds * wz - cz) / r;
            float cosL = -(wx * nx + wy * ny + wz * nz);
            if (flip) {
                cosL = -cosL;
            }
            if (twoSided) {
                cosL = abs(cosL);
            }
            if (!(cosL <= 0)) {
                writeLight(gid, wx, wy, wz, ds, o, 1f, sel / (2 * PI * (1 - cosMax)), false,
                        surfaceMargin(1e-6f * (abs(cx) + abs(cy) + abs(cz) + r), cosL, ds));
                ok = true;
            }
        }
        return ok;
    }

    /**
     * Solid-angle density with which {@link #sampleLight} would produce the direction from p to a point
     * on area light {@code li} at distance {@code t} whose surface cosine with the ray is {@code
     * cosLight}, light selection included.
     */
    float pdfArea(int li, float px, float py, float pz, float t, float cosLight) {
        float sel = lightSelectPdf[li];
        float pdf = 0f;
        if (!(sel <= 0 || cosLight <= 0)) {
            boolean cone = false;
            if (lightType[li] == LightLayout.AREA_SPHERE) {
                int sp = lightPrim[li];
                float dx = sphereGeom[4 * sp] - px, dy = sphereGeom[4 * sp + 1] - py, dz = sphereGeom[4 * sp + 2] - pz;
                float r = sphereGeom[4 * sp + 3];
                float dc2 = dx * dx + dy * dy + dz * dz;
                if (dc2 > r * r * 1.00001f) {
                    float cosMax = sqrt(max(0f, 1 - r * r / dc2));
                    pdf = sel / (2 * PI * (1 - cosMax));
                    cone = true;
                }
            }
            if (!cone) {
                pdf = sel * t * t / (cosLight * lightParams[li * STRIDE + AREA]);
            }
        }
        return pdf;
    }

    private float spotFalloff(float cosAxis, float cosTotal, float cosFalloff) {
        float f = 1f;
        if (cosAxis < cosTotal) {
            f = 0f;
        } else if (!(cosAxis >= cosFalloff)) {
            float d = (cosAxis - cosTotal) / (cosFalloff - cosTotal);
            f = (d * d) * (d * d);
        }
        return f;
    }
}

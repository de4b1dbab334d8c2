package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.CompiledScene.INST_STRIDE;

import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * Seventh layer of the light transport: homogeneous participating media, between the camera and the
 * path tracer. A path carries the index of the medium it is in ({@link MediumLayout}; 0 is vacuum,
 * where nothing here runs). Per segment in a medium it samples a free-flight distance (pbrt-v3
 * HomogeneousMedium::Sample, media/homogeneous.cpp: one channel chosen uniformly, distance
 * -ln(1 - u) / sigma_t of that channel, pdf the channels' mean of sigma_t Tr where the segment
 * scatters and of Tr where it does not, throughput Tr sigma_s / pdf or Tr / pdf). LuxRender's
 * HomogeneousVolume::Scatter (volumes/homogeneous.h) samples the distance by sigma_s's mean instead
 * and puts the albedo sigma_s / sigma_t into its VolumeScatterMaterial's BSDF; both estimate the same
 * radiance, so one sampler serves both dialects. A medium that does not scatter (sigma_s 0: a clear
 * volume, or absorption alone) keeps Beer's law over the whole segment, exp(-sigma_a d), exactly as
 * before scattering existed.
 *
 * <p>At a scattering point the path samples one light with the phase function as its BSDF (pbrt-v3
 * volpath.cpp: UniformSampleOneLight at a MediumInteraction; LuxRender: the path integrator at the
 * point MultiScattering::Intersect returns, integrators/multi.cpp) and continues in a direction drawn
 * from the phase function: pbrt-v3's Henyey-Greenstein (core/medium.cpp HenyeyGreenstein::p and
 * Sample_p, one float g), or LuxRender's Schlick approximation (SchlickScatter, as
 * VolumeScatterMaterial::GetBSDF builds it: g a colour clamped to [-1, 1], k = 1.55 g - 0.55 g^3 per
 * channel, sampled with k's mean). Shadow rays take the transmittance of the media they cross,
 * through null surfaces (pbrt-v3 VisibilityTester::Tr).
 *
 * <p>LuxRender's heterogeneous volumes, baked by the compiler into grids of per-channel sigma_a and
 * sigma_s ({@link MediumLayout#LUX_GRID}), run through the same loop, each tentative collision handled
 * by {@link #luxCollision} (spectral tracking for paths, ratio tracking per channel for shadow rays).
 *
 * <p>pbrt-v3's grid media (media/grid.cpp GridDensityMedium, {@link MediumLayout#GRID}) are sampled as
 * pbrt-v3 does in {@link #gridTrack}: delta tracking for a path's free flight (Sample), ratio tracking
 * for a shadow ray's transmittance (Tr), both against the majorant sigma_t x max density, over the
 * ray's overlap with the grid's box (density 0 outside it). Their random numbers come from the
 * segment's hashed stream ({@link #mediumRandom}), two per delta-tracking step and one per
 * ratio-tracking step; a loop stops after {@link #maxTrackingSteps} steps (pbrt-v3 has no cap), the
 * rest of the segment then counting as empty (no scattering, transmittance as far as it got), and
 * counts that in the MED_CAPPED slot ({@link PathTraceKernel#trackingCapHits}).
 */
abstract class MediumKernel extends CameraKernel {
    /** The media table, {@link MediumLayout#STRIDE} floats per medium; medium 0 is vacuum. */
    float[] mediaParams = new float[MediumLayout.STRIDE];
    /** The medium camera rays start in. */
    int cameraMedium;
    /** 1 when the scene has a medium besides vacuum: shadow rays then add up the media they cross. */
    int hasMedia;
    /** The density grids of grid media ({@link CompiledScene#mediaGrids}). */
    float[] mediaGrids = new float[1];
    /**
     * Steps a tracking loop in a grid medium takes at most: 2^20, about 2^20 mean free paths of the
     * majorant; never reached in practice (a ray would have to cross a grid a million tentative
     * collisions thick), and counted when it is.
     */
    int maxTrackingSteps = 1 << 20;

    /** Host side: the media table and the camera's medium. */
    void setupMedia(CompiledScene s) {
        mediaParams = KernelArrays.floats(s.mediaParams);
        mediaGrids = KernelArrays.floats(s.mediaGrids);
        cameraMedium = s.cameraMedium;
        hasMedia = s.mediaParams.length > MediumLayout.STRIDE ? 1 : 0;
    }

    /**
     * Number {@code k} of a medium segment's own stream: hashed from the pixel, the sample and the
     * segment (bounce and null surfaces passed, which no two segments of a path share), so that media
     * take no dimension from the sampler's vertices and scenes without media draw exactly as before.
     * Homogeneous media use k 0 and 1; grid media k 2 s and 2 s + 1 for delta-tracking step s, and
     * {@link #SHADOW_STREAM} + 2^21 h + s for ratio-tracking step s of a shadow ray's h-th segment.
     */
    float mediumRandom(int ps, int index, int segment, int k) {
        int h = mix32(mix32(ps + 0x3c6ef372) ^ index);
        return toUnit(mix32(h ^ (segment * 0x85ebca6b + k * 0x27d4eb2f + 0x165667b1)));
    }

    /** The part of {@link #mediumRandom}'s k that marks a shadow ray's numbers apart from the path's. */
    static final int SHADOW_STREAM = 0x40000000;

    /** pbrt-v3 GridDensityMedium::D: sample (x, y, z) of grid medium row {@code o}, 0 outside the grid. */
    float gridValue(int o, int x, int y, int z) {
        int nx = (int) mediaParams[o + MediumLayout.GRID_NX], ny = (int) mediaParams[o + MediumLayout.GRID_NY];
        int nz = (int) mediaParams[o + MediumLayout.GRID_NZ];
        float v = 0f;
        if (x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz) {
            int base = (int) mediaParams[o + MediumLayout.GRID_OFFSET_HI] * 4096
                    + (int) mediaParams[o + MediumLayout.GRID_OFFSET_LO];
            v = mediaGrids[base + (z * ny + y) * nx + x];
        }
        return v;
    }

    /**
     * pbrt-v3 GridDensityMedium::Density: the density of grid medium {@code m} at (x, y, z) of its unit
     * cube, trilinear between samples, sample (i, j, k) sitting at ((i + 0.5) / nx, (j + 0.5) / ny,
     * (k + 0.5) / nz) (so within half a cell of a face the density falls towards 0 outside).
     */
    float gridDensity(int m, float x, float y, float z) {
        int o = m * MediumLayout.STRIDE;
        float sx = x * mediaParams[o + MediumLayout.GRID_NX] - 0.5f;
        float sy = y * mediaParams[o + MediumLayout.GRID_NY] - 0.5f;
        float sz = z * mediaParams[o + MediumLayout.GRID_NZ] - 0.5f;
        float fx = floor(sx), fy = floor(sy), fz = floor(sz);
        int ix = (int) fx, iy = (int) fy, iz = (int) fz;
        float ax = sx - fx, ay = sy - fy, az = sz - fz;
        float d00 = (1 - ax) * gridValue(o, ix, iy, iz) + ax * gridValue(o, ix + 1, iy, iz);
        float d10 = (1 - ax) * gridValue(o, ix, iy + 1, iz) + ax * gridValue(o, ix + 1, iy + 1, iz);
        float d01 = (1 - ax) * gridValue(o, ix, iy, iz + 1) + ax * gridValue(o, ix + 1, iy, iz + 1);
        float d11 = (1 - ax) * gridValue(o, ix, iy + 1, iz + 1) + ax * gridValue(o, ix + 1, iy + 1, iz + 1);
        float d0 = (1 - ay) * d00 + ay * d10;
        float d1 = (1 - ay) * d01 + ay * d11;
        return (1 - az) * d0 + az * d1;
    }

    /**
     * Tracking through grid medium {@code m} along the world-space ray o + s d (d of unit length, so
     * that s is a distance in the world and in the grid's space alike), 0 <= s < t ({@code finite}
     * false: no end), clipped to the grid's box as pbrt-v3 does (Bounds3::IntersectP in the grid's
     * unit cube). {@code ratio} false: delta tracking (GridDensityMedium::Sample): returns 1 and leaves
     * the distance in MED_T where a real collision scatters the path, else 0. {@code ratio} true: ratio
     * tracking (GridDensityMedium::Tr): returns the transmittance estimate. Step s draws k = kBase + 2 s
     * (distance) and kBase + 2 s + 1 (acceptance) from the segment's stream, or kBase + s for ratio tracking.
     */
    float gridTrack(int gid, int m, float ox, float oy, float oz, float dx, float dy, float dz, float t,
                    boolean finite, boolean ratio, int ps, int index, int segment, int kBase) {
        int o = m * MediumLayout.STRIDE + MediumLayout.GRID_XFORM;
        float gox = mediaParams[o] * ox + mediaParams[o + 1] * oy + mediaParams[o + 2] * oz + mediaParams[o + 3];
        float goy = mediaParams[o + 4] * ox + mediaParams[o + 5] * oy + mediaParams[o + 6] * oz + mediaParams[o + 7];
        float goz = mediaParams[o + 8] * ox + mediaParams[o + 9] * oy + mediaParams[o + 10] * oz + mediaParams[o + 11];
        float gdx = mediaParams[o] * dx + mediaParams[o + 1] * dy + mediaParams[o + 2] * dz;
        float gdy = mediaParams[o + 4] * dx + mediaParams[o + 5] * dy + mediaParams[o + 6] * dz;
        float gdz = mediaParams[o + 8] * dx + mediaParams[o + 9] * dy + mediaParams[o + 10] * dz;
        // Bounds3::IntersectP against [0, 1]^3: per slab, the far distance widened by 1 + 2 gamma(3) and NaNs
        // (a direction parallel to a slab, an origin on its plane) leaving the interval as it was.
        float t0 = 0f, t1 = Float.POSITIVE_INFINITY;
        if (finite) {
            t1 = t;
        }
        for (int a = 0; a < 3; a++) {
            float go = gox, gd = gdx;
            if (a == 1) {
                go = goy;
                gd = gdy;
            } else if (a == 2) {
                go = goz;
                gd = gdz;
            }
            float inv = 1f / gd;
            float tNear = -go * inv, tFar = (1f - go) * inv;
            if (tNear > tFar) {
                float sw = tNear;
                tNear = tFar;
                tFar = sw;
            }
            tFar = tFar * (1f + 2f * 3f * 5.9604645e-8f / (1f - 3f * 5.9604645e-8f));
            if (tNear > t0) {
                t0 = tNear;
            }
            if (tFar < t1) {
                t1 = tFar;
            }
        }
        scratch[Scratch.MED_T0 * capacity + gid] = t0;
        scratch[Scratch.MED_T1 * capacity + gid] = t1;
        float result = 0f;
        if (ratio) {
            result = 1f;
        }
        boolean lux = mediaParams[m * MediumLayout.STRIDE + MediumLayout.KIND] == MediumLayout.LUX_GRID;
        if (lux) {
            scratch[Scratch.MED_R * capacity + gid] = 1f;
            scratch[Scratch.MED_G * capacity + gid] = 1f;
            scratch[Scratch.MED_B * capacity + gid] = 1f;
        }
        if (t0 <= t1) {
            int r = m * MediumLayout.STRIDE;
            float invMajorant = mediaParams[r + MediumLayout.GRID_INV_MAJORANT];
            float invMax = mediaParams[r + MediumLayout.GRID_INV_MAX_DENSITY];
            float s = t0;
            int step = 0;
            boolean going = true;
            while (going) {
                int k = kBase + 2 * step;
                if (ratio) {
                    k = kBase + step;
                }
                s = s - log(1 - mediumRandom(ps, index, segment, k)) * invMajorant;
                if (s >= t1) {
                    going = false;
                } else {
                    if (lux) {
                        // Per-channel tracking of a baked LuxRender volume: 1 scatters, 2 ends, 0 goes on.
                        float u = 0f;
                        if (!ratio) {
                            u = mediumRandom(ps, index, segment, k + 1);
                        }
                        int event = luxCollision(gid, m, gox + s * gdx, goy + s * gdy, goz + s * gdz, ratio,
                                invMajorant, u);
                        going = event == 0;
                        if (event == 1) {
                            result = 1f;
                            scratch[Scratch.MED_T * capacity + gid] = s;
                        }
                    } else {
                        float density = gridDensity(m, gox + s * gdx, goy + s * gdy, goz + s * gdz);
                        if (ratio) {
                            result = result * (1 - max(0f, density * invMax));
                            going = result > 0;
                        } else if (density * invMax > mediumRandom(ps, index, segment, k + 1)) {
                            result = 1f;
                            scratch[Scratch.MED_T * capacity + gid] = s;
                            going = false;
                        }
                    }
                }
                step++;
                if (going && step >= maxTrackingSteps) {
                    going = false;
                    scratch[Scratch.MED_CAPPED * capacity + gid] += 1f;
                }
            }
        }
        return result;
    }

    /**
     * A segment in grid medium {@code m} (pbrt-v3 GridDensityMedium::Sample): delta tracking; where it
     * scatters, the throughput factor is sigma_s / sigma_t per channel (sigma_t the first channel's) and
     * MED_T the distance, else 1. Writes MED_R..MED_B; returns true when the path scatters.
     */
    boolean sampleGrid(int gid, int m, float ox, float oy, float oz, float dx, float dy, float dz, float t,
                       boolean finite, int ps, int index, int segment) {
        boolean scattered = gridTrack(gid, m, ox, oy, oz, dx, dy, dz, t, finite, false, ps, index, segment, 2) > 0;
        float wr = 1f, wg = 1f, wb = 1f;
        if (mediaParams[m * MediumLayout.STRIDE + MediumLayout.KIND] == MediumLayout.LUX_GRID) {
            // luxCollision left the path's weights in MED_R..MED_B.
            wr = scratch[Scratch.MED_R * capacity + gid];
            wg = scratch[Scratch.MED_G * capacity + gid];
            wb = scratch[Scratch.MED_B * capacity + gid];
        } else if (scattered) {
            int o = m * MediumLayout.STRIDE;
            float inv = 1f / (mediaParams[o + MediumLayout.SIGMA_A] + mediaParams[o + MediumLayout.SIGMA_S]);
            wr = mediaParams[o + MediumLayout.SIGMA_S] * inv;
            wg = mediaParams[o + MediumLayout.SIGMA_S + 1] * inv;
            wb = mediaParams[o + MediumLayout.SIGMA_S + 2] * inv;
        }
        scratch[Scratch.MED_R * capacity + gid] = wr;
        scratch[Scratch.MED_G * capacity + gid] = wg;
        scratch[Scratch.MED_B * capacity + gid] = wb;
        return scattered;
    }

    /** exp(-sigma d) over a segment of length d, 0 for an infinite one when sigma > 0, 1 when sigma is 0. */
    float transmittance(float sigma, float d, boolean finite) {
        float tr = 1f;
        if (sigma > 0) {
            tr = 0f;
            if (finite) {
                tr = exp(-sigma * d);
            }
        }
        return tr;
    }

    /**
     * A segment of length {@code t} (infinite when {@code finite} is false) in medium {@code m}: the
     * throughput factor per channel to the MED_R..MED_B slots, and true when the path scatters inside
     * it, at the distance in MED_T. A medium that does not scatter gives Beer's law and never scatters.
     */
    boolean sampleSegment(int gid, int m, float t, boolean finite, float uChannel, float uDist) {
        int o = m * MediumLayout.STRIDE;
        float ar = mediaParams[o + MediumLayout.SIGMA_A], ag = mediaParams[o + MediumLayout.SIGMA_A + 1];
        float ab = mediaParams[o + MediumLayout.SIGMA_A + 2];
        boolean scattered = false;
        float wr = 0f, wg = 0f, wb = 0f;
        if (mediaParams[o + MediumLayout.SCATTERS] == 0) {
            wr = transmittance(ar, t, finite);
            wg = transmittance(ag, t, finite);
            wb = transmittance(ab, t, finite);
        } else {
            float sr = mediaParams[o + MediumLayout.SIGMA_S], sg = mediaParams[o + MediumLayout.SIGMA_S + 1];
            float sb = mediaParams[o + MediumLayout.SIGMA_S + 2];
            float tr = ar + sr, tg = ag + sg, tb = ab + sb;
            // pbrt-v3 HomogeneousMedium::Sample: the channel uniformly, then an exponential distance in it.
            float sigma = tr;
            if (uChannel >= 2f / 3f) {
                sigma = tb;
            } else if (uChannel >= 1f / 3f) {
                sigma = tg;
            }
            float dist = Float.POSITIVE_INFINITY;
            if (sigma > 0) {
                dist = -log(1 - uDist) / sigma;
            }
            scattered = dist < Float.POSITIVE_INFINITY && (!finite || dist < t);
            float d = t;
            boolean fin = finite;
            if (scattered) {
                d = dist;
                fin = true;
            }
            float er = transmittance(tr, d, fin), eg = transmittance(tg, d, fin), eb = transmittance(tb, d, fin);
            float pdf = (er + eg + eb) / 3f;
            if (scattered) {
                pdf = (tr * er + tg * eg + tb * eb) / 3f;
            }
            if (pdf == 0) {
                pdf = 1f;
            }
            wr = er / pdf;
            wg = eg / pdf;
            wb = eb / pdf;
            if (scattered) {
                wr = wr * sr;
                wg = wg * sg;
                wb = wb * sb;
            }
            scratch[Scratch.MED_T * capacity + gid] = dist;
        }
        scratch[Scratch.MED_R * capacity + gid] = wr;
        scratch[Scratch.MED_G * capacity + gid] = wg;
        scratch[Scratch.MED_B * capacity + gid] = wb;
        return scattered;
    }

    /**
     * The phase function of medium {@code m}, channel {@code c}, between the direction the path was
     * travelling and the next one, {@code cosTheta} their cosine (1: straight on). pbrt-v3 PhaseHG:
     * (1 - g^2) / (4 pi (1 + g^2 - 2 g cos)^1.5); LuxRender SchlickScatter: (1 - k^2) / (4 pi (1 - k
     * cos)^2) (its F has 1 + k wo.wi, wo pointing back along the path).
     */
    float phaseValue(int m, int c, float cosTheta) {
        int o = m * MediumLayout.STRIDE;
        float g = mediaParams[o + MediumLayout.PHASE_G + c];
        float p = 0f;
        if (mediaParams[o + MediumLayout.PHASE] == MediumLayout.SCHLICK) {
            float d = 1 - g * cosTheta;
            p = (1 - g * g) * INV_4PI / (d * d);
        } else {
            float d = 1 + g * g - 2 * g * cosTheta;
            p = (1 - g * g) * INV_4PI / (d * sqrt(d));
        }
        return p;
    }

    /** The density {@link #samplePhase} draws a direction with: the phase function at the channels' mean g or k. */
    float phasePdf(int m, float cosTheta) {
        int o = m * MediumLayout.STRIDE + MediumLayout.PHASE_G;
        float g = (mediaParams[o] + mediaParams[o + 1] + mediaParams[o + 2]) / 3f;
        float p = 0f;
        if (mediaParams[m * MediumLayout.STRIDE + MediumLayout.PHASE] == MediumLayout.SCHLICK) {
            float d = 1 - g * cosTheta;
            p = (1 - g * g) * INV_4PI / (d * d);
        } else {
            float d = 1 + g * g - 2 * g * cosTheta;
            p = (1 - g * g) * INV_4PI / (d * sqrt(d));
        }
        return p;
    }

    /**
     * Draws the direction after scattering in medium {@code m} of a path travelling along unit d: the
     * direction to BS_WX..BS_WZ (world space), phase / pdf per channel to BS_R..BS_B (1 for pbrt-v3's
     * single g), the pdf to BS_PDF. pbrt-v3 HenyeyGreenstein::Sample_p: cos = (1 + g^2 - ((1 - g^2) /
     * (1 - g + 2 g u))^2) / (2 g) about d (1 - 2u for |g| < 1e-3); LuxRender SchlickScatter::SampleF
     * inverts the Schlick CDF with k's mean.
     */
    void samplePhase(int gid, int m, float dx, float dy, float dz, float u1, float u2) {
        int o = m * MediumLayout.STRIDE;
        float g = (mediaParams[o + MediumLayout.PHASE_G] + mediaParams[o + MediumLayout.PHASE_G + 1]
                + mediaParams[o + MediumLayout.PHASE_G + 2]) / 3f;
        float cost = 1 - 2 * u1;
        if (mediaParams[o + MediumLayout.PHASE] == MediumLayout.SCHLICK) {
            // The inverse of the CDF of (1 - k^2) / (2 (1 - k cos)^2) over cos in [-1, 1].
            cost = (2 * u1 + g - 1) / (1 - g + 2 * g * u1);
        } else if (abs(g) >= 1e-3f) {
            float sq = (1 - g * g) / (1 - g + 2 * g * u1);
            cost = (1 + g * g - sq * sq) / (2 * g);
        }
        cost = max(-1f, min(1f, cost));
        float sint = sqrt(max(0f, 1 - cost * cost));
        float phi = 2 * PI * u2;
        // An orthonormal frame (x, y, d) (Duff et al. 2017).
        float sign = dz >= 0 ? 1f : -1f;
        float a = -1f / (sign + dz), b = dx * dy * a;
        float xx = 1 + sign * dx * dx * a, xy = sign * b, xz = -sign * dx;
        float yx = b, yy = sign + dy * dy * a, yz = -dy;
        float cp = cos(phi) * sint, sp = sin(phi) * sint;
        float ix = cp * xx + sp * yx + cost * dx, iy = cp * xy + sp * yy + cost * dy;
        float iz = cp * xz + sp * yz + cost * dz;
        float il = 1f / sqrt(ix * ix + iy * iy + iz * iz);
        ix *= il;
        iy *= il;
        iz *= il;
        float c = ix * dx + iy * dy + iz * dz;
        float pdf = phasePdf(m, c);
        scratch[Scratch.BS_WX * capacity + gid] = ix;
        scratch[Scratch.BS_WY * capacity + gid] = iy;
        scratch[Scratch.BS_WZ * capacity + gid] = iz;
        scratch[Scratch.BS_PDF * capacity + gid] = pdf;
        float k = 0f;
        if (pdf > 0) {
            k = 1f / pdf;
        }
        scratch[Scratch.BS_R * capacity + gid] = phaseValue(m, 0, c) * k;
        scratch[Scratch.BS_G * capacity + gid] = phaseValue(m, 1, c) * k;
        scratch[Scratch.BS_B * capacity + gid] = phaseValue(m, 2, c) * k;
    }

    /**
     * Next-event estimation at a scattering point h of medium {@code m}, the path travelling along d
     * with throughput b: samples one light, and when it is visible (null surfaces let it through)
     * writes b x phase x radiance x MIS weight / pdf to the NEE slots and returns true; the caller
     * multiplies in the transmittance along the shadow ray (origin h, direction LS_WX..LS_WZ).
     */
    boolean mediumDirectLight(int gid, int m, float hx, float hy, float hz, float dx, float dy, float dz, float br,
                              float bg, float bb, float uSelect, float u1, float u2) {
        boolean lit = false;
        // Inside a subsurface material's closed boundary no shadow ray reaches a light (subsurfaceStep).
        if (mediaParams[m * MediumLayout.STRIDE + MediumLayout.SUBSURFACE] == 0
                && sampleLight(gid, hx, hy, hz, uSelect, u1, u2)) {
            float wix = scratch[Scratch.LS_WX * capacity + gid], wiy = scratch[Scratch.LS_WY * capacity + gid];
            float wiz = scratch[Scratch.LS_WZ * capacity + gid];
            float lightPdf = scratch[Scratch.LS_PDF * capacity + gid];
            float c = wix * dx + wiy * dy + wiz * dz;
            float fr = phaseValue(m, 0, c), fg = phaseValue(m, 1, c), fb = phaseValue(m, 2, c);
            if ((fr > 0 || fg > 0 || fb > 0) && lightPdf > 0) {
                float tMax = (scratch[Scratch.LS_DIST * capacity + gid] - scratch[Scratch.LS_MARGIN * capacity + gid])
                        * 0.99999f;
                if (!occluded(gid, hx, hy, hz, wix, wiy, wiz, tMax)) {
                    float w = 1f;
                    if (scratch[Scratch.LS_DELTA * capacity + gid] == 0) {
                        // The power heuristic against the phase function's own pdf (pbrt-v3 EstimateDirect).
                        float f2 = lightPdf * lightPdf, p = phasePdf(m, c), g2 = p * p;
                        w = f2 / (f2 + g2);
                    }
                    float k = w / lightPdf;
                    scratch[Scratch.NEE_R * capacity + gid] = br * fr * scratch[Scratch.LS_R * capacity + gid] * k;
                    scratch[Scratch.NEE_G * capacity + gid] = bg * fg * scratch[Scratch.LS_G * capacity + gid] * k;
                    scratch[Scratch.NEE_B * capacity + gid] = bb * fb * scratch[Scratch.LS_B * capacity + gid] * k;
                    lit = true;
                }
            }
        }
        return lit;
    }

    /**
     * 1 when a path vertex reached through medium {@code m} lies inside a pbrt-v3 subsurface material
     * ({@link MediumLayout#SUBSURFACE}: a scattering point, or the boundary met from inside) and the path has
     * taken fewer than {@link MediumLayout#MAX_SUBSURFACE_STEPS} such vertices: it does not count toward
     * maxdepth, as pbrt-v3 counts a BSSRDF's whole walk as one bounce; else 0.
     */
    int subsurfaceStep(int m, int taken) {
        int step = 0;
        if (mediaParams[m * MediumLayout.STRIDE + MediumLayout.SUBSURFACE] != 0
                && taken < MediumLayout.MAX_SUBSURFACE_STEPS) {
            step = 1;
        }
        return step;
    }

    /**
     * The medium a shadow ray o + s d is in after crossing primitive {@code prim} at s = {@code t}, the
     * closest hit of the last intersect (its instance in HIT_INST): a null surface's Interior when the
     * ray meets it from the front, its Exterior from the back, the medium {@code current} unchanged
     * where it bounds no media; -1 when the primitive is not a null surface, nor a doubleside triangle
     * whose side met is null (the ray is blocked). Leaves
     * in MED_T a distance past the hit from which to go on without meeting the surface again.
     */
    int mediumAcross(int gid, int prim, float ox, float oy, float oz, float dx, float dy, float dz, float t,
                     int current) {
        float cosD = 0f;
        float eps = 0f;
        int mat = 0;
        if (prim < triangleCount) {
            mat = triMaterial[prim];
            float nx = triNg[3 * prim], ny = triNg[3 * prim + 1], nz = triNg[3 * prim + 2];
            eps = triEps[prim];
            int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
            float ex = dx, ey = dy, ez = dz;
            if (inst >= 0) {
                // The direction in object space: the sign of d . n is that of the world-space normal's.
                int x = inst * INST_STRIDE;
                ex = instXform[x] * dx + instXform[x + 1] * dy + instXform[x + 2] * dz;
                ey = instXform[x + 4] * dx + instXform[x + 5] * dy + instXform[x + 6] * dz;
                ez = instXform[x + 8] * dx + instXform[x + 9] * dy + instXform[x + 10] * dz;
                float el = sqrt(ex * ex + ey * ey + ez * ez);
                eps = eps * instXform[x + CompiledScene.INST_SCALE] + 1e-6f * (abs(ox) + abs(oy) + abs(oz) + t);
                if (el > 0) {
                    ex = ex / el;
                    ey = ey / el;
                    ez = ez / el;
                }
                if (instMaterial[inst] >= 0) {
                    mat = instMaterial[inst];
                }
            }
            cosD = ex * nx + ey * ny + ez * nz;
        } else if (prim >= curveBase) {
            // pbrt-v3 Curve: its normal and ray offset at the hit (TraceKernel#curveHitNormal).
            cosD = curveHitNormal(gid, prim, dx, dy, dz, 0) * dx + curveHitNormal(gid, prim, dx, dy, dz, 1) * dy
                    + curveHitNormal(gid, prim, dx, dy, dz, 2) * dz;
            eps = curveHitNormal(gid, prim, dx, dy, dz, 3);
            mat = curveHitMaterial(gid, prim);
        } else {
            int sp = prim - triangleCount;
            float cx = sphereGeom[4 * sp], cy = sphereGeom[4 * sp + 1], cz = sphereGeom[4 * sp + 2];
            float qx = ox + t * dx - cx, qy = oy + t * dy - cy, qz = oz + t * dz - cz;
            float ql = sqrt(qx * qx + qy * qy + qz * qz);
            cosD = (qx * dx + qy * dy + qz * dz) / ql;
            if (sphereFlip[sp] != 0) {
                cosD = -cosD;
            }
            eps = 1e-6f * (abs(cx) + abs(cy) + abs(cz) + sphereGeom[4 * sp + 3]);
            mat = sphereMaterial[sp];
        }
        if (prim < triangleCount && matType[mat] == MaterialLayout.DOUBLESIDE) {
            // A doubleside triangle: the material of the side met (cosD < 0: its front), as TraceKernel#blocks does.
            int side = cosD < 0 ? MaterialLayout.DBL_FRONT : MaterialLayout.DBL_BACK;
            mat = (int) shade[mat * MaterialLayout.STRIDE + side];
        }
        int next = -1;
        if (matType[mat] == MaterialLayout.NULL) {
            next = current;
            int row = mat * MaterialLayout.STRIDE;
            if (shade[row + MaterialLayout.VOL_MEDIA] != 0) {
                next = (int) shade[row + MaterialLayout.VOL_EX];
                if (cosD < 0) {
                    next = (int) shade[row + MaterialLayout.VOL_IN];
                }
            }
        }
        scratch[Scratch.MED_T * capacity + gid] = t + 2 * eps / max(abs(cosD), 1e-2f);
        return next;
    }

    /**
     * A shadow ray's transmittance through grid medium {@code m} ({@link MediumLayout#GRID} or {@link
     * MediumLayout#LUX_GRID}) by ratio tracking ({@link #gridTrack}), per channel to MED_R..MED_B.
     */
    void gridShadow(int gid, int m, float ox, float oy, float oz, float dx, float dy, float dz, float t,
                    boolean finite, int ps, int index, int segment, int kBase) {
        float g = gridTrack(gid, m, ox, oy, oz, dx, dy, dz, t, finite, true, ps, index, segment, kBase);
        if (mediaParams[m * MediumLayout.STRIDE + MediumLayout.KIND] == MediumLayout.GRID) {
            scratch[Scratch.MED_R * capacity + gid] = g;
            scratch[Scratch.MED_G * capacity + gid] = g;
            scratch[Scratch.MED_B * capacity + gid] = g;
        }
    }

    /** Value {@code ch} (0..5: sigma_a RGB, sigma_s RGB) of sample (x, y, z) of LUX_GRID row {@code o}, indices clamped. */
    float luxGridValue(int o, int x, int y, int z, int ch) {
        int nx = (int) mediaParams[o + MediumLayout.GRID_NX], ny = (int) mediaParams[o + MediumLayout.GRID_NY];
        int nz = (int) mediaParams[o + MediumLayout.GRID_NZ];
        int cx = min(nx - 1, max(0, x)), cy = min(ny - 1, max(0, y)), cz = min(nz - 1, max(0, z));
        int base = (int) mediaParams[o + MediumLayout.GRID_OFFSET_HI] * 4096
                + (int) mediaParams[o + MediumLayout.GRID_OFFSET_LO];
        return mediaGrids[base + ((cz * ny + cy) * nx + cx) * MediumLayout.LUX_GRID_VALUES + ch];
    }

    /** Coefficient {@code ch} of LUX_GRID medium {@code m} at (x, y, z) of its unit cube, trilinear between samples. */
    float luxGridCoefficient(int m, float x, float y, float z, int ch) {
        int o = m * MediumLayout.STRIDE;
        float sx = x * mediaParams[o + MediumLayout.GRID_NX] - 0.5f;
        float sy = y * mediaParams[o + MediumLayout.GRID_NY] - 0.5f;
        float sz = z * mediaParams[o + MediumLayout.GRID_NZ] - 0.5f;
        float fx = floor(sx), fy = floor(sy), fz = floor(sz);
        int ix = (int) fx, iy = (int) fy, iz = (int) fz;
        float ax = sx - fx, ay = sy - fy, az = sz - fz;
        float d00 = (1 - ax) * luxGridValue(o, ix, iy, iz, ch) + ax * luxGridValue(o, ix + 1, iy, iz, ch);
        float d10 = (1 - ax) * luxGridValue(o, ix, iy + 1, iz, ch) + ax * luxGridValue(o, ix + 1, iy + 1, iz, ch);
        float d01 = (1 - ax) * luxGridValue(o, ix, iy, iz + 1, ch) + ax * luxGridValue(o, ix + 1, iy, iz + 1, ch);
        float d11 = (1 - ax) * luxGridValue(o, ix, iy + 1, iz + 1, ch)
                + ax * luxGridValue(o, ix + 1, iy + 1, iz + 1, ch);
        return (1 - az) * ((1 - ay) * d00 + ay * d10) + az * ((1 - ay) * d01 + ay * d11);
    }

    /**
     * A tentative collision at (x, y, z) of LUX_GRID medium {@code m}'s unit cube against the majorant
     * mu (1 / {@code invMajorant}), the segment's weights per channel in MED_R..MED_B. Ratio tracking:
     * each weight times 1 - sigma_t / mu. Spectral tracking (Kutz et al. 2017, "Spectral and
     * decomposition tracking", with their history-aware probabilities): with W the weights so far, a
     * real collision with probability P = sum(W sigma_t) / sum(W mu), where the path scatters (returns
     * 1), weight sigma_s / (mu P) per channel (absorption taken as the albedo, as pbrt-v3's grid does);
     * else a null one, weight (mu - sigma_t) / (mu (1 - P)). Unbiased per channel whatever sigma_t's
     * colour; a grey one gives pbrt-v3's delta tracking (weight 1 at null collisions, the albedo where
     * it scatters). Returns 2 when every weight has become 0 (nothing left to carry), else 0.
     */
    int luxCollision(int gid, int m, float x, float y, float z, boolean ratio, float invMajorant, float u) {
        float ar = luxGridCoefficient(m, x, y, z, 0), ag = luxGridCoefficient(m, x, y, z, 1);
        float ab = luxGridCoefficient(m, x, y, z, 2);
        float sr = luxGridCoefficient(m, x, y, z, 3), sg = luxGridCoefficient(m, x, y, z, 4);
        float sb = luxGridCoefficient(m, x, y, z, 5);
        float mu = 1f / invMajorant;
        float nr = max(0f, mu - ar - sr), ng = max(0f, mu - ag - sg), nb = max(0f, mu - ab - sb);
        float wr = scratch[Scratch.MED_R * capacity + gid], wg = scratch[Scratch.MED_G * capacity + gid];
        float wb = scratch[Scratch.MED_B * capacity + gid];
        float kr = 0f, kg = 0f, kb = 0f;
        int event = 0;
        if (ratio) {
            kr = nr * invMajorant;
            kg = ng * invMajorant;
            kb = nb * invMajorant;
        } else {
            // History-aware probabilities: each channel's coefficient weighted by its weight so far.
            float real = wr * (ar + sr) + wg * (ag + sg) + wb * (ab + sb);
            float nul = wr * nr + wg * ng + wb * nb;
            float all = real + nul;
            if (all > 0 && u * all < real) {
                event = 1;
                float k = all * invMajorant / real;
                kr = sr * k;
                kg = sg * k;
                kb = sb * k;
            } else if (all > 0 && nul > 0) {
                float k = all * invMajorant / nul;
                kr = nr * k;
                kg = ng * k;
                kb = nb * k;
            }
        }
        wr = wr * kr;
        wg = wg * kg;
        wb = wb * kb;
        scratch[Scratch.MED_R * capacity + gid] = wr;
        scratch[Scratch.MED_G * capacity + gid] = wg;
        scratch[Scratch.MED_B * capacity + gid] = wb;
        if (event == 0 && !(wr > 0 || wg > 0 || wb > 0)) {
            event = 2;
        }
        return event;
    }
}

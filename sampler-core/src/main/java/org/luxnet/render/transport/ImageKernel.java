package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.CompiledScene.INST_O2W;
import static org.luxnet.scene.compiled.CompiledScene.INST_STRIDE;
import static org.luxnet.scene.compiled.TextureLayout.FILTER_BILINEAR;
import static org.luxnet.scene.compiled.TextureLayout.FILTER_EWA;
import static org.luxnet.scene.compiled.TextureLayout.FILTER_NEAREST;
import static org.luxnet.scene.compiled.TextureLayout.FILTER_TRILINEAR;
import static org.luxnet.scene.compiled.TextureLayout.IMAGE_INFO;
import static org.luxnet.scene.compiled.TextureLayout.INFO_LEVEL0;
import static org.luxnet.scene.compiled.TextureLayout.INFO_LEVELS;
import static org.luxnet.scene.compiled.TextureLayout.WRAP_CLAMP;
import static org.luxnet.scene.compiled.TextureLayout.WRAP_REPEAT;
import static org.luxnet.scene.compiled.TextureLayout.WRAP_WHITE;

import org.luxnet.scene.compiled.CompiledScene;

/**
 * The layer of image lookups, under the texture programs ({@link TextureKernel}): each image's
 * MIP-map pyramid in one flat texel array ({@link CompiledScene#texTexels}, three floats per texel,
 * levels one after the other) and its levels' places ({@link CompiledScene#texImageInfo}), filtered
 * as pbrt-v3's MIPMap does (core/mipmap.h: triangle, Lookup with a width, EWA) over the texture-space
 * footprint that {@link #surfaceDifferentials} leaves at a hit the ray differentials reach (pbrt-v3
 * SurfaceInteraction::ComputeDifferentials); a lookup writes its colour to a texture register.
 */
abstract class ImageKernel extends BlenderTextureKernel {
    private static final float INV_LN2 = 1.442695f;
    /** pbrt-v3's EWA weight table: 128 entries of exp(-2 r2) - exp(-2). */
    private static final int EWA_LUT = 128;

    float[] texTexels = new float[3];
    int[] texImageInfo = new int[IMAGE_INFO];
    float[] sphereFrame = new float[9];

    /** Host side: binds the texels, the image table and the surfaces' (u, v) frames. */
    void setupImages(CompiledScene s) {
        texTexels = KernelArrays.floats(s.texTexels);
        texImageInfo = KernelArrays.ints(s.texImageInfo);
        texTriUv = KernelArrays.floats(s.triUv);
        sphereFrame = KernelArrays.floats(s.sphereFrame);
    }

    /**
     * Image {@code image} at (s, t) (t = 0 the bottom row) under wrap mode {@code wrap}, filtered by
     * {@code filter} (TextureLayout FILTER_ constants) over the footprint (dsdx, dtdx), (dsdy, dtdy):
     * its colour to texture registers {@code reg..reg+2}.
     */
    void imageLookup(int gid, int reg, int image, int wrap, int filter, float maxAniso, float s, float t,
                     float dsdx, float dtdx, float dsdy, float dtdy) {
        int info = image * IMAGE_INFO;
        int levels = texImageInfo[info + INFO_LEVELS];
        for (int ch = 0; ch < 3; ch++) {
            texRegs[(reg + ch) * capacity + gid] = 0f;
        }
        if (filter == FILTER_NEAREST) {
            // LuxRender MIPMapFastImpl::Nearest: the texel under (s w - 0.5, t h - 0.5).
            int w = texImageInfo[info + 1], h = texImageInfo[info + 2];
            addTexel(gid, reg, info, 0, wrap, (int) floor(s * w - 0.5f), (int) floor(t * h - 0.5f), 1f);
        }
        if (filter == FILTER_BILINEAR) {
            addTriangle(gid, reg, info, 0, wrap, s, t, 1f);
        }
        if (filter == FILTER_TRILINEAR) {
            // MIPMap::Lookup(st, width): width twice the footprint's largest coordinate.
            float width = 2 * max(max(abs(dsdx), abs(dtdx)), max(abs(dsdy), abs(dtdy)));
            float level = levels - 1 + log(max(width, 1e-8f)) * INV_LN2;
            if (level < 0) {
                addTriangle(gid, reg, info, 0, wrap, s, t, 1f);
            } else if (level >= levels - 1) {
                addTexel(gid, reg, info, levels - 1, wrap, 0, 0, 1f);
            } else {
                int il = (int) floor(level);
                float d = level - il;
                addTriangle(gid, reg, info, il, wrap, s, t, 1 - d);
                addTriangle(gid, reg, info, il + 1, wrap, s, t, d);
            }
        }
        if (filter == FILTER_EWA) {
            // MIPMap::Lookup(st, dst0, dst1): the longer axis first, eccentricity clamped to maxAniso.
            float a0 = dsdx, a1 = dtdx, b0 = dsdy, b1 = dtdy;
            if (a0 * a0 + a1 * a1 < b0 * b0 + b1 * b1) {
                a0 = dsdy;
                a1 = dtdy;
                b0 = dsdx;
                b1 = dtdx;
            }
            float major = sqrt(a0 * a0 + a1 * a1), minor = sqrt(b0 * b0 + b1 * b1);
            if (minor * maxAniso < major && minor > 0) {
                float sc = major / (minor * maxAniso);
                b0 *= sc;
                b1 *= sc;
                minor *= sc;
            }
            if (minor == 0) {
                addTriangle(gid, reg, info, 0, wrap, s, t, 1f);
            } else {
                float lod = max(0f, levels - 1 + log(minor) * INV_LN2);
                int il = (int) floor(lod);
                float d = lod - il;
                addEwa(gid, reg, info, il, wrap, s, t, a0, a1, b0, b1, 1 - d);
                if (d > 0) {
                    addEwa(gid, reg, info, il + 1, wrap, s, t, a0, a1, b0, b1, d);
                }
            }
        }
    }

    /** Adds weight x texel (x, y) of the level to the registers (MIPMap::Texel, under the wrap mode). */
    private void addTexel(int gid, int reg, int info, int level, int wrap, int x, int y, float weight) {
        int o = info + INFO_LEVEL0 + 3 * level;
        int off = texImageInfo[o], w = texImageInfo[o + 1], h = texImageInfo[o + 2];
        for (int ch = 0; ch < 3; ch++) {
            texRegs[(reg + ch) * capacity + gid] += weight * texel(off, w, h, wrap, x, y, ch);
        }
    }

    /** Adds weight x MIPMap::triangle(level, st), the bilinear lookup in one level. */
    private void addTriangle(int gid, int reg, int info, int level, int wrap, float s, float t, float weight) {
        int o = info + INFO_LEVEL0 + 3 * level;
        int off = texImageInfo[o], w = texImageInfo[o + 1], h = texImageInfo[o + 2];
        float fs = s * w - 0.5f, ft = t * h - 0.5f;
        float s0 = floor(fs), t0 = floor(ft);
        float ds = fs - s0, dt = ft - t0;
        int x0 = (int) s0, y0 = (int) t0;
        float w00 = (1 - ds) * (1 - dt), w01 = (1 - ds) * dt, w10 = ds * (1 - dt), w11 = ds * dt;
        for (int ch = 0; ch < 3; ch++) {
            texRegs[(reg + ch) * capacity + gid] += weight * (w00 * texel(off, w, h, wrap, x0, y0, ch)
                    + w01 * texel(off, w, h, wrap, x0, y0 + 1, ch) + w10 * texel(off, w, h, wrap, x0 + 1, y0, ch)
                    + w11 * texel(off, w, h, wrap, x0 + 1, y0 + 1, ch));
        }
    }

    /** Adds weight x MIPMap::EWA(level, st, dst0, dst1): the Gaussian-weighted texels inside the ellipse. */
    private void addEwa(int gid, int reg, int info, int level, int wrap, float s, float t, float a0, float a1,
                        float b0, float b1, float weight) {
        int levels = texImageInfo[info + INFO_LEVELS];
        if (level >= levels) {
            addTexel(gid, reg, info, levels - 1, wrap, 0, 0, weight);
        } else {
            int o = info + INFO_LEVEL0 + 3 * level;
            int off = texImageInfo[o], w = texImageInfo[o + 1], h = texImageInfo[o + 2];
            float sc = s * w - 0.5f, tc = t * h - 0.5f;
            float d0s = a0 * w, d0t = a1 * h, d1s = b0 * w, d1t = b1 * h;
            // Ellipse coefficients, then its bounding box in texels.
            float ea = d0t * d0t + d1t * d1t + 1, eb = -2 * (d0s * d0t + d1s * d1t), ec = d0s * d0s + d1s * d1s + 1;
            float invF = 1f / (ea * ec - eb * eb * 0.25f);
            ea *= invF;
            eb *= invF;
            ec *= invF;
            float det = -eb * eb + 4 * ea * ec;
            float invDet = 1f / det;
            float uSqrt = sqrt(det * ec), vSqrt = sqrt(ea * det);
            int s0 = (int) ceil(sc - 2 * invDet * uSqrt), s1 = (int) floor(sc + 2 * invDet * uSqrt);
            int t0 = (int) ceil(tc - 2 * invDet * vSqrt), t1 = (int) floor(tc + 2 * invDet * vSqrt);
            float sr = 0f, sg = 0f, sb = 0f, sum = 0f;
            float tail = exp(-2f);
            for (int it = t0; it <= t1; it++) {
                float tt = it - tc;
                for (int is = s0; is <= s1; is++) {
                    float ss = is - sc;
                    float r2 = ea * ss * ss + eb * ss * tt + ec * tt * tt;
                    if (r2 < 1) {
                        int idx = min((int) (r2 * EWA_LUT), EWA_LUT - 1);
                        float wt = exp(-2f * idx / (EWA_LUT - 1)) - tail;
                        sr += wt * texel(off, w, h, wrap, is, it, 0);
                        sg += wt * texel(off, w, h, wrap, is, it, 1);
                        sb += wt * texel(off, w, h, wrap, is, it, 2);
                        sum += wt;
                    }
                }
            }
            float k = weight / sum;
            texRegs[reg * capacity + gid] += k * sr;
            texRegs[(reg + 1) * capacity + gid] += k * sg;
            texRegs[(reg + 2) * capacity + gid] += k * sb;
        }
    }

    /** Channel ch of texel (x, y) of an image level at texel off, w x h, under wrap mode (repeat, black, clamp, white). */
    float texel(int off, int w, int h, int wrap, int x, int y, int ch) {
        int xx = x, yy = y;
        float v = 0f;
        if (wrap == WRAP_REPEAT) {
            xx = x % w;
            yy = y % h;
            if (xx < 0) {
                xx += w;
            }
            if (yy < 0) {
                yy += h;
            }
        }
        if (wrap == WRAP_CLAMP) {
            xx = max(0, min(w - 1, x));
            yy = max(0, min(h - 1, y));
        }
        if (wrap == WRAP_WHITE) {
            v = 1f;
        }
        if (xx >= 0 && xx < w && yy >= 0 && yy < h) {
            v = texTexels[3 * (off + yy * w + xx) + ch];
        }
        return v;
    }

    /**
     * pbrt-v3 SurfaceInteraction::ComputeDifferentials after the offsets dpdx, dpdy of the hit h
     * (normal n) are known: solves dpdx = dudx dpdu + dvdx dpdv (and likewise for y) in the two
     * coordinates where n is smallest, with dpdu, dpdv of the surface's (u, v) as pbrt-v3's Triangle
     * and Sphere define them; (dudx, dvdx, dudy, dvdy) go to the DUDX..DVDY slots, zero where the
     * system is singular.
     */
    void surfaceDifferentials(int gid, int prim, float hx, float hy, float hz, float nx, float ny, float nz,
                              float xx, float xy, float xz, float yx, float yy, float yz) {
        float ux = 0f, uy = 0f, uz = 0f, vx = 0f, vy = 0f, vz = 0f;
        if (prim < triangleCount) {
            // Triangle::Intersect: from the vertices' (u, v), p2 the reference vertex.
            int g = 9 * prim, q = 6 * prim;
            float d02x = -triGeom[g + 6], d02y = -triGeom[g + 7], d02z = -triGeom[g + 8];
            float d12x = triGeom[g + 3] - triGeom[g + 6], d12y = triGeom[g + 4] - triGeom[g + 7];
            float d12z = triGeom[g + 5] - triGeom[g + 8];
            float du02 = texTriUv[q] - texTriUv[q + 4], dv02 = texTriUv[q + 1] - texTriUv[q + 5];
            float du12 = texTriUv[q + 2] - texTriUv[q + 4], dv12 = texTriUv[q + 3] - texTriUv[q + 5];
            float det = du02 * dv12 - dv02 * du12;
            if (abs(det) >= 1e-8f) {
                float inv = 1f / det;
                ux = (dv12 * d02x - dv02 * d12x) * inv;
                uy = (dv12 * d02y - dv02 * d12y) * inv;
                uz = (dv12 * d02z - dv02 * d12z) * inv;
                vx = (du02 * d12x - du12 * d02x) * inv;
                vy = (du02 * d12y - du12 * d02y) * inv;
                vz = (du02 * d12z - du12 * d02z) * inv;
            }
            int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
            if (inst >= 0) {
                int w = inst * INST_STRIDE + INST_O2W;
                float ax = instXform[w] * ux + instXform[w + 1] * uy + instXform[w + 2] * uz;
                float ay = instXform[w + 4] * ux + instXform[w + 5] * uy + instXform[w + 6] * uz;
                float az = instXform[w + 8] * ux + instXform[w + 9] * uy + instXform[w + 10] * uz;
                float bx = instXform[w] * vx + instXform[w + 1] * vy + instXform[w + 2] * vz;
                float by = instXform[w + 4] * vx + instXform[w + 5] * vy + instXform[w + 6] * vz;
                float bz = instXform[w + 8] * vx + instXform[w + 9] * vy + instXform[w + 10] * vz;
                ux = ax;
                uy = ay;
                uz = az;
                vx = bx;
                vy = by;
                vz = bz;
            }
        } else if (prim < curveBase) {
            // Sphere::Intersect (full sphere): dpdu = 2 pi (-y, x, 0), dpdv = -pi (z cos phi, z sin phi, -r sin theta).
            int sp = prim - triangleCount;
            float r = sphereGeom[4 * sp + 3];
            float qx = hx - sphereGeom[4 * sp], qy = hy - sphereGeom[4 * sp + 1], qz = hz - sphereGeom[4 * sp + 2];
            int f = 9 * sp;
            float ox = sphereFrame[f] * qx + sphereFrame[f + 1] * qy + sphereFrame[f + 2] * qz;
            float oy = sphereFrame[f + 3] * qx + sphereFrame[f + 4] * qy + sphereFrame[f + 5] * qz;
            float oz = sphereFrame[f + 6] * qx + sphereFrame[f + 7] * qy + sphereFrame[f + 8] * qz;
            float zr = sqrt(ox * ox + oy * oy);
            float cphi = 1f, sphi = 0f;
            if (zr > 0) {
                cphi = ox / zr;
                sphi = oy / zr;
            }
            float sinTheta = sqrt(max(0f, 1f - (oz / r) * (oz / r)));
            float pu0 = -2 * PI * oy, pu1 = 2 * PI * ox;
            float pv0 = -PI * oz * cphi, pv1 = -PI * oz * sphi, pv2 = PI * r * sinTheta;
            // Object to world: the transpose of the frame.
            ux = sphereFrame[f] * pu0 + sphereFrame[f + 3] * pu1;
            uy = sphereFrame[f + 1] * pu0 + sphereFrame[f + 4] * pu1;
            uz = sphereFrame[f + 2] * pu0 + sphereFrame[f + 5] * pu1;
            vx = sphereFrame[f] * pv0 + sphereFrame[f + 3] * pv1 + sphereFrame[f + 6] * pv2;
            vy = sphereFrame[f + 1] * pv0 + sphereFrame[f + 4] * pv1 + sphereFrame[f + 7] * pv2;
            vz = sphereFrame[f + 2] * pv0 + sphereFrame[f + 5] * pv1 + sphereFrame[f + 8] * pv2;
        }
        // The two coordinates to solve in: drop the normal's largest.
        float a00 = ux, a01 = vx, a10 = uy, a11 = vy, bx0 = xx, bx1 = xy, by0 = yx, by1 = yy;
        if (abs(nx) > abs(ny) && abs(nx) > abs(nz)) {
            a00 = uy;
            a01 = vy;
            a10 = uz;
            a11 = vz;
            bx0 = xy;
            bx1 = xz;
            by0 = yy;
            by1 = yz;
        } else if (abs(ny) > abs(nz)) {
            a10 = uz;
            a11 = vz;
            bx1 = xz;
            by1 = yz;
        }
        float det = a00 * a11 - a01 * a10;
        float dudx = 0f, dvdx = 0f, dudy = 0f, dvdy = 0f;
        if (abs(det) >= 1e-10f) {
            float inv = 1f / det;
            dudx = (a11 * bx0 - a01 * bx1) * inv;
            dvdx = (a00 * bx1 - a10 * bx0) * inv;
            dudy = (a11 * by0 - a01 * by1) * inv;
            dvdy = (a00 * by1 - a10 * by0) * inv;
        }
        scratch[Scratch.DUDX * capacity + gid] = dudx;
        scratch[Scratch.DVDX * capacity + gid] = dvdx;
        scratch[Scratch.DUDY * capacity + gid] = dudy;
        scratch[Scratch.DVDY * capacity + gid] = dvdy;
    }
}

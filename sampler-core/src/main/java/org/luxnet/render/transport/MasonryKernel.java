package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.TextureLayout.BOND_BASKET;
import static org.luxnet.scene.compiled.TextureLayout.BOND_CHAIN;
import static org.luxnet.scene.compiled.TextureLayout.BOND_ENGLISH;
import static org.luxnet.scene.compiled.TextureLayout.BOND_FLEMISH;
import static org.luxnet.scene.compiled.TextureLayout.BOND_HERRINGBONE;

/**
 * The layer of LuxRender's brick texture (textures/brick.h, BrickTexture3D), under the texture programs
 * ({@link TextureKernel}): at a texture-space point, whether it lies in a brick or in the mortar, and
 * the index of its brick (the point brick.h hands "brickmodtex" as dgb.p). One bond per node, chosen by
 * {@link org.luxnet.scene.compiled.TextureLayout#BR_BOND}; the compiler applies the constructor's
 * rules (stacked's run 0, english's 0.25, chain link's 1.25 and offsets, herringbone's and basket's
 * square bricks and proportion), so the kernel holds Evaluate and the bond functions only.
 */
abstract class MasonryKernel extends ImageKernel {
    private static final float BRICK_EPSILON = 1e-3f;

    /**
     * BrickTexture3D::Evaluate at texture-space point q, for a node's parameters (TextureLayout BR_WIDTH
     * to BR_PROPORTION, in that order): 1 inside a brick, 0 in the mortar; the brick's index goes to
     * registers {@code reg..reg+2} of work item gid (none when reg is negative).
     */
    float brick(int gid, int reg, float w, float h, float d, float mortar, float run, float bondF, float offX,
            float offY, float prop, float qx, float qy, float qz) {
        int bond = (int) bondF;
        float mw = mortar / w, mh = mortar / h, md = mortar / d;
        // Normalize to brick units, then the bond's offset.
        float offs = BRICK_EPSILON + mortar;
        float px = (qx + offs) / w + offX;
        float py = (qy + offs) / d + offY;
        float pz = (qz + offs) / h;
        float ix = 0f, iy = 0f, iz = 0f, bx = 0f, by = 0f, bz = 1f;
        float inv = 1f / prop;
        if (bond == BOND_FLEMISH || bond == BOND_CHAIN) {
            // RunningAlternate with nWhole 1 (flemish) or 2 (chain link).
            float sub = bond == BOND_FLEMISH ? 1.5f : 2.5f;
            float rsub = ceil(sub);
            iz = floor(pz);
            bx = (px + iz * run) / sub;
            by = (py + iz * run) / sub;
            ix = floor(bx);
            iy = floor(by);
            bx = (bx - ix) * sub;
            by = (by - iy) * sub;
            bz = (pz - iz) * sub;
            ix += floor(bx) / rsub;
            iy += floor(by) / rsub;
            bx -= floor(bx);
            by -= floor(by);
        } else if (bond == BOND_BASKET) {
            ix = floor(px);
            iy = floor(py);
            bx = px - ix;
            by = py - iy;
            ix += iy - 2f * floor(0.5f * iy);
            if (ix - 2f * floor(0.5f * ix) < 1f) {
                bx = fmodPositive(bx, inv);
                ix = floor(prop * px) * inv;
            } else {
                by = fmodPositive(by, inv);
                iy = floor(prop * py) * inv;
            }
            // Basket tests no height: bz stays above any mortar.
            mh = 0f;
        } else if (bond == BOND_HERRINGBONE) {
            iy = floor(prop * py);
            float hx = px + iy * inv;
            ix = floor(hx);
            bx = 2f * (0.5f * hx - floor(hx * 0.5f));
            by = (prop * py - floor(prop * py)) * inv;
            if (bx > 1f) {
                boolean across = bx > 1f + inv;
                bx = prop * (bx - 1f);
                iy -= floor(bx - 1f);
                bx -= floor(bx);
                bx *= inv;
                if (across) {
                    by = 1f;
                }
            }
            // Herringbone compares by with the mortar's height and tests no depth.
            md = mh;
            mh = 0f;
        } else {
            // Running (and stacked, run 0) or english.
            iz = floor(pz);
            bx = px + iz * run;
            by = py - iz * run;
            ix = floor(bx);
            iy = floor(by);
            bz = pz - iz;
            bx -= ix;
            by -= iy;
            if (bond == BOND_ENGLISH) {
                // English re-derives the fractions from the run-shifted point, halved on odd rows.
                float sx = px + iz * run, sy = py - iz * run;
                float a = abs(iz);
                float divider = floor(a - 2f * floor(0.5f * a)) + 1f;
                bx = (divider * sx - floor(divider * sx)) / divider;
                by = (divider * sy - floor(divider * sy)) / divider;
            }
        }
        if (reg >= 0) {
            texRegs[reg * capacity + gid] = ix;
            texRegs[(reg + 1) * capacity + gid] = iy;
            texRegs[(reg + 2) * capacity + gid] = iz;
        }
        float inside = 0f;
        if (bz > mh && by > md && bx > mw) {
            inside = 1f;
        }
        return inside;
    }

    /** C's fmodf(x, y) for x >= 0, y > 0: x less the whole multiples of y (floor-based; no % in kernels). */
    float fmodPositive(float x, float y) {
        float r = x - floor(x / y) * y;
        if (r < 0f) {
            r += y;
        }
        if (r >= y) {
            r -= y;
        }
        return r;
    }
}

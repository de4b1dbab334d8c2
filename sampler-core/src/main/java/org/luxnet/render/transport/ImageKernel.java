package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.TextureLayout.WRAP_CLAMP;
import static org.luxnet.scene.compiled.TextureLayout.WRAP_REPEAT;
import static org.luxnet.scene.compiled.TextureLayout.WRAP_WHITE;

import org.luxnet.scene.compiled.CompiledScene;

/**
 * The layer of image lookups, under the texture programs ({@link TextureKernel}): the texels of every
 * image texture in one flat array ({@link CompiledScene#texTexels}, three floats per texel) and each
 * image's place in it ({@link CompiledScene#texImageInfo}). A lookup leaves its colour in the work
 * item's {@link Scratch#IMG_R} to {@link Scratch#IMG_B} slots.
 */
abstract class ImageKernel extends NoiseKernel {
    float[] texTexels = new float[3];
    int[] texImageInfo = new int[3];

    /** Host side: binds the texels and the image table. */
    void setupImages(CompiledScene s) {
        texTexels = KernelArrays.floats(s.texTexels);
        texImageInfo = KernelArrays.ints(s.texImageInfo);
    }

    /**
     * Bilinear lookup of image {@code image} at (s, t) at full resolution (pbrt-v3 MIPMap::triangle at
     * level 0), t = 0 the bottom row, under wrap mode {@code wrap}.
     */
    void imageLookup(int gid, int image, int wrap, float s, float t) {
        int img = 3 * image;
        int off = texImageInfo[img], w = texImageInfo[img + 1], h = texImageInfo[img + 2];
        float fs = s * w - 0.5f, ft = t * h - 0.5f;
        float s0 = floor(fs), t0 = floor(ft);
        float ds = fs - s0, dt = ft - t0;
        int x0 = (int) s0, y0 = (int) t0;
        float w00 = (1 - ds) * (1 - dt), w01 = (1 - ds) * dt, w10 = ds * (1 - dt), w11 = ds * dt;
        for (int ch = 0; ch < 3; ch++) {
            scratch[(Scratch.IMG_R + ch) * capacity + gid] = w00 * texel(off, w, h, wrap, x0, y0, ch)
                    + w01 * texel(off, w, h, wrap, x0, y0 + 1, ch) + w10 * texel(off, w, h, wrap, x0 + 1, y0, ch)
                    + w11 * texel(off, w, h, wrap, x0 + 1, y0 + 1, ch);
        }
    }

    /** Channel ch of texel (x, y) of an image at texel off, w x h, under wrap mode (repeat, black, clamp, white). */
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
}

package org.luxnet.scene.compile;

import org.luxnet.scene.compiled.TextureLayout;

/**
 * pbrt-v3's MIP-map pyramid (core/mipmap.h, MIPMap::MIPMap): an image whose sides are not powers of
 * two is first resampled up to the next powers of two with a 4-tap Lanczos filter (resampleWeights,
 * tau 2) and clamped to be non-negative; then each level is the 2x2 box average of the one above it,
 * texels outside the image read under the wrap mode (MIPMap::Texel), down to one texel. LuxRender's
 * MIPMapFastImpl builds the same pyramid for its mipmap filter types.
 */
final class MipPyramid {
    /** Levels, finest first: RGB texels row-major, width and height of each. */
    final float[][] levels;
    final int[] widths, heights;

    private MipPyramid(float[][] levels, int[] widths, int[] heights) {
        this.levels = levels;
        this.widths = widths;
        this.heights = heights;
    }

    /** One level: the image as it is (bilinear and nearest lookups need no pyramid). */
    static MipPyramid single(float[] rgb, int w, int h) {
        return new MipPyramid(new float[][] {rgb}, new int[] {w}, new int[] {h});
    }

    /** This pyramid without its first n levels, keeping at least the last (LuxRender DiscardMipmaps). */
    MipPyramid discard(int n) {
        int k = Math.min(n, levels.length - 1);
        return new MipPyramid(java.util.Arrays.copyOfRange(levels, k, levels.length),
                java.util.Arrays.copyOfRange(widths, k, widths.length), java.util.Arrays.copyOfRange(heights, k, heights.length));
    }

    /** The pyramid of an RGB image (row 0 the image's bottom) under wrap mode {@code wrap} (WRAP_ constants). */
    static MipPyramid build(float[] rgb, int w, int h, int wrap) {
        float[] img = rgb;
        int pw = Integer.highestOneBit(w) == w ? w : Integer.highestOneBit(w) << 1;
        int ph = Integer.highestOneBit(h) == h ? h : Integer.highestOneBit(h) << 1;
        if (pw != w || ph != h) {
            img = resample(rgb, w, h, pw, ph, wrap);
        }
        int n = 1 + 31 - Integer.numberOfLeadingZeros(Math.max(pw, ph));
        if (n > TextureLayout.MAX_LEVELS) {
            throw new IllegalArgumentException(pw + "x" + ph + " needs more than " + TextureLayout.MAX_LEVELS + " levels");
        }
        float[][] levels = new float[n][];
        int[] ws = new int[n], hs = new int[n];
        levels[0] = img;
        ws[0] = pw;
        hs[0] = ph;
        for (int i = 1; i < n; i++) {
            int sw = Math.max(1, ws[i - 1] / 2), sh = Math.max(1, hs[i - 1] / 2);
            float[] l = new float[3 * sw * sh];
            for (int t = 0; t < sh; t++) {
                for (int s = 0; s < sw; s++) {
                    for (int c = 0; c < 3; c++) {
                        l[3 * (t * sw + s) + c] = 0.25f * (texel(levels[i - 1], ws[i - 1], hs[i - 1], wrap, 2 * s, 2 * t, c)
                                + texel(levels[i - 1], ws[i - 1], hs[i - 1], wrap, 2 * s + 1, 2 * t, c)
                                + texel(levels[i - 1], ws[i - 1], hs[i - 1], wrap, 2 * s, 2 * t + 1, c)
                                + texel(levels[i - 1], ws[i - 1], hs[i - 1], wrap, 2 * s + 1, 2 * t + 1, c));
                    }
                }
            }
            levels[i] = l;
            ws[i] = sw;
            hs[i] = sh;
        }
        return new MipPyramid(levels, ws, hs);
    }

    /** pbrt-v3 MIPMap::Texel: channel c of (s, t) under the wrap mode (white: 1 outside, a LuxRender mode). */
    static float texel(float[] img, int w, int h, int wrap, int s, int t, int c) {
        int ss = s, tt = t;
        if (wrap == TextureLayout.WRAP_REPEAT) {
            ss = Math.floorMod(s, w);
            tt = Math.floorMod(t, h);
        } else if (wrap == TextureLayout.WRAP_CLAMP) {
            ss = Math.max(0, Math.min(w - 1, s));
            tt = Math.max(0, Math.min(h - 1, t));
        }
        if (ss < 0 || ss >= w || tt < 0 || tt >= h) {
            return wrap == TextureLayout.WRAP_WHITE ? 1f : 0f;
        }
        return img[3 * (tt * w + ss) + c];
    }

    /** pbrt-v3's separable Lanczos resampling to pw x ph: along s, then along t with negatives clamped to 0. */
    private static float[] resample(float[] img, int w, int h, int pw, int ph, int wrap) {
        int[] sFirst = new int[pw];
        float[] sWeights = weights(w, pw, sFirst);
        float[] wide = new float[3 * pw * h];
        for (int t = 0; t < h; t++) {
            for (int s = 0; s < pw; s++) {
                for (int j = 0; j < 4; j++) {
                    int orig = wrapIndex(sFirst[s] + j, w, wrap);
                    if (orig >= 0 && orig < w) {
                        for (int c = 0; c < 3; c++) {
                            wide[3 * (t * pw + s) + c] += sWeights[4 * s + j] * img[3 * (t * w + orig) + c];
                        }
                    }
                }
            }
        }
        int[] tFirst = new int[ph];
        float[] tWeights = weights(h, ph, tFirst);
        float[] out = new float[3 * pw * ph];
        for (int s = 0; s < pw; s++) {
            for (int t = 0; t < ph; t++) {
                for (int c = 0; c < 3; c++) {
                    float v = 0;
                    for (int j = 0; j < 4; j++) {
                        int orig = wrapIndex(tFirst[t] + j, h, wrap);
                        if (orig >= 0 && orig < h) {
                            v += tWeights[4 * t + j] * wide[3 * (orig * pw + s) + c];
                        }
                    }
                    out[3 * (t * pw + s) + c] = Math.max(0, v);
                }
            }
        }
        return out;
    }

    private static int wrapIndex(int i, int n, int wrap) {
        if (wrap == TextureLayout.WRAP_REPEAT) {
            return Math.floorMod(i, n);
        }
        return wrap == TextureLayout.WRAP_CLAMP ? Math.max(0, Math.min(n - 1, i)) : i;
    }

    /** pbrt-v3 MIPMap::resampleWeights: four normalised Lanczos weights per new texel, first texel to first. */
    private static float[] weights(int oldRes, int newRes, int[] first) {
        float[] wt = new float[4 * newRes];
        float filterWidth = 2f;
        for (int i = 0; i < newRes; i++) {
            float center = (i + 0.5f) * oldRes / newRes;
            first[i] = (int) Math.floor(center - filterWidth + 0.5f);
            float sum = 0;
            for (int j = 0; j < 4; j++) {
                float pos = first[i] + j + 0.5f;
                wt[4 * i + j] = lanczos((pos - center) / filterWidth, 2f);
                sum += wt[4 * i + j];
            }
            for (int j = 0; j < 4; j++) {
                wt[4 * i + j] /= sum;
            }
        }
        return wt;
    }

    /** pbrt-v3 Lanczos(x, tau): the windowed sinc on [-1, 1]. */
    private static float lanczos(float x, float tau) {
        float a = Math.abs(x);
        if (a < 1e-5f) {
            return 1;
        }
        if (a > 1) {
            return 0;
        }
        a *= (float) Math.PI;
        float s = (float) Math.sin(a * tau) / (a * tau);
        return s * (float) Math.sin(a) / a;
    }
}

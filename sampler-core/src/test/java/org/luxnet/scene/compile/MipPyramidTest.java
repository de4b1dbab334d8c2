package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.TextureLayout;

/**
 * pbrt-v3's MIP-map pyramid (core/mipmap.h, MIPMap::MIPMap) in closed form: each level is the 2x2
 * box average of the one above, texels outside read under the wrap mode, and sides that are not
 * powers of two are resampled up with normalised Lanczos weights first.
 */
class MipPyramidTest {
    /** A w x h grey image, value v(x, y) in every channel. */
    private static float[] image(int w, int h, java.util.function.IntBinaryOperator v) {
        float[] img = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    img[3 * (y * w + x) + c] = v.applyAsInt(x, y);
                }
            }
        }
        return img;
    }

    private static float[] grey(int n, float v) {
        float[] a = new float[3 * n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void aTexelCheckerAveragesToGreyAtLevelOne() {
        MipPyramid p = MipPyramid.build(image(4, 4, (x, y) -> (x + y) & 1), 4, 4, TextureLayout.WRAP_REPEAT);
        assertEquals(3, p.levels.length);
        assertArrayEquals(new int[] {4, 2, 1}, p.widths);
        assertArrayEquals(grey(4, 0.5f), p.levels[1], 0f);
        assertArrayEquals(grey(1, 0.5f), p.levels[2], 0f);
    }

    @Test
    void aTwoTexelCheckerIsACheckerAtLevelOneAndGreyAtLevelTwo() {
        MipPyramid p = MipPyramid.build(image(4, 4, (x, y) -> (x / 2 + y / 2) & 1), 4, 4, TextureLayout.WRAP_REPEAT);
        assertArrayEquals(image(2, 2, (x, y) -> (x + y) & 1), p.levels[1], 0f);
        assertArrayEquals(grey(1, 0.5f), p.levels[2], 0f);
    }

    @Test
    void oddLevelsReadOutsideTexelsUnderTheWrapMode() {
        // 2x1 of ones: level 1 averages (0,0), (1,0), (0,1), (1,1); row 1 is outside the image.
        float[] ones = grey(2, 1);
        assertArrayEquals(grey(1, 1), MipPyramid.build(ones, 2, 1, TextureLayout.WRAP_REPEAT).levels[1], 0f);
        assertArrayEquals(grey(1, 1), MipPyramid.build(ones, 2, 1, TextureLayout.WRAP_CLAMP).levels[1], 0f);
        assertArrayEquals(grey(1, 0.5f), MipPyramid.build(ones, 2, 1, TextureLayout.WRAP_BLACK).levels[1], 0f);
    }

    @Test
    void otherSizesAreResampledUpToPowersOfTwoKeepingAConstant() {
        MipPyramid p = MipPyramid.build(grey(9, 0.7f), 3, 3, TextureLayout.WRAP_REPEAT);
        assertArrayEquals(new int[] {4, 2, 1}, p.widths);
        assertArrayEquals(grey(16, 0.7f), p.levels[0], 1e-6f);
        assertArrayEquals(grey(1, 0.7f), p.levels[2], 1e-6f);
        // A ramp 0, 1, 2 resampled to 4 (clamped edges): the weights mirror about the middle, so inner
        // texels sum to 2; the Lanczos lobe overshoots at the ends, below 0 (clamped, as pbrt does) and above 2.
        MipPyramid r = MipPyramid.build(image(3, 1, (x, y) -> x), 3, 1, TextureLayout.WRAP_CLAMP);
        float[] l0 = r.levels[0];
        assertEquals(4, r.widths[0]);
        assertEquals(1, r.heights[0]); // 1 = 2^0 stays
        assertEquals(2, l0[3] + l0[6], 1e-5f);
        assertEquals(0, l0[0]);
        assertEquals(true, l0[3] < l0[6] && l0[9] > 2);
    }

    @Test
    void luxRenderDiscardsFirstLevelsButKeepsTheLast() {
        MipPyramid p = MipPyramid.build(image(4, 4, (x, y) -> (x / 2 + y / 2) & 1), 4, 4, TextureLayout.WRAP_REPEAT);
        MipPyramid d = p.discard(1);
        assertArrayEquals(new int[] {2, 1}, d.widths);
        assertArrayEquals(p.levels[1], d.levels[0], 0f);
        assertArrayEquals(new int[] {1}, p.discard(7).widths);
    }
}

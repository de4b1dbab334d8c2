package org.luxnet.scene.compile;

import java.util.Map;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * The weave patterns of LuxRender's "cloth" presets (materials/cloth.cpp: DenimPattern,
 * SilkCharmeusePattern, CottonTwillPattern, WoolGabardinePattern, PolyesterLiningClothPattern,
 * SilkShantungPattern), with the WeavePattern and Warp/Weft constructor arguments exactly as cloth.cpp
 * passes them (core/reflection/bxdf/irawan.h: angles in degrees, which the constructors turn to radians
 * with Radians), and their tables in the layout the kernel reads ({@link MaterialLayout} CLT_ and CLY_).
 */
final class ClothPresets {
    private ClothPresets() {
    }

    /** A Warp or Weft: irawan.h Yarn(psi, umax, kappa, width, length, centerU, centerV, index), degrees. */
    record Yarn(boolean weft, float psi, float umax, float kappa, float width, float length, float centerU,
                float centerV, int index) {
    }

    /**
     * irawan.h WeavePattern(name, tileWidth, tileHeight, alpha, beta, ss, hWidth, warpArea, weftArea, fineness,
     * repeat_u, repeat_v (the material's), dWarpUmaxOverDWarp, dWarpUmaxOverDWeft, dWeftUmaxOverDWarp,
     * dWeftUmaxOverDWeft (degrees), period), its pattern (1-based yarn numbers, rows as cloth.cpp lists them) and
     * yarns.
     */
    record Pattern(int tileWidth, int tileHeight, float alpha, float beta, float ss, float hWidth, float warpArea,
                   float weftArea, float fineness, float dWarpDWarp, float dWarpDWeft, float dWeftDWarp,
                   float dWeftDWeft, float period, int[] cells, Yarn[] yarns) {
        /** Number of warp yarns (those of colour index 0). */
        int warps() {
            int n = 0;
            for (Yarn y : yarns) {
                n += y.index() == 0 ? 1 : 0;
            }
            return n;
        }

        /** The table the kernel reads (MaterialLayout CLT_, CLY_), angles in radians as LuxRender's Radians gives them. */
        float[] table() {
            int yarnsAt = MaterialLayout.CLT_CELLS + cells.length;
            float[] t = new float[yarnsAt + MaterialLayout.CLY_STRIDE * yarns.length];
            t[MaterialLayout.CLT_TILE_W] = tileWidth;
            t[MaterialLayout.CLT_TILE_H] = tileHeight;
            t[MaterialLayout.CLT_ALPHA] = alpha;
            t[MaterialLayout.CLT_BETA] = beta;
            t[MaterialLayout.CLT_SS] = ss;
            t[MaterialLayout.CLT_HWIDTH] = hWidth;
            t[MaterialLayout.CLT_WARP_AREA] = warpArea;
            t[MaterialLayout.CLT_WEFT_AREA] = weftArea;
            t[MaterialLayout.CLT_FINENESS] = fineness;
            t[MaterialLayout.CLT_PERIOD] = period;
            t[MaterialLayout.CLT_DWARP_DWARP] = radians(dWarpDWarp);
            t[MaterialLayout.CLT_DWARP_DWEFT] = radians(dWarpDWeft);
            t[MaterialLayout.CLT_DWEFT_DWARP] = radians(dWeftDWarp);
            t[MaterialLayout.CLT_DWEFT_DWEFT] = radians(dWeftDWeft);
            t[MaterialLayout.CLT_YARNS] = yarnsAt;
            for (int i = 0; i < cells.length; i++) {
                t[MaterialLayout.CLT_CELLS + i] = cells[i];
            }
            for (int i = 0; i < yarns.length; i++) {
                Yarn y = yarns[i];
                int o = yarnsAt + MaterialLayout.CLY_STRIDE * i;
                t[o + MaterialLayout.CLY_WEFT] = y.weft() ? 1 : 0;
                t[o + MaterialLayout.CLY_PSI] = radians(y.psi());
                t[o + MaterialLayout.CLY_UMAX] = radians(y.umax());
                t[o + MaterialLayout.CLY_KAPPA] = y.kappa();
                t[o + MaterialLayout.CLY_WIDTH] = y.width();
                t[o + MaterialLayout.CLY_LENGTH] = y.length();
                t[o + MaterialLayout.CLY_CENTER_U] = y.centerU();
                t[o + MaterialLayout.CLY_CENTER_V] = y.centerV();
                t[o + MaterialLayout.CLY_INDEX] = y.index();
            }
            return t;
        }
    }

    /** LuxRender's Radians (geometry/utils): (M_PI / 180.f) * deg, in double, to float. */
    static float radians(float deg) {
        return (float) (Math.PI / 180.0 * deg);
    }

    private static Yarn warp(float psi, float umax, float kappa, float width, float length, float cu, float cv) {
        return new Yarn(false, psi, umax, kappa, width, length, cu, cv, 0);
    }

    private static Yarn weft(float psi, float umax, float kappa, float width, float length, float cu, float cv) {
        return new Yarn(true, psi, umax, kappa, width, length, cu, cv, 1);
    }

    /** Cloth::CreateMaterial's "presetname" values; any other name is denim there. */
    static final Map<String, Pattern> PRESETS = Map.of(
            "denim", new Pattern(3, 6, 0.01f, 4.0f, 0.0f, 0.5f, 5.0f, 1.0f, 3.0f, 0f, 0f, 0f, 0f, 0f,
                    new int[] {1, 3, 8, 1, 3, 5, 1, 7, 5, 1, 4, 5, 6, 4, 5, 2, 4, 5},
                    new Yarn[] {warp(-30, 12, 0, 1, 5, 0.1667f, 0.75f), warp(-30, 12, 0, 1, 5, 0.1667f, -0.25f),
                        warp(-30, 12, 0, 1, 5, 0.5f, 1.0833f), warp(-30, 12, 0, 1, 5, 0.5f, 0.0833f),
                        warp(-30, 12, 0, 1, 5, 0.8333f, 0.4167f), weft(-30, 38, 0, 1, 1, 0.1667f, 0.25f),
                        weft(-30, 38, 0, 1, 1, 0.5f, 0.5833f), weft(-30, 38, 0, 1, 1, 0.8333f, 0.9167f)}),
            "silk_charmeuse", new Pattern(5, 10, 0.02f, 7.3f, 0.5f, 0.5f, 9.0f, 1.0f, 3.0f, 0f, 0f, 0f, 0f, 0f,
                    new int[] {10, 2, 4, 6, 8, 1, 2, 4, 6, 8, 1, 2, 4, 13, 8, 1, 2, 4, 7, 8, 1, 11, 4, 7, 8,
                        1, 3, 4, 7, 8, 1, 3, 4, 7, 14, 1, 3, 4, 7, 9, 1, 3, 12, 7, 9, 1, 3, 5, 7, 9},
                    new Yarn[] {warp(0, 40, 2, 1, 9, 0.1f, 0.45f), warp(0, 40, 2, 1, 9, 0.3f, 1.05f),
                        warp(0, 40, 2, 1, 9, 0.3f, 0.05f), warp(0, 40, 2, 1, 9, 0.5f, 0.65f),
                        warp(0, 40, 2, 1, 9, 0.5f, -0.35f), warp(0, 40, 2, 1, 9, 0.7f, 1.25f),
                        warp(0, 40, 2, 1, 9, 0.7f, 0.25f), warp(0, 40, 2, 1, 9, 0.9f, 0.85f),
                        warp(0, 40, 2, 1, 9, 0.9f, -0.15f), weft(0, 60, 0, 1, 1, 0.1f, 0.95f),
                        weft(0, 60, 0, 1, 1, 0.3f, 0.55f), weft(0, 60, 0, 1, 1, 0.5f, 0.15f),
                        weft(0, 60, 0, 1, 1, 0.7f, 0.75f), weft(0, 60, 0, 1, 1, 0.9f, 0.35f)}),
            "cotton_twill", new Pattern(4, 8, 0.01f, 4.0f, 0.0f, 0.5f, 6.0f, 2.0f, 4.0f, 0f, 0f, 0f, 0f, 0f,
                    new int[] {7, 2, 4, 6, 7, 2, 4, 6, 1, 8, 4, 6, 1, 8, 4, 6, 1, 3, 9, 6, 1, 3, 9, 6,
                        1, 3, 5, 10, 1, 3, 5, 10},
                    new Yarn[] {warp(-30, 24, 0, 1, 6, 0.125f, 0.375f), warp(-30, 24, 0, 1, 6, 0.375f, 1.125f),
                        warp(-30, 24, 0, 1, 6, 0.375f, 0.125f), warp(-30, 24, 0, 1, 6, 0.625f, 0.875f),
                        warp(-30, 24, 0, 1, 6, 0.625f, -0.125f), warp(-30, 24, 0, 1, 6, 0.875f, 0.625f),
                        weft(-30, 36, 0, 2, 1, 0.125f, 0.875f), weft(-30, 36, 0, 2, 1, 0.375f, 0.625f),
                        weft(-30, 36, 0, 2, 1, 0.625f, 0.375f), weft(-30, 36, 0, 2, 1, 0.875f, 0.125f)}),
            "wool_gabardine", new Pattern(6, 9, 0.01f, 4.0f, 0.0f, 0.5f, 12.0f, 6.0f, 0.0f, 0f, 0f, 0f, 0f, 0f,
                    new int[] {1, 1, 2, 2, 7, 7, 1, 1, 2, 2, 7, 7, 1, 1, 2, 2, 7, 7, 1, 1, 6, 6, 4, 4,
                        1, 1, 6, 6, 4, 4, 1, 1, 6, 6, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5, 3, 3, 4, 4},
                    new Yarn[] {warp(30, 30, 0, 2, 6, 0.167f, 0.667f), warp(30, 30, 0, 2, 6, 0.5f, 1.0f),
                        warp(30, 30, 0, 2, 6, 0.5f, 0.0f), warp(30, 30, 0, 2, 6, 0.833f, 0.333f),
                        weft(30, 30, 0, 3, 2, 0.167f, 0.167f), weft(30, 30, 0, 3, 2, 0.5f, 0.5f),
                        weft(30, 30, 0, 3, 2, 0.833f, 0.833f)}),
            "polyester_lining_cloth", new Pattern(2, 2, 0.015f, 4.0f, 0.5f, 0.5f, 1.0f, 1.0f, 0.0f,
                    8.0f, 8.0f, 6.0f, 6.0f, 50.0f,
                    new int[] {3, 2, 1, 4},
                    new Yarn[] {warp(0, 22, -0.7f, 1, 1, 0.25f, 0.25f), warp(0, 22, -0.7f, 1, 1, 0.75f, 0.75f),
                        weft(0, 16, -0.7f, 1, 1, 0.25f, 0.75f), weft(0, 16, -0.7f, 1, 1, 0.75f, 0.25f)}),
            "silk_shantung", new Pattern(6, 8, 0.02f, 1.5f, 0.5f, 0.5f, 8.0f, 16.0f, 0.0f,
                    20.0f, 20.0f, 10.0f, 10.0f, 500.0f,
                    new int[] {3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 2, 2,
                        4, 1, 1, 5, 5, 5, 4, 1, 1, 5, 5, 5, 4, 1, 1, 5, 5, 5, 4, 1, 1, 5, 5, 5},
                    new Yarn[] {warp(0, 50, -0.5f, 2, 4, 0.3333f, 0.25f), warp(0, 50, -0.5f, 2, 4, 0.8333f, 0.75f),
                        weft(0, 23, -0.3f, 4, 4, 0.3333f, 0.75f), weft(0, 23, -0.3f, 4, 4, -0.1667f, 0.25f),
                        weft(0, 23, -0.3f, 4, 4, 0.8333f, 0.25f)}));
}

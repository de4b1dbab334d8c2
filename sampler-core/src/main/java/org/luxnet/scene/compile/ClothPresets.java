package org.luxnet.scene.compile;

import java.util.Map;

/**
 * The weave patterns of LuxRender's "cloth" presets (materials/cloth.cpp: DenimPattern,
 * SilkCharmeusePattern, CottonTwillPattern, WoolGabardinePattern, PolyesterLiningClothPattern,
 * SilkShantungPattern), as far as the compiler uses them: each tile cell's yarn (1-based, as the
 * pattern arrays hold them) and how many of the preset's yarns, listed first, are warps (the rest are
 * wefts). Cloth::GetBSDF's Lambertian takes warp_Kd on a warp yarn's cells and weft_Kd on a weft's.
 */
final class ClothPresets {
    private ClothPresets() {
    }

    /** A preset's tile of yarn numbers and its number of warp yarns. */
    record Weave(int[] cells, int warps) {
        /** The share of the tile's cells a warp yarn covers. */
        double warpFraction() {
            int n = 0;
            for (int c : cells) {
                n += c <= warps ? 1 : 0;
            }
            return n / (double) cells.length;
        }
    }

    /** Cloth::CreateMaterial's "presetname" values; any other name is denim there. */
    static final Map<String, Weave> PRESETS = Map.of(
            "denim", new Weave(new int[] {1, 3, 8, 1, 3, 5, 1, 7, 5, 1, 4, 5, 6, 4, 5, 2, 4, 5}, 5),
            "silk_charmeuse", new Weave(new int[] {10, 2, 4, 6, 8, 1, 2, 4, 6, 8, 1, 2, 4, 13, 8, 1, 2, 4, 7, 8,
                1, 11, 4, 7, 8, 1, 3, 4, 7, 8, 1, 3, 4, 7, 14, 1, 3, 4, 7, 9, 1, 3, 12, 7, 9, 1, 3, 5, 7, 9}, 9),
            "cotton_twill", new Weave(new int[] {7, 2, 4, 6, 7, 2, 4, 6, 1, 8, 4, 6, 1, 8, 4, 6, 1, 3, 9, 6,
                1, 3, 9, 6, 1, 3, 5, 10, 1, 3, 5, 10}, 6),
            "wool_gabardine", new Weave(new int[] {1, 1, 2, 2, 7, 7, 1, 1, 2, 2, 7, 7, 1, 1, 2, 2, 7, 7,
                1, 1, 6, 6, 4, 4, 1, 1, 6, 6, 4, 4, 1, 1, 6, 6, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5, 3, 3, 4, 4,
                5, 5, 3, 3, 4, 4}, 4),
            "polyester_lining_cloth", new Weave(new int[] {3, 2, 1, 4}, 2),
            "silk_shantung", new Weave(new int[] {3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 2, 2,
                3, 3, 3, 3, 2, 2, 4, 1, 1, 5, 5, 5, 4, 1, 1, 5, 5, 5, 4, 1, 1, 5, 5, 5, 4, 1, 1, 5, 5, 5}, 2));
}

package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * The cloth presets' weave tiles as materials/cloth.cpp writes them: WeavePattern's tileWidth x
 * tileHeight cells, each a yarn of the preset (1-based), the warps listed first; and their tables in the
 * layout the kernel reads.
 */
class ClothPresetsTest {
    /** cloth.cpp's tile sizes (width x height) and yarn counts per preset. */
    private static final Map<String, int[]> SIZES = Map.of(
            "denim", new int[] {3, 6, 8},
            "silk_charmeuse", new int[] {5, 10, 14},
            "cotton_twill", new int[] {4, 8, 10},
            "wool_gabardine", new int[] {6, 9, 7},
            "polyester_lining_cloth", new int[] {2, 2, 4},
            "silk_shantung", new int[] {6, 8, 5});

    @Test
    void everyPresetsTileHasItsSizeAndUsesEveryYarn() {
        assertEquals(SIZES.keySet(), ClothPresets.PRESETS.keySet());
        for (var e : SIZES.entrySet()) {
            ClothPresets.Pattern w = ClothPresets.PRESETS.get(e.getKey());
            int[] size = e.getValue();
            assertEquals(size[0], w.tileWidth(), e.getKey());
            assertEquals(size[1], w.tileHeight(), e.getKey());
            assertEquals(size[2], w.yarns().length, e.getKey());
            assertEquals(size[0] * size[1], w.cells().length, e.getKey());
            for (int yarn = 1; yarn <= size[2]; yarn++) {
                final int y = yarn;
                assertTrue(java.util.Arrays.stream(w.cells()).anyMatch(c -> c == y), e.getKey() + " yarn " + y);
            }
            assertTrue(java.util.Arrays.stream(w.cells()).allMatch(c -> c >= 1 && c <= size[2]), e.getKey());
        }
    }

    @Test
    void warpsComeFirstAndAreTheYarnsOfColourIndexZero() {
        // cloth.cpp: denim 5 Warps then 3 Wefts, charmeuse 9 + 5, twill 6 + 4, gabardine 4 + 3, polyester 2 + 2, shantung 2 + 3.
        Map<String, Integer> warps = Map.of("denim", 5, "silk_charmeuse", 9, "cotton_twill", 6, "wool_gabardine", 4,
                "polyester_lining_cloth", 2, "silk_shantung", 2);
        for (var e : warps.entrySet()) {
            ClothPresets.Pattern p = ClothPresets.PRESETS.get(e.getKey());
            assertEquals(e.getValue(), p.warps(), e.getKey());
            for (int i = 0; i < p.yarns().length; i++) {
                assertEquals(i >= e.getValue(), p.yarns()[i].weft(), e.getKey() + " yarn " + i);
            }
        }
    }

    @Test
    void tablesHoldTheConstructorsArgumentsInRadians() {
        float[] t = ClothPresets.PRESETS.get("silk_shantung").table();
        assertEquals(6, t[MaterialLayout.CLT_TILE_W]);
        assertEquals(8, t[MaterialLayout.CLT_TILE_H]);
        assertEquals(500, t[MaterialLayout.CLT_PERIOD]);
        assertEquals((float) Math.toRadians(20), t[MaterialLayout.CLT_DWARP_DWARP], 1e-7f);
        assertEquals((float) Math.toRadians(10), t[MaterialLayout.CLT_DWEFT_DWEFT], 1e-7f);
        assertEquals(MaterialLayout.CLT_CELLS + 48, (int) t[MaterialLayout.CLT_YARNS]);
        // Weft(0, 23, -0.3, 4, 4, -0.1667, 0.25, 1), the fourth yarn.
        int y = (int) t[MaterialLayout.CLT_YARNS] + 3 * MaterialLayout.CLY_STRIDE;
        assertEquals(1, t[y + MaterialLayout.CLY_WEFT]);
        assertEquals((float) Math.toRadians(23), t[y + MaterialLayout.CLY_UMAX], 1e-7f);
        assertEquals(-0.3f, t[y + MaterialLayout.CLY_KAPPA]);
        assertEquals(-0.1667f, t[y + MaterialLayout.CLY_CENTER_U]);
        assertEquals(1, t[y + MaterialLayout.CLY_INDEX]);
        assertEquals(t.length, y + 2 * MaterialLayout.CLY_STRIDE);
    }
}

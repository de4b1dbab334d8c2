package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cloth presets' weave tiles as materials/cloth.cpp writes them: WeavePattern's tileWidth x
 * tileHeight cells, each a yarn of the preset (1-based), the warps listed first.
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
            ClothPresets.Weave w = ClothPresets.PRESETS.get(e.getKey());
            int[] size = e.getValue();
            assertEquals(size[0] * size[1], w.cells().length, e.getKey());
            for (int yarn = 1; yarn <= size[2]; yarn++) {
                final int y = yarn;
                assertTrue(java.util.Arrays.stream(w.cells()).anyMatch(c -> c == y), e.getKey() + " yarn " + y);
            }
            assertTrue(java.util.Arrays.stream(w.cells()).allMatch(c -> c >= 1 && c <= size[2]), e.getKey());
        }
    }

    @Test
    void warpSharesCountTheCells() {
        // denim: wefts 6, 7, 8 on three of 18 cells; polyester: a plain weave, half and half; wool: wefts 5-7 on 18 of 54.
        assertEquals(15 / 18.0, ClothPresets.PRESETS.get("denim").warpFraction(), 1e-12);
        assertEquals(0.5, ClothPresets.PRESETS.get("polyester_lining_cloth").warpFraction(), 1e-12);
        assertEquals(36 / 54.0, ClothPresets.PRESETS.get("wool_gabardine").warpFraction(), 1e-12);
    }
}

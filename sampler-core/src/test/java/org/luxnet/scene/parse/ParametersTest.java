package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.SceneDescription;

/** Parameter lists in both dialects' spellings. */
class ParametersTest {

    private static SceneDescription scene(String materialParams) {
        return MemoryResources.parse("WorldBegin\nMaterial \"test\" " + materialParams + "\nShape \"sphere\"\n");
    }

    private static ParamSet params(String materialParams) {
        return scene(materialParams).shapes().get(0).material().params();
    }

    @Test
    void everyTypeWordInBothDialects() {
        ParamSet p = params("\"float f\" 1.5 \"integer i\" [3 -4] \"int j\" 7 \"string s\" \"x\" \"point a\" [1 2 3]"
                + " \"point3 b\" [4 5 6] \"normal n\" [0 0 1] \"normal3 n3\" [0 1 0] \"vector v\" [1 0 0]"
                + " \"vector3 v3\" [0 0 2] \"point2 uv\" [0.5 0.5] \"color c\" [0.1 0.2 0.3] \"rgb r\" [1 0 0]"
                + " \"blackbody bb\" [6500 2] \"texture Kd\" \"wood\"");
        assertEquals(1.5, p.getFloat("f", 0), 0);
        assertArrayEquals(new int[] {3, -4}, p.getInts("i"));
        assertEquals(7, p.getInt("j", 0));
        assertEquals("x", p.getString("s", null));
        assertArrayEquals(new float[] {1, 2, 3}, p.getPoints("a"));
        assertArrayEquals(new float[] {4, 5, 6}, p.getPoints("b"));
        assertArrayEquals(new float[] {0, 0, 1}, p.getNormals("n"));
        assertArrayEquals(new float[] {0, 1, 0}, p.getNormals("n3"));
        assertArrayEquals(new float[] {1, 0, 0}, p.getVectors("v"));
        assertArrayEquals(new float[] {0, 0, 2}, p.getVectors("v3"));
        assertEquals(ParamType.POINT2, p.get("uv").type());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, p.getRgb("c", null));
        assertArrayEquals(new float[] {1, 0, 0}, p.getRgb("r", null));
        assertEquals(ParamType.BLACKBODY, p.get("bb").type());
        assertArrayEquals(new double[] {6500, 2}, p.get("bb").numbers(), 0);
        assertEquals("wood", p.getTexture("Kd"));
    }

    @Test
    void boolsQuotedBareAndInBrackets() {
        ParamSet p = params("\"bool a\" \"true\" \"bool b\" [\"false\"] \"bool c\" true \"bool d\" [false true]");
        assertTrue(p.getBool("a", false));
        assertFalse(p.getBool("b", true));
        assertTrue(p.getBool("c", false));
        Param d = p.get("d");
        assertArrayEquals(new boolean[] {false, true}, d.bools());
    }

    @Test
    void parameterPlaceIsItsDeclaration() {
        ParamSet p = params("\n   \"float roughness\" [0.1]");
        assertEquals(new FileLoc("scene.lxs", 3, 4), p.get("roughness").loc());
    }

    @Test
    void laterDuplicateReplacesEarlier() {
        assertEquals(2, params("\"float x\" 1 \"float x\" 2").getFloat("x", 0), 0);
    }

    @Test
    void spectrumIsSkippedWithAWarning() {
        SceneDescription s = scene("\"spectrum Kd\" [300 .3  800 .6] \"spectrum eta\" \"spds/metals/Au.eta.spd\" \"float x\" 1");
        ParamSet p = s.shapes().get(0).material().params();
        assertFalse(p.has("Kd"));
        assertFalse(p.has("eta"));
        assertEquals(1, p.getFloat("x", 0), 0);
        assertEquals(List.of("scene.lxs:2: warning: parameter \"spectrum Kd\" is not supported (spectral data) and was"
                + " ignored; the default is used", "scene.lxs:2: warning: parameter \"spectrum eta\" is not supported"
                + " (spectral data) and was ignored; the default is used"),
                s.warnings().stream().map(Object::toString).toList());
    }

    @Test
    void largeInlineArrays() {
        StringBuilder sb = new StringBuilder("\"float big\" [");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i).append(' ');
        }
        float[] v = params(sb.append(']').toString()).getFloats("big");
        assertEquals(100_000, v.length);
        assertEquals(99_999f, v[99_999], 0);
    }
}

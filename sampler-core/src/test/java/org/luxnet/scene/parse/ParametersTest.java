package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
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

    /**
     * pbrt-v3's RGBSpectrum::FromSampled: a constant spectrum c has X = Y = Z = c (the CIE 1931 functions
     * have equal integrals, and Y is normalised to the CIE_Y_integral; pbrt-v3 scales by (830 - 360) /
     * 471 samples, so c x 470 / 471), so its linear sRGB, taken back to XYZ with the sRGB matrix, must
     * give that three times; samples may come in any order.
     */
    @Test
    void inlineSpectrumIsPbrtV3sRgb() {
        ParamSet p = params("\"spectrum Kd\" [300 .5  800 .5] \"spectrum Ks\" [800 .6 300 .3] \"spectrum Kr\" [300 .3 800 .6]");
        float[] c = p.getRgb("Kd", null);
        double x = 0.412453 * c[0] + 0.357580 * c[1] + 0.180423 * c[2];
        double y = 0.212671 * c[0] + 0.715160 * c[1] + 0.072169 * c[2];
        double z = 0.019334 * c[0] + 0.119193 * c[1] + 0.950227 * c[2];
        double expected = 0.5 * 470 / 471;
        assertEquals(expected, y, 1e-5);
        assertEquals(expected, x, 5e-3);
        assertEquals(expected, z, 5e-3);
        assertArrayEquals(p.getRgb("Kr", null), p.getRgb("Ks", null), 1e-6f);
        float[] ramp = p.getRgb("Kr", null);
        assertTrue(ramp[0] > ramp[2], "a spectrum rising to the red end is redder than it is blue");
    }

    @Test
    void spdFileIsReadThroughTheScenesResources() {
        SceneDescription s = new MemoryResources().add("scene.lxs", "WorldBegin\nMaterial \"test\" \"spectrum eta\""
                + " \"spds/au.spd\" \"spectrum k\" [400 1.5 500 0.9 700 0.2]\nShape \"sphere\"\n")
                .add("spds/au.spd", "# gold, made up\n400 1.5\n500 0.9 # green\n\n700 0.2\n").parse();
        ParamSet p = s.shapes().get(0).material().params();
        assertArrayEquals(p.getRgb("k", null), p.getRgb("eta", null), 0f);
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @Test
    void namedMetalSpectraAndUnknownNames() {
        SceneDescription s = scene("\"spectrum eta\" \"metal-Au-eta\" \"spectrum k\" \"metal-Au-k\" \"spectrum Kd\" \"glass-BK7\"");
        ParamSet p = s.shapes().get(0).material().params();
        assertArrayEquals(new float[] {0.1431f, 0.3749f, 1.4425f}, p.getRgb("eta", null), 0f);
        assertArrayEquals(new float[] {3.9831f, 2.3857f, 1.6032f}, p.getRgb("k", null), 0f);
        assertFalse(p.has("Kd"));
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).toString().startsWith("scene.lxs:2: warning: parameter \"spectrum Kd\": spectrum"
                + " \"glass-BK7\" is not known"), s.warnings().toString());
    }

    @Test
    void anOddSpectrumIsAnErrorAtItsDeclaration() {
        SceneException e = assertThrows(SceneException.class, () -> scene("\"spectrum Kd\" [300 .5 800]"));
        assertEquals(new FileLoc("scene.lxs", 2, 17), e.loc());
        assertTrue(e.getMessage().contains("pairs"), e.getMessage());
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

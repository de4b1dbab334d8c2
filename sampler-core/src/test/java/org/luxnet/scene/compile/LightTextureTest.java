package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.Blackbody;

/**
 * LuxRender's {@code "texture L"} on infinite lights ("infinite" and "infinitesample" alike, as
 * lights/infinite.cpp and infinitesample.cpp read L, times gain) and on area lights: constant-colour
 * textures (constant, blackbody) are their colour; a texture the light code cannot evaluate (it has
 * no texture program) is named in one warning at its Texture statement, however many lights use it.
 */
class LightTextureTest {
    private static float[] l(CompiledScene s, int light) {
        int o = light * LightLayout.STRIDE + LightLayout.L;
        return new float[] {s.lightParams[o], s.lightParams[o + 1], s.lightParams[o + 2]};
    }

    @Test
    void infiniteAndInfiniteSampleTakeABlackbodyTextureTimesGain() {
        CompiledScene s = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "Texture \"bb\" \"color\" \"blackbody\" \"float temperature\" [4000]\n"
                + "LightSource \"infinite\" \"texture L\" \"bb\" \"float gain\" [2]\n"
                + "LightSource \"infinitesample\" \"texture L\" \"bb\"\nWorldEnd\n").scene();
        float[] bb = Blackbody.luxRender(4000);
        assertEquals(2, s.lightCount);
        assertEquals(LightLayout.INFINITE, s.lightType[0]);
        assertEquals(LightLayout.INFINITE, s.lightType[1]);
        assertArrayEquals(new float[] {2 * bb[0], 2 * bb[1], 2 * bb[2]}, l(s, 0), 1e-6f);
        assertArrayEquals(bb, l(s, 1), 0f);
        assertEquals(0f, s.lightParams[LightLayout.STRIDE + LightLayout.MAP], "no map: a constant, uniformly sampled");
    }

    @Test
    void aTextureTheLightCannotEvaluateIsReportedOnceAtItsStatement() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "Texture \"check\" \"color\" \"checkerboard\" \"color tex1\" [1 0 0]\n"
                + "LightSource \"infinite\" \"texture L\" \"check\"\n"
                + "AttributeBegin\nAreaLightSource \"area\" \"texture L\" \"check\" \"float power\" [0]\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [0 0 0 1 0 0 1 1 0]\n"
                + "AttributeEnd\nWorldEnd\n");
        List<SceneWarning> about = cr.warnings().stream().filter(w -> w.message().contains("\"check\"")).toList();
        assertEquals(1, about.size(), cr.warnings().toString());
        SceneWarning w = about.get(0);
        assertTrue(w.toString().contains("scene.lxs:4") && w.message().contains("checkerboard")
                && w.message().contains("white"), w.toString());
        assertArrayEquals(new float[] {1, 1, 1}, l(cr.scene(), 0), 0f, "the area light emits white");
    }
}

package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.parse.SceneParser;

/**
 * Third-party scenes often arrive without some of their files. pbrt-v3 and LuxRender print an error
 * and render on: an environment light without its map is its constant radiance (pbrt-v3
 * InfiniteAreaLight's one-texel map of L, LuxRender's infinite light without "mapname"), a plymesh
 * whose file cannot be opened is no shape (plymesh.cpp of both), an image texture is a one-texel map.
 * LuxNet does the same, with one warning at the file's parameter or statement.
 */
class MissingFilesTest {
    @TempDir
    Path dir;

    private CompiledRender compile(String world) throws IOException {
        Path f = dir.resolve("m.lxs");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"fleximage\" \"integer xresolution\" [4] \"integer yresolution\" [4]\n"
                + "WorldBegin\n" + world + "\nWorldEnd\n");
        return SceneCompiler.compile(SceneParser.parse(f));
    }

    private static String text(CompiledRender r) {
        return r.warnings().stream().map(w -> w.loc() + ": " + w.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void anEnvironmentLightWithoutItsMapIsItsConstantRadiance() throws IOException {
        String sphere = "\nShape \"sphere\"";
        CompiledRender missing = compile("LightSource \"infinite\" \"color L\" [0.5 0.25 1] \"string mapname\" \"sky.exr\""
                + sphere);
        CompiledRender none = compile("LightSource \"infinite\" \"color L\" [0.5 0.25 1]" + sphere);
        String t = text(missing);
        assertEquals(1, missing.warnings().size(), t);
        assertTrue(t.contains("m.lxs:4:") && t.contains("environment map 'sky.exr'") && t.contains("no such file")
                && t.contains("constant radiance"), t);
        assertEquals(none.scene().lightCount, missing.scene().lightCount);
        assertArrayEquals(none.scene().lightParams, missing.scene().lightParams);
        assertArrayEquals(none.scene().envTexels, missing.scene().envTexels);
        assertArrayEquals(none.scene().envInfo, missing.scene().envInfo);
    }

    @Test
    void aPlyMeshWithoutItsFileIsSkipped() throws IOException {
        CompiledRender r = compile("LightSource \"point\"\nShape \"plymesh\" \"string filename\" \"meshes/gone.ply\"\n"
                + "Shape \"sphere\"");
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("m.lxs:5:") && t.contains("PLY file 'meshes/gone.ply'") && t.contains("no such file")
                && t.contains("skipped"), t);
        assertEquals(0, r.scene().triangleCount);
        assertEquals(1, r.scene().sphereCount);
    }

    @Test
    void aLuxRenderImageWithoutItsFileIsOneWhateverItsGain() throws IOException {
        CompiledRender r = compile("LightSource \"point\"\nTexture \"i\" \"color\" \"imagemap\" \"string filename\" \"wood.jpg\""
                + " \"float gain\" [3] \"float gamma\" [2.2] \"string filtertype\" [\"bilinear\"]\n"
                + "Material \"matte\" \"texture Kd\" \"i\"\nShape \"sphere\"");
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("m.lxs:5:") && t.contains("image texture 'wood.jpg'") && t.contains("LuxRender 1"), t);
        int last = r.scene().texType.length - 1;
        assertEquals(TextureLayout.CONSTANT, r.scene().texType[last]);
        for (int c = 0; c < 3; c++) {
            assertEquals(1f, r.scene().texParams[last * TextureLayout.NODE_STRIDE + TextureLayout.VALUE + c]);
        }
    }

    @Test
    void aNormalMapWithoutItsFileIsFlat() throws IOException {
        CompiledRender r = compile("LightSource \"point\"\nTexture \"n\" \"float\" \"normalmap\" \"string filename\" \"n.png\"\n"
                + "Material \"matte\" \"texture bumpmap\" \"n\"\nShape \"sphere\"");
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("m.lxs:5:") && t.contains("'n.png'") && t.contains("normal map is flat"), t);
        int last = r.scene().texType.length - 1;
        assertEquals(TextureLayout.CONSTANT, r.scene().texType[last]);
        float[] v = new float[3];
        System.arraycopy(r.scene().texParams, last * TextureLayout.NODE_STRIDE + TextureLayout.VALUE, v, 0, 3);
        assertArrayEquals(new float[] {0.5f, 0.5f, 1f}, v);
        assertEquals(MaterialLayout.BUMP_NORMAL_MAP, (int) r.scene().matParams[MaterialLayout.BUMP_MODE]);
    }
}

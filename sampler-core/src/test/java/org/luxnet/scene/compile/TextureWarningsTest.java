package org.luxnet.scene.compile;

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
 * Textures the renderer cannot evaluate are reported once at their place, and the parameter keeps its
 * constant default; a texture that compiles leaves no warning and sets the material's program.
 */
class TextureWarningsTest {
    @TempDir
    Path dir;

    private CompiledRender compile(String world) throws IOException {
        Path f = dir.resolve("w.pbrt");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"image\" \"integer xresolution\" [4] \"integer yresolution\" [4]\n"
                + "WorldBegin\nLightSource \"point\"\n" + world + "\nShape \"sphere\"\nWorldEnd\n");
        return SceneCompiler.compile(SceneParser.parse(f));
    }

    private static String text(CompiledRender r) {
        return r.warnings().stream().map(w -> w.loc() + ": " + w.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void unknownClassWarnsAtTheTextureAndKeepsTheDefault() throws IOException {
        CompiledRender r = compile("Texture \"w\" \"spectrum\" \"wood\"\nMaterial \"matte\" \"texture Kd\" \"w\"");
        String t = text(r);
        assertTrue(t.contains("w.pbrt:5:1") && t.contains("texture class \"wood\" is not supported")
                && t.contains("checkerboard"), t);
        assertEquals(0.5f, r.scene().matParams[MaterialLayout.KD]);
        assertEquals(0, r.scene().matTextured[0]);
    }

    @Test
    void undefinedTextureWarnsAtTheParameter() throws IOException {
        CompiledRender r = compile("Material \"matte\" \"texture Kd\" \"nothing\"");
        String t = text(r);
        assertTrue(t.contains("w.pbrt:5:18") && t.contains("texture \"nothing\" is not defined"), t);
    }

    @Test
    void untexturableParameterWarns() throws IOException {
        CompiledRender r = compile("Texture \"s\" \"float\" \"constant\" \"float value\" 10\n"
                + "Material \"matte\" \"texture sigma\" \"s\"");
        assertTrue(text(r).contains("cannot be textured"), text(r));
    }

    /**
     * pbrt-v3 and LuxRender render on without an image they cannot read (ImageTexture::GetTexture makes a
     * one-texel map: pbrt-v3 of "scale", LuxRender of 1): so does LuxNet, with one warning at the filename.
     */
    @Test
    void aMissingImageWarnsAtItsFilenameAndIsItsScale() throws IOException {
        CompiledRender r = compile("Texture \"i\" \"spectrum\" \"imagemap\" \"string filename\" \"nowhere.png\""
                + " \"float scale\" 0.25\nMaterial \"matte\" \"texture Kd\" \"i\"");
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("w.pbrt:5:") && t.contains("nowhere.png") && t.contains("no such file")
                && t.contains("constant"), t);
        assertEquals(1, r.scene().matTextured[0]);
        assertEquals(TextureLayout.CONSTANT, r.scene().texType[r.scene().texType.length - 1]);
        assertEquals(0.25f, r.scene().texParams[(r.scene().texType.length - 1) * TextureLayout.NODE_STRIDE
                + TextureLayout.VALUE]);
    }

    @Test
    void anUndecodableImageWarnsAtItsFilenameAndIsItsScale() throws IOException {
        Files.writeString(dir.resolve("bad.png"), "not an image");
        CompiledRender r = compile("Texture \"i\" \"spectrum\" \"imagemap\" \"string filename\" \"bad.png\"\n"
                + "Material \"matte\" \"texture Kd\" \"i\"");
        String t = text(r);
        assertEquals(1, r.warnings().size(), t);
        assertTrue(t.contains("w.pbrt:5:") && t.contains("cannot read image texture") && t.contains("constant"), t);
        assertEquals(TextureLayout.CONSTANT, r.scene().texType[r.scene().texType.length - 1]);
        assertEquals(1f, r.scene().texParams[(r.scene().texType.length - 1) * TextureLayout.NODE_STRIDE
                + TextureLayout.VALUE]);
    }

    @Test
    void aCompiledTextureLeavesNoWarning() throws IOException {
        CompiledRender r = compile("Texture \"c\" \"spectrum\" \"checkerboard\" \"float uscale\" 4\n"
                + "Material \"matte\" \"texture Kd\" \"c\"");
        assertTrue(r.warnings().isEmpty(), text(r));
        assertEquals(1, r.scene().matTextured[0]);
        assertEquals(3, r.scene().texType.length); // tex1, tex2, the checkerboard
        assertEquals(0, r.scene().matTexStart[MaterialLayout.KD]);
        assertEquals(2, r.scene().matTexRoot[MaterialLayout.KD]);
    }
}

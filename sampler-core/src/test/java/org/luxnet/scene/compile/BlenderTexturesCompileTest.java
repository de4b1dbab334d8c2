package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender 1.x's Blender textures compile to one BLENDER node with the parameters and defaults their
 * constructors read (LuxRender/Lux textures/blender_*.cpp, blender_base.h/.cpp), tex1 and tex2 as its
 * children; what LuxRender rejects or reads differently is said once at its place.
 */
class BlenderTexturesCompileTest {
    @TempDir
    Path dir;

    private CompiledRender compile(String textures) throws IOException {
        Path f = dir.resolve("b.lxs");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"fleximage\" \"integer xresolution\" [4] \"integer yresolution\" [4]\n"
                + "WorldBegin\nLightSource \"point\"\n" + textures
                + "\nTexture \"m\" \"color\" \"mix\" \"texture amount\" \"b\"\nMaterial \"matte\" \"texture Kd\" \"m\"\n"
                + "Shape \"sphere\"\nWorldEnd\n");
        return SceneCompiler.compile(SceneParser.parse(f));
    }

    private static String text(CompiledRender r) {
        return r.warnings().stream().map(w -> w.loc() + ": " + w.message()).collect(Collectors.joining("\n"));
    }

    /** The parameters of the (only) BLENDER node. */
    private static float[] node(CompiledRender r) {
        int found = -1;
        for (int i = 0; i < r.scene().texType.length; i++) {
            if (r.scene().texType[i] == TextureLayout.BLENDER) {
                assertEquals(-1, found, "one Blender node");
                found = i;
            }
        }
        assertTrue(found >= 0, "a Blender node");
        float[] p = new float[TextureLayout.NODE_STRIDE];
        System.arraycopy(r.scene().texParams, found * TextureLayout.NODE_STRIDE, p, 0, p.length);
        return p;
    }

    @Test
    void defaultsAreLuxRenders() throws IOException {
        // blender_marble.cpp: type soft, noisetype soft_noise, noisebasis blender_original, noisebasis2 sin,
        // noisesize 0.25, noisedepth 2, turbulence 5; blender_base.h: bright 1, contrast 1, tex1 0, tex2 1.
        CompiledRender r = compile("Texture \"b\" \"float\" \"blender_marble\"");
        assertTrue(r.warnings().isEmpty(), text(r));
        float[] p = node(r);
        assertEquals(TextureLayout.BL_MARBLE, p[TextureLayout.BL_KIND]);
        assertEquals(0, p[TextureLayout.BL_STYPE]);
        assertEquals(0, p[TextureLayout.BL_HARD]);
        assertEquals(0, p[TextureLayout.BL_BASIS]);
        assertEquals(0, p[TextureLayout.BL_BASIS2]);
        assertEquals(0.25f, p[TextureLayout.BL_NOISESIZE]);
        assertEquals(2, p[TextureLayout.BL_DEPTH]);
        assertEquals(5, p[TextureLayout.BL_TURB]);
        assertEquals(1, p[TextureLayout.BL_BRIGHT]);
        assertEquals(1, p[TextureLayout.BL_CONTRAST]);
        // Musgrave (blender_musgrave.cpp): h 1, lacu 2, octs 2, offset 1, gain 1, outscale 1.
        p = node(compile("Texture \"b\" \"float\" \"blender_musgrave\" \"string type\" \"hetero_terrain\""
                + " \"string noisebasis\" \"cell_noise\""));
        assertEquals(4, p[TextureLayout.BL_STYPE]);
        assertEquals(14, p[TextureLayout.BL_BASIS]);
        assertEquals(1, p[TextureLayout.BL_H]);
        assertEquals(2, p[TextureLayout.BL_LACU]);
        assertEquals(2, p[TextureLayout.BL_OCTS]);
        assertEquals(1, p[TextureLayout.BL_OFFSET]);
        assertEquals(1, p[TextureLayout.BL_GAIN]);
        assertEquals(1, p[TextureLayout.BL_OUTSCALE]);
        // Voronoi (blender_voronoi.cpp): w1 1, w2..w4 0, minkovsky_exp 2.5; "nabla" is read (bump only).
        CompiledRender v = compile("Texture \"b\" \"float\" \"blender_voronoi\" \"string distmetric\" \"minkovsky\""
                + " \"float nabla\" 0.05 \"integer coltype\" 2");
        assertTrue(v.warnings().isEmpty(), text(v));
        p = node(v);
        assertEquals(6, p[TextureLayout.BL_STYPE]);
        assertEquals(2, p[TextureLayout.BL_BASIS2]);
        assertEquals(1, p[TextureLayout.BL_W1]);
        assertEquals(0, p[TextureLayout.BL_W1 + 3]);
        assertEquals(2.5f, p[TextureLayout.BL_MEXP]);
        // Distorted noise: "type" is the basis of the distorted noise (noisebasis2), "noisebasis" the distortion's.
        p = node(compile("Texture \"b\" \"float\" \"blender_distortednoise\" \"string type\" \"voronoi_f2_f1\""
                + " \"string noisebasis\" \"voronoi_crackle\" \"float distamount\" 3"));
        assertEquals(7, p[TextureLayout.BL_BASIS2]);
        assertEquals(8, p[TextureLayout.BL_BASIS]);
        assertEquals(3, p[TextureLayout.BL_DISTAMOUNT]);
    }

    @Test
    void texOneAndTwoAreTheChildren() throws IOException {
        CompiledRender r = compile("Texture \"b\" \"float\" \"blender_blend\" \"float tex1\" 0.3 \"float tex2\" 0.6");
        int n = -1;
        for (int i = 0; i < r.scene().texType.length; i++) {
            if (r.scene().texType[i] == TextureLayout.BLENDER) {
                n = i;
            }
        }
        int start = r.scene().matTexStart[org.luxnet.scene.compiled.MaterialLayout.KD];
        int c0 = start + r.scene().texChild[n * TextureLayout.CHILDREN];
        int c1 = start + r.scene().texChild[n * TextureLayout.CHILDREN + 1];
        assertEquals(0.3f, r.scene().texParams[c0 * TextureLayout.NODE_STRIDE + TextureLayout.VALUE]);
        assertEquals(0.6f, r.scene().texParams[c1 * TextureLayout.NODE_STRIDE + TextureLayout.VALUE]);
    }

    @Test
    void unknownNamesWarnAtTheirPlaceAndTakeLuxRendersDefault() throws IOException {
        // blender_base.cpp GetValue: "Unknown <type> '<name>'", then the table's "" entry.
        CompiledRender r = compile("Texture \"b\" \"float\" \"blender_wood\" \"string type\" \"planks\""
                + " \"string noisebasis\" \"voronoi_f2f1\" \"string noisebasis2\" \"square\"");
        String t = text(r);
        assertEquals(3, r.warnings().size(), t);
        assertTrue(t.contains("b.lxs:5:") && t.contains("unknown wood type 'planks'") && t.contains("bandnoise, bands, ringnoise, rings"), t);
        assertTrue(t.contains("unknown noise basis 'voronoi_f2f1'") && t.contains("voronoi_f2_f1"), t);
        assertTrue(t.contains("unknown noise shape 'square'"), t);
        float[] p = node(r);
        assertEquals(0, p[TextureLayout.BL_STYPE]);
        assertEquals(0, p[TextureLayout.BL_BASIS]);
        assertEquals(0, p[TextureLayout.BL_BASIS2]);
    }

    @Test
    void colourBlenderTexturesAreRefusedAsLuxRenderDoes() throws IOException {
        CompiledRender r = compile("Texture \"b\" \"color\" \"blender_clouds\"");
        String t = text(r);
        assertTrue(t.contains("b.lxs:5:1") && t.contains("\"blender_clouds\" has float values only"), t);
        assertEquals(0, r.scene().matTextured[0]);
    }

    @Test
    void noiseSaysOnceThatItsGrainIsFixed() throws IOException {
        CompiledRender r = compile("Texture \"b\" \"float\" \"blender_noise\" \"integer noisedepth\" 40");
        String t = text(r);
        assertEquals(2, r.warnings().size(), t);
        assertTrue(t.contains("BLI_rand") && t.contains("noisedepth 40 is outside 0..29"), t);
        assertEquals(29, node(r)[TextureLayout.BL_DEPTH]);
    }

    @Test
    void aScaledBumpMapSaysItsSlopeDiffersFromLuxRenders() throws IOException {
        // blender_base.cpp GetDuv adds the world dp/du to the mapped point; through a scaled mapping that differs.
        CompiledRender scaled = compile("Texture \"b\" \"float\" \"blender_clouds\" \"vector scale\" [2 2 2]\n"
                + "Material \"matte\" \"texture bumpmap\" \"b\"\nShape \"sphere\"");
        assertTrue(text(scaled).contains("GetDuv") && text(scaled).contains("bump"), text(scaled));
        CompiledRender plain = compile("Texture \"b\" \"float\" \"blender_clouds\" \"vector translate\" [1 0 0]\n"
                + "Material \"matte\" \"texture bumpmap\" \"b\"\nShape \"sphere\"");
        assertTrue(plain.warnings().isEmpty(), text(plain));
    }

    @Test
    void aZeroNoisesizeThatLuxRenderDividesBySaysSo() throws IOException {
        // multitex scales musgrave's, voronoi's and distorted noise's point by 1 / noisesize; the others skip 0.
        CompiledRender r = compile("Texture \"b\" \"float\" \"blender_voronoi\" \"float noisesize\" 0");
        assertTrue(text(r).contains("noisesize 0") && text(r).contains("b.lxs:5:"), text(r));
        assertEquals(1, node(r)[TextureLayout.BL_NOISESIZE]);
        CompiledRender c = compile("Texture \"b\" \"float\" \"blender_clouds\" \"float noisesize\" 0");
        assertTrue(c.warnings().isEmpty(), text(c));
        assertEquals(0, node(c)[TextureLayout.BL_NOISESIZE]);
    }
}

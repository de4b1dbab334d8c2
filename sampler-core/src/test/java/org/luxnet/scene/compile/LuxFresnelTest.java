package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.NkData;
import org.luxnet.scene.desc.SceneFile;

/**
 * LuxRender's fresnel data as its sources read it: .nk files in SOPRA and luxpop form
 * (materials/metal.cpp ReadSOPRAData, ReadLuxpopData; textures/tabulatedfresnel.cpp), the built-in
 * presets (FresnelPreset, IORFromName), and their use by metal2's "fresnel" and metal's "name".
 */
class LuxFresnelTest {
    @TempDir
    Path dir;

    private static NkData read(String name, String text) {
        return NkData.read(new SceneFile(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * SOPRA: "unit first last count", then count "n k" lines from the high wavelength down; sample i at
     * first + (last - first) i / count in the file's unit (4: nm, 1: eV, the high eV first).
     */
    @Test
    void sopraFileAsMetalCppReadsIt() {
        NkData d = read("a.nk", "4 400 700 3\n1.1 2.1\n1.2 2.2\n1.3 2.3\n");
        assertArrayEquals(new double[] {400, 500, 600}, d.wl(), 1e-9);
        assertArrayEquals(new double[] {1.3, 1.2, 1.1}, d.n(), 1e-12);
        assertArrayEquals(new double[] {2.3, 2.2, 2.1}, d.k(), 1e-12);
        NkData ev = read("b.nk", "1 1.5 3.5 2\n0.5 4\n0.7 3\n");
        double hc = 4.135667e-15 * 299792458.0 * 1e9;
        assertArrayEquals(new double[] {hc / 3.5, hc / 2.5}, ev.wl(), 1e-6);
        assertArrayEquals(new double[] {0.7, 0.5}, ev.n(), 1e-12);
    }

    /** luxpop: "Angstrom n k" lines, ';' comments; LuxRender's SOPRA attempt has consumed line 1. */
    @Test
    void luxpopFileAsMetalCppReadsIt() {
        NkData d = read("c.nk", "; luxpop export\n; comment\n3000 1.5 0.25\n5000. 1.25 0.5\n\n".trim() + "\n8000 1 1\n");
        assertArrayEquals(new double[] {300, 500, 800}, d.wl(), 1e-9);
        assertArrayEquals(new double[] {1.5, 1.25, 1}, d.n(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.5, 1}, d.k(), 1e-12);
        NkData first = read("d.nk", "3000 9 9\n4000 1 2\n7500 1 2\n");
        assertEquals(2, first.wl().length, "line 1 is skipped, as in metal.cpp");
        NkData luxpop = NkData.read(new SceneFile("e.nk", "3000 9 9\n4000 1 2\n7500 1 2\n".getBytes(StandardCharsets.UTF_8)),
                "luxpop");
        assertEquals(3, luxpop.wl().length, "the luxpop texture (LuxpopTexture) reads from line 1");
        assertEquals(9, luxpop.n()[0], 0);
        SceneException e = assertThrows(SceneException.class, () -> NkData.read(new SceneFile("f.nk",
                ";x\n3000 1 2\n4000 1 2\n".getBytes(StandardCharsets.UTF_8)), "sopra"));
        assertEquals(1, e.loc().line(), "the sopra texture needs a SOPRA header");
    }

    @Test
    void badFilesAreErrorsAtTheirLine() {
        SceneException e = assertThrows(SceneException.class, () -> read("bad.nk", ";x\n3000 1 2\n4000 1\n"));
        assertEquals("bad.nk", e.loc().file());
        assertEquals(3, e.loc().line());
        e = assertThrows(SceneException.class, () -> read("short.nk", "4 400 700 3\n1 2\n1 2\n"));
        assertTrue(e.getMessage().contains("announces 3"), e.getMessage());
        e = assertThrows(SceneException.class, () -> read("sopra.nk", "4 400 700 2\n1 2\nx y\n"));
        assertEquals(3, e.loc().line(), e.getMessage());
        e = assertThrows(SceneException.class, () -> read("unit.nk", "7 400 700 2\n1 2\n1 2\n"));
        assertTrue(e.getMessage().contains("unit code 7"), e.getMessage());
        e = assertThrows(SceneException.class, () -> NkData.read(new SceneFile("big.nk", new byte[NkData.MAX_BYTES + 1])));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
        e = assertThrows(SceneException.class, () -> read("down.nk", ";\n5000 1 1\n4000 1 1\n"));
        assertTrue(e.getMessage().contains("do not increase"), e.getMessage());
    }

    /** A flat curve is itself in RGB; data not covering 380..720 nm is held at its ends. */
    @Test
    void flatCurvesConvertToThemselves() {
        float[] rgb = NkData.rgb(new double[] {300, 900}, new double[] {1.7, 1.7});
        assertArrayEquals(new float[] {1.7f, 1.7f, 1.7f}, rgb, 2e-5f);
        float[] held = NkData.rgb(new double[] {500, 600}, new double[] {2, 2});
        assertArrayEquals(new float[] {2, 2, 2}, held, 2e-5f);
    }

    private org.luxnet.scene.compiled.CompiledScene compile(String world, String... files) throws IOException {
        for (int i = 0; i < files.length; i += 2) {
            if (files[i + 1] == null) {
                Files.createDirectories(dir.resolve(files[i]));
                Files.writeString(dir.resolve(files[i]).resolve("flat.nk"), "; n 0.5 k 3\n3000 0.5 3\n9000 0.5 3\n");
            } else {
                Files.writeString(dir.resolve(files[i]), files[i + 1]);
            }
        }
        Path f = dir.resolve("s.lxs");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"fleximage\" \"integer xresolution\" [4] \"integer yresolution\" [4]\n"
                + "WorldBegin\n" + world + "WorldEnd\n");
        org.luxnet.scene.compile.CompiledRender r = RenderSupport.compile(f);
        lastWarnings = r.warnings().stream().map(Object::toString).toList();
        return r.scene();
    }

    private java.util.List<String> lastWarnings;

    private static float[] slot3(org.luxnet.scene.compiled.CompiledScene s, int sphere, int slot) {
        int o = s.sphereMaterial[sphere] * MaterialLayout.STRIDE + slot;
        return new float[] {s.matParams[o], s.matParams[o + 1], s.matParams[o + 2]};
    }

    /** metal2's fresnel from .nk files (sopra, luxpop, fresnelname with a filename) and presets. */
    @Test
    void metal2ReadsNkFilesAndPresets() throws IOException {
        var s = compile("""
                Texture "f1" "fresnel" "luxpop" "string filename" ["flat.nk"]
                Texture "f2" "fresnel" "sopra" "string filename" ["flat2.nk"]
                Texture "f3" "fresnel" "fresnelname" "string filename" ["flat2.nk"]
                Texture "gold" "fresnel" "fresnelname" "string name" ["gold"]
                Texture "carbon" "fresnel" "preset" "string name" ["amorphous carbon"]
                Texture "odd" "fresnel" "preset" "string name" ["unobtainium"]
                Texture "al" "fresnel" "preset" "string name" ["aluminium"]
                Material "metal2" "texture fresnel" "f1"
                Shape "sphere"
                Material "metal2" "texture fresnel" "f2"
                Shape "sphere"
                Material "metal2" "texture fresnel" "f3"
                Shape "sphere"
                Material "metal2" "texture fresnel" "gold"
                Shape "sphere"
                Material "metal2" "texture fresnel" "carbon"
                Shape "sphere"
                Material "metal2" "texture fresnel" "odd"
                Shape "sphere"
                Material "metal2" "texture fresnel" "al"
                Shape "sphere"
                """, "flat.nk", "; n 0.5 k 3\n3000 0.5 3\n9000 0.5 3\n", "flat2.nk", "2 0.3 0.9 2\n0.25 4\n0.25 4\n");
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, slot3(s, 0, MaterialLayout.M2_ETA), 2e-5f);
        assertArrayEquals(new float[] {3, 3, 3}, slot3(s, 0, MaterialLayout.M2_K), 1e-4f);
        // SOPRA in um from 0.3 to 0.9 with 2 samples: 300 and 600 nm, held to 720.
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, slot3(s, 1, MaterialLayout.M2_ETA), 2e-5f);
        assertArrayEquals(new float[] {4, 4, 4}, slot3(s, 2, MaterialLayout.M2_K), 1e-4f);
        // LuxRender's gold table: n about 0.2 in the red, 1.4-1.6 in the blue; k the other way round.
        float[] n = slot3(s, 3, MaterialLayout.M2_ETA), k = slot3(s, 3, MaterialLayout.M2_K);
        assertTrue(n[0] > 0.1f && n[0] < 0.45f && n[2] > 1.1f && n[2] < 1.7f, java.util.Arrays.toString(n));
        assertTrue(k[0] > 2.6f && k[2] < 2.1f, java.util.Arrays.toString(k));
        // Amorphous carbon: n 2.06..2.43 over the visible, rising towards the red.
        float[] c = slot3(s, 4, MaterialLayout.M2_ETA);
        assertTrue(c[0] > c[2] && c[2] > 2.0f && c[0] < 2.45f, java.util.Arrays.toString(c));
        assertArrayEquals(slot3(s, 6, MaterialLayout.M2_ETA), slot3(s, 5, MaterialLayout.M2_ETA), 0f,
                "an unknown preset is aluminium, as FresnelPreset does");
        assertTrue(lastWarnings.stream().anyMatch(w -> w.contains("s.lxs:9:") && w.contains("\"unobtainium\"")),
                lastWarnings.toString());
        assertTrue(lastWarnings.stream().anyMatch(w -> w.contains("s.lxs:5:") && w.contains("300..600 nm")),
                lastWarnings.toString());
    }

    /** metal.cpp: "name" an .nk file (tried first) or a preset; default aluminium; others aluminium with a warning. */
    @Test
    void luxMetalNameIsAFileOrAPreset() throws IOException {
        var s = compile("""
                Material "metal" "string name" ["data/flat.nk"]
                Shape "sphere"
                Material "metal" "string name" ["unobtainium"]
                Shape "sphere"
                Material "metal"
                Shape "sphere"
                Material "metal" "string name" ["copper"]
                Shape "sphere"
                """, "data", null);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, slot3(s, 0, MaterialLayout.METAL_ETA), 2e-5f);
        assertArrayEquals(new float[] {3, 3, 3}, slot3(s, 0, MaterialLayout.METAL_K), 1e-4f);
        assertArrayEquals(slot3(s, 2, MaterialLayout.METAL_ETA), slot3(s, 1, MaterialLayout.METAL_ETA), 0f);
        assertTrue(lastWarnings.stream().anyMatch(w -> w.contains("s.lxs:6:") && w.contains("\"unobtainium\"")),
                lastWarnings.toString());
        float[] cu = slot3(s, 3, MaterialLayout.METAL_ETA);
        assertTrue(cu[0] < 0.4f && cu[2] > 1.0f, "LuxRender's copper table: " + java.util.Arrays.toString(cu));
        Path f = dir.resolve("missing.lxs");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"fleximage\"\nWorldBegin\nMaterial \"metal\" \"string name\" [\"no.nk\"]\n");
        SceneException e = assertThrows(SceneException.class, () -> RenderSupport.compile(f));
        assertTrue(e.getMessage().contains("missing.lxs:4") && e.getMessage().contains("no.nk"), e.getMessage());
    }
}

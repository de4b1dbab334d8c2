package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.Blackbody;
import org.luxnet.scene.desc.LuxSpd;

/**
 * LuxRender's "lampspectrum" texture against LuxRender/Lux as read: the table lights/data/lamp_spect.h
 * (commit 14487eb) and textures/lampspectrum.cpp (commit 59228af, LampSpectrumTexture::
 * CreateSWCSpectrumTexture: 250 samples a lamp, IrregularDataTexture(wlcount, wl, data, 0.1), Candle,
 * Incandescent1 and Incandescent2 as BlackBodyTexture(1020), (2750), (2900), any other name Incandescent2).
 */
class LampSpectraTest {
    private static float[] l(CompiledScene s, int light) {
        int o = light * LightLayout.STRIDE + LightLayout.L;
        return new float[] {s.lightParams[o], s.lightParams[o + 1], s.lightParams[o + 2]};
    }

    /** L of an infinite light whose "texture L" is lampspectrum {@code params}, and the scene's warnings. */
    private static CompiledRender infinite(String params) {
        return SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "Texture \"l\" \"color\" \"lampspectrum\"" + params + "\n"
                + "LightSource \"infinite\" \"texture L\" \"l\"\nWorldEnd\n");
    }

    @Test
    void theTableIsLampSpectHAsRead() {
        LampSpectra.Table t = LampSpectra.table();
        // lamp_spect.h has 67 "// NAME:" blocks, each two arrays of 250 floats, Alcohol first and Zn last.
        assertEquals(67, t.lamps().size());
        assertEquals("Alcohol", t.lamps().keySet().iterator().next());
        assertEquals("Zn", List.copyOf(t.lamps().keySet()).get(66));
        // Every lampspectrum_*_WL[250] = {404.757, 404.901, 405.055, ..., 662.837, 665.899, 669 }.
        double[] wl = t.wavelengths();
        assertEquals(250, wl.length);
        assertEquals(404.757, wl[0]);
        assertEquals(404.901, wl[1]);
        assertEquals(665.899, wl[248]);
        assertEquals(669, wl[249]);
        // lampspectrum_Alcohol_AP[250] = {0.017999, 0, 0, ..., 0.00633484, 0.00542986 } (the file's start).
        double[] alcohol = t.lamps().get("Alcohol");
        assertEquals(250, alcohol.length);
        assertEquals(0.017999, alcohol[0]);
        assertEquals(0, alcohol[1]);
        assertEquals(0.00633484, alcohol[248]);
        assertEquals(0.00542986, alcohol[249]);
        // lampspectrum_HPS_AP[250] = {0.0156863, 0.0156863, 0, ... (16 zeros), 0.00160885, ..., 0.295525, 0.273152 }.
        double[] hps = t.lamps().get("HPS");
        assertEquals(0.0156863, hps[0]);
        assertEquals(0, hps[17]);
        assertEquals(0.00160885, hps[18]);
        assertEquals(0.295525, hps[248]);
        assertEquals(0.273152, hps[249]);
        // lampspectrum_NeXeFL2_AP: 0.0156863 twice, 64 zeros, then 0.00623429 (at 66), ..., 0.00542986.
        double[] nexe = t.lamps().get("NeXeFL2");
        assertEquals(0, nexe[65]);
        assertEquals(0.00623429, nexe[66]);
        assertEquals(0.00542986, nexe[249]);
        // lampspectrum_Zn_AP[250] = {0.00241327, 0.00241327, 0.00331825, ..., 0.00472599, 0.00452489 } (the end).
        double[] zn = t.lamps().get("Zn");
        assertEquals(0.00241327, zn[0]);
        assertEquals(0.00331825, zn[2]);
        assertEquals(0.00452489, zn[249]);
        // The header's own spelling; lampspectrum.cpp's names spell it Incandescent.
        assertTrue(t.lamps().containsKey("Incadescent2"));
        assertEquals(67, LampSpectra.names().size());
        assertTrue(LampSpectra.names().containsAll(List.of("Candle", "Incandescent1", "Incandescent2", "GreenLaser")));
        assertFalse(LampSpectra.names().contains("Incadescent1"));
    }

    @Test
    void aMalformedTableNamesItsLine() {
        String wl = "wavelengths" + " 1".repeat(249) + " 2\n";
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> LampSpectra.parse(new BufferedReader(new StringReader("# c\n" + "wavelengths 1 2\n"))));
        assertTrue(e.getMessage().contains("lampspectra.txt:2: expected 250 numbers, found 2"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> LampSpectra.parse(new BufferedReader(new StringReader(wl))));
        assertTrue(e.getMessage().contains("lampspectra.txt:1: wavelengths are not increasing"), e.getMessage());
    }

    @Test
    void tabulatedLampsAreTheirSpectrumUnnormalised() {
        // The same RGB as plain loops over the project's CIE table give for the 0.1-nm IrregularSPD of the
        // raw samples: lampspectrum.cpp normalises neither to a peak nor to a luminance.
        for (String lamp : new String[] {"HPS", "GreenLaser", "CFL4K", "NeXeFL2"}) {
            float[] want = LampSpectraReference.rgb(lamp);
            CompiledRender cr = infinite(" \"string name\" \"" + lamp + "\"");
            assertArrayEquals(want, l(cr.scene(), 0), 1e-4f, lamp);
            assertEquals(List.of(), cr.warnings(), lamp);
        }
        // A high-pressure sodium lamp is orange, the green laser green.
        float[] hps = LampSpectraReference.rgb("HPS");
        assertTrue(hps[0] > hps[1] && hps[1] > hps[2], java.util.Arrays.toString(hps));
        float[] green = LampSpectraReference.rgb("GreenLaser");
        assertTrue(green[1] > green[0] && green[1] > green[2], java.util.Arrays.toString(green));
        // The reference integrates the raw samples; HPS's largest is 0.672449 (lamp_spect.h), so a peak
        // normalisation would have made its light 1 / 0.672449 = 1.49 times brighter and failed above.
        double peak = 0;
        for (double v : LampSpectra.table().lamps().get("HPS")) {
            peak = Math.max(peak, v);
        }
        assertEquals(0.672449, peak);
    }

    @Test
    void theIncandescentLampsAreLuxRendersPeakNormalisedBlackbodies() {
        assertArrayEquals(Blackbody.luxRender(1020), l(infinite(" \"string name\" \"Candle\"").scene(), 0), 0f);
        assertArrayEquals(Blackbody.luxRender(2750), l(infinite(" \"string name\" \"Incandescent1\"").scene(), 0), 0f);
        assertArrayEquals(Blackbody.luxRender(2900), l(infinite(" \"string name\" \"Incandescent2\"").scene(), 0), 0f);
        // Not the tables of the same lamps in lamp_spect.h.
        assertNotEquals(LampSpectraReference.rgb("Candle")[0], Blackbody.luxRender(1020)[0]);
        // No name at all is LuxBlend's default, Incandescent2, with nothing to say.
        CompiledRender none = infinite("");
        assertArrayEquals(Blackbody.luxRender(2900), l(none.scene(), 0), 0f);
        assertEquals(List.of(), none.warnings());
    }

    @Test
    void anUnknownNameIsIncandescent2WithAWarningAtTheTextureListingTheNames() {
        for (String name : new String[] {"Sodium", "Incadescent1"}) {
            CompiledRender cr = infinite(" \"string name\" \"" + name + "\"");
            assertArrayEquals(Blackbody.luxRender(2900), l(cr.scene(), 0), 0f, name);
            assertEquals(1, cr.warnings().size(), cr.warnings().toString());
            SceneWarning w = cr.warnings().get(0);
            String s = w.toString();
            assertTrue(s.startsWith("scene.lxs:4: warning: lampspectrum texture \"l\": no lamp is named \"" + name + "\""), s);
            assertTrue(s.contains("Alcohol, AntiInsect, Ar,") && s.contains("HPS") && s.contains("Incandescent1")
                    && s.contains("XeI, Zn") && s.contains("Incandescent2 (a 2900 K blackbody), is used"), s);
        }
    }

    @Test
    void asAMaterialColourItIsAReflectanceAndItHasNoFloatVariant() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "Texture \"l\" \"color\" \"lampspectrum\" \"string name\" \"HPS\"\n"
                + "Texture \"f\" \"float\" \"lampspectrum\" \"string name\" \"HPS\"\n"
                + "Texture \"fs\" \"color\" \"scale\" \"texture tex1\" \"f\" \"color tex2\" [1 1 1]\n"
                + "Material \"matte\" \"texture Kd\" \"l\"\nShape \"sphere\"\n"
                + "Material \"matte\" \"texture Kd\" \"fs\"\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [0 0 0 1 0 0 1 1 0]\nWorldEnd\n");
        float[] p = cr.scene().texParams;
        float[] want = LuxSpd.reflectance(LampSpectraReference.rgb("HPS"));
        boolean found = false;
        for (int o = 0; o + 3 <= p.length && !found; o += org.luxnet.scene.compiled.TextureLayout.NODE_STRIDE) {
            int v = o + org.luxnet.scene.compiled.TextureLayout.VALUE;
            found = Math.abs(p[v] - want[0]) < 1e-4 && Math.abs(p[v + 1] - want[1]) < 1e-4
                    && Math.abs(p[v + 2] - want[2]) < 1e-4;
        }
        assertTrue(found, "a constant node holds " + java.util.Arrays.toString(want));
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:5", "texture class \"lampspectrum\" has colour values only"),
                cr.warnings().toString());
    }
    @Test
    void aSceneLitByALampspectrumRendersInItsColourOnTheCpu() {
        // A sodium-lamp panel facing the camera above a floor whose Kd is the green laser's spectrum.
        String scene = "LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\" \"float fov\" [40]\n"
                + "Film \"fleximage\" \"integer xresolution\" [16] \"integer yresolution\" [16] \"integer haltspp\" [4]\n"
                + "SurfaceIntegrator \"path\"\nWorldBegin\n"
                + "Texture \"hps\" \"color\" \"lampspectrum\" \"string name\" \"HPS\"\n"
                + "Texture \"laser\" \"color\" \"lampspectrum\" \"string name\" \"GreenLaser\"\n"
                + "AttributeBegin\nAreaLightSource \"area\" \"texture L\" \"hps\"\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-1 -0.5 0  1 -0.5 0  1 1 0  -1 1 0]\n"
                + "AttributeEnd\n"
                + "Material \"matte\" \"texture Kd\" \"laser\"\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-4 -1 -2  -4 -1 4  4 -1 4  4 -1 -2]\n"
                + "WorldEnd\n";
        CompiledRender cr = SceneCompilerTest.compile(scene);
        assertEquals(List.of(), cr.warnings());
        float[] rgb = org.luxnet.render.RenderSupport.render(cr, 4, 1, 3).toRgb();
        int lit = 0;
        for (int i = 0; i < 16 * 16; i++) {
            lit += rgb[3 * i] + rgb[3 * i + 1] + rgb[3 * i + 2] > 0 ? 1 : 0;
        }
        assertTrue(lit > 16, lit + " of 256 pixels lit");
        // The panel, seen in the middle of the image, has the sodium lamp's colour: red over green over blue.
        int mid = 3 * (7 * 16 + 8);
        assertTrue(rgb[mid] > rgb[mid + 1] && rgb[mid + 1] > rgb[mid + 2] && rgb[mid + 2] >= 0,
                "panel " + rgb[mid] + " " + rgb[mid + 1] + " " + rgb[mid + 2]);
        // The floor in front of it (bottom rows) reflects the lamp through the laser green Kd: greenish.
        double r = 0, g = 0;
        for (int y = 13; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                r += rgb[3 * (y * 16 + x)];
                g += rgb[3 * (y * 16 + x) + 1];
            }
        }
        assertTrue(g > 0 && g > r, "floor r " + r + " g " + g);
    }
}

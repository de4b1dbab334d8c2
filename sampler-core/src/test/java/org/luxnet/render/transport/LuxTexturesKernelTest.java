package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compile.LampSpectraReference;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.Blackbody;
import org.luxnet.scene.desc.LuxSpd;
import org.luxnet.scene.desc.LuxSpectrum;

/**
 * LuxRender's own texture classes (LuxRender/Lux textures/*.h and *.cpp as read) against values
 * worked out by hand from that code, evaluated by {@link TextureKernel#shadeMaterial}.
 */
class LuxTexturesKernelTest extends TextureProbe {
    private static final String LUX = "SurfaceIntegrator \"path\"\nFilm \"fleximage\"";

    @Test
    void bandLerpsBetweenOffsetsAndHoldsItsEnds() throws IOException {
        // band.h BandTexture::Evaluate: tex1 below offsets[0], texn from offsets[n-1] on, lerp between.
        // The amount is a float bilerp equal to u (= x on the quad).
        PathTraceKernel k = kernel("Texture \"a\" \"float\" \"bilerp\" \"float v00\" 0 \"float v01\" 0 \"float v10\" 1"
                + " \"float v11\" 1\n"
                + "Texture \"b\" \"color\" \"band\" \"float offsets\" [0.2 0.6 1] \"color tex1\" [1 0 0]"
                + " \"color tex2\" [0 1 0] \"color tex3\" [0 0 1] \"texture amount\" \"a\"\n"
                + "Texture \"f\" \"float\" \"band\" \"float offsets\" [0 1] \"float tex1\" 0.2 \"float tex2\" 0.8"
                + " \"float amount\" 0.25\n"
                + "Texture \"fs\" \"color\" \"scale\" \"texture tex1\" \"f\" \"color tex2\" [1 1 1]\n"
                + quad("Material \"matte\" \"texture Kd\" \"b\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"fs\""), LUX);
        near(new float[] {1, 0, 0}, shadeAt(k, 0.1f, 0.5f, MaterialLayout.KD));
        near(new float[] {0.5f, 0.5f, 0}, shadeAt(k, 0.4f, 0.5f, MaterialLayout.KD));
        near(new float[] {0, 0.5f, 0.5f}, shadeAt(k, 0.8f, 0.5f, MaterialLayout.KD));
        assertArrayEquals(new float[] {0, 0.025f, 0.975f}, shadeAt(k, 0.99f, 0.5f, MaterialLayout.KD), 1e-4f);
        // Float band: 0.2 + 0.25 (0.8 - 0.2).
        near(new float[] {0.35f, 0.35f, 0.35f}, shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD));
    }

    @Test
    void colordepthIsMinusLogOfTheClampedColourOverDepth() throws IOException {
        // colordepth.h: Ln(Kt.Clamp(1e-9, 1)) / -max(1e-3, depth); Kt defaults to 0, depth to 1.
        PathTraceKernel k = kernel("Texture \"c\" \"color\" \"colordepth\" \"color Kt\" [0.5 0.25 2] \"float depth\" 2\n"
                + "Texture \"d\" \"color\" \"colordepth\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"d\""), LUX);
        float[] v = shadeAt(k, 0.5f, 0.5f, MaterialLayout.KD);
        assertArrayEquals(new float[] {(float) (Math.log(2) / 2), (float) (Math.log(4) / 2), 0}, v, 1e-5f);
        float dflt = (float) -Math.log(1e-9);
        assertArrayEquals(new float[] {dflt, dflt, dflt}, shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD),
                1e-4f * dflt);
    }

    @Test
    void harlequinGivesEachPrimitiveAPaletteColour() throws IOException {
        // harlequin.h: palette entry i = (RadicalInverse(3i + 1, 2), (.., 3), (.., 5)); the quad's two
        // triangles are primitives 0 and 1: entries (1/2, 1/3, 1/5) and, for 4 = 100b = 11 in base 3,
        // (1/8, 1/3 + 1/9, 4/5).
        PathTraceKernel k = kernel("Texture \"h\" \"color\" \"harlequin\"\n" + quad("Material \"matte\" \"texture Kd\" \"h\""),
                LUX);
        Set<String> got = Set.of(Arrays.toString(round(shadeAt(k, 0.75f, 0.25f, MaterialLayout.KD))),
                Arrays.toString(round(shadeAt(k, 0.25f, 0.75f, MaterialLayout.KD))));
        Set<String> expect = Set.of(Arrays.toString(round(new float[] {0.5f, 1 / 3f, 0.2f})),
                Arrays.toString(round(new float[] {0.125f, 4 / 9f, 0.8f})));
        assertEquals(expect, got);
    }

    private static float[] round(float[] v) {
        float[] r = new float[3];
        for (int i = 0; i < 3; i++) {
            r[i] = Math.round(v[i] * 1e5f) / 1e5f;
        }
        return r;
    }

    @Test
    void blackbodyAndGaussianAreTheirSpectraInRgb() throws IOException {
        PathTraceKernel k = kernel("Texture \"b\" \"color\" \"blackbody\" \"float temperature\" 3000\n"
                + "Texture \"g\" \"color\" \"gaussian\" \"float wavelength\" 700 \"float width\" 5 \"float energy\" 2\n"
                + "Texture \"e\" \"color\" \"gaussian\" \"float width\" 1e7\n"
                + quad("Material \"matte\" \"texture Kd\" \"b\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"g\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"e\""), LUX);
        // As reflectances the spectra's sRGB is divided by that of a flat 1 over 380..720 nm, which is
        // nearly equal-energy white, sRGB (1.2048, 0.9483, 0.9088): a flat reflectance is white.
        float[] flat = {1.2048f, 0.9483f, 0.9088f};
        // blackbody.cpp: BlackbodySPD (temperature default 6500), the colour a blackbody light has.
        float[] bb = Blackbody.luxRender(3000);
        assertArrayEquals(new float[] {bb[0] / flat[0], bb[1] / flat[1], bb[2] / flat[2]},
                shadeAt(k, 0.5f, 0.5f, MaterialLayout.KD), 4e-3f);
        // gaussiantexture.cpp: energy exp(-(l - 700)^2 / (2 5^2)) integrates to 2 x 5 sqrt(2 pi) times the
        // CIE functions' mean under that Gaussian, f(700) + 5^2 / 2 f''(700) with f'' from the table at
        // 695, 700, 705 nm (x 0.01584, 0.01135916, 0.008110916; y 0.005723, 0.004102, 0.002929; z 0);
        // per unit Y integral (106.856895), in sRGB only red stays positive: 3.2404542 x - 1.5371385 y.
        double x = 0.01135916 + 0.5 * (0.01584 + 0.008110916 - 2 * 0.01135916);
        double y = 0.004102 + 0.5 * (0.005723 + 0.002929 - 2 * 0.004102);
        float red = (float) (2 * 5 * Math.sqrt(2 * Math.PI) * (3.2404542 * x - 1.5371385 * y) / 106.856895) / flat[0];
        assertArrayEquals(new float[] {red, 0, 0}, shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD), 0.015f * red);
        // A very wide one is flat 1 over 380..720 nm: white.
        assertArrayEquals(new float[] {1, 1, 1}, shadeAlong(k, 0.5f, 0.5f, 1.5f, 0, 0, 1, MaterialLayout.KD), 1e-5f);
    }

    @Test
    void equalEnergyIsItsFlatSpectrumAsAReflectanceAndItsEnergyAsAFloat() throws IOException {
        // equalenergy.h: EqualEnergySpectrumTexture is SWCSpectrum(e), flat, so as a reflectance the grey e
        // (a flat 1 is white, as for the wide gaussian above); EqualEnergyFloatTexture is e; e defaults to 1.
        PathTraceKernel k = kernel("Texture \"c\" \"color\" \"equalenergy\" \"float energy\" 0.3\n"
                + "Texture \"f\" \"float\" \"equalenergy\" \"float energy\" 0.6\n"
                + "Texture \"fs\" \"color\" \"scale\" \"texture tex1\" \"f\" \"color tex2\" [1 0.5 0.25]\n"
                + "Texture \"d\" \"color\" \"equalenergy\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"fs\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"d\""), LUX);
        assertTrue(last.warnings().isEmpty(), last.warnings().toString());
        assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f}, shadeAt(k, 0.5f, 0.5f, MaterialLayout.KD), 1e-6f);
        assertArrayEquals(new float[] {0.6f, 0.3f, 0.15f}, shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD),
                1e-6f);
        assertArrayEquals(new float[] {1, 1, 1}, shadeAlong(k, 0.5f, 0.5f, 1.5f, 0, 0, 1, MaterialLayout.KD), 1e-6f);
    }

    @Test
    void colourOnlyClassesAndCheckerboardSupersamplingWarnAtTheirPlace() throws IOException {
        kernel("Texture \"h\" \"float\" \"harlequin\"\nTexture \"c\" \"color\" \"checkerboard\" \"string aamode\""
                + " \"supersample\"\nTexture \"s\" \"color\" \"scale\" \"texture tex1\" \"h\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"s\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\""), LUX);
        String w = last.warnings().stream().map(x -> x.loc() + ": " + x.message()).collect(Collectors.joining("\n"));
        assertTrue(w.contains(":7:1: texture class \"harlequin\" has colour values only"), w);
        assertTrue(w.contains(":8:") && w.contains("aamode \"supersample\" is not implemented"), w);
    }

    @Test
    void tabulatedDataReadsLuxRendersSpectrumFiles() throws IOException {
        // tabulateddata.cpp: an optional header names the unit; 1239.84 / E converts eV to nm and a
        // decreasing table is reversed; under two samples LuxRender falls back to 1 over 380..720 nm.
        java.nio.file.Files.writeString(dir.resolve("flat.txt"), "# a comment\nwavelength: nm data: r\n380 1\n720, 1\nend\n");
        double e380 = 4.135667e-15 * 299792458.0 * 1e9 / 380, e720 = 4.135667e-15 * 299792458.0 * 1e9 / 720;
        java.nio.file.Files.writeString(dir.resolve("ev.txt"), "wavelength: eV data: r\n" + e720 + " 0.5\n" + e380 + " 0.5\n");
        java.nio.file.Files.writeString(dir.resolve("one.txt"), "500 0.3\n");
        PathTraceKernel k = kernel("Texture \"f\" \"color\" \"tabulateddata\" \"string filename\" \"flat.txt\"\n"
                + "Texture \"e\" \"color\" \"tabulateddata\" \"string filename\" \"ev.txt\"\n"
                + "Texture \"o\" \"color\" \"tabulateddata\" \"string filename\" \"one.txt\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"f\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"e\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"o\""), LUX);
        // Flat 1 over 380..720 nm: a white reflectance; 0.5 in eV: grey; the fallback: white.
        assertArrayEquals(new float[] {1, 1, 1}, shadeAt(k, 0.5f, 0.5f, MaterialLayout.KD), 1e-5f);
        float[] half = shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, half, 1e-4f);
        assertArrayEquals(new float[] {1, 1, 1}, shadeAlong(k, 0.5f, 0.5f, 1.5f, 0, 0, 1, MaterialLayout.KD), 1e-5f);
        String w = last.warnings().stream().map(x -> x.loc() + ": " + x.message()).collect(Collectors.joining("\n"));
        assertTrue(w.contains(":9:1: tabulateddata texture \"o\"") && w.contains("fewer than two samples"), w);
    }

    @Test
    void multimixIsTheWeightedSumOfItsTextures() throws IOException {
        // multimix.h MultiMixTexture::Evaluate: sum of weights[i] tex(i+1), each tex defaulting to 0, and
        // 0 without weights. "uc" is (u, 2u, 3u) and "u" is u (= x on the quad).
        PathTraceKernel k = kernel("Texture \"u\" \"float\" \"bilerp\" \"float v00\" 0 \"float v01\" 0 \"float v10\" 1"
                + " \"float v11\" 1\n"
                + "Texture \"uc\" \"color\" \"bilerp\" \"color v00\" [0 0 0] \"color v01\" [0 0 0] \"color v10\" [1 2 3]"
                + " \"color v11\" [1 2 3]\n"
                + "Texture \"m\" \"color\" \"multimix\" \"float weights\" [0.5 0.25 2] \"texture tex1\" \"uc\""
                + " \"color tex2\" [0.4 0.8 0]\n"
                + "Texture \"fm\" \"float\" \"multimix\" \"float weights\" [1 -0.5] \"texture tex1\" \"u\" \"float tex2\" 0.4\n"
                + "Texture \"fs\" \"color\" \"scale\" \"texture tex1\" \"fm\" \"color tex2\" [1 1 1]\n"
                + "Texture \"z\" \"color\" \"multimix\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"fs\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"z\""), LUX);
        assertTrue(last.warnings().isEmpty(), last.warnings().toString());
        // 0.5 (0.3, 0.6, 0.9) + 0.25 (0.4, 0.8, 0) + 2 x 0.
        near(new float[] {0.25f, 0.5f, 0.45f}, shadeAt(k, 0.3f, 0.5f, MaterialLayout.KD));
        // 1 x 0.7 - 0.5 x 0.4.
        near(new float[] {0.5f, 0.5f, 0.5f}, shadeAlong(k, 0.7f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD));
        near(new float[] {0, 0, 0}, shadeAlong(k, 0.7f, 0.5f, 1.5f, 0, 0, 1, MaterialLayout.KD));
    }

    @Test
    void uvmaskPicksInnerInsideTheUnitSquareOfItsMapping() throws IOException {
        // uvmask.h UVMaskTexture::Evaluate: outertex where s or t leaves [0, 1], innertex (default 1) inside;
        // s = 2 u - 0.5 is inside for u in [0.25, 0.75]. Float only: a colour uvmask warns.
        PathTraceKernel k = kernel("Texture \"u\" \"float\" \"bilerp\" \"float v00\" 0 \"float v01\" 0 \"float v10\" 1"
                + " \"float v11\" 1\n"
                + "Texture \"mk\" \"float\" \"uvmask\" \"float uscale\" 2 \"float udelta\" -0.5 \"float innertex\" 0.9"
                + " \"texture outertex\" \"u\"\n"
                + "Texture \"d\" \"float\" \"uvmask\" \"float vdelta\" 0.5\n"
                + "Texture \"c\" \"color\" \"uvmask\"\n"
                + "Texture \"ms\" \"color\" \"scale\" \"texture tex1\" \"mk\" \"color tex2\" [1 1 1]\n"
                + "Texture \"ds\" \"color\" \"scale\" \"texture tex1\" \"d\" \"color tex2\" [1 1 1]\n"
                + quad("Material \"matte\" \"texture Kd\" \"ms\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"ds\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\""), LUX);
        near(new float[] {0.9f, 0.9f, 0.9f}, shadeAt(k, 0.5f, 0.5f, MaterialLayout.KD));
        near(new float[] {0.1f, 0.1f, 0.1f}, shadeAt(k, 0.1f, 0.5f, MaterialLayout.KD));
        near(new float[] {0.85f, 0.85f, 0.85f}, shadeAt(k, 0.85f, 0.5f, MaterialLayout.KD));
        // Defaults innertex 1, outertex 0; t = v + 0.5 leaves [0, 1] above v = 0.5.
        near(new float[] {1, 1, 1}, shadeAlong(k, 0.5f, 0.3f, 0.5f, 0, 0, 1, MaterialLayout.KD));
        near(new float[] {0, 0, 0}, shadeAlong(k, 0.5f, 0.7f, 0.5f, 0, 0, 1, MaterialLayout.KD));
        String w = last.warnings().stream().map(x -> x.loc() + ": " + x.message()).collect(Collectors.joining("\n"));
        assertEquals(1, last.warnings().size(), w);
        assertTrue(w.contains(":10:1: texture class \"uvmask\" has float values only"), w);
    }

    @Test
    void regularAndIrregularDataAreTheirSpectraInRgb() throws IOException {
        PathTraceKernel k = kernel("Texture \"rf\" \"color\" \"regulardata\" \"float data\" [0.5 0.5 0.5 0.5]\n"
                + "Texture \"rk\" \"color\" \"regulardata\" \"float start\" 400 \"float end\" 700"
                + " \"float data\" [0.2 0.9 0.1]\n"
                + "Texture \"if\" \"color\" \"irregulardata\" \"float wavelengths\" [380 500 720] \"float data\" [0.3 0.3 0.3]\n"
                + "Texture \"ik\" \"color\" \"irregulardata\" \"float wavelengths\" [450 600] \"float data\" [1 0]\n"
                + quad("Material \"matte\" \"texture Kd\" \"rf\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"rk\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"if\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"ik\""), LUX);
        assertTrue(last.warnings().isEmpty(), last.warnings().toString());
        // A flat spectrum over LuxRender's 380..720 nm is its grey, as a flat 1 is white.
        near(new float[] {0.5f, 0.5f, 0.5f}, shadeAlong(k, 0.5f, 0.5f, -1, 0, 0, 1, MaterialLayout.KD));
        near(new float[] {0.3f, 0.3f, 0.3f}, shadeAlong(k, 0.5f, 0.5f, 1.5f, 0, 0, 1, MaterialLayout.KD));
        // Known spectra: linear between their samples, 0 outside, through LuxSpectrum.rgb over the flat 1's rgb.
        float[] flat = LuxSpectrum.rgb(l -> 1);
        float[] rk = LuxSpectrum.rgb(l -> l < 400 || l > 700 ? 0 : l <= 550 ? 0.2 + 0.7 * (l - 400) / 150
                : 0.9 - 0.8 * (l - 550) / 150);
        assertArrayEquals(new float[] {rk[0] / flat[0], rk[1] / flat[1], rk[2] / flat[2]},
                shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD), 1e-5f);
        float[] ik = LuxSpectrum.rgb(l -> l < 450 || l > 600 ? 0 : (600 - l) / 150);
        assertArrayEquals(new float[] {ik[0] / flat[0], ik[1] / flat[1], ik[2] / flat[2]},
                shadeAlong(k, 0.5f, 0.5f, 2.5f, 0, 0, 1, MaterialLayout.KD), 1e-5f);
    }

    @Test
    void frequencyIsItsSineSpectrumAndBadDataWarnsOnce() throws IOException {
        // frequencyspd.cpp: (sin(lambda freq + phase) + 1) / 2 x energy; freq 0 is flat: a grey.
        PathTraceKernel k = kernel("Texture \"f\" \"color\" \"frequency\" \"float freq\" 0 \"float phase\" 0.5"
                + " \"float energy\" 0.8\n"
                + "Texture \"g\" \"color\" \"frequency\"\n"
                + "Texture \"n\" \"color\" \"regulardata\"\n"
                + "Texture \"m\" \"color\" \"irregulardata\" \"float wavelengths\" [400 500 600] \"float data\" [0.5 0.5]\n"
                + "Texture \"fl\" \"float\" \"regulardata\" \"float data\" [0.2 0.3]\n"
                + "Texture \"fs\" \"color\" \"scale\" \"texture tex1\" \"fl\" \"color tex2\" [1 1 1]\n"
                + quad("Material \"matte\" \"texture Kd\" \"fs\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"f\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"g\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"n\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\""), LUX);
        // The float regulardata (no such class in LuxRender 1.x) warns and Kd keeps its default: the first
        // quad is "fs", so the sine textures are one and two steps along +z.
        float grey = (float) ((Math.sin(0.5) + 1) / 2 * 0.8);
        assertArrayEquals(new float[] {grey, grey, grey}, shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD),
                1e-5f);
        // Defaults freq 0.03, phase 0.5, energy 1.
        float[] flat = LuxSpectrum.rgb(l -> 1);
        float[] g = LuxSpectrum.rgb(l -> (Math.sin(l * 0.03 + 0.5) + 1) / 2);
        assertArrayEquals(new float[] {g[0] / flat[0], g[1] / flat[1], g[2] / flat[2]},
                shadeAlong(k, 0.5f, 0.5f, 1.5f, 0, 0, 1, MaterialLayout.KD), 2e-3f);
        // No data, or a count mismatch: LuxRender's fallback 1 over 380..720 nm, white.
        near(new float[] {1, 1, 1}, shadeAlong(k, 0.5f, 0.5f, 2.5f, 0, 0, 1, MaterialLayout.KD));
        near(new float[] {1, 1, 1}, shadeAlong(k, 0.5f, 0.5f, 3.5f, 0, 0, 1, MaterialLayout.KD));
        String w = last.warnings().stream().map(x -> x.loc() + ": " + x.message()).collect(Collectors.joining("\n"));
        assertEquals(3, last.warnings().size(), w);
        assertTrue(w.contains(":9:1: regulardata texture \"n\" has fewer than two \"data\" values"), w);
        assertTrue(w.contains(":10:1: irregulardata texture \"m\" has 3 wavelengths but 2 data values"), w);
        assertTrue(w.contains(":11:1: texture class \"regulardata\" has colour values only"), w);
    }

    @Test
    void lampspectrumIsTheNamedLampsSpectrumAsAReflectance() throws IOException {
        // lampspectrum.cpp: HPS is its lamp_spect.h table, Candle a 1020 K blackbody; a spectral texture
        // under a material is its colour over that of a flat spectrum of 1.
        PathTraceKernel k = kernel("Texture \"l\" \"color\" \"lampspectrum\" \"string name\" \"HPS\"\n"
                + "Texture \"c\" \"color\" \"lampspectrum\" \"string name\" \"Candle\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"l\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\""), LUX);
        assertArrayEquals(LuxSpd.reflectance(LampSpectraReference.rgb("HPS")), shadeAt(k, 0.5f, 0.5f, MaterialLayout.KD),
                1e-4f);
        assertArrayEquals(LuxSpd.reflectance(Blackbody.luxRender(1020)),
                shadeAlong(k, 0.5f, 0.5f, 0.5f, 0, 0, 1, MaterialLayout.KD), 1e-6f);
        assertEquals(0, last.warnings().size(), last.warnings().toString());
    }
}

package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luxnet.scene.compile.SceneCompilerTest.compile;
import static org.luxnet.scene.compile.SceneCompilerTest.warned;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.tonemap.ColorSpace;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.luxnet.accumulator.tonemap.LdrClamp;
import org.luxnet.accumulator.tonemap.OutputImaging;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compiled.RenderSettings.ToneSpec;
import org.luxnet.scene.parse.SceneParser;

/** The Film's tone mapping parameters, read as LuxRender's FlexImageFilm::CreateFilm and pbrt-v3's film read them. */
class FilmToneCompilerTest {
    private static final String REST = "Camera \"perspective\"\nWorldBegin\nShape \"sphere\"\nWorldEnd\n";

    private static CompiledRender lux(String filmParams) {
        return compile("Film \"fleximage\" \"integer xresolution\" [8] \"integer yresolution\" [8] " + filmParams + "\n" + REST);
    }

    private static ToneSpec tone(String filmParams) {
        return lux(filmParams).settings().tonemap();
    }

    @Test
    void luxRenderDefaultsAreAutolinearGamma22CutAndTheSmpteColourSpace() {
        ToneSpec t = tone("");
        assertEquals("autolinear", t.kernel());
        assertEquals(2.2, t.params().get("gamma"), 1e-6, "autolinear meters for the film's gamma");
        assertEquals(2.2, t.gamma(), 1e-12);
        assertEquals(ColorSpace.LUXRENDER, t.colorSpace());
        assertEquals(LdrClamp.CUT, t.ldrClamp());
        assertTrue(t.exrTonemapped(), "write_exr_applyimaging defaults to true");
        assertEquals(DisplayEncoding.luxRender(2.2).toString(), t.imaging().encoding().toString());
    }

    @Test
    void linearUsesItsOwnGammaNotTheFilms() {
        // FlexImageFilm::ApplyPipeline passes linear_gamma (default 1), not the film's gamma, to LinearOp.
        ToneSpec t = tone("\"string tonemapkernel\" [\"linear\"] \"float linear_sensitivity\" [100] \"float gamma\" [1.8]");
        assertEquals(100.0, t.params().get("sensitivity"));
        assertNull(t.params().get("gamma"), "linear_gamma absent: the kernel's default 1 applies");
        assertEquals(1.8, t.gamma(), 1e-12);
        ToneSpec g = tone("\"string tonemapkernel\" [\"linear\"] \"float linear_gamma\" [2.2]");
        assertEquals(2.2, g.params().get("gamma"));
    }

    @Test
    void everyKernelsParametersAreReadWithoutWarningsWhicheverIsChosen() {
        CompiledRender cr = lux("\"string tonemapkernel\" [\"reinhard\"] \"float reinhard_prescale\" [2] "
                + "\"float reinhard_burn\" [4] \"float linear_exposure\" [0.5] \"float contrast_ywa\" [30] "
                + "\"string ldr_clamp_method\" [\"hue\"] \"bool write_png_gamutclamp\" [\"true\"]");
        ToneSpec t = cr.settings().tonemap();
        assertEquals(2.0, t.params().get("prescale"));
        assertEquals(4.0, t.params().get("burn"));
        assertNull(t.params().get("exposure"), "only the chosen kernel's parameters reach it");
        assertEquals(LdrClamp.HUE, t.ldrClamp());
        assertTrue(cr.warnings().stream().noneMatch(w -> w.message().contains("Film")), cr.warnings().toString());
        assertEquals(30.0, tone("\"string tonemapkernel\" [\"contrast\"] \"float contrast_ywa\" [30]").params().get("ywa"));
    }

    @Test
    void theOldTonemapperSpellingSelectsTheKernel() {
        // LuxRender 0.1's multiimage film: "string tonemapper" and "contrast_displayadaptationY".
        ToneSpec t = tone("\"string tonemapper\" [\"contrast\"] \"float contrast_displayadaptationY\" [50]");
        assertEquals("contrast", t.kernel());
        assertEquals(50.0, t.params().get("ywa"));
        assertEquals("maxwhite", tone("\"string tonemapper\" [\"maxwhite\"]").kernel());
    }

    @Test
    void colourSpaceChromaticitiesReplaceTheDefaults() {
        ToneSpec t = tone("\"float colorspace_white\" [0.3127 0.3290] \"float colorspace_red\" [0.64 0.33] "
                + "\"float colorspace_green\" [0.3 0.6] \"float colorspace_blue\" [0.15 0.06]");
        assertArrayEquals(new double[] {0.64, 0.33, 0.3, 0.6, 0.15, 0.06, 0.3127, 0.329},
                t.colorSpace().chromaticities(), 1e-6);
        // Only the white point given: the default primaries stay.
        double[] w = tone("\"float colorspace_white\" [0.3127 0.3290]").colorSpace().chromaticities();
        assertArrayEquals(new double[] {0.63, 0.34, 0.31, 0.595, 0.155, 0.07, 0.3127, 0.329}, w, 1e-6);
    }

    @Test
    void unknownNamesWarnAtTheirLineAndFallBackAsLuxRenderDoes() {
        CompiledRender cr = lux("\"string tonemapkernel\" [\"falsecolors\"]\n\"string ldr_clamp_method\" [\"clip\"]\n"
                + "\"float colorspace_red\" [0.6]");
        assertEquals("autolinear", cr.settings().tonemap().kernel());
        assertEquals(LdrClamp.CUT, cr.settings().tonemap().ldrClamp());
        assertTrue(warned(cr, "scene.lxs:1", "falsecolors"), cr.warnings().toString());
        assertTrue(warned(cr, "scene.lxs:2", "clip"), cr.warnings().toString());
        assertTrue(warned(cr, "scene.lxs:3", "colorspace_red expects 2 numbers"), cr.warnings().toString());
    }

    @Test
    void badValuesAreErrorsAtTheirPlace() {
        SceneException e = assertThrows(SceneException.class, () -> lux("\n\"float gamma\" [0]"));
        assertTrue(e.getMessage().startsWith("scene.lxs:2"), e.getMessage());
        e = assertThrows(SceneException.class, () -> lux("\"float colorspace_red\" [0.2 0.2]\n"
                + "\"float colorspace_green\" [0.3 0.3] \"float colorspace_blue\" [0.4 0.4]"));
        assertTrue(e.getMessage().startsWith("scene.lxs:") && e.getMessage().contains("colour space"), e.getMessage());
    }

    @Test
    void theLuxRenderExamplesExposeRadianceOneAsWhite() {
        // examples/*.lxs: linear, ISO 100, 0.838 s, f/1, linear_gamma 2.2: factor 1.00, so their PNG
        // shows radiance 0.5 as floor(255 * 0.5^(1/2.2)) = 186, like pbrt's unscaled film with gamma 2.2.
        for (String scene : new String[] {"cornell-box.lxs", "cornell-spheres.lxs", "ply-mesh/ply-mesh.lxs"}) {
            CompiledRender cr = SceneCompiler.compile(SceneParser.parse(Path.of("..", "examples", scene)));
            OutputImaging o = cr.settings().tonemap().imaging();
            byte[] b = o.encoding().toBytes(o.png().map(new float[] {0.5f, 0.5f, 0.5f}, 1, 1));
            assertEquals(186, b[0] & 0xFF, scene);
            assertEquals(0.5, o.exr().map(new float[] {0.5f, 0.5f, 0.5f}, 1, 1)[1], 0.002, scene + ": tonemapped EXR");
        }
    }

    @Test
    void pbrtFilmHasOnlyItsScaleAndKeepsSrgb() {
        CompiledRender cr = compile("Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8] "
                + "\"float scale\" [3]\nSampler \"sobol\"\nIntegrator \"path\"\n" + REST);
        ToneSpec t = cr.settings().tonemap();
        assertEquals("none", t.kernel());
        assertNull(t.colorSpace());
        OutputImaging o = t.imaging();
        assertEquals("sRGB", o.encoding().toString());
        assertArrayEquals(new float[] {3f, 1.5f, 0f}, o.exr().map(new float[] {1f, 0.5f, -1f}, 1, 1), 1e-6f);
        assertArrayEquals(new float[] {3f, 1.5f, 0f}, o.pfm().map(new float[] {1f, 0.5f, -1f}, 1, 1), 1e-6f);
        SceneException e = assertThrows(SceneException.class, () -> compile("Film \"image\" \"float scale\" [-1]\n"
                + "Sampler \"sobol\"\nIntegrator \"path\"\n" + REST));
        assertTrue(e.getMessage().startsWith("scene.lxs:1"), e.getMessage());
    }
}

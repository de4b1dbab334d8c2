package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.RenderSettings;
import org.luxnet.scene.parse.SceneParser;
import org.luxnet.scene.parse.SceneResources;

/** The compiler turns descriptions into the flat scene with each renderer's semantics. */
class SceneCompilerTest {
    static final String HEAD = "Camera \"perspective\" \"float fov\" [45]\n"
            + "Film \"fleximage\" \"integer xresolution\" [40] \"integer yresolution\" [20]\nWorldBegin\n";

    static CompiledRender compile(String text) {
        SceneResources mem = new SceneResources() {
            @Override
            public Resource open(String includingFile, String path, FileLoc loc) {
                if (!path.equals("scene.lxs")) {
                    throw new SceneException(loc, "no file " + path);
                }
                return new Resource("scene.lxs", text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return SceneCompiler.compile(SceneParser.parse("scene.lxs", mem));
    }

    static boolean warned(CompiledRender cr, String line, String text) {
        for (SceneWarning w : cr.warnings()) {
            if (w.toString().contains(line) && w.toString().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void uniformlyScaledSphereStaysAnalyticOthersAreTessellated() {
        CompiledScene s = compile(HEAD + "AttributeBegin\nTranslate 1 2 3\nScale 2 2 2\nShape \"sphere\" \"float radius\" [0.5]\n"
                + "AttributeEnd\nAttributeBegin\nScale 1 2 1\nShape \"sphere\"\nAttributeEnd\nWorldEnd\n").scene();
        assertEquals(1, s.sphereCount);
        assertEquals(1f, s.sphereGeom[3], 1e-6, "radius 0.5 scaled by 2");
        assertEquals(2f, s.sphereGeom[1], 1e-6);
        assertTrue(s.triangleCount > 1000, "the ellipsoid became triangles: " + s.triangleCount);
        for (int t = 0; t < s.triangleCount; t++) {
            assertEquals(1, s.triHasNs[t], "tessellated spheres carry smooth normals");
        }
    }

    @Test
    void luxRenderAreaLightIsNormalizedByPowerAndEfficacy() {
        // A 1x1 quad: L is rescaled so the light emits power * efficacy lumens: gain = 100 * 17 / (1 * pi * Y).
        String quad = "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [0 0 0 1 0 0 1 1 0 0 1 0]\n";
        CompiledScene lux = compile(HEAD + "AttributeBegin\nAreaLightSource \"area\" \"color L\" [1 1 1]\n" + quad
                + "AttributeEnd\nWorldEnd\n").scene();
        assertEquals(2, lux.lightCount, "one light entry per triangle");
        assertEquals(LightLayout.AREA_TRIANGLE, lux.lightType[0]);
        assertEquals(1700 / Math.PI, lux.lightParams[LightLayout.L], 1e-2);
        assertEquals(0.5f, lux.lightParams[LightLayout.AREA], 1e-6);
        CompiledScene raw = compile(HEAD + "AttributeBegin\nAreaLightSource \"area\" \"color L\" [3 2 1] \"float power\" [0]\n"
                + quad + "AttributeEnd\nWorldEnd\n").scene();
        assertEquals(3f, raw.lightParams[LightLayout.L], 0, "power 0 keeps L as written");
        assertEquals(0.5f, raw.lightSelectPdf[0], 1e-6);
        assertEquals(1f, raw.lightCdf[2], 0);
    }

    @Test
    void lightsAreChosenInProportionToPower() {
        CompiledScene s = compile(HEAD + "LightSource \"point\" \"color L\" [1 1 1]\n"
                + "LightSource \"point\" \"color L\" [3 3 3] \"point from\" [1 0 0]\nShape \"sphere\"\nWorldEnd\n").scene();
        assertEquals(0.25f, s.lightSelectPdf[0], 1e-6);
        assertEquals(0.75f, s.lightSelectPdf[1], 1e-6);
        assertEquals(1f, s.lightParams[LightLayout.STRIDE + LightLayout.POS], 1e-6);
    }

    @Test
    void trianglesCarryTheirOrientedNormalAndMaterial() {
        CompiledScene s = compile(HEAD + "Material \"mirror\"\nReverseOrientation\nShape \"trianglemesh\" "
                + "\"integer indices\" [0 1 2] \"point P\" [0 0 0 1 0 0 0 1 0]\nWorldEnd\n").scene();
        assertEquals(1, s.triangleCount);
        assertEquals(-1f, s.triNg[2], 1e-6, "counter-clockwise winding faces +z; ReverseOrientation flips it");
        assertEquals(MaterialLayout.MIRROR, s.matType[s.triMaterial[0]]);
        CompiledScene n = compile(HEAD + "Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [0 0 0 1 0 0 0 1 0] "
                + "\"normal N\" [0 0 -1 0 0 -1 0 0 -1]\nWorldEnd\n").scene();
        assertEquals(-1f, n.triNg[2], 1e-6, "vertex normals decide the front side");
    }

    @Test
    void pbrtSceneRendersItsPixelSamplesAndLuxSceneItsHaltSpp() {
        CompiledRender pbrt = compile("Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8]\n"
                + "Sampler \"sobol\" \"integer pixelsamples\" [128]\nIntegrator \"path\" \"integer maxdepth\" [7]\n"
                + "Camera \"perspective\"\nWorldBegin\nShape \"sphere\"\nWorldEnd\n");
        assertEquals(128, pbrt.settings().haltSpp());
        assertEquals(7, pbrt.settings().path().maxDepth());
        assertEquals("box", pbrt.settings().filter().name());
        assertEquals("none", pbrt.settings().tonemap().kernel());
        CompiledRender lux = compile(HEAD.replace("[20]", "[20] \"integer haltspp\" [9] \"string filename\" [\"out/pic.exr\"]")
                + "Shape \"sphere\"\nWorldEnd\n");
        RenderSettings s = lux.settings();
        assertEquals(9, s.haltSpp());
        assertEquals("out/pic", s.outputBase());
        assertTrue(s.writeExr() && s.writePng());
        assertEquals(16, s.path().maxDepth(), "LuxRender's path default");
        assertEquals("mitchell", s.filter().name());
        assertEquals(40, s.width());
    }

    /**
     * pbrt-v3's sample counts: CreateStratifiedSampler takes xsamples x ysamples (4 x 4), "pixelsamples" unused;
     * sobol rounds up to a power of two, halton does not; random's default is 4.
     */
    @Test
    void pbrtSamplersRenderTheirOwnSampleCounts() {
        String head = "Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8]\nCamera \"perspective\"\n";
        String tail = "WorldBegin\nShape \"sphere\"\nWorldEnd\n";
        CompiledRender given = compile(head + "Sampler \"stratified\" \"integer xsamples\" [3] \"integer ysamples\" [5]"
                + " \"integer pixelsamples\" [64] \"integer dimensions\" [6]\n" + tail);
        assertEquals(15, given.settings().haltSpp());
        assertTrue(given.warnings().stream().noneMatch(w -> w.toString().contains("samples\"")), given.warnings().toString());
        assertEquals(16, compile(head + "Sampler \"stratified\"\n" + tail).settings().haltSpp());
        assertEquals(128, compile(head + "Sampler \"sobol\" \"integer pixelsamples\" [100]\n" + tail).settings().haltSpp(),
                "sobol rounds up to a power of two");
        assertEquals(100, compile(head + "Sampler \"halton\" \"integer pixelsamples\" [100]\n" + tail).settings().haltSpp());
        assertEquals(4, compile(head + "Sampler \"random\"\n" + tail).settings().haltSpp(), "random's default");
        CompiledRender still = compile(head + "Sampler \"stratified\" \"bool jitter\" \"false\"\n" + tail);
        assertTrue(warned(still, "scene.lxs:3", "jitter"), still.warnings().toString());
    }

    @Test
    void unsupportedThingsAreWarningsAtTheirLine() {
        CompiledRender cr = compile(HEAD + "Material \"nosuchpaint\"\nShape \"sphere\"\nShape \"curve\"\n"
                + "LightSource \"sun\"\nMaterial \"matte\" \"float bumpiness\" [2]\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(warned(cr, "scene.lxs:4", "nosuchpaint"), cr.warnings().toString());
        assertTrue(warned(cr, "scene.lxs:6", "curve"), cr.warnings().toString());
        assertTrue(warned(cr, "scene.lxs:7", "sun"), cr.warnings().toString());
        assertTrue(warned(cr, "scene.lxs:8", "bumpiness"), cr.warnings().toString());
        assertEquals(MaterialLayout.MATTE, cr.scene().matType[0], "unknown materials render as matte");
    }

    @Test
    void invalidValuesAreErrorsAtTheirPlace() {
        SceneException e = assertThrows(SceneException.class, () -> compile(HEAD
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 3] \"point P\" [0 0 0 1 0 0 0 1 0]\nWorldEnd\n"));
        assertTrue(e.getMessage().startsWith("scene.lxs:4"), e.getMessage());
        e = assertThrows(SceneException.class, () -> compile(HEAD.replace("[45]", "[200]") + "WorldEnd\n"));
        assertTrue(e.getMessage().contains("fov"), e.getMessage());
        e = assertThrows(SceneException.class, () -> compile("Film \"fleximage\" \"string tonemapkernel\" [\"linear\"] "
                + "\"float linear_fstop\" [-1]\nCamera \"perspective\"\nWorldBegin\nWorldEnd\n"));
        assertTrue(e.getMessage().startsWith("scene.lxs:1"), "a bad tonemap parameter names the Film line: " + e.getMessage());
    }

    @Test
    void filmScaleFollowsTheBrightestEmitter() {
        CompiledRender dim = compile(HEAD + "LightSource \"infinite\" \"color L\" [0.001 0.001 0.001]\nWorldEnd\n");
        CompiledRender bright = compile(HEAD + "LightSource \"infinite\" \"color L\" [1000 1000 1000]\nWorldEnd\n");
        assertTrue(dim.settings().scaleBits() > bright.settings().scaleBits() + 15,
                dim.settings().scaleBits() + " vs " + bright.settings().scaleBits());
        assertTrue(warned(compile(HEAD + "Shape \"sphere\"\nWorldEnd\n"), "scene.lxs", "no lights"));
    }
}

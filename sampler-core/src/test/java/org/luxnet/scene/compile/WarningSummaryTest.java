package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.SceneWarnings;

/**
 * Each unsupported statement, type or parameter is reported once, with its count and first
 * file:line (LuxRender's fullcornell printed 101 identical bump-map lines), and substitutions are
 * said, not silent.
 */
class WarningSummaryTest {
    private static List<String> lines(CompiledRender cr, String containing) {
        return cr.warnings().stream().map(SceneWarning::toString).filter(s -> s.contains(containing)).toList();
    }

    @Test
    void a101MaterialBumpMapIsOneLineWithItsCount() {
        StringBuilder scene = new StringBuilder(SceneCompilerTest.HEAD + "LightSource \"point\"\n");
        for (int i = 0; i < 101; i++) {
            scene.append("MakeNamedMaterial \"m").append(i).append("\" \"string type\" \"glossy\" \"texture bumpmap\" \"bump\"\n");
            scene.append("NamedMaterial \"m").append(i).append("\"\nShape \"sphere\" \"float radius\" [0.1]\n");
        }
        CompiledRender cr = SceneCompilerTest.compile(scene.append("WorldEnd\n").toString());
        List<String> bump = lines(cr, "bumpmap");
        assertEquals(1, bump.size(), bump.toString());
        assertTrue(bump.get(0).startsWith("scene.lxs:5: warning: ") && bump.get(0).endsWith("(101 times; the first is here)"),
                bump.get(0));
    }

    @Test
    void an101TimesUnsupportedTypeAndParameterAreOneLineEachWithTheirCounts() {
        StringBuilder scene = new StringBuilder(SceneCompilerTest.HEAD + "LightSource \"point\"\n");
        for (int i = 0; i < 101; i++) {
            scene.append("Shape \"torus\" \"float radius\" [4]\n"); // LuxRender's shapes/torus.cpp, not supported
            scene.append("Shape \"sphere\" \"float radius\" [0.1] \"float wobble\" [").append(i).append("]\n");
        }
        CompiledRender cr = SceneCompilerTest.compile(scene.append("WorldEnd\n").toString());
        assertEquals(List.of("scene.lxs:5: warning: shape \"torus\" is not supported and was skipped (supported: "
                + ShapeCompiler.SUPPORTED + ") (101 times; the first is here)"), lines(cr, "shape \"torus\""));
        assertEquals(List.of(), lines(cr, "float radius"), "a shape skipped whole has no parameter lines");
        assertEquals(List.of("scene.lxs:6: warning: parameter \"float wobble\" of Shape \"sphere\" is not supported and was"
                + " ignored (101 times; the first is here)"), lines(cr, "wobble"));
    }

    @Test
    void anIgnoredAcceleratorSaysLuxNetUsesItsOwnBvh() {
        CompiledRender cr = SceneCompilerTest.compile("Accelerator \"qbvh\" \"integer maxprimsperleaf\" [4]\n"
                + SceneCompilerTest.HEAD + "LightSource \"point\"\nShape \"sphere\"\nWorldEnd\n");
        assertEquals(List.of("scene.lxs:1: warning: Accelerator is not supported and was ignored (LuxNet builds its own BVH)"),
                lines(cr, "Accelerator"));
    }

    @Test
    void theSameWarningAtOnePlaceCountsOnce() {
        // An area light is compiled once per shape it applies to; its unused parameter is one place.
        String quad = "Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [0 0 0 1 0 0 0 1 0]\n";
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "AttributeBegin\n"
                + "AreaLightSource \"area\" \"float bogus\" [1]\n" + quad + quad + quad + "AttributeEnd\nWorldEnd\n");
        assertEquals(List.of("scene.lxs:5: warning: parameter \"float bogus\" of AreaLightSource \"area\" is not supported"
                + " and was ignored"), lines(cr, "bogus"));
    }

    @Test
    void foldingKeepsFirstPlacesOrderAndCounts() {
        FileLoc a = new FileLoc("s", 1, 1), b = new FileLoc("s", 2, 1), c = new FileLoc("s", 3, 1);
        List<SceneWarning> out = SceneWarnings.summarize(List.of(new SceneWarning(b, "x"), new SceneWarning(a, "y"),
                new SceneWarning(c, "x"), new SceneWarning(b, "x"), new SceneWarning(c, "z", 4)));
        assertEquals(List.of(new SceneWarning(b, "x", 2), new SceneWarning(a, "y", 1), new SceneWarning(c, "z", 4)), out);
        assertEquals(out, SceneWarnings.summarize(out), "folding twice changes nothing");
    }

    @Test
    void substitutedSamplersAndIntegratorsAreNamed() {
        CompiledRender cr = SceneCompilerTest.compile("Sampler \"halton\"\nSurfaceIntegrator \"bidirectional\"\n"
                + SceneCompilerTest.HEAD + "LightSource \"point\"\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:1", "sampler \"halton\" is replaced by LuxNet's"),
                cr.warnings().toString());
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:2", "surface integrator \"bidirectional\" is not supported; path used"),
                cr.warnings().toString());
        CompiledRender sobol = SceneCompilerTest.compile("Sampler \"lowdiscrepancy\"\n" + SceneCompilerTest.HEAD
                + "LightSource \"point\"\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(lines(sobol, "sampler").isEmpty(), sobol.warnings().toString());
    }

    @Test
    void aMirrorsThinFilmIsNotDroppedSilently() {
        // mirror.cpp: SpecularReflection(R, FresnelNoOp, film, filmindex), interference when film > 0.
        CompiledRender film = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n"
                + "Material \"mirror\" \"float film\" [300] \"float filmindex\" [1.4]\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(SceneCompilerTest.warned(film, "scene.lxs:5", "mirror thin-film interference (film, filmindex) is not"
                + " supported"), film.warnings().toString());
        CompiledRender none = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n"
                + "Material \"mirror\" \"float film\" [0] \"float filmindex\" [1.4]\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(none.warnings().isEmpty(), none.warnings().toString());
    }

    @Test
    void excludingTheEnvironmentHidesItFromCameraRaysWithoutAWarning() {
        // Rendered since the lights at infinity can be hidden from camera rays (IncludeEnvironmentPortTest).
        CompiledRender cr = SceneCompilerTest.compile("SurfaceIntegrator \"path\" \"bool includeenvironment\" \"false\"\n"
                + SceneCompilerTest.HEAD + "LightSource \"infinite\"\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(lines(cr, "includeenvironment").isEmpty(), cr.warnings().toString());
        assertEquals(1, cr.scene().lightParams[org.luxnet.scene.compiled.LightLayout.HIDDEN_FROM_CAMERA]);
    }
}

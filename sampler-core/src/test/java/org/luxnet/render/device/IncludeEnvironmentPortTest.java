package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.LightLayout;

/**
 * LuxRender's path integrator with "bool includeenvironment" false (integrators/path.cpp: on escape the
 * lights' Le is added only "if (includeEnvironment || vertexIndex > 0)"): camera rays that escape see
 * black, paths that scattered first still see the environment. The scene is a constant infinite light
 * of L = 0.5 and a mirror (Kr 0.4) filling half of the view, facing the camera: a mirror pixel is
 * Kr L = 0.2 either way (its ray escapes after one bounce), a sky pixel L = 0.5, or 0 when hidden.
 */
class IncludeEnvironmentPortTest {
    private static final String SCENE = """
            LookAt 0 0 -5  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 16 ] "integer yresolution" [ 8 ]
            PixelFilter "box" "float xwidth" [ 0.5 ] "float ywidth" [ 0.5 ]
            Sampler "lowdiscrepancy" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 4 ] "bool includeenvironment" [ "%s" ]
            WorldBegin
            LightSource "infinite" "color L" [ 0.5 0.5 0.5 ]
            Material "mirror" "color Kr" [ 0.4 0.4 0.4 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0 -9 0  9 -9 0  9 9 0  0 9 0 ]
            WorldEnd
            """;

    @TempDir
    Path dir;

    private CompiledRender compile(boolean include) {
        CompiledRender r = TestScenes.compile(dir, String.format(SCENE, include));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        return r;
    }

    /** The pixels' red values. */
    private static double[] red(Film f, int pixels) {
        float[] rgb = f.toRgb();
        double[] v = new double[pixels];
        for (int i = 0; i < pixels; i++) {
            v[i] = rgb[3 * i];
        }
        return v;
    }

    @Test
    void escapedCameraRaysSeeBlackAndReflectedOnesTheEnvironment() {
        CompiledRender shown = compile(true), hidden = compile(false);
        assertEquals(0, shown.scene().lightParams[LightLayout.HIDDEN_FROM_CAMERA]);
        assertEquals(1, hidden.scene().lightParams[LightLayout.HIDDEN_FROM_CAMERA]);
        int pixels = shown.settings().width() * shown.settings().height();
        double[] a = red(TestScenes.cpuFilm(shown, TestScenes.filter(shown), 7L, 0, 2), pixels);
        double[] b = red(TestScenes.cpuFilm(hidden, TestScenes.filter(hidden), 7L, 0, 2), pixels);
        int sky = 0, mirror = 0;
        for (int i = 0; i < pixels; i++) {
            if (Math.abs(a[i] - 0.5) < 1e-6) {
                sky++;
                assertEquals(0, b[i], 1e-9, "sky pixel " + i);
            } else if (Math.abs(a[i] - 0.2) < 1e-6) {
                mirror++;
                assertEquals(0.2, b[i], 1e-6, "mirror pixel " + i);
            } else {
                // A pixel on the mirror's edge: its sky samples are gone, its mirror samples stay.
                assertTrue(b[i] < a[i] && b[i] > 0, "edge pixel " + i + ": " + a[i] + " then " + b[i]);
            }
        }
        assertTrue(sky >= pixels / 3 && mirror >= pixels / 3, sky + " sky and " + mirror + " mirror pixels");
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void hiddenEnvironmentSampleForSample(Launch launch) {
        CompiledRender r = compile(false);
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 11L, 1, 2, TestScenes.device(launch),
                "includeenvironment false, " + launch);
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * A small smoke-like LuxRender scene computes the same samples on a CPU thread, on Aparapi's Java
 * thread pool and on OpenCL (PoCL here): a heterogeneous volume whose sigma_s is a 4 x 3 x 5
 * densitygrid times a colour and whose sigma_a is an exponential texture times another colour
 * (baked into a grid, tracked per channel), in a null box over a floor, lit by an area light and a
 * sun-like distant light, with a glass2 sphere of a homogeneous volume inside it (nested media).
 */
class LuxVolumeDevicesTest {
    static final String SMOKE = """
            LookAt 0 2 -5  0 0.8 0  0 1 0
            Camera "perspective" "float fov" [40]
            Film "fleximage" "integer xresolution" [32] "integer yresolution" [24]
            SurfaceIntegrator "path" "integer maxdepth" [8]
            VolumeIntegrator "multi"
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [8 7 6]
              Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-1 3 -1  1 3 -1  1 3 1  -1 3 1]
            AttributeEnd
            LightSource "distant" "point from" [1 2 -1] "point to" [0 0 0] "color L" [0.5 0.5 0.5]
            Material "matte" "color Kd" [0.6 0.6 0.6]
            Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-4 0 -4  -4 0 4  4 0 4  4 0 -4]
            Texture "dens" "float" "densitygrid" "integer nx" [4] "integer ny" [3] "integer nz" [5]
                "float density" [DENSITY] "string wrap" "clamp" "vector scale" [2 1.6 2] "vector translate" [-1 -0.1 -1]
            Texture "ss" "color" "scale" "texture tex1" "dens" "color tex2" [1.6 1.3 1.0]
            Texture "up" "float" "exponential" "point origin" [0 0.1 0] "vector updir" [0 1 0] "float decay" [1.2]
            Texture "sa" "color" "scale" "texture tex1" "up" "color tex2" [0.2 0.3 0.5]
            MakeNamedVolume "smoke" "heterogeneous" "texture sigma_a" "sa" "texture sigma_s" "ss" "float g" [0.3]
                "float stepsize" [0.2]
            MakeNamedVolume "milk" "homogeneous" "float fresnel" [1.33] "color sigma_a" [0.01 0.02 0.05]
                "color sigma_s" [3 3.2 3.5] "float g" [0.2]
            AttributeBegin
              Interior "smoke"
              Material "null"
              Shape "trianglemesh" "integer indices" [0 1 2 0 2 3  4 6 5 4 7 6  0 4 5 0 5 1  3 2 6 3 6 7  0 3 7 0 7 4  1 5 6 1 6 2]
                  "point P" [-1 0.1 -1  1 0.1 -1  1 1.7 -1  -1 1.7 -1  -1 0.1 1  1 0.1 1  1 1.7 1  -1 1.7 1]
            AttributeEnd
            AttributeBegin
              Interior "milk"
              Exterior "smoke"
              Material "glass2"
              Translate 0.3 0.8 -0.2
              Shape "sphere" "float radius" [0.3]
            AttributeEnd
            WorldEnd
            """.replace("DENSITY", "0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375 0.750 0.125 1.625 1.000 0.375 1.875 1.250 0.625 0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375 0.750 0.125 1.625 1.000 0.375 1.875 1.250 0.625 0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375 0.750 0.125 1.625 1.000 0.375 1.875 1.250 0.625 0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375");

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxRenderSmokeMatchesOnEveryDevice(Launch launch, @TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("smoke.lxs");
        Files.writeString(f, SMOKE);
        CompiledRender r = RenderSupport.compile(f);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        int smoke = -1;
        for (int m = 0; m < r.scene().mediaParams.length / MediumLayout.STRIDE; m++) {
            if (r.scene().mediaParams[m * MediumLayout.STRIDE + MediumLayout.KIND] == MediumLayout.LUX_GRID) {
                smoke = m;
            }
        }
        assertTrue(smoke > 0, "the smoke is a baked grid");
        assertEquals(10 * 8 * 10 * MediumLayout.LUX_GRID_VALUES, r.scene().mediaGrids.length, "2 x 1.6 x 2 at stepsize 0.2");
        Film film = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 31L, 0, 2, TestScenes.device(launch),
                "LuxRender smoke, " + launch);
        assertTrue(film.totalSamples() > 0);
    }
}

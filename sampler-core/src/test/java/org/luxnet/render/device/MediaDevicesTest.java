package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;

/**
 * Scattering media compute the same samples on every device (TestScenes.assertKernelMatchesCpu: a CPU
 * render thread against the kernel on Aparapi's Java thread pool and on OpenCL, PoCL in CI): pbrt-v3
 * fog in a null sphere over a floor, with a glass sphere of milk inside it (nested media, a delta and
 * an area light) and a rough glass sphere of milk beside it; LuxRender glass2 with a homogeneous Interior of coloured g, the camera in a hazy
 * Exterior; a pbrt-v3 grid medium (delta and ratio tracking), rotated and scaled by its CTM, varying
 * densities, in a null box over a floor, a glass sphere of milk inside it.
 */
class MediaDevicesTest {
    static final String PBRT = """
            LookAt 0 2 -5  0 0.5 0  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Integrator "volpath" "integer maxdepth" [ 8 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 7 6 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 3 -1  1 3 -1  1 3 1  -1 3 1 ]
            AttributeEnd
            LightSource "distant" "point from" [ 1 2 -1 ] "point to" [ 0 0 0 ] "rgb L" [ 0.5 0.5 0.5 ]
            MakeNamedMedium "fog" "string type" "homogeneous" "rgb sigma_a" [ 0.05 0.1 0.15 ] "rgb sigma_s" [ 0.6 0.5 0.4 ]
                "float g" [ 0.4 ]
            MakeNamedMedium "milk" "string type" "homogeneous" "string preset" "Skimmilk" "float scale" [ 3 ] "float g" [ 0.2 ]
            Material "matte" "rgb Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4  -4 0 4  4 0 4  4 0 -4 ]
            AttributeBegin
              MediumInterface "fog" ""
              Material ""
              Translate 0 0.6 0
              Shape "sphere" "float radius" [ 1.2 ]
            AttributeEnd
            AttributeBegin
              MediumInterface "milk" "fog"
              Material "glass" "float index" [ 1.33 ]
              Translate 0.3 0.7 -0.2
              Shape "sphere" "float radius" [ 0.4 ]
            AttributeEnd
            AttributeBegin
              MediumInterface "milk" ""
              Material "glass" "float index" [ 1.4 ] "float roughness" [ 0.2 ]
              Translate -1.6 0.4 -0.8
              Shape "sphere" "float radius" [ 0.35 ]
            AttributeEnd
            """;

    static final String LUX = """
            MakeNamedVolume "haze" "homogeneous" "color sigma_a" [0.02 0.02 0.02] "color sigma_s" [0.05 0.06 0.07]
            Exterior "haze"
            LookAt 0 2 -5  0 0.5 0  0 1 0
            Camera "perspective" "float fov" [40]
            Film "fleximage" "integer xresolution" [32] "integer yresolution" [24]
            SurfaceIntegrator "path" "integer maxdepth" [8]
            VolumeIntegrator "multi"
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [8 7 6]
              Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-1 3 -1  1 3 -1  1 3 1  -1 3 1]
            AttributeEnd
            Material "matte" "color Kd" [0.6 0.6 0.6]
            Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-4 0 -4  -4 0 4  4 0 4  4 0 -4]
            MakeNamedVolume "jade" "homogeneous" "float fresnel" [1.5] "color sigma_a" [0.3 0.05 0.2]
                "color sigma_s" [2 3 2.5] "color g" [0.6 0.3 -0.2]
            AttributeBegin
              Interior "jade"
              Material "glass2"
              Translate 0.2 0.7 0
              Shape "sphere" "float radius" [0.6]
            AttributeEnd
            WorldEnd
            """;

    static final String GRID = """
            LookAt 0 2 -5  0 0.5 0  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Integrator "volpath" "integer maxdepth" [ 8 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 7 6 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 3 -1  1 3 -1  1 3 1  -1 3 1 ]
            AttributeEnd
            LightSource "distant" "point from" [ 1 2 -1 ] "point to" [ 0 0 0 ] "rgb L" [ 0.5 0.5 0.5 ]
            AttributeBegin
              Translate 0 0.9 0
              Rotate 30 0 1 0
              Scale 1.2 0.9 1.1
              MakeNamedMedium "smoke" "string type" "heterogeneous" "rgb sigma_a" [ 0.3 0.2 0.1 ] "rgb sigma_s" [ 1.2 1.3 1.4 ]
                  "float g" [ 0.3 ] "integer nx" [ 4 ] "integer ny" [ 3 ] "integer nz" [ 5 ]
                  "point p0" [ -1 -1 -1 ] "point p1" [ 1 1 1 ] "float density" [ DENSITY ]
            AttributeEnd
            MakeNamedMedium "milk" "string type" "homogeneous" "string preset" "Skimmilk" "float scale" [ 3 ] "float g" [ 0.2 ]
            Material "matte" "rgb Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4  -4 0 4  4 0 4  4 0 -4 ]
            AttributeBegin
              MediumInterface "smoke" ""
              Material ""
              Translate 0 0.9 0
              Shape "sphere" "float radius" [ 0.9 ]
            AttributeEnd
            AttributeBegin
              MediumInterface "milk" "smoke"
              Material "glass" "float index" [ 1.33 ]
              Translate 0.3 0.8 -0.2
              Shape "sphere" "float radius" [ 0.3 ]
            AttributeEnd
            """.replace("DENSITY", "0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375 0.750 0.125 1.625 1.000 0.375 1.875 1.250 0.625 0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375 0.750 0.125 1.625 1.000 0.375 1.875 1.250 0.625 0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375 0.750 0.125 1.625 1.000 0.375 1.875 1.250 0.625 0.000 1.500 0.875 0.250 1.750 1.125 0.500 2.000 1.375");

    @ParameterizedTest
    @EnumSource(Launch.class)
    void pbrtGridMediaMatchOnEveryDevice(Launch launch, @TempDir Path tmp) {
        CompiledRender r = TestScenes.compile(tmp, GRID);
        assertTrue(r.scene().mediaGrids.length == 60, "the smoke's grid");
        Film f = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 29L, 0, 2, TestScenes.device(launch),
                "pbrt-v3 grid media, " + launch);
        assertTrue(f.totalSamples() > 0);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void pbrtMediaMatchOnEveryDevice(Launch launch, @TempDir Path tmp) {
        CompiledRender r = TestScenes.compile(tmp, PBRT);
        assertTrue(r.scene().mediaParams.length > 2 * org.luxnet.scene.compiled.MediumLayout.STRIDE, "two media");
        Film f = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 17L, 0, 2, TestScenes.device(launch),
                "pbrt-v3 media, " + launch);
        assertTrue(f.totalSamples() > 0);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxRenderMediaMatchOnEveryDevice(Launch launch, @TempDir Path tmp) throws java.io.IOException {
        Path f = tmp.resolve("media.lxs");
        java.nio.file.Files.writeString(f, LUX);
        CompiledRender r = org.luxnet.render.RenderSupport.compile(f);
        assertTrue(r.scene().cameraMedium > 0, "the camera is in the haze");
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 23L, 0, 2, TestScenes.device(launch),
                "LuxRender media, " + launch);
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * pbrt-v3's subsurface materials compute the same samples on every device (TestScenes.assertKernelMatchesCpu:
 * a CPU render thread against the kernel on Aparapi's Java thread pool and on OpenCL, PoCL in CI): a smooth
 * "subsurface" sphere of a named medium in a null sphere of fog (its outside medium), a rough "kdsubsurface" sphere, under an
 * area light and a distant light, at maxdepth 5 so that the walks' uncounted vertices inside
 * (MediumKernel#subsurfaceStep) matter.
 */
class SubsurfaceDevicesTest {
    static final String SCENE = """
            LookAt 0 2 -5  0 0.5 0  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Integrator "volpath" "integer maxdepth" [ 5 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 7 6 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 3 -1  1 3 -1  1 3 1  -1 3 1 ]
            AttributeEnd
            LightSource "distant" "point from" [ 1 2 -1 ] "point to" [ 0 0 0 ] "rgb L" [ 0.5 0.5 0.5 ]
            MakeNamedMedium "fog" "string type" "homogeneous" "rgb sigma_a" [ 0.02 0.03 0.04 ] "rgb sigma_s" [ 0.1 0.1 0.1 ]
            Material "matte" "rgb Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4  -4 0 4  4 0 4  4 0 -4 ]
            AttributeBegin
              MediumInterface "fog" ""
              Material ""
              Translate 0.4 0.9 0
              Shape "sphere" "float radius" [ 0.9 ]
            AttributeEnd
            AttributeBegin
              MediumInterface "" "fog"
              Material "subsurface" "string name" "Skin1" "float scale" [ 5 ]
              Translate 0.4 0.6 0
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Material "kdsubsurface" "rgb Kd" [ 0.8 0.6 0.3 ] "float mfp" [ 0.3 ] "float uroughness" [ 0.2 ]
                  "float vroughness" [ 0.2 ]
              Translate -1.2 0.45 -0.5
              Shape "sphere" "float radius" [ 0.45 ]
            AttributeEnd
            """;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void subsurfaceMatchesOnEveryDevice(Launch launch, @TempDir Path tmp) {
        CompiledRender r = TestScenes.compile(tmp, SCENE);
        float[] m = r.scene().mediaParams;
        assertTrue(m.length == 4 * MediumLayout.STRIDE && m[2 * MediumLayout.STRIDE + MediumLayout.SUBSURFACE] == 1,
                "vacuum, the fog and the two interiors");
        Film f = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 31L, 0, 2, TestScenes.device(launch),
                "pbrt-v3 subsurface, " + launch);
        assertTrue(f.totalSamples() > 0);
    }
}

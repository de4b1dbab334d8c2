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
 * pbrt-v3's hair material (HairKernel) computes the same samples on every device
 * (TestScenes.assertKernelMatchesCpu): a sphere of the default (eumelanin 1.3) hair, one whose colour
 * and beta_m are textures, a quad of hair with vertex normals given by sigma_a and a tilted scale,
 * lit by a point light, an area light and a dim environment.
 */
class HairPortTest {
    static final String SCENE = """
            LookAt 0 0 -6  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 50 ]
            Integrator "path" "integer maxdepth" [ 5 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 36 ] "integer yresolution" [ 24 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 0.1 0.12 0.15 ]
            LightSource "point" "point from" [ 0 2 -3 ] "rgb I" [ 6 6 6 ]
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 2 2 2 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 3 -1 1 3 -1 1 3 1 -1 3 1 ]
            AttributeEnd
            Texture "c" "spectrum" "checkerboard" "float uscale" [ 4 ] "float vscale" [ 4 ]
              "rgb tex1" [ 0.7 0.5 0.3 ] "rgb tex2" [ 0.3 0.2 0.1 ]
            Texture "bm" "float" "scale" "float tex1" [ 0.5 ] "float tex2" [ 0.6 ]
            AttributeBegin
              Translate -2.2 0.8 0
              Material "hair"
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.8 0
              Material "hair" "texture color" "c" "texture beta_m" "bm" "float beta_n" [ 0.4 ]
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            AttributeBegin
              Translate 2.2 0.5 0
              Material "hair" "rgb sigma_a" [ 0.2 0.5 1.5 ] "float alpha" [ 6 ] "float beta_m" [ 0.15 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1.5 0 1 -1.5 0 1 1.5 0 -1 1.5 0 ]
                "normal N" [ -0.3 0 -1 0.3 0 -1 0.3 0.2 -1 -0.3 0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeEnd
            AttributeBegin
              Material "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 -1.5 -6 6 -1.5 -6 6 -1.5 6 -6 -1.5 6 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void hairSampleForSample(Launch launch) {
        CompiledRender r = TestScenes.compile(dir, SCENE);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 47L, 2, 2, TestScenes.device(launch),
                "hair, " + launch);
        int pixels = r.settings().width() * r.settings().height();
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }
}

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
 * Anisotropic roughness along dp/du (BumpKernel.shadingTangent) computes the same samples on every
 * device (TestScenes.assertKernelMatchesCpu): pbrt-v3 metal with uroughness != vroughness on a
 * floor with (u, v), a mesh with vertex normals and none (pbrt's default (u, v)), a rotated sphere, an
 * instance and a bumped sphere; LuxRender's anisotropic glossy on a sphere.
 */
class AnisotropyPortTest {
    static final String SCENE = """
            LookAt 0 3.2 -5  0 0.5 0.6  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Integrator "path" "integer maxdepth" [ 4 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 7 6 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -5 0.3 -1 -5 2 -1 -5 2 1.5 -5 0.3 1.5 ]
            AttributeEnd
            LightSource "point" "point from" [ 1 3 -1 ] "rgb I" [ 4 4 4 ]
            Material "metal" "float uroughness" [ 0.03 ] "float vroughness" [ 0.25 ] "bool remaproughness" "false"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4 4 0 -4 4 0 4 -4 0 4 ]
              "float uv" [ 0 0 0 1 1 1 1 0 ]
            AttributeBegin
              Translate 0.9 0.6 0.8
              Rotate 50 1 0.3 0
              Material "metal" "float uroughness" [ 0.3 ] "float vroughness" [ 0.02 ] "bool remaproughness" "false"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            Texture "f" "float" "fbm" "integer octaves" [ 3 ]
            Texture "fs" "float" "scale" "texture tex1" "f" "float tex2" [ 0.03 ]
            AttributeBegin
              Translate -0.9 0.5 1.2
              Material "metal" "float uroughness" [ 0.05 ] "float vroughness" [ 0.4 ] "texture bumpmap" "fs"
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Material "metal" "float uroughness" [ 0.02 ] "float vroughness" [ 0.2 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 0 1.5 -0.2 0 1.5 -0.2 1.5 2 -2 1.5 2 ]
                "normal N" [ 0.1 0 -1 -0.1 0 -1 -0.1 0.2 -1 0.1 0.2 -1 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 ] "point P" [ 0.2 0 -1 1.8 0 -0.5 1.2 1.4 -0.2 ]
            AttributeEnd
            ObjectBegin "tile"
              Material "metal" "float uroughness" [ 0.25 ] "float vroughness" [ 0.01 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0 0 0 1 0 0 1 1 0 0 1 0 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            ObjectEnd
            AttributeBegin
              Translate -1.8 0.05 -0.6
              Rotate 60 1 0.2 0
              ObjectInstance "tile"
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void anisotropicMetalSampleForSample(Launch launch) {
        CompiledRender r = TestScenes.compile(dir, SCENE);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        Film cpu;
        if (launch == Launch.JAVA_THREADS) {
            cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 93L, 2, 2, TestScenes.device(launch),
                    "anisotropic metal, " + launch);
        } else {
            // The bumped sphere's finite differences magnify OpenCL's fma contractions, as in BumpPortTest.
            cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 93L, 2, 2, TestScenes.device(launch),
                    "anisotropic metal, " + launch, 0.03, 2e-2);
        }
        int pixels = r.settings().width() * r.settings().height();
        assertTrue(cpu.totalContributions() > pixels, "the scene should be mostly lit");
    }
}

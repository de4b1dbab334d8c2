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
 * pbrt-v3's rule for a BSDF sample that crosses the geometric surface against the shading frame
 * (BsdfKernel.crossGeometry) computes the same samples on every device (TestScenes.assertKernelMatchesCpu):
 * quads whose vertex normals lean by about 50 degrees, under a constant infinite light, with matte and
 * substrate and metal (one component: the sample is kept), plastic (two: f 0, the path ends),
 * translucent (its other kind's lobes, LobeKernel.evalLobesAcross, both ways) and a mix of matte and
 * translucent (a mix counts both materials' components).
 */
class CrossingPortTest {
    static final String SCENE = """
            LookAt 0 0 -6  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 50 ]
            Integrator "path" "integer maxdepth" [ 3 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 36 ] "integer yresolution" [ 24 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 0.8 0.9 1 ]
            LightSource "point" "point from" [ 0 2 -3 ] "rgb I" [ 3 3 3 ]
            AttributeBegin
              Translate -2.4 1.1 0
              Material "matte" "rgb Kd" [ 0.5 0.6 0.4 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ -1.2 0 -1 -1.2 0.3 -1 -1 0 -1 -1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate 0 1.1 0
              Material "substrate" "rgb Kd" [ 0.4 0.3 0.2 ] "rgb Ks" [ 0.1 0.2 0.3 ] "float uroughness" [ 0.2 ] "float vroughness" [ 0.2 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ 1.2 0 -1 1.2 0.3 -1 1 0 -1 1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate 2.4 1.1 0
              Material "metal" "float roughness" [ 0.4 ] "bool remaproughness" "false"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ 0 1.2 -1 0.3 1.2 -1 0 1 -1 -0.2 1.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate -2.4 -1.1 0
              Material "plastic" "rgb Kd" [ 0.3 0.5 0.2 ] "rgb Ks" [ 0.3 0.3 0.3 ] "float roughness" [ 0.2 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ -1.2 0 -1 -1.2 0.3 -1 -1 0 -1 -1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate 0 -1.1 0
              Material "translucent" "rgb Kd" [ 0.5 0.4 0.3 ] "rgb Ks" [ 0.3 0.3 0.3 ] "rgb reflect" [ 0.6 0.6 0.6 ]
                "rgb transmit" [ 0.4 0.5 0.6 ] "float roughness" [ 0.3 ] "bool remaproughness" "false"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ 1.2 0 -1 1.2 0.3 -1 1 0 -1 1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate 2.4 -1.1 0
              MakeNamedMaterial "a" "string type" "matte" "rgb Kd" [ 0.7 0.2 0.2 ]
              MakeNamedMaterial "b" "string type" "translucent" "rgb Kd" [ 0.2 0.6 0.6 ] "rgb Ks" [ 0 0 0 ]
              MakeNamedMaterial "m" "string type" "mix" "string namedmaterial1" "a" "string namedmaterial2" "b"
                "rgb amount" [ 0.4 0.5 0.6 ]
              NamedMaterial "m"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ 0 -1.2 -1 0.3 -1.2 -1 0 -1 -1 -0.2 -1.2 -1 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void crossingSamplesSampleForSample(Launch launch) {
        CompiledRender r = TestScenes.compile(dir, SCENE);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 41L, 2, 2, TestScenes.device(launch),
                "crossing samples, " + launch);
        int pixels = r.settings().width() * r.settings().height();
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }
}

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
 * pbrt-v3's next-event estimation where the geometric and the shading normal disagree, for the
 * materials with transmission lobes (BsdfKernel.evalAcrossKinds: BSDF::f by the geometric normal,
 * BSDF::Pdf at wi as it is) computes the same samples on every device
 * (TestScenes.assertKernelMatchesCpu): quads with leaning vertex normals of uber, rough glass, thin
 * disney and translucent, lit by point lights in front of and behind their plane, by a two-sided area
 * light behind it, whose MIS weight uses that pdf, and by a dim constant infinite light (in a pbrt-v3
 * scene a 1x1 environment map).
 */
class AcrossKindsPortTest {
    static final String SCENE = """
            LookAt 0 0 -6  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 50 ]
            Integrator "path" "integer maxdepth" [ 3 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 36 ] "integer yresolution" [ 24 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 0.1 0.12 0.15 ]
            LightSource "point" "point from" [ 0 2 -3 ] "rgb I" [ 3 3 3 ]
            LightSource "point" "point from" [ -3 0 1.5 ] "rgb I" [ 4 3 2 ]
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 2 2 2 ] "bool twosided" "true"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 1 -1 2 3 -1 2 3 1 2 1 1 2 ]
            AttributeEnd
            AttributeBegin
              Translate -2.4 1.1 0
              Material "uber" "rgb Kd" [ 0.5 0.3 0.2 ] "rgb Ks" [ 0.2 0.3 0.4 ] "float roughness" [ 0.3 ]
                "rgb opacity" [ 0.9 0.8 0.7 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ -1.2 0 -1 -1.2 0.3 -1 -1 0 -1 -1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate 0 1.1 0
              Material "glass" "rgb Kr" [ 0.9 0.8 0.7 ] "rgb Kt" [ 0.6 0.7 0.8 ] "float uroughness" [ 0.25 ]
                "float vroughness" [ 0.25 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ 1.2 0 -1 1.2 0.3 -1 1 0 -1 1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate 2.4 1.1 0
              Material "disney" "rgb color" [ 0.6 0.5 0.4 ] "bool thin" "true" "float difftrans" [ 0.8 ]
                "float spectrans" [ 0.3 ] "float roughness" [ 0.4 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ 1.2 0 -1 1.2 0.3 -1 1 0 -1 1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate -1.2 -1.1 0
              Material "disney" "rgb color" [ 0.3 0.6 0.5 ] "float spectrans" [ 0.6 ] "float roughness" [ 0.3 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ -1.2 0 -1 -1.2 0.3 -1 -1 0 -1 -1.2 -0.2 -1 ]
            AttributeEnd
            AttributeBegin
              Translate 1.2 -1.1 0
              Material "translucent" "rgb Kd" [ 0.5 0.4 0.3 ] "rgb Ks" [ 0.3 0.3 0.3 ] "rgb reflect" [ 0.6 0.6 0.6 ]
                "rgb transmit" [ 0.4 0.5 0.6 ] "float roughness" [ 0.3 ] "bool remaproughness" "false"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                "normal N" [ -1.2 0 -1 -1.2 0.3 -1 -1 0 -1 -1.2 -0.2 -1 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void acrossKindsSampleForSample(Launch launch) {
        CompiledRender r = TestScenes.compile(dir, SCENE);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 43L, 2, 2, TestScenes.device(launch),
                "across kinds, " + launch);
        int pixels = r.settings().width() * r.settings().height();
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import com.aparapi.exception.CompileFailedException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.LightLayout;

/**
 * The environment-map light computes the same samples on every device for the same stream, as
 * FaithfulPortTest checks for the other features: the env-mapped scene of {@link TestScenes#ENVMAP}
 * (map lookup, 2D importance sampling, MIS against glossy and diffuse BSDFs, the map as background)
 * on a CPU render thread against the kernel launched on Aparapi's Java thread pool and on OpenCL
 * (PoCL in CI, where the kernel must not fall back to Java). No channel of any pixel may differ by
 * more than 2e-4 of its value. Likewise LuxRender's sunsky ({@link #SUNSKY}): the sun's cone (sampled,
 * and hit by BSDF-sampled rays with MIS off the glossy and mirror spheres) and the sky baked into an
 * environment map, seen directly and lighting diffuse, glossy and specular surfaces; and the same scene
 * under sunsky2 (the same sun, the Hosek-Wilkie sky of sky2.cpp baked the same way).
 */
class EnvMapDevicesTest {
    static final String SUNSKY = """
            LookAt 0 -5 1.2  0 0 0.6  0 0 1
            Camera "perspective" "float fov" [ 45 ]
            Film "fleximage" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            PixelFilter "box"
            Sampler "lowdiscrepancy" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 6 ]
            WorldBegin
            LightSource "sunsky" "vector sundir" [ -0.4 -0.5 0.6 ] "float turbidity" [ 2.2 ] "float relsize" [ 8 ]
              "float gain" [ 0.02 ]
            Material "matte" "color Kd" [ 0.4 0.4 0.4 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -5 -5 0 5 -5 0 5 5 0 -5 5 0 ]
            AttributeBegin
              Translate -1.2 0 0.5
              Material "matte" "color Kd" [ 0.7 0.6 0.5 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0 0.5
              Material "glossy" "color Kd" [ 0.3 0.05 0.05 ] "color Ks" [ 0.5 0.5 0.5 ] "float uroughness" [ 0.02 ]
                "float vroughness" [ 0.02 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate 1.2 0 0.5
              Material "mirror" "color Kr" [ 0.9 0.9 0.9 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void environmentMapSampleForSample(Launch launch) throws CompileFailedException {
        Device device = TestScenes.device(launch);
        CompiledRender r = TestScenes.envMap(dir);
        assertEquals(1, r.scene().envMapCount);
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 79L, 5, 4, device, "env map, " + launch);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void sunSkySampleForSample(Launch launch) {
        CompiledRender r = TestScenes.compile(dir, SUNSKY);
        assertEquals(LightLayout.SUN, r.scene().lightType[0]);
        assertEquals(1, r.scene().envMapCount);
        float[] rgb = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 41L, 3, 3, TestScenes.device(launch),
                "sunsky, " + launch).toRgb();
        double sum = 0;
        for (float v : rgb) {
            sum += v;
        }
        assertTrue(sum > 0 && Double.isFinite(sum), "the sunsky scene is lit: " + sum);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void sunSky2SampleForSample(Launch launch) {
        CompiledRender r = TestScenes.compile(dir, SUNSKY.replace("LightSource \"sunsky\"", "LightSource \"sunsky2\""));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(LightLayout.SUN, r.scene().lightType[0]);
        assertEquals(LightLayout.INFINITE, r.scene().lightType[1]);
        assertEquals(1, r.scene().envMapCount);
        float[] rgb = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 43L, 3, 3, TestScenes.device(launch),
                "sunsky2, " + launch).toRgb();
        double sum = 0;
        for (float v : rgb) {
            sum += v;
        }
        assertTrue(sum > 0 && Double.isFinite(sum), "the sunsky2 scene is lit: " + sum);
    }
}

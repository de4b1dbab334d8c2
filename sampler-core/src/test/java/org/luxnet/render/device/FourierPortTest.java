package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.FourierFiles;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "fourier" material (FourierKernel) computes the same samples on every device
 * (TestScenes.assertKernelMatchesCpu): a sphere of a random three-channel table that reflects and
 * transmits (eta 1.5), a quad of a one-channel one, and a sphere of the Lambertian table, lit by a point
 * light, an area light and a dim environment, the tables' files resolved from the scene's directory.
 */
class FourierPortTest {
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
            AttributeBegin
              Translate -2.2 0.8 0
              Material "fourier" "string bsdffile" "bsdfs/rgb.bsdf"
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.8 0
              Material "fourier" "string bsdffile" "bsdfs/lambert.bsdf"
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            AttributeBegin
              Translate 2.2 0.5 0
              Material "fourier" "string bsdffile" "bsdfs/mono.bsdf"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1.5 0 1 -1.5 0 1 1.5 0 -1 1.5 0 ]
                "normal N" [ -0.3 0 -1 0.3 0 -1 0.3 0.2 -1 -0.3 0.2 -1 ]
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
    void fourierSampleForSample(Launch launch) throws IOException {
        Files.createDirectories(dir.resolve("bsdfs"));
        Files.write(dir.resolve("bsdfs/rgb.bsdf"), FourierFiles.write(FourierFiles.random(21, 10, 6, 3, 1.5f)));
        Files.write(dir.resolve("bsdfs/lambert.bsdf"), FourierFiles.write(FourierFiles.lambertian(0.7)));
        Files.write(dir.resolve("bsdfs/mono.bsdf"), FourierFiles.write(FourierFiles.random(22, 8, 4, 1, 1.33f)));
        CompiledRender r = TestScenes.compile(dir, SCENE);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        int fourier = 0;
        for (int t : r.scene().matType) {
            fourier += t == MaterialLayout.FOURIER ? 1 : 0;
        }
        assertTrue(fourier == 3, "three fourier materials: " + fourier);
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 53L, 2, 2, TestScenes.device(launch),
                "fourier, " + launch);
        int pixels = r.settings().width() * r.settings().height();
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }
}

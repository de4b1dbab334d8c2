package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;

/**
 * A small area light tilted 14 degrees over a 12x12 diffuse floor, one-sided and two-sided, in both
 * dialects: the CPU render thread, Aparapi's Java thread pool and OpenCL compute the same samples (no
 * pixel more than 2e-4 apart). Before shadow rays were aimed from their offset origin at the sampled
 * light point, 15% of them hit the light itself just short of tMax (a 1.8e-4 shift along the ray against
 * a margin of the same size), and those knife-edge decisions went the other way on PoCL in 14 (LuxRender)
 * and 17 (pbrt-v3) of 6144 samples: whole samples black on one device and lit on the other, the same with
 * a one-sided light. The two-sided emission itself (cosL = |cosGeo|) translates exactly.
 */
class TwoSidedAreaLightDevicesTest {
    @TempDir
    Path dir;

    static String scene(boolean lux, boolean twoSided) {
        String light = lux
                ? "AreaLightSource \"area\" \"color L\" [ 1 1 1 ] \"float power\" [ 20 ]"
                : "AreaLightSource \"diffuse\" \"rgb L\" [ 8 8 8 ]";
        String head = lux
                ? """
                  Film "fleximage" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
                  PixelFilter "box"
                  Sampler "lowdiscrepancy" "integer pixelsamples" [ 4 ]
                  SurfaceIntegrator "path" "integer maxdepth" [ 4 ]
                  """
                : """
                  Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
                  Sampler "random" "integer pixelsamples" [ 4 ]
                  Integrator "path" "integer maxdepth" [ 4 ]
                  """;
        String kd = lux ? "\"color Kd\"" : "\"rgb Kd\"";
        return "LookAt 0 -6 3  0 0 0.5  0 0 1\nCamera \"perspective\" \"float fov\" [ 40 ]\n" + head + """
                WorldBegin
                AttributeBegin
                  LIGHT TWO
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ]
                    "point P" [ 1 1 2.2  1 1.6 2.2  1.8 1.6 2.4  1.8 1 2.4 ]
                AttributeEnd
                Material "matte" KD [ 0.6 0.6 0.6 ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 -6 0 6 -6 0 6 6 0 -6 6 0 ]
                WorldEnd
                """.replace("LIGHT", light).replace("KD", kd)
                .replace("TWO", twoSided ? "\"bool twosided\" [ \"true\" ]" : "");
    }

    @ParameterizedTest
    @CsvSource({"true, true, JAVA_THREADS", "true, true, OPENCL", "true, false, OPENCL",
        "false, true, JAVA_THREADS", "false, true, OPENCL", "false, false, OPENCL"})
    void tiltedAreaLightSampleForSample(boolean lux, boolean twoSided, Launch launch) throws Exception {
        Path f = dir.resolve(lux ? "tilted.lxs" : "tilted.pbrt");
        java.nio.file.Files.writeString(f, scene(lux, twoSided));
        CompiledRender r = org.luxnet.scene.compile.SceneCompiler.compile(org.luxnet.scene.parse.SceneParser.parse(f));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        String label = (lux ? "LuxRender" : "pbrt-v3") + (twoSided ? " two-sided" : " one-sided") + ", " + launch;
        float[] rgb = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 17L, 0, 8, TestScenes.device(launch),
                label).toRgb();
        // The floor in front of the light is lit (pbrt-v3's image is LuxRender's mirrored).
        int lit = lux ? 3 * (12 * 32 + 20) : 3 * (12 * 32 + 11);
        assertTrue(rgb[lit] > 0, label + ": the scene is lit");
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender 1.x's Blender textures compute the same samples on every device for the same stream, as
 * {@link TexturePortTest} checks for the other textures: the test scene blender/blender-textures.lxs
 * (every Blender texture class but blender_noise, every noise basis, the types, waveforms and distance
 * metrics, nested through tex1/tex2, with scaled, rotated and translated 3D mappings), and
 * blender_noise alone, on a CPU render thread against the kernel on Aparapi's Java thread pool and on
 * OpenCL (PoCL in CI, where the kernel must not fall back to Java). Java threads must agree exactly
 * (2e-4 of each channel). OpenCL may round differently by an ulp or so (and pow, which the Minkowski
 * distance uses, by up to 16 ulp), which flips near-ties: a Voronoi ranking, a cell boundary. So on
 * OpenCL 0.5% of the pixels may differ by up to 1% of their value; blender_noise's grain of 1/4096 in
 * texture space turns such a flip into another random value, so 1% of its pixels may differ at all.
 */
class BlenderTexturePortTest {
    static final String NOISE = """
            LookAt 0 2.4 -4.2  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 24 ] "integer yresolution" [ 18 ]
            Sampler "sobol" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 3 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.5 4 -1.5 0.5 4 -1.5 0.5 4 0.5 -1.5 4 0.5 ]
            AttributeEnd
            Texture "n" "float" "blender_noise" "integer noisedepth" [ 3 ] "float tex1" [ 0.1 ] "float tex2" [ 0.9 ]
            Texture "nc" "color" "scale" "texture tex1" [ "n" ] "color tex2" [ 0.8 0.8 0.8 ]
            Material "matte" "texture Kd" [ "nc" ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ]
            WorldEnd
            """;

    /** Blender textures as bump maps (LuxRender's Material::Bump over their finite differences). */
    static final String BUMP = """
            LookAt 0 2.4 -4.2  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            Sampler "sobol" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 3 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.5 4 -1.5 0.5 4 -1.5 0.5 4 0.5 -1.5 4 0.5 ]
            AttributeEnd
            Texture "st" "float" "blender_stucci" "string noisebasis" [ "improved_perlin" ] "float noisesize" [ 0.1 ] "float tex2" [ 0.02 ]
            Material "glossy" "color Kd" [ 0.5 0.4 0.3 ] "color Ks" [ 0.1 0.1 0.1 ] "texture bumpmap" [ "st" ] "float bumpmapsampledistance" [ 0.01 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ]
            AttributeBegin
              Translate 0 0.6 0.4
              Texture "cl" "float" "blender_clouds" "string noisebasis" [ "voronoi_f1" ] "float noisesize" [ 0.2 ] "float tex2" [ 0.03 ]
              Material "matte" "color Kd" [ 0.7 0.7 0.7 ] "texture bumpmap" [ "cl" ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    static CompiledRender scene() throws Exception {
        return SceneCompiler.compile(SceneParser.parse(Path.of(
                BlenderTexturePortTest.class.getResource("/blender/blender-textures.lxs").toURI())));
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void blenderTexturesSampleForSample(Launch launch) throws Exception {
        Device device = TestScenes.device(launch);
        CompiledRender r = scene();
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        long blender = IntStream.of(r.scene().texType).filter(t -> t == TextureLayout.BLENDER).count();
        assertTrue(blender >= 25, "Blender texture nodes: " + blender);
        boolean cl = launch == Launch.OPENCL;
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 71L, 2, 2, device, "Blender textures, " + launch,
                cl ? 0.005 : 0, cl ? 0.01 : 2e-4);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void blenderNoiseSampleForSample(Launch launch) throws Exception {
        Device device = TestScenes.device(launch);
        Path file = dir.resolve("noise.lxs");
        Files.writeString(file, NOISE);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertEquals(1, r.warnings().size(), "warnings: " + r.warnings());
        assertTrue(r.warnings().get(0).message().contains("BLI_rand"), r.warnings().get(0).message());
        boolean cl = launch == Launch.OPENCL;
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 5L, 1, 2, device, "blender_noise, " + launch,
                cl ? 0.01 : 0, cl ? 1 : 2e-4);
    }

    /** As bump maps; the slopes magnify OpenCL's ulps as in BumpPortTest (3% of pixels up to 2e-2 there). */
    @ParameterizedTest
    @EnumSource(Launch.class)
    void blenderBumpMapsSampleForSample(Launch launch) throws Exception {
        Device device = TestScenes.device(launch);
        Path file = dir.resolve("bump.lxs");
        Files.writeString(file, BUMP);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        boolean cl = launch == Launch.OPENCL;
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 9L, 2, 2, device, "Blender bump maps, " + launch,
                cl ? 0.03 : 0, cl ? 2e-2 : 2e-4);
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender's 3D texture "coordinates" compute the same samples on a CPU render thread, on Aparapi's
 * Java thread pool and on OpenCL (PoCL in CI), as {@link TexturePortTest} checks for the textures:
 * local fbm on a moved and scaled sphere, a local checkerboard 3D on an instanced mesh, uv on a quad,
 * globalnormal marble, localnormal wrinkled on a turned sphere, a local Blender clouds, and a bump
 * map in localnormal coordinates (evaluated at shifted points).
 */
class Map3dPortTest {
    static final String SCENE = """
            LookAt 0 2.4 -4.6  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 44 ]
            Film "fleximage" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 4 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 2 1 0 3 2 ] "point P" [ -1.5 4 -1.5 -1.5 4 0.5 0.5 4 0.5 0.5 4 -1.5 ]
            AttributeEnd
            Texture "uvc" "color" "checkerboard" "integer dimension" [ 3 ] "string coordinates" "uv" "vector scale" [ 0.1 0.1 0.1 ] "color tex1" [ 0.7 0.7 0.6 ] "color tex2" [ 0.1 0.1 0.15 ]
            Material "matte" "texture Kd" "uvc"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Texture "fl" "float" "fbm" "string coordinates" "local" "integer octaves" [ 4 ] "vector scale" [ 0.2 0.2 0.2 ]
            Texture "flc" "color" "mix" "color tex1" [ 0.1 0.5 0.1 ] "color tex2" [ 0.9 0.8 0.2 ] "texture amount" "fl"
            AttributeBegin
              Translate -1.3 0.6 1.2
              Rotate 35 0 1 1
              Scale 0.6 0.6 0.6
              Material "matte" "texture Kd" "flc"
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            Texture "lc" "color" "checkerboard" "integer dimension" [ 3 ] "string coordinates" "local" "vector scale" [ 0.3 0.3 0.3 ] "color tex1" [ 0.8 0.1 0.1 ] "color tex2" [ 0.8 0.8 0.8 ]
            ObjectBegin "box"
              Material "matte" "texture Kd" "lc"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 4 5 6 4 6 7 0 1 5 0 5 4 ] "point P" [ -0.5 0.05 -0.5 0.5 0.05 -0.5 0.5 0.05 0.5 -0.5 0.05 0.5 -0.5 1 -0.5 0.5 1 -0.5 0.5 1 0.5 -0.5 1 0.5 ]
            ObjectEnd
            AttributeBegin
              Translate 0.2 0 -0.6
              Rotate 30 0 1 0
              Scale 0.8 0.8 0.8
              ObjectInstance "box"
            AttributeEnd
            AttributeBegin
              Translate 1.4 0 -0.2
              Rotate -50 0 1 0
              ObjectInstance "box"
            AttributeEnd
            Texture "gm" "color" "marble" "string coordinates" "globalnormal" "float scale" [ 2 ] "integer octaves" [ 2 ]
            AttributeBegin
              Translate 1.3 0.6 1.2
              Material "matte" "texture Kd" "gm"
              Shape "sphere" "float radius" [ 0.55 ]
            AttributeEnd
            Texture "ln" "color" "wrinkled" "string coordinates" "localnormal" "integer octaves" [ 3 ] "vector scale" [ 0.5 0.5 0.5 ]
            Texture "bump" "float" "fbm" "string coordinates" "localnormal" "integer octaves" [ 2 ] "vector scale" [ 0.3 0.3 0.3 ]
            Texture "bumps" "float" "scale" "texture tex1" "bump" "float tex2" [ 0.05 ]
            AttributeBegin
              Translate 0 0.5 1.9
              Rotate 70 1 0 0
              Material "glossy" "color Kd" [ 0.5 0.4 0.3 ] "color Ks" [ 0.1 0.1 0.1 ] BUMP
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate 1.3 1.55 0.9
              Rotate 50 0 0 1
              Material "matte" "texture Kd" "ln"
              Shape "sphere" "float radius" [ 0.35 ]
            AttributeEnd
            Texture "cl" "float" "blender_clouds" "string coordinates" "local" "float noisesize" [ 0.4 ]
            Texture "clc" "color" "mix" "color tex1" [ 0.2 0.2 0.6 ] "color tex2" [ 0.9 0.9 0.9 ] "texture amount" "cl"
            AttributeBegin
              Translate -0.2 1.6 0.4
              Scale 0.3 0.3 0.3
              Material "matte" "texture Kd" "clc"
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            WorldEnd
            """;

    /** The scene with or without the bump map in localnormal coordinates on the glossy sphere. */
    static String scene(boolean bump) {
        return SCENE.replace("BUMP", bump ? "\"texture bumpmap\" \"bumps\" \"float bumpmapsampledistance\" [ 0.01 ]" : "");
    }

    @TempDir
    Path dir;

    private CompiledRender compile(boolean bump) throws java.io.IOException {
        Path file = dir.resolve("map3d.lxs");
        java.nio.file.Files.writeString(file, scene(bump));
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        return r;
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void coordinatesSampleForSample(Launch launch) throws java.io.IOException {
        Device device = TestScenes.device(launch);
        CompiledRender r = compile(false);
        int[] kinds = new int[8];
        for (int i = 0; i < r.scene().texType.length; i++) {
            kinds[(int) r.scene().texParams[i * TextureLayout.NODE_STRIDE + TextureLayout.MAPPING]]++;
        }
        assertEquals(3, kinds[TextureLayout.MAP3D_LOCAL], "local nodes");
        assertEquals(1, kinds[TextureLayout.MAP3D_UV], "uv nodes");
        assertEquals(1, kinds[TextureLayout.MAP3D_GLOBALNORMAL], "globalnormal nodes");
        assertEquals(1, kinds[TextureLayout.MAP3D_LOCALNORMAL], "localnormal nodes");
        assertEquals(r.scene().primitiveCount(), r.scene().primLocal.length);
        // Noise at object-space points magnified ~8x (local fbm: 1 / 0.6 / 0.2) turns OpenCL's ulps in the two
        // chained transforms into up to 2e-4 alone, 3.9e-4 in 1 pixel of 1200 with the rest: BlenderTexturePortTest's
        // OpenCL allowance (every kind on its own stays within 2e-4).
        boolean cl = launch == Launch.OPENCL;
        var cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 61L, 2, 2, device, "3D coordinates, " + launch,
                cl ? 0.005 : 0, cl ? 0.01 : 2e-4);
        assertLit(r, cpu);
    }

    /**
     * The bump map in localnormal coordinates: its finite differences (LuxRender's, here over .01 world
     * units) magnify OpenCL's ulp-level differences, so OpenCL has BumpPortTest's allowance.
     */
    @ParameterizedTest
    @EnumSource(Launch.class)
    void bumpInNormalCoordinatesSampleForSample(Launch launch) throws java.io.IOException {
        Device device = TestScenes.device(launch);
        CompiledRender r = compile(true);
        var cpu = launch == Launch.JAVA_THREADS
                ? TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 61L, 2, 2, device, "3D coordinates bump, " + launch)
                : TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 61L, 2, 2, device, "3D coordinates bump, " + launch,
                        0.03, 2e-2);
        assertLit(r, cpu);
    }

    private static void assertLit(CompiledRender r, org.luxnet.accumulator.Film cpu) {
        int lit = 0;
        for (int i = 0; i < r.settings().width() * r.settings().height(); i++) {
            lit += cpu.get(org.luxnet.accumulator.Channel.R, i) > 0 ? 1 : 0;
        }
        assertTrue(lit > 600, "lit pixels " + lit + ": the light must reach the textured shapes");
    }
}

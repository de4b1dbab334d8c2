package org.luxnet.render.device;

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
 * Textures compute the same samples on every device for the same stream, as FaithfulPortTest checks
 * for the other features: {@link #TEXTURED} (every texture class and 2D mapping, LuxRender's band,
 * colordepth, harlequin, blackbody, gaussian and tabulateddata, textured roughness,
 * sphere and mesh (u, v), image maps filtered trilinearly and by EWA over the first hit's
 * ray differentials) on a CPU render thread against the kernel launched on Aparapi's Java thread
 * pool and on OpenCL (PoCL in CI, where the kernel must not fall back to Java). No channel of any pixel
 * may differ by more than 2e-4 of its value.
 */
class TexturePortTest {
    static final String TEXTURED = """
            Integrator "path" "integer maxdepth" [ 6 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 48 ] "integer yresolution" [ 36 ]
            LookAt 0 3.8 -5.6  0 0.45 0.55  0 1 0
            Camera "perspective" "float fov" [ 38 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 6 6 6 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2.55 5 -3.25 -2.55 5 0.25 0.95 5 0.25 0.95 5 -3.25 ]
            AttributeEnd
            Texture "checks" "spectrum" "checkerboard" "float uscale" [ 12 ] "float vscale" [ 14 ] "rgb tex1" [ 0.75 0.75 0.7 ] "rgb tex2" [ 0.12 0.12 0.15 ]
            Texture "flimg" "spectrum" "imagemap" "string filename" "sky.pfm" "float uscale" [ 30 ] "float vscale" [ 30 ] "float maxanisotropy" [ 4 ]
            Texture "floor" "spectrum" "scale" "texture tex1" "checks" "texture tex2" "flimg"
            Material "matte" "texture Kd" "floor"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Texture "bl" "spectrum" "bilerp" "rgb v00" [ 0.8 0.1 0.1 ] "rgb v11" [ 0.1 0.1 0.8 ] "string mapping" "planar" "float udelta" [ 0.5 ] "vector v1" [ 0.1 0 0 ] "vector v2" [ 0 0.1 0 ]
            Texture "img" "spectrum" "imagemap" "string filename" "sky.pfm" "bool trilinear" "true" "float uscale" [ 3 ] "float vscale" [ 2 ] "float scale" [ 0.5 ]
            Texture "wall" "spectrum" "mix" "texture tex1" "bl" "texture tex2" "img" "float amount" [ 0.6 ]
            Material "glossy" "texture Kd" "wall" "rgb Ks" [ 0.1 0.1 0.1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -8 0 8 8 0 8 8 8 8 -8 8 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeBegin
              Translate -1.45 0.6 1.45
              Scale 4 4 4
              Texture "c3" "spectrum" "checkerboard" "integer dimension" [ 3 ] "rgb tex1" [ 0.8 0.1 0.08 ] "rgb tex2" [ 0.85 0.85 0.8 ]
            AttributeEnd
            AttributeBegin
              Translate -1.45 0.6 1.45
              Material "matte" "texture Kd" "c3"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.6 1.45
              Texture "marble" "spectrum" "marble" "float scale" [ 9 ] "float variation" [ 1.5 ] "integer octaves" [ 2 ]
              Texture "ms" "spectrum" "scale" "texture tex1" "marble" "rgb tex2" [ 0.02 0.02 0.02 ]
              Material "matte" "texture Kd" "ms"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 1.45 0.6 1.45
              Texture "fbm" "float" "fbm" "integer octaves" [ 3 ] "float roughness" [ 0.6 ]
              Texture "wind" "float" "windy"
              Texture "amt" "float" "mix" "texture tex1" "fbm" "texture tex2" "wind" "float amount" [ 0.3 ]
              Texture "mixed" "spectrum" "mix" "rgb tex1" [ 0.55 0.5 0.35 ] "rgb tex2" [ 0.05 0.25 0.9 ] "texture amount" "amt"
              Material "matte" "texture Kd" "mixed"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate -1.45 0.6 -0.55
              Texture "wr" "spectrum" "wrinkled" "integer octaves" [ 3 ]
              Texture "uvs" "spectrum" "uv" "string mapping" "spherical"
              Texture "t" "spectrum" "scale" "texture tex1" "wr" "texture tex2" "uvs"
              Texture "t2" "spectrum" "add" "texture tex1" "t" "rgb tex2" [ 0.05 0 0 ]
              Texture "t3" "spectrum" "subtract" "texture tex1" "t2" "rgb tex2" [ 0 0.02 0 ]
              Material "matte" "texture Kd" "t3"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.6 -0.55
              Rotate -90 1 0 0
              Texture "dots" "spectrum" "dots" "float uscale" [ 16 ] "float vscale" [ 8 ] "rgb inside" [ 0.9 0.75 0.1 ] "rgb outside" [ 0.08 0.3 0.28 ]
              Material "matte" "texture Kd" "dots"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 1.45 0.6 -0.55
              Rotate -90 1 0 0
              Texture "rc" "float" "checkerboard" "float uscale" [ 8 ] "float vscale" [ 4 ] "float tex1" [ 0.001 ] "float tex2" [ 0.2 ]
              Texture "cyl" "spectrum" "uv" "string mapping" "cylindrical"
              Material "plastic" "texture Kd" "cyl" "rgb Ks" [ 0.6 0.6 0.6 ] "texture roughness" "rc"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 0 1.55 0.45
              Texture "hq" "spectrum" "harlequin"
              Texture "cd" "spectrum" "colordepth" "texture Kt" "hq" "float depth" [ 3 ]
              Texture "bb" "spectrum" "blackbody" "float temperature" [ 3500 ]
              Texture "ga" "spectrum" "gaussian" "float wavelength" [ 480 ] "float width" [ 30 ]
              Texture "bamt" "float" "fbm" "integer octaves" [ 2 ]
              Texture "tab" "spectrum" "tabulateddata" "string filename" "spd.txt"
              Texture "gt" "spectrum" "scale" "texture tex1" "ga" "texture tex2" "tab"
              Texture "band" "spectrum" "band" "float offsets" [ -0.2 0 0.3 ] "texture tex1" "cd" "texture tex2" "bb" "texture tex3" "gt" "texture amount" "bamt"
              Material "matte" "texture Kd" "band"
              Shape "sphere" "float radius" [ 0.35 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void texturesSampleForSample(Launch launch) throws java.io.IOException {
        Device device = TestScenes.device(launch);
        TestScenes.writeSkyMap(dir);
        java.nio.file.Files.writeString(dir.resolve("spd.txt"), "wavelength: nm data: t\n400 0.2\n550 1.5\n700 0.4\n");
        CompiledRender r = TestScenes.compile(dir, TEXTURED);
        assertTrue(r.scene().texType.length > 20, "the scene's textures compiled to " + r.scene().texType.length + " nodes");
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 83L, 2, 3, device, "textures, " + launch);
    }

    /** LuxRender's own marble (its full nine-colour spline, FBm without a footprint) in a LuxRender scene. */
    static final String LUX_MARBLE = """
            LookAt 0 2.4 -4.2  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 4 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 2 1 0 3 2 ] "point P" [ -1.5 4 -1.5 -1.5 4 0.5 0.5 4 0.5 0.5 4 -1.5 ]
            AttributeEnd
            Texture "marble" "color" "marble" "float scale" [ 9 ] "float variation" [ 1.5 ] "integer octaves" [ 3 ]
            Material "matte" "texture Kd" "marble"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeBegin
              Translate 0 0.6 0.4
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            WorldEnd
            """;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxMarbleSampleForSample(Launch launch) throws java.io.IOException {
        Device device = TestScenes.device(launch);
        Path file = dir.resolve("marble.lxs");
        java.nio.file.Files.writeString(file, LUX_MARBLE);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        int[] marble = java.util.stream.IntStream.range(0, r.scene().texType.length)
                .filter(i -> r.scene().texType[i] == TextureLayout.MARBLE).toArray();
        assertTrue(marble.length == 1, "marble nodes " + marble.length);
        assertTrue(r.scene().texParams[marble[0] * TextureLayout.NODE_STRIDE + TextureLayout.MARBLE_LUX] == 1,
                "a LuxRender scene's marble is LuxRender's");
        // Lit (before, the light faced away and the films compared were black; assertKernelMatchesCpu now
        // checks), OpenCL's ulps in the noise's octaves move 4 of 768 pixels by up to 4.9e-4 of their value.
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 47L, 2, 2, device, "LuxRender marble, " + launch,
                0.01, 0.002);
    }

    /**
     * LuxRender's brick (every bond; a textured "brickmodtex" at the brick's index, then a parent node back at
     * the hit point), multimix, uvmask, and the spectral data textures in a LuxRender scene.
     */
    static final String LUX_BRICKS = """
            LookAt 0 2.4 -4.2  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 4 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 2 1 0 3 2 ] "point P" [ -1.5 4 -1.5 -1.5 4 0.5 0.5 4 0.5 0.5 4 -1.5 ]
            AttributeEnd
            Texture "chk" "color" "checkerboard" "integer dimension" [ 3 ] "color tex1" [ 1 1 1 ] "color tex2" [ 0.6 0.4 0.3 ]
            Texture "rd" "color" "regulardata" "float start" [ 400 ] "float end" [ 700 ] "float data" [ 0.2 0.9 0.1 ]
            Texture "fq" "color" "frequency" "float freq" [ 0.05 ]
            Texture "run" "color" "brick" "color bricktex" [ 0.7 0.25 0.15 ] "texture mortartex" "rd" "texture brickmodtex" "chk"
            Texture "wall" "color" "scale" "texture tex1" "run" "texture tex2" "fq"
            Material "matte" "texture Kd" "wall"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Texture "fl" "color" "brick" "string brickbond" [ "flemish" ] "color bricktex" [ 0.8 0.8 0.7 ]
            Texture "en" "color" "brick" "string brickbond" [ "english" ] "color bricktex" [ 0.3 0.6 0.2 ]
            Texture "hb" "float" "brick" "string brickbond" [ "herringbone" ] "float brickwidth" [ 0.4 ]
            Texture "bk" "float" "brick" "string brickbond" [ "basket" ] "vector rotate" [ 0 0 30 ]
            Texture "mm" "color" "multimix" "float weights" [ 0.5 0.3 0.6 ] "texture tex1" "fl" "texture tex2" "en" "texture tex3" "chk"
            Texture "um" "float" "uvmask" "float uscale" [ 2 ] "float udelta" [ -0.5 ] "texture innertex" "hb" "texture outertex" "bk"
            Texture "cl" "color" "brick" "string brickbond" [ "chain link" ] "texture bricktex" "mm" "float mortarsize" [ 0.02 ]
            Texture "mix" "color" "mix" "color tex1" [ 0.7 0.6 0.2 ] "color tex2" [ 0.05 0.05 0.05 ] "texture amount" "um"
            AttributeBegin
              Translate -0.7 0.6 0.4
              Material "matte" "texture Kd" "cl"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 0.7 0.6 0.4
              Material "matte" "texture Kd" "mix"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            WorldEnd
            """;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxBricksSampleForSample(Launch launch) throws java.io.IOException {
        Device device = TestScenes.device(launch);
        Path file = dir.resolve("bricks.lxs");
        java.nio.file.Files.writeString(file, LUX_BRICKS);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        long bricks = java.util.Arrays.stream(r.scene().texType).filter(t -> t == TextureLayout.BRICK).count();
        long at = java.util.Arrays.stream(r.scene().texType).filter(t -> t == TextureLayout.BRICK_AT).count();
        assertTrue(bricks == 6 && at == 1, bricks + " brick nodes, " + at + " brick-index nodes");
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 59L, 2, 2, device, "LuxRender bricks, " + launch);
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender's hit point textures over vertex colours compute the same samples on every device:
 * {@link #SCENE} (hitpointcolor on an inline mesh with "C" and on a PLY mesh with uchar colours,
 * hitpointgrey as a mix material's amount, hitpointalpha scaling a colour, an instanced coloured object,
 * and the defaults on a sphere and on a mesh without colours) on a CPU render thread against the kernel
 * on Aparapi's Java thread pool and on OpenCL (PoCL in CI).
 */
class VertexColourPortTest {
    static final String SCENE = """
            LookAt 0 3.2 -5.2  0 0.4 0.5  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 5 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [ 7 7 6 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.5 4 -1.5 -1.5 4 0.5 0.5 4 0.5 0.5 4 -1.5 ]
            AttributeEnd
            Texture "vc" "color" "hitpointcolor"
            Texture "grey" "float" "hitpointgrey" "integer channel" [ 1 ]
            Texture "lum" "float" "hitpointgrey"
            Texture "alpha" "float" "hitpointalpha"
            Texture "faded" "color" "mix" "color tex1" [ 0.05 0.05 0.05 ] "texture tex2" "vc" "texture amount" "alpha"
            MakeNamedMaterial "paint" "string type" [ "matte" ] "texture Kd" "faded"
            MakeNamedMaterial "shiny" "string type" [ "glossy" ] "color Kd" [ 0.1 0.3 0.6 ] "color Ks" [ 0.2 0.2 0.2 ] "float uroughness" [ 0.1 ] "float vroughness" [ 0.1 ]
            AttributeBegin
              Material "mix" "string namedmaterial1" [ "shiny" ] "string namedmaterial2" [ "paint" ] "texture amount" "grey"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ]
                "float C" [ 0.9 0.1 0.1  0.1 0.9 0.1  0.1 0.1 0.9  0.9 0.9 0.2 ] "float A" [ 1 0.2 0.7 0.4 ]
            AttributeEnd
            ObjectBegin "tri"
              NamedMaterial "paint"
              Shape "trianglemesh" "integer indices" [ 0 1 2 ] "point P" [ -0.5 0 0  0.5 0 0  0 1 0 ]
                "float C" [ 1 0.8 0  0 0.6 1  0.9 0.9 0.9 ] "float gamma" [ 2.2 ]
            ObjectEnd
            AttributeBegin
              Translate -1.3 0.01 1.2
              ObjectInstance "tri"
            AttributeEnd
            AttributeBegin
              Translate 1.3 0.01 1.4
              Rotate 30 0 1 0
              ObjectInstance "tri"
            AttributeEnd
            AttributeBegin
              Translate 0 0.02 0.2
              Material "matte" "texture Kd" "vc"
              Shape "plymesh" "string filename" [ "colours.ply" ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.5 2.2
              Material "matte" "texture Kd" "faded"
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Texture "lk" "color" "mix" "color tex1" [ 0 0 0 ] "color tex2" [ 0.6 0.5 0.4 ] "texture amount" "lum"
              Material "matte" "texture Kd" "lk"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 8 6 0 8 6 6 8 -6 6 8 ]
            AttributeEnd
            WorldEnd
            """;

    static final String PLY = """
            ply
            format ascii 1.0
            element vertex 4
            property float x
            property float y
            property float z
            property uchar red
            property uchar green
            property uchar blue
            element face 1
            property list uchar int vertex_indices
            end_header
            -0.6 0.3 -0.3 255 32 0
            0.6 0.3 -0.3 0 200 64
            0.6 0.9 0.3 40 40 255
            -0.6 0.9 0.3 250 250 250
            4 0 1 2 3
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void vertexColoursSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        Files.writeString(dir.resolve("colours.ply"), PLY);
        Path file = dir.resolve("vcolor.lxs");
        Files.writeString(file, SCENE);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        // Floor (2), object triangle (1, shared by both instances), PLY quad (2): 5 coloured triangles.
        assertEquals(5 * 12, r.scene().triColourData.length, "coloured triangles' data");
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 61L, 2, 2, device, "vertex colours, " + launch);
    }
}

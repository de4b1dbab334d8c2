package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * pbrt-v3's alpha masks compute the same samples on every device: {@link #SCENE} (leaves cut by an image
 * mask, inline and from a PLY file, with a textured material of their own; a quad whose "shadowalpha"
 * alone is a checkerboard; a two-node mask; an instanced leaf placed twice; a point and an area light over
 * a floor, so that camera, bounce and shadow rays all meet the masks) on a CPU render thread against the
 * kernel on Aparapi's Java thread pool and on OpenCL (PoCL in CI).
 */
class AlphaMaskPortTest {
    static final String SCENE = """
            LookAt 0 3 -5  0 0.5 0.5  0 1 0
            Camera "perspective" "float fov" [ 45 ]
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            Integrator "path" "integer maxdepth" [ 5 ]
            WorldBegin
            LightSource "point" "point from" [ 0.5 4 -0.5 ] "rgb I" [ 12 12 10 ]
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 4 4 3 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 5 1  2 5 1  2 5 3  -2 5 3 ]
            AttributeEnd
            Texture "leaf" "float" "imagemap" "string filename" "leaf.png"
            Texture "checks" "float" "checkerboard" "float uscale" [ 6 ] "float vscale" [ 6 ] "float tex1" [ 1 ] "float tex2" [ 0 ]
            Texture "both" "float" "scale" "texture tex1" "leaf" "texture tex2" "checks"
            Texture "green" "spectrum" "checkerboard" "float uscale" [ 3 ] "float vscale" [ 3 ]
                "rgb tex1" [ 0.1 0.6 0.1 ] "rgb tex2" [ 0.4 0.7 0.2 ]
            Material "matte" "rgb Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6  6 0 -6  6 0 8  -6 0 8 ]
            AttributeBegin
              Material "matte" "texture Kd" "green"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.8 1.6 -0.6  -0.2 1.6 -0.6  -0.2 1.6 1  -1.8 1.6 1 ]
                "float uv" [ 0 0 1 0 1 1 0 1 ] "texture alpha" "leaf"
              Translate 1.6 0.2 0.3
              Shape "plymesh" "string filename" "leaf.ply" "texture alpha" "leaf"
            AttributeEnd
            AttributeBegin
              Material "plastic" "rgb Kd" [ 0.5 0.3 0.2 ] "rgb Ks" [ 0.3 0.3 0.3 ] "float roughness" [ 0.1 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 0.9 1.4  1 0.9 1.4  1 2.4 1.6  -1 2.4 1.6 ]
                "float uv" [ 0 0 1 0 1 1 0 1 ] "texture shadowalpha" "checks"
            AttributeEnd
            ObjectBegin "sprig"
              Material "matte" "rgb Kd" [ 0.2 0.5 0.15 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.5 0 -0.5  0.5 0 -0.5  0.5 0 0.5  -0.5 0 0.5 ]
                "float uv" [ 0 0 1 0 1 1 0 1 ] "texture alpha" "both"
            ObjectEnd
            AttributeBegin
              Translate -1 0.8 -1.5
              Rotate 30 0 1 0
              ObjectInstance "sprig"
            AttributeEnd
            AttributeBegin
              Translate 1.2 1.1 -1.2
              Rotate -40 1 0 0
              Scale 1.4 1 1.4
              ObjectInstance "sprig"
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
            property float u
            property float v
            element face 1
            property list uchar int vertex_indices
            end_header
            -1.2 1.2 -0.9 0 0
            0.4 1.2 -0.9 1 0
            0.4 1.5 0.7 1 1
            -1.2 1.5 0.7 0 1
            4 0 1 2 3
            """;

    @TempDir
    Path dir;

    /** A leaf: a white disc (the mask's 1) on black (0), grey at its rim. */
    private void writeLeaf() throws IOException {
        int n = 16;
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = (x + 0.5) / n - 0.5, dy = (y + 0.5) / n - 0.35;
                double r = Math.sqrt(dx * dx * 2.5 + dy * dy);
                int g = r < 0.3 ? 255 : r < 0.36 ? 128 : 0;
                img.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        ImageIO.write(img, "png", dir.resolve("leaf.png").toFile());
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void alphaMasksSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        writeLeaf();
        Files.writeString(dir.resolve("leaf.ply"), PLY);
        Path file = dir.resolve("alpha.pbrt");
        Files.writeString(file, SCENE);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        // Three masks: "leaf" (inline and PLY leaves), "checks" as shadowalpha, "both" (the instanced sprig).
        assertEquals(3 * org.luxnet.scene.compiled.CompiledScene.ALPHA_STRIDE, r.scene().alphaMasks.length, "mask rows");
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 71L, 2, 2, device, "alpha masks, " + launch);
    }
}

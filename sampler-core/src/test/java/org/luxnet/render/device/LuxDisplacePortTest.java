package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender's displacement maps (loop and microdisplacement, compiled to triangles) and its layered
 * material (compiled to a mix chain ending in null) compute the same samples on a CPU thread as the
 * kernel on Aparapi's Java thread pool and on OpenCL (skipped, saying why, without an OpenCL driver).
 */
class LuxDisplacePortTest {
    static final String SCENE = """
            LookAt 0 2.5 -3.5  0 0.2 0.3  0 1 0
            Camera "perspective" "float fov" [ 45 ]
            Film "fleximage" "integer xresolution" [ 28 ] "integer yresolution" [ 20 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 5 ]
            WorldBegin
            LightSource "infinite" "color L" [ 0.4 0.45 0.5 ]
            LightSource "point" "point from" [ 1 3 -1 ] "color L" [ 6 6 5 ]
            Texture "bumps" "float" "checkerboard" "float uscale" [ 3 ] "float vscale" [ 3 ] "float tex1" [ 1 ] "float tex2" [ 0 ]
            Texture "waves" "float" "wrinkled" "integer octaves" [ 3 ] "float roughness" [ 0.5 ]
            MakeNamedMaterial "red" "string type" [ "matte" ] "color Kd" [ 0.8 0.2 0.1 ]
            MakeNamedMaterial "coat" "string type" [ "glossy" ] "color Kd" [ 0.1 0.3 0.6 ] "color Ks" [ 0.1 0.1 0.1 ] "float uroughness" [ 0.1 ] "float vroughness" [ 0.1 ]
            MakeNamedMaterial "lay" "string type" [ "layered" ] "string namedmaterial1" [ "coat" ] "float opacity1" [ 0.4 ] "string namedmaterial2" [ "red" ] "float opacity2" [ 0.7 ]
            AttributeBegin
              NamedMaterial "lay"
              Shape "mesh" "integer triindices" [ 0 1 2 0 2 3 ] "point P" [ -2 0 -1 0 0 -1 0 0 1.5 -2 0 1.5 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
                "integer nsubdivlevels" [ 3 ] "string displacementmap" [ "bumps" ] "float dmscale" [ 0.25 ]
            AttributeEnd
            AttributeBegin
              Material "matte" "color Kd" [ 0.6 0.6 0.5 ]
              Shape "mesh" "integer triindices" [ 0 1 2 0 2 3 ] "point P" [ 0 0 -1 2 0 -1 2 0 1.5 0 0 1.5 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
                "normal N" [ 0 1 0 0 1 0 0 1 0 0 1 0 ] "string subdivscheme" [ "microdisplacement" ] "integer nsubdivlevels" [ 12 ]
                "string displacementmap" [ "waves" ] "float dmscale" [ 0.3 ] "bool dmnormalsmooth" [ "false" ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void displacedAndLayeredSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        Path file = dir.resolve("displace.lxs");
        Files.writeString(file, SCENE);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.scene().triangleCount == 2 * 64 + 2 * 144, "displaced meshes: " + r.scene().triangleCount);
        assertTrue(r.warnings().size() == 1 && r.warnings().get(0).message().contains("layers stacked"), r.warnings().toString());
        int pixels = r.settings().width() * r.settings().height();
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 29L, 1, 2, device, "displace, " + launch);
        assertTrue(cpu.totalContributions() > pixels / 2, "the scene should be lit");
    }
}

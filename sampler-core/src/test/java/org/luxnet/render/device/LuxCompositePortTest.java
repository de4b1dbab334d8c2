package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.parse.SceneParser;

/**
 * LuxRender's doubleside (a material per side, LobeKernel.resolveMix) and cloth (ClothKernel) compute
 * the same samples on every device, as {@link LuxMaterialPortTest} checks for the other LuxRender
 * materials: a CPU render
 * thread against the kernel on Aparapi's Java thread pool and on OpenCL (PoCL in CI; skipped, saying
 * why, without an OpenCL driver). Quads seen from their front and from their back (both sides of one
 * doubleside flipped), one doubleside inside a textured mix, another with a mix on one side, one
 * with a null side facing down between the point light and the floor (shadow rays through it); and a cloth of textured yarn colour.
 */
class LuxCompositePortTest {
    static final String DOUBLESIDE = """
            LookAt 0 1.2 -4  0 0.4 0  0 1 0
            Camera "perspective" "float fov" [ 45 ]
            Film "fleximage" "integer xresolution" [ 28 ] "integer yresolution" [ 20 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 5 ]
            WorldBegin
            LightSource "infinite" "color L" [ 0.3 0.35 0.4 ]
            LightSource "point" "point from" [ 1 3 -2 ] "color L" [ 4 4 3.5 ]
            Texture "checks" "float" "checkerboard" "float uscale" [ 6 ] "float vscale" [ 6 ] "float tex1" [ 0.2 ] "float tex2" [ 0.8 ]
            Texture "checkcolour" "color" "checkerboard" "float uscale" [ 5 ] "float vscale" [ 5 ] "color tex1" [ 0.6 0.2 0.1 ] "color tex2" [ 0.1 0.3 0.6 ]
            MakeNamedMaterial "red" "string type" [ "matte" ] "color Kd" [ 0.8 0.1 0.1 ]
            MakeNamedMaterial "shiny" "string type" [ "glossy" ] "color Kd" [ 0.1 0.3 0.5 ] "color Ks" [ 0.1 0.1 0.1 ] "float uroughness" [ 0.1 ]
            MakeNamedMaterial "paint" "string type" [ "carpaint" ] "string name" [ "blue" ]
            MakeNamedMaterial "blend" "string type" [ "mix" ] "string namedmaterial1" [ "red" ] "string namedmaterial2" [ "paint" ] "texture amount" "checks"
            MakeNamedMaterial "sides" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "shiny" ]
              "string backnamedmaterial" [ "red" ] "bool usefrontforfront" [ "false" ]
            MakeNamedMaterial "mixedsides" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "blend" ]
              "string backnamedmaterial" [ "shiny" ] "bool alwaysfront" [ "false" ]
            MakeNamedMaterial "outer" "string type" [ "mix" ] "string namedmaterial1" [ "sides" ] "string namedmaterial2" [ "paint" ] "texture amount" "checks"
            Material "matte" "color Kd" [ 0.5 0.5 0.5 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ]
            NamedMaterial "sides"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2.2 0 0 -0.8 0 0.5 -0.8 1.4 0.5 -2.2 1.4 0 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Shape "trianglemesh" "integer indices" [ 0 2 1 0 3 2 ] "point P" [ -0.7 0 0.3 0.7 0 0.3 0.7 1.4 0.3 -0.7 1.4 0.3 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            NamedMaterial "mixedsides"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.8 0 0.5 2.2 0 0 2.2 1.4 0 0.8 1.4 0.5 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "cloth" "string presetname" [ "silk_shantung" ] "texture warp_Kd" "checkcolour" "color weft_Kd" [ 0.7 0.6 0.2 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2.2 1.5 0.4 -0.8 1.5 0.6 -0.8 2.6 0.6 -2.2 2.6 0.4 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            MakeNamedMaterial "clear" "string type" [ "null" ]
            MakeNamedMaterial "veil" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "clear" ]
              "string backnamedmaterial" [ "shiny" ]
            NamedMaterial "veil"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.5 2.4 -2.5 1.5 2.4 -2.5 1.5 2.4 0.5 -1.5 2.4 0.5 ]
            NamedMaterial "outer"
            Shape "trianglemesh" "integer indices" [ 0 2 1 0 3 2 ] "point P" [ -0.7 1.5 0.6 0.7 1.5 0.6 0.7 2.6 0.6 -0.7 2.6 0.6 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void doublesideSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        CompiledRender r = compile("doubleside.lxs", DOUBLESIDE);
        assertTrue(r.warnings().size() == 1 && r.warnings().get(0).message().contains("triangles only"),
                "warnings: " + r.warnings());
        for (int type : new int[] {MaterialLayout.DOUBLESIDE, MaterialLayout.MIX, MaterialLayout.LUX_GLOSSY,
            MaterialLayout.CARPAINT, MaterialLayout.CLOTH}) {
            assertTrue(Arrays.stream(r.scene().matType).anyMatch(t -> t == type), MaterialLayout.name(type) + " missing");
        }
        int pixels = r.settings().width() * r.settings().height();
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 23L, 0, 2, device, "doubleside, " + launch);
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }

    /** The scene {@code text} written to {@code name} in the test's directory, compiled. */
    private CompiledRender compile(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return SceneCompiler.compile(SceneParser.parse(file));
    }
}

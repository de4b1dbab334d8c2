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
 * LuxRender's cloth (ClothKernel, IrawanKernel) computes the same samples on every device: every preset
 * (denim, charmeuse and twill with fineness, polyester and shantung with Perlin noise on umax, gabardine's
 * staples), a textured yarn colour, a bump map, and quads lit from behind their shading normals
 * (LuxMaterialKernel.evalLuxReversed), on a CPU render thread against the kernel on Aparapi's Java thread
 * pool and on OpenCL (PoCL here; skipped, saying why, without an OpenCL driver). On Java threads no channel
 * of any pixel may differ by more than 2e-4 of its value. On OpenCL up to 3% of the pixels may differ by more,
 * none by more than 1e-2: Irawan's highlight has hard edges (irawan.cpp: |u(v) - u| &lt; delta_u, |D| &lt; 1,
 * |v(u) - v| &lt; delta_v, where f drops from its full value to 0), and OpenCL's sin, cos, atan2 and acos
 * (a few ulp from Java's) put a rare sample on the other side of one. The same scene with black Ks (the yarn
 * lookup, Perlin noise and colours alone) agrees on OpenCL within 2e-4 everywhere (measured: worst 5.6e-6);
 * with Ks, 9 of 768 pixels differ, worst 1.4e-3.
 */
class LuxClothPortTest {
    static final String CLOTH = """
            LookAt 0 3.2 -5.2  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 5 ]
            WorldBegin
            LightSource "infinite" "color L" [ 0.3 0.35 0.4 ]
            LightSource "point" "point from" [ 1.5 3 -2 ] "color L" [ 6 6 5 ]
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.5 4 -1.5 -1.5 4 0.5 0.5 4 0.5 0.5 4 -1.5 ]
            AttributeEnd
            Texture "checks" "color" "checkerboard" "float uscale" [ 8 ] "float vscale" [ 8 ] "color tex1" [ 0.6 0.2 0.1 ] "color tex2" [ 0.1 0.3 0.6 ]
            Material "cloth" "string presetname" [ "denim" ] "color warp_Kd" [ 0.05 0.1 0.4 ] "color weft_Kd" [ 0.8 0.8 0.7 ] "color warp_Ks" [ 0.4 0.4 0.5 ] "color weft_Ks" [ 0.3 0.3 0.3 ] "float repeat_u" [ 40 ] "float repeat_v" [ 50 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeBegin
              Translate -1.4 0.6 0.2
              Material "cloth" "string presetname" [ "silk_charmeuse" ] "color warp_Kd" [ 0.5 0.1 0.1 ] "color weft_Kd" [ 0.4 0.1 0.1 ] "color warp_Ks" [ 0.8 0.6 0.6 ] "color weft_Ks" [ 0.7 0.5 0.5 ] "float repeat_u" [ 20 ] "float repeat_v" [ 30 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.6 0.2
              Material "cloth" "string presetname" [ "cotton_twill" ] "texture warp_Kd" "checks" "color weft_Kd" [ 0.6 0.6 0.5 ] "color warp_Ks" [ 0.2 0.2 0.2 ] "color weft_Ks" [ 0.3 0.3 0.3 ] "float repeat_u" [ 30 ] "float repeat_v" [ 30 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 1.4 0.6 0.2
              Material "cloth" "string presetname" [ "wool_gabardine" ] "color warp_Kd" [ 0.3 0.3 0.2 ] "color weft_Kd" [ 0.2 0.3 0.3 ] "color warp_Ks" [ 0.5 0.5 0.5 ] "color weft_Ks" [ 0.4 0.4 0.4 ] "float repeat_u" [ 25 ] "float repeat_v" [ 25 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate -0.7 0.5 1.6
              Material "cloth" "string presetname" [ "polyester_lining_cloth" ] "color warp_Kd" [ 0.2 0.5 0.2 ] "color weft_Kd" [ 0.2 0.4 0.3 ] "color warp_Ks" [ 0.6 0.6 0.6 ] "color weft_Ks" [ 0.5 0.5 0.5 ] "float repeat_u" [ 60 ] "float repeat_v" [ 60 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            Texture "bumps" "float" "checkerboard" "float uscale" [ 10 ] "float vscale" [ 10 ] "float tex1" [ 0 ] "float tex2" [ 0.01 ]
            AttributeBegin
              Translate 0.7 0.5 1.6
              Material "cloth" "string presetname" [ "silk_shantung" ] "color warp_Kd" [ 0.6 0.5 0.1 ] "color weft_Kd" [ 0.5 0.4 0.1 ] "color warp_Ks" [ 0.9 0.8 0.5 ] "color weft_Ks" [ 0.8 0.7 0.4 ] "float repeat_u" [ 40 ] "float repeat_v" [ 40 ] "texture bumpmap" "bumps"
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            Material "cloth" "string presetname" [ "silk_charmeuse" ] "color warp_Kd" [ 0.4 0.3 0.2 ] "color weft_Kd" [ 0.3 0.3 0.2 ] "color warp_Ks" [ 0.8 0.8 0.8 ] "color weft_Ks" [ 0.8 0.8 0.8 ] "float repeat_u" [ 8 ] "float repeat_v" [ 8 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2.5 0 2.5 -1.5 0 2.5 -1.5 1 2.5 -2.5 1 2.5 ]
              "normal N" [ 1.2 0 -1 1.2 0 -1 1.2 0 -1 1.2 0 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "cloth" "string presetname" [ "denim" ] "color warp_Kd" [ 0.1 0.1 0.4 ] "color weft_Kd" [ 0.7 0.7 0.7 ] "color warp_Ks" [ 0.5 0.5 0.5 ] "color weft_Ks" [ 0.5 0.5 0.5 ] "float repeat_u" [ 6 ] "float repeat_v" [ 6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 1.5 0 2.5 2.5 0 2.5 2.5 1 2.5 1.5 1 2.5 ]
              "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void clothSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        Path file = dir.resolve("cloth.lxs");
        Files.writeString(file, CLOTH);
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(file));
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        assertTrue(Arrays.stream(r.scene().matType).filter(t -> t == MaterialLayout.CLOTH).count() == 8,
                Arrays.toString(r.scene().matType));
        int pixels = r.settings().width() * r.settings().height();
        boolean openCl = launch == Launch.OPENCL;
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 23L, 1, 2, device, "LuxRender cloth, "
                + launch, openCl ? 0.03 : 0, openCl ? 1e-2 : 2e-4);
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.parse.SceneParser;

/**
 * Lights with an emission distribution compute the same samples on every device for the same stream:
 * a LuxRender scene lit by a point light with an IES profile (flipz, rotated) and one with an image
 * map times an IES profile next to a plain point light and an area light with an IES profile (seen
 * directly and through next-event estimation), and a pbrt-v3 scene lit by a goniometric and
 * a projection light; a CPU render thread against the kernel on Aparapi's Java thread pool and on
 * OpenCL, no channel of any pixel more than 2e-4 of its value apart.
 */
class LightDistributionDevicesTest {
    static final String IES = """
            IESNA:LM-63-2002
            [TEST] a downlight, brighter towards phi 90
            TILT=NONE
            1 1000 1 5 3 1 2 0 0 0
            1 1 100
            0 30 60 90 120
            0 90 180
            300 260 120 20 0
            400 330 150 30 0
            250 200 100 10 0
            """;

    static final String LUX = """
            LookAt 0 -6 3  0 0 0.5  0 0 1
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            PixelFilter "box"
            Sampler "lowdiscrepancy" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 4 ]
            WorldBegin
            AttributeBegin
              Translate -1 0 3
              Rotate 30 0 0 1
              LightSource "point" "color L" [ 1 0.9 0.8 ] "float gain" [ 20 ] "string iesname" [ "down.ies" ]
                "bool flipz" [ "true" ]
            AttributeEnd
            LightSource "point" "point from" [ 1.5 -1 2.5 ] "color L" [ 4 4 4 ] "string iesname" [ "down.ies" ]
              "string mapname" [ "tint.pfm" ]
            LightSource "point" "point from" [ 0 -2 1 ] "color L" [ 0.5 0.5 0.5 ]
            AttributeBegin
              Translate 1 -1 3
              Rotate 160 1 0 0
              LightSource "projection" "color L" [ 1 1 1 ] "float gain" [ 2 ] "float fov" [ 50 ]
                "string mapname" [ "tint.pfm" ]
            AttributeEnd
            AttributeBegin
              AreaLightSource "area" "color L" [ 1 1 1 ] "float power" [ 20 ] "string iesname" [ "down.ies" ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ]
                "point P" [ 1 1 2.2  1 1.6 2.2  1.8 1.6 2.4  1.8 1 2.4 ]
            AttributeEnd
            Material "matte" "color Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 -6 0 6 -6 0 6 6 0 -6 6 0 ]
            AttributeBegin
              Translate 0 0.5 0.6
              Material "glossy" "color Kd" [ 0.3 0.2 0.1 ] "color Ks" [ 0.3 0.3 0.3 ] "float uroughness" [ 0.1 ]
                "float vroughness" [ 0.1 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            WorldEnd
            """;

    static final String PBRT = """
            LookAt 0 -6 3  0 0 0.5  0 0 1
            Camera "perspective" "float fov" [ 40 ]
            Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            Sampler "random" "integer pixelsamples" [ 4 ]
            Integrator "path" "integer maxdepth" [ 4 ]
            WorldBegin
            AttributeBegin
              Translate -1 0 3
              Rotate 20 0 1 0
              LightSource "goniometric" "rgb I" [ 5 5 5 ] "string mapname" [ "tint.pfm" ]
            AttributeEnd
            AttributeBegin
              Translate 1 -1 3
              Rotate 160 1 0 0
              LightSource "projection" "rgb I" [ 10 10 10 ] "float fov" [ 50 ] "string mapname" [ "tint.pfm" ]
            AttributeEnd
            Material "matte" "rgb Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 -6 0 6 -6 0 6 6 0 -6 6 0 ]
            AttributeBegin
              Translate 0 0.5 0.6
              Material "plastic" "rgb Kd" [ 0.3 0.2 0.1 ] "rgb Ks" [ 0.3 0.3 0.3 ] "float roughness" [ 0.1 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    private CompiledRender compile(String name, String text) {
        try {
            Files.writeString(dir.resolve("down.ies"), IES);
            int w = 16, h = 8;
            float[] rgb = new float[3 * w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int o = 3 * (y * w + x);
                    rgb[o] = 0.2f + (float) x / w;
                    rgb[o + 1] = 0.3f + (float) y / h;
                    rgb[o + 2] = (x + y) % 3 == 0 ? 1.5f : 0.4f;
                }
            }
            PfmIO.write(dir.resolve("tint.pfm"), rgb, w, h);
            Path f = dir.resolve(name);
            Files.writeString(f, text);
            return SceneCompiler.compile(SceneParser.parse(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxRenderIesPointAndAreaLightsSampleForSample(Launch launch) {
        CompiledRender r = compile("ies.lxs", LUX);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(4, r.scene().envMapCount, "two IES point lights, the projection's image, the IES area light");
        // One pixel of 768 differs on PoCL, by 1.3e-3 (ulp-level differences the IES lookups magnify). Before
        // shadow rays were aimed at the sampled light point, 3 pixels, worst 0.062: the tilted area light shadowed
        // itself at grazing angles with t just short of tMax, a decision the ulps flipped (TwoSidedAreaLightDevicesTest).
        float[] rgb = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 17L, 2, 3, TestScenes.device(launch),
                "IES point, projection and area lights, " + launch, 0.005, 0.01).toRgb();
        assertTrue(rgb[3 * (12 * 32 + 16)] > 0, "the scene is lit");
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void pbrtGoniometricAndProjectionSampleForSample(Launch launch) {
        CompiledRender r = compile("gp.pbrt", PBRT);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(LightLayout.PROJECTION, r.scene().lightType[1]);
        float[] rgb = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 23L, 1, 3, TestScenes.device(launch),
                "goniometric and projection, " + launch).toRgb();
        assertTrue(rgb[3 * (12 * 32 + 16)] > 0, "the scene is lit");
    }
}

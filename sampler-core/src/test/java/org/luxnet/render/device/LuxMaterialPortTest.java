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
 * The LuxRender 1.x materials compute the same samples on every device, as FaithfulPortTest checks
 * for the others: {@link #LUX_MATERIALS} (every type of LuxMaterialKernel, presets, textured
 * parameters) on a CPU render thread against the kernel on Aparapi's Java thread pool and on OpenCL
 * (PoCL in CI; skipped, saying why, without an OpenCL driver). No channel of any pixel may differ by
 * more than 2e-4 of its value.
 */
class LuxMaterialPortTest {
    static final String LUX_MATERIALS = """
            LookAt 0 3.2 -5.2  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 36 ] "integer yresolution" [ 28 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 6 ]
            WorldBegin
            LightSource "infinite" "color L" [ 0.3 0.35 0.4 ]
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.5 4 -1.5 -1.5 4 0.5 0.5 4 0.5 0.5 4 -1.5 ]
            AttributeEnd
            Texture "checks" "color" "checkerboard" "float uscale" [ 8 ] "float vscale" [ 8 ] "color tex1" [ 0.6 0.2 0.1 ] "color tex2" [ 0.1 0.3 0.6 ]
            Texture "rough" "float" "checkerboard" "float uscale" [ 6 ] "float vscale" [ 6 ] "float tex1" [ 0.05 ] "float tex2" [ 0.4 ]
            Material "glossy" "texture Kd" "checks" "color Ks" [ 0.05 0.05 0.05 ] "texture uroughness" "rough" "float vroughness" [ 0.2 ] "color Ka" [ 0.2 0.1 0.1 ] "float d" [ 0.3 ] "bool multibounce" "true"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeBegin
              Translate -1.4 0.6 0.2
              Material "carpaint" "string name" [ "polaris silber" ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.6 0.2
              Material "carpaint" "texture Kd" "checks" "float M1" [ 0.3 ] "color Ka" [ 0.3 0.3 0.3 ] "float d" [ 0.2 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate 1.4 0.6 0.2
              Material "shinymetal" "color Ks" [ 0.8 0.6 0.3 ] "color Kr" [ 0.6 0.5 0.3 ] "float uroughness" [ 0.15 ] "float vroughness" [ 0.3 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate -0.7 0.5 1.6
              Material "velvet" "texture Kd" "checks"
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate -0.7 1.6 1.6
              Material "glossytranslucent" "color Kd" [ 0.3 0.3 0.2 ] "color Kt" [ 0.5 0.8 0.3 ] "float uroughness" [ 0.2 ] "color Ka" [ 0.2 0.1 0.1 ] "float d" [ 0.1 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            MakeNamedMaterial "red" "string type" [ "matte" ] "color Kd" [ 0.8 0.1 0.1 ]
            MakeNamedMaterial "paint" "string type" [ "carpaint" ] "string name" [ "blue" ]
            MakeNamedMaterial "inner" "string type" [ "mix" ] "string namedmaterial1" [ "red" ] "string namedmaterial2" [ "paint" ] "texture amount" "rough"
            AttributeBegin
              Translate 2.1 0.5 1.6
              Material "mix" "string namedmaterial1" [ "inner" ] "string namedmaterial2" [ "red" ] "float amount" [ 0.3 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            Texture "gold" "fresnel" "fresnelname" "string name" [ "gold" ]
            Texture "copperish" "fresnel" "fresnelcolor" "color Kr" [ 0.9 0.5 0.3 ]
            AttributeBegin
              Translate -2.1 0.6 0.2
              Material "metal2" "texture fresnel" "gold" "float uroughness" [ 0.2 ] "float vroughness" [ 0.05 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate 2.4 0.6 0.2
              Material "metal2" "texture fresnel" "copperish" "texture uroughness" "rough"
              Shape "sphere" "float radius" [ 0.4 ]
            AttributeEnd
            AttributeBegin
              Translate 1.4 1.5 -0.5
              Material "glass" "float index" [ 1.5 ] "float cauchyb" [ 0.02 ]
              Shape "sphere" "float radius" [ 0.35 ]
            AttributeEnd
            AttributeBegin
              Translate -2.1 0.5 1.6
              Material "roughglass" "color Kt" [ 0.9 0.8 0.7 ] "float uroughness" [ 0.15 ] "float vroughness" [ 0.1 ] "float cauchyb" [ 0.004 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate 0.7 0.5 1.6
              Material "glossy_lossy" "color Kd" [ 0.1 0.4 0.1 ] "float index" [ 1.5 ] "float uroughness" [ 0.1 ] "color Ka" [ 0.2 0.1 0.3 ] "float d" [ 0.2 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxMaterialsSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        CompiledRender r = compile("lux-materials.lxs", LUX_MATERIALS);
        assertTrue(r.warnings().size() == 1 && r.warnings().get(0).message().contains("approximated in RGB"),
                "warnings: " + r.warnings());
        for (int type : new int[] {MaterialLayout.CARPAINT, MaterialLayout.LUX_GLOSSY, MaterialLayout.SHINYMETAL,
            MaterialLayout.VELVET, MaterialLayout.MIX, MaterialLayout.ROUGHGLASS,
            MaterialLayout.METAL2, MaterialLayout.DISPERSIVE_GLASS, MaterialLayout.GLOSSY_LOSSY,
            MaterialLayout.GLOSSY_TRANSLUCENT}) {
            assertTrue(Arrays.stream(r.scene().matType).anyMatch(t -> t == type), MaterialLayout.name(type) + " missing");
        }
        int pixels = r.settings().width() * r.settings().height();
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 91L, 2, 2, device, "LuxRender materials, " + launch);
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }

    /**
     * LuxRender's glossy, metal2 (anisotropic) and shinymetal lit from behind their interpolated shading normals
     * (the light on the geometric front): LuxMaterialKernel.evalLuxReversed, the same on every device.
     */
    static final String GLOSSY_BEHIND = """
            LookAt 0 0 -2  0 0 2  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 12 ] "integer yresolution" [ 10 ]
            Sampler "sobol" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 3 ]
            WorldBegin
            LightSource "point" "point from" [ 2 0 1.5 ] "color L" [ 0.8 1 1.2 ]
            Material "glossy" "color Kd" [ 0.4 0.3 0.2 ] "color Ks" [ 0.3 0.2 0.1 ] "float uroughness" [ 0.1 ] "float vroughness" [ 0.1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 2 0 -1 2 0 1 2 -1 1 2 ]
              "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ]
            Texture "gold" "fresnel" "fresnelname" "string name" [ "gold" ]
            Material "metal2" "texture fresnel" "gold" "float uroughness" [ 0.3 ] "float vroughness" [ 0.2 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0 -1 2 1 -1 2 1 1 2 0 1 2 ]
              "normal N" [ -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "shinymetal" "color Ks" [ 0.9 0.8 0.6 ] "color Kr" [ 0.6 0.5 0.3 ] "float uroughness" [ 0.4 ] "float vroughness" [ 0.4 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 1 2 1 1 2 1 2 2 -1 2 2 ]
              "normal N" [ -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 ]
            WorldEnd
            """;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxGlossyBehindItsShadingNormalSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        CompiledRender r = compile("lux-glossy-behind.lxs", GLOSSY_BEHIND);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        int pixels = r.settings().width() * r.settings().height();
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 17L, 0, 2, device,
                "LuxRender glossy, metal2 and shinymetal behind their shading normals, " + launch);
        assertTrue(cpu.totalContributions() > pixels / 2, "the quad should be lit from behind its shading normal");
    }

    /**
     * The other LuxRender materials lit from behind their shading normals (vertex normals leaning away from a
     * point light on the geometric front, one quad bump-mapped away from it; a dim infinite light for lights
     * with a pdf): carpaint (preset and explicit), glossy_lossy, velvet, glossytranslucent, roughglass,
     * mattetranslucent (Oren-Nayar, energy-conserving), Oren-Nayar matte, scatter and a mix (LuxMaterialKernel.evalLuxReversed and the matte
     * mirror case), the same on every device.
     */
    static final String MORE_BEHIND = """
            LookAt 0 0 -2  0 0 2  0 1 0
            Camera "perspective" "float fov" [ 45 ]
            Film "fleximage" "integer xresolution" [ 16 ] "integer yresolution" [ 12 ]
            Sampler "sobol" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 3 ]
            WorldBegin
            LightSource "point" "point from" [ 2.4 0 1.4 ] "color L" [ 0.8 1 1.2 ]
            LightSource "infinite" "color L" [ 0.05 0.05 0.06 ]
            MakeNamedMaterial "behindpaint" "string type" [ "carpaint" ] "string name" [ "blue" ]
            MakeNamedMaterial "behindvelvet" "string type" [ "velvet" ] "color Kd" [ 0.9 0.9 0.9 ] "float p2" [ 0.5 ] "float thickness" [ 1 ]
            Texture "behindramp" "float" "bilerp" "float v00" [ 0 ] "float v01" [ 0 ] "float v10" [ -0.5 ] "float v11" [ -0.5 ]
            Material "carpaint" "string name" [ "white" ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.40 -1.05 2 -0.75 -1.05 2 -0.75 -0.40 2 -1.40 -0.40 2 ]
              "normal N" [ -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "carpaint" "color Kd" [ 0.3 0.2 0.1 ] "color Ka" [ 0.2 0.1 0.3 ] "float d" [ 0.2 ] "float M1" [ 0.8 ] "float R1" [ 0.9 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.70 -1.05 2 -0.05 -1.05 2 -0.05 -0.40 2 -0.70 -0.40 2 ]
              "normal N" [ -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "glossy_lossy" "color Kd" [ 0.5 0.4 0.3 ] "color Ks" [ 0.2 0.1 0.3 ] "color Ka" [ 0.3 0.2 0.1 ] "float d" [ 0.1 ] "float uroughness" [ 0.3 ] "float vroughness" [ 0.1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.00 -1.05 2 0.65 -1.05 2 0.65 -0.40 2 0.00 -0.40 2 ]
              "normal N" [ -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "velvet" "color Kd" [ 0.6 0.5 0.4 ] "float p2" [ 0.5 ] "float thickness" [ 0.5 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.70 -1.05 2 1.35 -1.05 2 1.35 -0.40 2 0.70 -0.40 2 ]
              "normal N" [ -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 -1.2 -0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "glossytranslucent" "color Kd" [ 0.5 0.4 0.3 ] "color Kt" [ 0.6 0.8 0.3 ] "color Ks" [ 0.3 0.2 0.1 ] "color Ka" [ 0.2 0.3 0.1 ] "float d" [ 0.1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.40 -0.35 2 -0.75 -0.35 2 -0.75 0.30 2 -1.40 0.30 2 ]
              "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "roughglass" "color Kr" [ 0.9 0.8 0.7 ] "float index" [ 2.5 ] "float uroughness" [ 0.4 ] "float vroughness" [ 0.2 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.70 -0.35 2 -0.05 -0.35 2 -0.05 0.30 2 -0.70 0.30 2 ]
              "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "mattetranslucent" "color Kr" [ 0.5 0.4 0.3 ] "color Kt" [ 0.9 0.8 0.7 ] "float sigma" [ 25 ] "bool energyconserving" [ "true" ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.00 -0.35 2 0.65 -0.35 2 0.65 0.30 2 0.00 0.30 2 ]
              "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "matte" "color Kd" [ 0.6 0.5 0.4 ] "float sigma" [ 20 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.70 -0.35 2 1.35 -0.35 2 1.35 0.30 2 0.70 0.30 2 ]
              "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "scatter" "color Kd" [ 0.8 0.6 0.4 ] "color g" [ 0.3 -0.2 0.1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.40 0.35 2 -0.75 0.35 2 -0.75 1.00 2 -1.40 1.00 2 ]
              "normal N" [ -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "mix" "string namedmaterial1" [ "behindpaint" ] "string namedmaterial2" [ "behindvelvet" ] "float amount" [ 0.3 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.70 0.35 2 -0.05 0.35 2 -0.05 1.00 2 -0.70 1.00 2 ]
              "normal N" [ -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "glossytranslucent" "color Kd" [ 0.4 0.5 0.3 ] "color Kt" [ 0.5 0.5 0.5 ] "texture bumpmap" "behindramp"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.00 0.35 2 0.65 0.35 2 0.65 1.00 2 0.00 1.00 2 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "roughglass" "color Kr" [ 0.8 0.8 0.9 ] "color Kt" [ 0 0 0 ] "float index" [ 1.8 ] "float uroughness" [ 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.70 0.35 2 1.35 0.35 2 1.35 1.00 2 0.70 1.00 2 ]
              "normal N" [ -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 -1.2 0.3 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            WorldEnd
            """;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void moreLuxMaterialsBehindTheirShadingNormalsSampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        CompiledRender r = compile("lux-more-behind.lxs", MORE_BEHIND);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        for (int type : new int[] {MaterialLayout.CARPAINT, MaterialLayout.GLOSSY_LOSSY, MaterialLayout.VELVET,
            MaterialLayout.GLOSSY_TRANSLUCENT, MaterialLayout.ROUGHGLASS, MaterialLayout.MATTE_TRANSLUCENT,
            MaterialLayout.MATTE, MaterialLayout.SCATTER, MaterialLayout.MIX}) {
            assertTrue(Arrays.stream(r.scene().matType).anyMatch(t -> t == type), MaterialLayout.name(type) + " missing");
        }
        int pixels = r.settings().width() * r.settings().height();
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 29L, 0, 2, device,
                "LuxRender materials behind their shading normals, " + launch);
        assertTrue(cpu.totalContributions() > pixels / 2, "the quads should be lit from behind their shading normals");
    }

    /**
     * glass2 between named volumes (plain and dispersive, Cauchy textures, absorbing inside; the camera in an
     * absorbing volume bounded by a large glass2 sphere; an absorbing volume bounded by a null sphere), a metal2 of LuxRender's
     * amorphous carbon preset and a textured scatter.
     */
    static final String GLASS2 = """
            MakeNamedVolume "air" "clear" "float fresnel" [ 1 ] "color absorption" [ 0.02 0.03 0.05 ]
            Exterior "air"
            LookAt 0 2.2 -4.2  0 0.5 0.4  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Film "fleximage" "integer xresolution" [ 32 ] "integer yresolution" [ 24 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 8 ]
            WorldBegin
            Exterior ""
            LightSource "infinite" "color L" [ 0.4 0.4 0.45 ]
            AttributeBegin
              Interior "air"
              Material "glass2"
              Shape "sphere" "float radius" [ 30 ]
            AttributeEnd
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 8 7 ]
              Material "matte" "color Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1.5 4 -1.5 -1.5 4 0.5 0.5 4 0.5 0.5 4 -1.5 ]
            AttributeEnd
            Texture "checks" "color" "checkerboard" "float uscale" [ 8 ] "float vscale" [ 8 ] "color tex1" [ 0.6 0.2 0.1 ] "color tex2" [ 0.1 0.3 0.6 ]
            Material "matte" "texture Kd" "checks"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -6 0 -6 6 0 -6 6 0 8 -6 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Texture "flint" "fresnel" "cauchy" "float cauchya" [ 1.55 ] "float cauchyb" [ 0.03 ]
            Texture "oil" "fresnel" "cauchy" "float index" [ 1.2 ] "float cauchyb" [ 0.004 ]
            MakeNamedVolume "flintvol" "clear" "texture fresnel" "flint" "color absorption" [ 0.2 0.5 1.5 ]
            MakeNamedVolume "oilvol" "clear" "texture fresnel" "oil"
            MakeNamedVolume "glassvol" "homogeneous" "float fresnel" [ 1.7 ] "color sigma_a" [ 1 0.3 0.1 ]
            AttributeBegin
              Interior "flintvol"
              Exterior "oilvol"
              Translate -0.8 0.6 0.2
              Material "glass2" "bool dispersion" [ "true" ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Interior "glassvol"
              Translate 0.8 0.6 0.2
              Material "glass2"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            MakeNamedVolume "fogvol" "clear" "color absorption" [ 0.8 0.4 0.2 ]
            AttributeBegin
              Interior "fogvol"
              Material "null"
              Translate 0 1.2 0.8
              Shape "sphere" "float radius" [ 0.7 ]
            AttributeEnd
            Texture "carbon" "fresnel" "preset" "string name" [ "amorphous carbon" ]
            AttributeBegin
              Translate 0 0.4 1.6
              Material "metal2" "texture fresnel" "carbon" "float uroughness" [ 0.1 ]
              Shape "sphere" "float radius" [ 0.4 ]
            AttributeEnd
            AttributeBegin
              Translate 1.3 0.4 1.4
              Material "scatter" "texture Kd" "checks" "color g" [ 0.4 -0.2 0.1 ]
              Shape "sphere" "float radius" [ 0.4 ]
            AttributeEnd
            WorldEnd
            """;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void glass2SampleForSample(Launch launch) throws IOException {
        Device device = TestScenes.device(launch);
        CompiledRender r = compile("glass2.lxs", GLASS2);
        assertTrue(r.warnings().size() == 1 && r.warnings().get(0).message().contains("approximated in RGB"),
                "warnings: " + r.warnings());
        for (int type : new int[] {MaterialLayout.GLASS, MaterialLayout.DISPERSIVE_GLASS, MaterialLayout.METAL2,
            MaterialLayout.SCATTER}) {
            assertTrue(Arrays.stream(r.scene().matType).anyMatch(t -> t == type), MaterialLayout.name(type) + " missing");
        }
        int pixels = r.settings().width() * r.settings().height();
        int air = r.scene().cameraMedium * org.luxnet.scene.compiled.MediumLayout.STRIDE;
        assertTrue(air > 0 && r.scene().mediaParams[air + org.luxnet.scene.compiled.MediumLayout.SIGMA_A + 2] == 0.05f,
                "the camera is in the air volume");
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 17L, 1, 2, device, "glass2, " + launch);
        assertTrue(cpu.totalContributions() > pixels, "the scene should be lit");
    }

    /** The scene {@code text} written to {@code name} in the test's directory, compiled. */
    private CompiledRender compile(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return SceneCompiler.compile(SceneParser.parse(file));
    }
}

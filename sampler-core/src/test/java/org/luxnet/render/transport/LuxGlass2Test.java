package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's glass2 (materials/glass2.cpp Glass2::GetBSDF) takes its Fresnel from the shape's named
 * volumes (MakeNamedVolume, Interior, Exterior; volumes/clearvolume.cpp "fresnel" default 1.5): a
 * dielectric of index interior / exterior with both, the interior's alone, 1 / exterior's alone, 1
 * with neither; with "dispersion" each wavelength refracts by the ratio of the volumes' Cauchy indices
 * (textures/cauchytexture.cpp: cauchya, or index - cauchyb / (0.38 x 0.72) um^2). Expected values are
 * written out from those sources.
 */
class LuxGlass2Test {
    static final String SCENE = """
            Camera "perspective"
            Film "fleximage" "integer xresolution" [8] "integer yresolution" [8]
            MakeNamedVolume "glass" "clear" "float fresnel" [1.6]
            WorldBegin
            MakeNamedVolume "water" "clear" "float fresnel" [1.333] "color absorption" [0.1 0.2 0.3]
            MakeNamedVolume "plain" "clear"
            Texture "flint" "fresnel" "cauchy" "float cauchya" [1.5] "float cauchyb" [0.01]
            Texture "oil" "fresnel" "cauchy" "float index" [1.4] "float cauchyb" [0.005]
            MakeNamedVolume "flintvol" "clear" "texture fresnel" "flint"
            MakeNamedVolume "oilvol" "homogeneous" "texture fresnel" "oil" "color sigma_s" [0.1 0.1 0.1]
            MakeNamedMaterial "g2" "string type" ["glass2"]
            MakeNamedMaterial "g2d" "string type" ["glass2"] "bool dispersion" ["true"]
            MakeNamedMaterial "g2a" "string type" ["glass2"] "bool architectural" ["true"]
            NamedMaterial "g2"
            AttributeBegin
              Interior "glass"
              Exterior "water"
              Translate 0 0 10
              Shape "sphere"
              Translate 3 0 0
              Shape "sphere"
            AttributeEnd
            AttributeBegin
              Interior "glass"
              Translate 6 0 10
              Shape "sphere"
            AttributeEnd
            AttributeBegin
              Exterior "water"
              Translate 9 0 10
              Shape "sphere"
            AttributeEnd
            AttributeBegin
              Interior "plain"
              Translate 12 0 10
              Shape "sphere"
              Interior "nosuch"
              Translate 3 0 0
              Shape "sphere"
            AttributeEnd
            AttributeBegin
              NamedMaterial "g2d"
              Interior "flintvol"
              Exterior "oilvol"
              Translate 18 0 10
              Shape "sphere"
              NamedMaterial "g2"
              Translate 3 0 0
              Shape "sphere"
              NamedMaterial "g2a"
              Translate 3 0 0
              Shape "sphere"
            AttributeEnd
            WorldEnd
            """;
    static final int BOTH = 0, BOTH_AGAIN = 1, INTERIOR = 2, EXTERIOR = 3, DEFAULT_FRESNEL = 4, NONE = 5,
            DISPERSIVE = 6, CAUCHY_NO_DISPERSION = 7, ARCHITECTURAL = 8;
    static CompiledRender compiled;
    static CompiledScene scene;
    static PathTraceKernel k;
    static List<String> warnings;

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("glass2.lxs");
        Files.writeString(f, SCENE);
        compiled = RenderSupport.compile(f);
        scene = compiled.scene();
        k = RenderSupport.transport(compiled);
        warnings = compiled.warnings().stream().map(SceneWarning::toString).toList();
    }

    private int material(int sphere) {
        return scene.sphereMaterial[sphere];
    }

    private float eta(int sphere) {
        return scene.matParams[material(sphere) * MaterialLayout.STRIDE + MaterialLayout.ETA];
    }

    @Test
    void indexIsInteriorOverExteriorAsGlass2Cpp() {
        assertEquals(MaterialLayout.GLASS, scene.matType[material(BOTH)]);
        assertEquals(1.6f / 1.333f, eta(BOTH), 1e-6f);
        assertEquals(material(BOTH), material(BOTH_AGAIN), "shapes with one material and the same volumes share it");
        assertEquals(1.6f, eta(INTERIOR), 1e-6f, "interior alone: FresnelGeneral of the interior");
        assertEquals(1 / 1.333f, eta(EXTERIOR), 1e-6f, "exterior alone: 1 / exterior");
        assertEquals(1.5f, eta(DEFAULT_FRESNEL), 1e-6f, "clearvolume.cpp: fresnel defaults to 1.5");
        assertEquals(1f, eta(NONE), 0f, "an unknown Interior is none: FresnelDielectric(1)");
        assertEquals(MaterialLayout.ARCH_GLASS, scene.matType[material(ARCHITECTURAL)]);
    }

    /** Snell's law at the glass2 index: sin t = sin i / (1.6 / 1.333) entering from the water side. */
    @Test
    void refractsByTheVolumesRatio() {
        double eta = 1.6 / 1.333;
        k.shadeMaterial(0, 0, material(BOTH), 0, 0, 0);
        assertTrue(k.sampleBsdf(0, material(BOTH), 0.6f, 0, 0.8f, 0.5f, 0.5f, 0.999f));
        assertTrue(k.scratch[Scratch.BS_TRANSMISSION] != 0);
        assertEquals(-0.6 / eta, k.scratch[Scratch.BS_WX], 1e-6);
        assertEquals(-Math.sqrt(1 - 0.36 / (eta * eta)), k.scratch[Scratch.BS_WZ], 1e-6);
    }

    /**
     * glass2 with "dispersion" and Cauchy volumes: colour c refracts with (1.5 + 0.01 / l^2) / (a + 0.005
     * / l^2), a = 1.4 - 0.005 / (0.38 x 0.72), at l = 0.612, 0.549, 0.465 um; weight 3 Kt / eta^2 on c only.
     */
    @Test
    void dispersionRefractsEachColourByTheCauchyRatio() {
        assertEquals(MaterialLayout.DISPERSIVE_GLASS, scene.matType[material(DISPERSIVE)]);
        double extA = 1.4 - 0.005 / (0.38 * 0.72);
        double[] lambda = {0.612, 0.549, 0.465};
        float[] uLobe = {0.05f, 0.5f, 0.85f};
        for (int c = 0; c < 3; c++) {
            k.shadeMaterial(0, 0, material(DISPERSIVE), 0, 0, 0);
            assertTrue(k.sampleBsdf(0, material(DISPERSIVE), 0.6f, 0, 0.8f, 0.5f, 0.5f, uLobe[c]));
            double l2 = lambda[c] * lambda[c];
            double eta = (1.5 + 0.01 / l2) / (extA + 0.005 / l2);
            assertTrue(k.scratch[Scratch.BS_TRANSMISSION] != 0);
            assertEquals(-0.6 / eta, k.scratch[Scratch.BS_WX], 2e-6, "Snell for colour " + c);
            for (int ch = 0; ch < 3; ch++) {
                assertEquals(ch == c ? 3 / (eta * eta) : 0, k.scratch[Scratch.BS_R + ch], 2e-5, "channel " + ch);
            }
        }
        assertTrue(warnings.stream().anyMatch(w -> w.contains("glass2.lxs:12:") && w.contains("approximated in RGB")),
                warnings.toString());
    }

    /** Without "dispersion", FresnelGeneral::Index: the Cauchy means a + b / (0.38 x 0.72), so 1.5 + 0.01 / 0.2736 over 1.4. */
    @Test
    void withoutDispersionTheIndexIsTheRatioOfMeans() {
        assertEquals(MaterialLayout.GLASS, scene.matType[material(CAUCHY_NO_DISPERSION)]);
        assertEquals((1.5 + 0.01 / (0.38 * 0.72)) / 1.4, eta(CAUCHY_NO_DISPERSION), 1e-5);
    }

    @Test
    void whatIsNotRenderedWarnsAtItsPlace() {
        // A homogeneous volume's scattering is rendered (MediumKernel): no warning for it any more.
        assertTrue(warnings.stream().noneMatch(w -> w.contains("glass2.lxs:10:")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("glass2.lxs:37:") && w.contains("\"nosuch\" names no volume")),
                warnings.toString());
    }

    @Test
    void glass2WithoutVolumesIsIndexOneAndSaysSo(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bare.lxs");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"fleximage\"\nWorldBegin\nMakeNamedVolume \"v\" \"clear\"\n"
                + "AttributeBegin\nInterior \"v\"\nAttributeEnd\nMaterial \"glass2\"\nShape \"sphere\"\nWorldEnd\n");
        CompiledRender r = RenderSupport.compile(f);
        int m = r.scene().sphereMaterial[0];
        assertEquals(1f, r.scene().matParams[m * MaterialLayout.STRIDE + MaterialLayout.ETA], 0f,
                "AttributeEnd restores the Interior: none is set for the sphere");
        assertTrue(r.warnings().stream().anyMatch(w -> w.toString().contains("bare.lxs:8:")
                && w.message().contains("none is set")), r.warnings().toString());
    }

    /** LuxRender gives a mix's (and layered's) components the intersection's volumes, so a glass2 inside sees them. */
    @Test
    void glass2InsideMixAndLayeredSeesTheShapesVolumes(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("mix.lxs");
        Files.writeString(f, """
                Camera "perspective"
                Film "fleximage"
                WorldBegin
                MakeNamedVolume "v" "clear" "float fresnel" [1.7]
                MakeNamedMaterial "g" "string type" ["glass2"]
                MakeNamedMaterial "m" "string type" ["matte"]
                MakeNamedMaterial "both" "string type" ["mix"] "string namedmaterial1" ["g"] "string namedmaterial2" ["m"]
                MakeNamedMaterial "lay" "string type" ["layered"] "string namedmaterial1" ["g"]
                Interior "v"
                NamedMaterial "both"
                Shape "sphere"
                NamedMaterial "lay"
                Translate 3 0 0
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender r = RenderSupport.compile(f);
        CompiledScene s = r.scene();
        int mix = s.sphereMaterial[0];
        assertEquals(MaterialLayout.MIX, s.matType[mix]);
        boolean found = false;
        for (int slot : new int[] {MaterialLayout.MIX_FIRST, MaterialLayout.MIX_SECOND}) {
            int c = (int) s.matParams[mix * MaterialLayout.STRIDE + slot];
            if (s.matType[c] == MaterialLayout.GLASS) {
                assertEquals(1.7f, s.matParams[c * MaterialLayout.STRIDE + MaterialLayout.ETA], 1e-6f);
                found = true;
            }
        }
        assertTrue(found, "the mix has its glass2 component");
        int lay = s.sphereMaterial[1];
        assertEquals(MaterialLayout.GLASS, s.matType[lay]);
        assertEquals(1.7f, s.matParams[lay * MaterialLayout.STRIDE + MaterialLayout.ETA], 1e-6f);
        assertTrue(r.warnings().stream().noneMatch(w -> w.message().contains("none is set")), r.warnings().toString());
    }

    /**
     * Beer's law inside a glass2 shape (clearvolume.h Tau = absorption x distance): through a sphere of
     * index 1 (no reflection, no bending) and radius 1, a ray along a diameter keeps exp(-2 absorption)
     * of the sky behind it; beside the sphere the sky is unattenuated.
     */
    @Test
    void absorptionInsideIsBeersLawAlongThePath(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("absorb.lxs");
        Files.writeString(f, """
                LookAt 0 0 -5  0 0 0  0 1 0
                Camera "perspective" "float fov" [1]
                Film "fleximage" "integer xresolution" [5] "integer yresolution" [5]
                PixelFilter "box"
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                MakeNamedVolume "ink" "clear" "float fresnel" [1] "color absorption" [0.5 1 2]
                AttributeBegin
                  Interior "ink"
                  Material "glass2"
                  Shape "sphere" "float radius" [1]
                AttributeEnd
                WorldEnd
                """);
        CompiledRender r = RenderSupport.compile(f);
        float[] rgb = RenderSupport.render(r, 4, 1, 3L).toRgb();
        int centre = 3 * (2 * 5 + 2);
        double[] sigma = {0.5, 1, 2};
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.exp(-2 * sigma[c]), rgb[centre + c], 0.01 * Math.exp(-2 * sigma[c]), "channel " + c);
        }
        // A null shape bounds volumes too (LuxRender's usual fog box): the same attenuation through it.
        Path n = tmp.resolve("null.lxs");
        Files.writeString(n, Files.readString(f).replace("Material \"glass2\"", "Material \"null\""));
        CompiledRender nr = RenderSupport.compile(n);
        float[] fog = RenderSupport.render(nr, 4, 1, 3L).toRgb();
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.exp(-2 * sigma[c]), fog[centre + c], 0.01 * Math.exp(-2 * sigma[c]), "null, channel " + c);
        }
        assertTrue(nr.warnings().stream().noneMatch(w -> w.message().contains("do not")), nr.warnings().toString());
        Path g = tmp.resolve("beside.lxs");
        Files.writeString(g, Files.readString(f).replace("LookAt 0 0 -5  0 0 0", "LookAt 3 0 -5  3 0 0"));
        float[] sky = RenderSupport.render(RenderSupport.compile(g), 2, 1, 3L).toRgb();
        assertEquals(1f, sky[centre], 1e-3f, "rays that miss the sphere are not attenuated");
    }

    /**
     * The camera is in the Exterior in effect at its Camera statement: inside an absorbing medium of
     * index 1 bounded by a glass2 sphere of radius 10 around it, a camera ray crosses 10 units of it
     * before leaving into no medium, exp(-10 sigma) of the sky; without the camera's Exterior, 1.
     */
    @Test
    void cameraStartsInItsExteriorVolume(@TempDir Path tmp) throws IOException {
        String scene = """
                MakeNamedVolume "fog" "clear" "float fresnel" [1] "color absorption" [0.05 0.1 0.2]
                EXTERIOR
                LookAt 0 0 0  0 0 1  0 1 0
                Camera "perspective" "float fov" [10]
                Film "fleximage" "integer xresolution" [3] "integer yresolution" [3]
                WorldBegin
                Exterior ""
                LightSource "infinite" "color L" [1 1 1]
                AttributeBegin
                  Interior "fog"
                  Material "glass2"
                  Shape "sphere" "float radius" [10]
                AttributeEnd
                WorldEnd
                """;
        Path in = tmp.resolve("in.lxs"), out = tmp.resolve("out.lxs");
        Files.writeString(in, scene.replace("EXTERIOR", "Exterior \"fog\""));
        Files.writeString(out, scene.replace("EXTERIOR", ""));
        float[] a = RenderSupport.render(RenderSupport.compile(in), 2, 1, 5L).toRgb();
        float[] b = RenderSupport.render(RenderSupport.compile(out), 2, 1, 5L).toRgb();
        double[] sigma = {0.05, 0.1, 0.2};
        int centre = 3 * 4;
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.exp(-10 * sigma[c]), a[centre + c], 1e-3, "channel " + c);
            assertEquals(1f, b[centre + c], 1e-4f, "a camera in no volume: channel " + c);
        }
    }

    private static double bk7(double um) {
        double l2 = um * um;
        return Math.sqrt(1 + 1.03961212 * l2 / (l2 - 0.00600069867) + 0.231792344 * l2 / (l2 - 0.0200179144)
                + 1.01046945 * l2 / (l2 - 103.560653));
    }

    /**
     * A Sellmeier volume (sellmeiertexture.h: n^2 = A + sum B l^2 / (l^2 - C), C in um^2; its index the
     * mean over 380..719 nm): without dispersion that mean; with it, the Cauchy form through n at the
     * kernel's red and blue wavelengths (612 and 465 nm), which those colours then refract with.
     */
    @Test
    void sellmeierVolumeGivesItsMeanIndexAndDispersesThroughRedAndBlue(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bk7.lxs");
        Files.writeString(f, """
                Camera "perspective"
                Film "fleximage"
                WorldBegin
                Texture "bk7" "fresnel" "sellmeier" "float B" [1.03961212 0.231792344 1.01046945] "float C" [0.00600069867 0.0200179144 103.560653]
                MakeNamedVolume "v" "clear" "texture fresnel" "bk7"
                Interior "v"
                Material "glass2"
                Shape "sphere"
                Material "glass2" "bool dispersion" ["true"]
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender r = RenderSupport.compile(f);
        CompiledScene s = r.scene();
        double mean = 0;
        for (int nm = 380; nm < 720; nm++) {
            mean += bk7(nm / 1000.0);
        }
        mean /= 340;
        int plain = s.sphereMaterial[0], disp = s.sphereMaterial[1];
        assertEquals(MaterialLayout.GLASS, s.matType[plain]);
        assertEquals(mean, s.matParams[plain * MaterialLayout.STRIDE + MaterialLayout.ETA], 1e-5);
        assertEquals(MaterialLayout.DISPERSIVE_GLASS, s.matType[disp]);
        int o = disp * MaterialLayout.STRIDE;
        for (double um : new double[] {0.612, 0.465}) {
            double eta = (s.matParams[o + MaterialLayout.ETA] + s.matParams[o + MaterialLayout.DG_CAUCHYB] / (um * um))
                    / (s.matParams[o + MaterialLayout.DG_EXT_A] + s.matParams[o + MaterialLayout.DG_EXT_B] / (um * um));
            assertEquals(bk7(um), eta, 2e-5, "n at " + um + " um");
        }
    }
}

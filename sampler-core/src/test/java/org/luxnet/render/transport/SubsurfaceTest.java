package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * pbrt-v3's "subsurface" rendered as a random walk in a medium of its own inside its dielectric
 * boundary (SubsurfaceMaterials, MediumKernel#subsurfaceStep): a white furnace of a non-absorbing one
 * stays 1 at maxdepth 3 (the walk's vertices inside do not count toward maxdepth); an absorbing one is
 * darker; and it renders the very samples of pbrt-v3 "glass" around the same
 * homogeneous medium (MediumInterface) when maxdepth does not cut the walk short.
 */
class SubsurfaceTest {
    private static final String FURNACE = """
            Integrator "volpath" "integer maxdepth" [ DEPTH ]
            Sampler "random" "integer pixelsamples" [ 16 ]
            PixelFilter "box"
            Film "image" "integer xresolution" [ 8 ] "integer yresolution" [ 8 ]
            LookAt 0 0 5  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 30 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 1 1 1 ]
            AttributeBegin
              MATERIAL
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            """;

    private static float[] furnace(Path tmp, String name, String material, int depth) throws IOException {
        CompiledRender r = MediaTest.compile(tmp, name, FURNACE.replace("DEPTH", Integer.toString(depth))
                .replace("MATERIAL", material));
        return RenderSupport.render(r, 64, 1, 7L).toRgb();
    }

    /** The mean over the pixels the sphere covers (the middle 4 x 4), per channel. */
    private static double[] sphereMean(float[] rgb) {
        double[] m = new double[3];
        for (int y = 2; y < 6; y++) {
            for (int x = 2; x < 6; x++) {
                for (int c = 0; c < 3; c++) {
                    m[c] += rgb[3 * (y * 8 + x) + c] / 16.0;
                }
            }
        }
        return m;
    }

    /**
     * A sphere of subsurface material that scatters (sigma_s 4, about 8 mean free paths across, g 0.5)
     * but does not absorb, under a sky of radiance 1: every path comes out again, so every pixel is 1
     * (the boundary's Fresnel weights and eta^2 scalings cancel; each path carries 1 or, cut short, 0). At
     * maxdepth 3 that holds only because the walk's vertices inside are not counted, as pbrt-v3 counts
     * its BSSRDF as one bounce.
     */
    @Test
    void nonAbsorbingSphereInAWhiteFurnaceIsOne(@TempDir Path tmp) throws IOException {
        float[] rgb = furnace(tmp, "white.pbrt", "Material \"subsurface\" \"rgb sigma_a\" [ 0 0 0 ]"
                + " \"rgb sigma_s\" [ 4 4 4 ] \"float g\" [ 0.5 ]", 3);
        for (int i = 0; i < rgb.length; i++) {
            assertEquals(1, rgb[i], 1e-4, "pixel " + i / 3 + " channel " + i % 3);
        }
    }

    /**
     * Absorption makes the same sphere darker than the furnace's 1 (by well over its noise), the more so
     * the more a channel absorbs.
     */
    @Test
    void absorbingSphereIsDarkerThanTheFurnace(@TempDir Path tmp) throws IOException {
        double[] m = sphereMean(furnace(tmp, "absorbing.pbrt", "Material \"subsurface\" \"rgb sigma_a\" [ 0.02 0.1 0.4 ]"
                + " \"rgb sigma_s\" [ 4 4 4 ] \"float g\" [ 0.5 ]", 3));
        for (int c = 0; c < 3; c++) {
            assertTrue(m[c] < 0.98, "channel " + c + " absorbs: " + m[c]);
        }
        assertTrue(m[0] > m[1] + 0.05 && m[1] > m[2] + 0.05, "the least absorbed, the brightest: "
                + java.util.Arrays.toString(m));
    }

    private static final String LIT = """
            Integrator "volpath" "integer maxdepth" [ 100000 ]
            Sampler "random" "integer pixelsamples" [ 4 ]
            Film "image" "integer xresolution" [ 16 ] "integer yresolution" [ 12 ]
            LookAt 0 2 -4  0 0.5 0  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 0.3 0.35 0.4 ]
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 7 6 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 3 -1  1 3 -1  1 3 1  -1 3 1 ]
            AttributeEnd
            Material "matte" "rgb Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4  -4 0 4  4 0 4  4 0 -4 ]
            AttributeBegin
              Translate 0 0.7 0
              MATERIAL
              Shape "sphere" "float radius" [ 0.7 ]
            AttributeEnd
            """;

    /**
     * Subsurface is pbrt-v3 glass of index eta around a homogeneous medium of the material's
     * coefficients: with maxdepth too large to matter, both render the same samples (the skipped shadow
     * rays inside would all have met the closed boundary), and the medium row is flagged as subsurface.
     */
    @Test
    void rendersAsGlassAroundItsMedium(@TempDir Path tmp) throws IOException {
        String coefficients = "\"rgb sigma_a\" [ 0.05 0.2 0.5 ] \"rgb sigma_s\" [ 3 2.5 2 ] \"float g\" [ 0.3 ]";
        CompiledRender sss = MediaTest.compile(tmp, "sss.pbrt", LIT.replace("MATERIAL", "Material \"subsurface\" "
                + coefficients + " \"float eta\" [ 1.4 ] \"float scale\" [ 2 ]"));
        CompiledRender glass = MediaTest.compile(tmp, "glass.pbrt", LIT.replace("MATERIAL", "MakeNamedMedium \"m\""
                + " \"string type\" \"homogeneous\" " + coefficients + " \"float scale\" [ 2 ]\n MediumInterface \"m\" \"\"\n"
                + " Material \"glass\" \"float index\" [ 1.4 ]"));
        float[] p = sss.scene().mediaParams;
        assertEquals(2 * MediumLayout.STRIDE, p.length, "vacuum and the material's interior");
        assertEquals(1, p[MediumLayout.STRIDE + MediumLayout.SUBSURFACE]);
        assertEquals(0, glass.scene().mediaParams[MediumLayout.STRIDE + MediumLayout.SUBSURFACE]);
        for (int k = 0; k < 11; k++) {
            assertEquals(glass.scene().mediaParams[MediumLayout.STRIDE + k], p[MediumLayout.STRIDE + k], 0, "slot " + k);
        }
        float[] a = RenderSupport.render(sss, 4, 1, 21L).toRgb();
        float[] b = RenderSupport.render(glass, 4, 1, 21L).toRgb();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-5 * Math.max(1, b[i]), "value " + i);
            sum += a[i];
        }
        assertTrue(sum > 0, "lit");
    }

    /**
     * kdsubsurface's Kd is the effective albedo of pbrt-v3's BSSRDF: a sphere 200 mean free paths across
     * (a half space, near enough), seen straight on under a sky of radiance 1, returns about Kd plus its
     * boundary's reflection, here for Kd (.2, .5, .8) within 0.05 of (Kd + F(0)) with F(0) the normal
     * Fresnel reflectance of eta 1.33 (2%): the random walk is the exact transport that photon beam
     * diffusion approximates, so they agree only approximately.
     */
    @Test
    void kdSubsurfaceReflectsAboutKd(@TempDir Path tmp) throws IOException {
        CompiledRender r = MediaTest.compile(tmp, "kd.pbrt", """
                Integrator "volpath" "integer maxdepth" [ 5 ]
                Sampler "random" "integer pixelsamples" [ 16 ]
                Film "image" "integer xresolution" [ 4 ] "integer yresolution" [ 4 ]
                PixelFilter "box"
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic" "float screenwindow" [ -0.05 0.05 -0.05 0.05 ]
                WorldBegin
                LightSource "infinite" "rgb L" [ 1 1 1 ]
                Material "kdsubsurface" "rgb Kd" [ 0.2 0.5 0.8 ] "float mfp" [ 0.01 ]
                Shape "sphere" "float radius" [ 1 ]
                """);
        float[] rgb = RenderSupport.render(r, 1024, 1, 13L).toRgb();
        double[] m = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            m[i % 3] += rgb[i] / 16;
        }
        double[] kd = {0.2, 0.5, 0.8};
        for (int c = 0; c < 3; c++) {
            assertEquals(kd[c], m[c], 0.025, "channel " + c + ": " + java.util.Arrays.toString(m));
        }
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * Homogeneous participating media (MediumKernel) in both dialects: the phase functions (pbrt-v3
 * HenyeyGreenstein, LuxRender SchlickScatter) integrate to 1 and are sampled as their pdfs say; a
 * white furnace (a non-absorbing medium in a null sphere under a constant sky of radiance 1 is 1
 * everywhere); Beer's law through an absorbing slab; single scattering from a distant light through a
 * thin slab against the integral computed here; and what the parser and compiler say about media.
 */
class MediaTest {
    private static final double FOUR_PI = 4 * Math.PI;

    /** Writes {@code text} to {@code dir/name} and compiles it (GridMediaTest uses it too). */
    static CompiledRender compile(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return RenderSupport.compile(f);
    }

    /** A kernel whose medium 1 has phase {@code kind} with parameter {@code g} (k for Schlick) in every channel. */
    private static PathTraceKernel phaseKernel(Path dir, int kind, float g) throws IOException {
        PathTraceKernel k = RenderSupport.tinyTransport(dir);
        float[] m = new float[2 * MediumLayout.STRIDE];
        int o = MediumLayout.STRIDE;
        m[o + MediumLayout.SIGMA_S] = 1;
        for (int c = 0; c < 3; c++) {
            m[o + MediumLayout.PHASE_G + c] = g;
        }
        m[o + MediumLayout.PHASE] = kind;
        m[o + MediumLayout.SCATTERS] = 1;
        k.mediaParams = m;
        return k;
    }

    /**
     * Both phase functions integrate to 1 over the sphere (2 pi times the integral over cos, by
     * Simpson's rule); samplePhase's directions have the moments of its pdf (for Henyey-Greenstein
     * E[cos] = g and E[cos^2] = (1 + 2 g^2) / 3, for Schlick those of its pdf computed here), its pdf is
     * the phase function, and its weight phase / pdf is 1.
     */
    @ParameterizedTest
    @ValueSource(floats = {-0.6f, 0f, 0.3f, 0.7f, 0.9f})
    void phaseFunctionsIntegrateToOneAndAreSampledByTheirPdf(float g, @TempDir Path tmp) throws IOException {
        for (int kind : new int[] {MediumLayout.HENYEY_GREENSTEIN, MediumLayout.SCHLICK}) {
            float param = kind == MediumLayout.SCHLICK ? g * (1.55f - 0.55f * g * g) : g;
            PathTraceKernel k = phaseKernel(tmp, kind, param);
            int n = 20000;
            double integral = 0, m1 = 0, m2 = 0;
            for (int i = 0; i <= n; i++) {
                double c = -1 + 2.0 * i / n;
                double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
                double p = k.phaseValue(1, 0, (float) c);
                integral += w * p;
                m1 += w * p * c;
                m2 += w * p * c * c;
            }
            double h = 2.0 / n / 3 * 2 * Math.PI;
            integral *= h;
            m1 *= h;
            m2 *= h;
            String what = (kind == MediumLayout.SCHLICK ? "Schlick" : "HG") + " g " + g;
            assertEquals(1, integral, 2e-3, what + ": integral of the phase function");
            if (kind == MediumLayout.HENYEY_GREENSTEIN) {
                assertEquals(g, m1, 2e-3, what + ": E[cos] = g");
                assertEquals((1 + 2 * g * g) / 3, m2, 2e-3, what + ": E[cos^2]");
            }
            // Sampling about an arbitrary direction d.
            float dx = 0.48f, dy = -0.6f, dz = 0.64f;
            int samples = 200000;
            double s1 = 0, s2 = 0;
            for (int i = 0; i < samples; i++) {
                float u1 = (i + 0.5f) / samples;
                float u2 = SampleKernel.toUnit(SampleKernel.mix32(i * 0x9e3779b9 + 7));
                k.samplePhase(0, 1, dx, dy, dz, u1, u2);
                float wx = k.scratch[Scratch.BS_WX], wy = k.scratch[Scratch.BS_WY], wz = k.scratch[Scratch.BS_WZ];
                assertEquals(1, wx * wx + wy * wy + wz * wz, 1e-4, what + ": unit direction");
                float c = wx * dx + wy * dy + wz * dz;
                s1 += c;
                s2 += c * c;
                if (i % 997 == 0) {
                    assertEquals(k.phaseValue(1, 0, c), k.scratch[Scratch.BS_PDF],
                            1e-4 * Math.max(1, k.scratch[Scratch.BS_PDF]), what + ": pdf is the phase function");
                    assertEquals(1, k.scratch[Scratch.BS_R], 1e-3, what + ": weight phase / pdf");
                }
            }
            assertEquals(m1, s1 / samples, 2e-3, what + ": sampled E[cos]");
            assertEquals(m2, s2 / samples, 2e-3, what + ": sampled E[cos^2]");
        }
    }

    private static final String PBRT_FURNACE = """
            Integrator "volpath" "integer maxdepth" [ 1000 ]
            Sampler "random" "integer pixelsamples" [ 16 ]
            PixelFilter "box"
            Film "image" "integer xresolution" [ 8 ] "integer yresolution" [ 8 ]
            LookAt 0 0 5  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 30 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 1 1 1 ]
            MakeNamedMedium "fog" "string type" "homogeneous" "rgb sigma_a" [ 0 0 0 ] "rgb sigma_s" [ 2 2 2 ] "float g" [ G ]
            AttributeBegin
              MediumInterface "fog" ""
              Material ""
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            """;

    private static final String LUX_FURNACE = """
            LookAt 0 0 5  0 0 0  0 1 0
            Camera "perspective" "float fov" [30]
            Film "fleximage" "integer xresolution" [8] "integer yresolution" [8]
            PixelFilter "box"
            SurfaceIntegrator "path" "integer maxdepth" [1000]
            VolumeIntegrator "multi"
            WorldBegin
            LightSource "infinite" "color L" [1 1 1]
            MakeNamedVolume "fog" "homogeneous" "color sigma_a" [0 0 0] "color sigma_s" [2 2 2] "color g" [G G G]
            AttributeBegin
              Interior "fog"
              Material "null"
              Shape "sphere" "float radius" [1]
            AttributeEnd
            WorldEnd
            """;

    /**
     * The white furnace: a medium that scatters without absorbing, inside a null sphere under a sky of
     * radiance 1, returns all light that enters it, so every pixel converges to 1 (pixels beside the
     * sphere see the sky). Within 5 standard errors of each pixel's own samples (and 2% overall over
     * the sphere). It fails when transmittance, phase normalisation, MIS or the shadow rays through the
     * null boundary are wrong.
     */
    @ParameterizedTest
    @ValueSource(strings = {"pbrt 0", "pbrt 0.7", "lux 0", "lux 0.7"})
    void whiteFurnaceConvergesToOne(String variant, @TempDir Path tmp) throws IOException {
        boolean pbrt = variant.startsWith("pbrt");
        String g = variant.substring(variant.indexOf(' ') + 1);
        CompiledRender r = pbrt ? compile(tmp, "furnace.pbrt", PBRT_FURNACE.replace("G", g))
                : compile(tmp, "furnace.lxs", LUX_FURNACE.replace("G", g));
        assertEquals(2, r.scene().mediaParams.length / MediumLayout.STRIDE, "vacuum and the fog");
        assertFurnace(r, variant);
    }

    /**
     * A white furnace's 8x8 image at 256 S/p: every pixel 1 within five of its relative errors (1e-3
     * absolute), the sphere covering more than 16 pixels, their mean 1 within 2% (GridMediaTest's
     * furnace too).
     */
    static void assertFurnace(CompiledRender r, String variant) {
        Film film = RenderSupport.render(r, 256, 1, 11L);
        float[] rgb = film.toRgb();
        float[] err = film.relativeErrors();
        double sum = 0;
        int inside = 0;
        for (int i = 0; i < 64; i++) {
            for (int c = 0; c < 3; c++) {
                double tol = 5 * err[i] * rgb[3 * i + c] + 1e-3;
                assertEquals(1, rgb[3 * i + c], tol, variant + ": pixel " + i + " channel " + c);
            }
            if (err[i] > 0) {
                sum += rgb[3 * i + 1];
                inside++;
            }
        }
        assertTrue(inside > 16, variant + ": the sphere covers the middle of the image (" + inside + " noisy pixels)");
        assertEquals(1, sum / inside, 0.02, variant + ": mean over the sphere");
    }

    private static final String SLAB = """
            Integrator "INTEGRATOR"
            Sampler "random" "integer pixelsamples" [ 4 ]
            Film "image" "integer xresolution" [ 4 ] "integer yresolution" [ 4 ]
            LookAt 0 0 5  0 0 0  0 1 0
            Camera "orthographic"
            WorldBegin
            LightSource "infinite" "rgb L" [ 1 1 1 ]
            MakeNamedMedium "ink" "string type" "homogeneous" "rgb sigma_a" [ 0.5 1 2 ] "rgb sigma_s" [ 0 0 0 ]
                "float scale" [ 0.7 ]
            AttributeBegin
              MediumInterface "ink" ""
              Material "none"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 0.5  10 -10 0.5  10 10 0.5  -10 10 0.5 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 -0.5  -10 10 -0.5  10 10 -0.5  10 -10 -0.5 ]
            AttributeEnd
            """;

    /**
     * LuxRender's "emission" volume integrator (integrators/emission.cpp EmissionIntegrator::Intersect:
     * a surface hit only, L *= Exp(-volume->Tau), Tau from sigma_a + sigma_s): through a slab of thickness
     * 1 of sigma_a (0.1 0.2 0.3) and sigma_s (0.4 0.6 0.9) the sky of 1 is exp(-(sigma_a + sigma_s)) in
     * every pixel, nothing scattered in; with "multi" light scatters in and the pixels are brighter. A
     * heterogeneous volume's baked samples fold the same way. No warning for "emission".
     */
    @Test
    void luxRenderEmissionVolumeIntegratorOnlyAttenuates(@TempDir Path tmp) throws IOException {
        String scene = """
                VolumeIntegrator "VI"
                SurfaceIntegrator "path" "integer maxdepth" [ 8 ]
                Sampler "random" "integer pixelsamples" [ 4 ]
                Film "fleximage" "integer xresolution" [ 4 ] "integer yresolution" [ 4 ]
                PixelFilter "box"
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic"
                WorldBegin
                LightSource "infinite" "color L" [ 1 1 1 ]
                MakeNamedVolume "fog" "homogeneous" "color sigma_a" [ 0.1 0.2 0.3 ] "color sigma_s" [ 0.4 0.6 0.9 ]
                MakeNamedVolume "het" "heterogeneous" "color sigma_a" [ 0.1 0.2 0.3 ] "color sigma_s" [ 0.4 0.6 0.9 ]
                AttributeBegin
                  Interior "fog"
                  Material "null"
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 0.5  10 -10 0.5  10 10 0.5  -10 10 0.5 ]
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 -0.5  -10 10 -0.5  10 10 -0.5  10 -10 -0.5 ]
                AttributeEnd
                AttributeBegin
                  Interior "het"
                  Material "null"
                  Shape "sphere" "float radius" [ 0.1 ]
                AttributeEnd
                WorldEnd
                """;
        CompiledRender e = compile(tmp, "emission.lxs", scene.replace("VI", "emission"));
        CompiledRender m = compile(tmp, "multi.lxs", scene.replace("VI", "multi"));
        assertTrue(e.warnings().isEmpty(), e.warnings().toString());
        double[] t = {0.5, 0.8, 1.2};
        float[] rows = e.scene().mediaParams;
        for (int c = 0; c < 3; c++) {
            for (int row = 1; row <= 2; row++) {
                assertEquals(t[c], rows[row * MediumLayout.STRIDE + MediumLayout.SIGMA_A + c], 1e-6);
                assertEquals(0, rows[row * MediumLayout.STRIDE + MediumLayout.SIGMA_S + c]);
            }
            assertEquals((float) t[c], e.scene().mediaGrids[c], 1e-6f, "the baked sample's sigma_a");
            assertEquals(0, e.scene().mediaGrids[3 + c], "the baked sample's sigma_s");
        }
        assertEquals(0, rows[MediumLayout.STRIDE + MediumLayout.SCATTERS]);
        float[] rgb = RenderSupport.render(e, 4, 1, 3L).toRgb();
        float[] more = RenderSupport.render(m, 16, 1, 3L).toRgb();
        double[] mean = new double[3];
        for (int i = 0; i < 16; i++) {
            for (int c = 0; c < 3; c++) {
                mean[c] += more[3 * i + c] / 16.0;
            }
            // The heterogeneous sphere, 0.1 across, sits between the four central pixels' samples; they
            // are left out.
            int x = i % 4, y = i / 4;
            if ((x == 1 || x == 2) && (y == 1 || y == 2)) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(Math.exp(-t[c]), rgb[3 * i + c], 1e-4, "pixel " + i + " channel " + c);
            }
        }
        for (int c = 0; c < 3; c++) {
            assertTrue(mean[c] > Math.exp(-t[c]) + 0.05, "with multi light scatters in: channel " + c + " " + mean[c]);
        }
    }

    /**
     * pbrt-v3 pure absorption: through a slab of thickness 1 of sigma_a (0.5, 1, 2) x scale 0.7 the sky
     * is exp(-0.7 sigma_a) in every pixel (Beer's law, no noise); with the "path" integrator pbrt-v3
     * ignores media: 1, and one warning says so at the Integrator statement.
     */
    @Test
    void pbrtAbsorptionThroughASlabIsBeersLaw(@TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "slab.pbrt", SLAB.replace("INTEGRATOR", "volpath"));
        float[] rgb = RenderSupport.render(r, 4, 1, 3L).toRgb();
        double[] sigma = {0.5, 1, 2};
        for (int i = 0; i < 16; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(Math.exp(-0.7 * sigma[c]), rgb[3 * i + c], 1e-4, "pixel " + i + " channel " + c);
            }
        }
        assertTrue(r.warnings().stream().noneMatch(w -> w.message().contains("integrator")), r.warnings().toString());

        CompiledRender p = compile(tmp, "path.pbrt", SLAB.replace("INTEGRATOR", "path"));
        float[] plain = RenderSupport.render(p, 4, 1, 3L).toRgb();
        for (int i = 0; i < 48; i++) {
            assertEquals(1, plain[i], 1e-6, "the path integrator ignores media");
        }
        long said = p.warnings().stream().filter(w -> w.message().contains("\"path\" integrator does not render them"))
                .count();
        assertEquals(1, said, p.warnings().toString());
        assertTrue(p.warnings().stream().anyMatch(w -> w.loc().toString().endsWith("path.pbrt:1:1")
                && w.message().contains("volpath")), p.warnings().toString());
    }

    /**
     * Single scattering, pbrt-v3 and LuxRender: camera rays straight down (orthographic) through a slab
     * of thickness 1 (sigma_s 0.8, sigma_a 0.2), a distant light of radiance 3 from direction w_l (cos
     * 0.8 to the slab's normal), maxdepth 1 so that only the first scattering point sees the light:
     * L = 3 p(d . w_l) int_0^1 sigma_s exp(-sigma_t s) exp(-sigma_t s / 0.8) ds, integrated here by
     * Simpson's rule; p is Henyey-Greenstein with g 0.3 (pbrt-v3), Schlick with g 0.5 (LuxRender).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void singleScatteringFromADistantLight(boolean pbrt, @TempDir Path tmp) throws IOException {
        String text = pbrt ? """
                Integrator "volpath" "integer maxdepth" [ 1 ]
                Sampler "random" "integer pixelsamples" [ 4 ]
                PixelFilter "box"
                Film "image" "integer xresolution" [ 4 ] "integer yresolution" [ 4 ]
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic"
                WorldBegin
                LightSource "distant" "point from" [ 0 0.6 0.8 ] "point to" [ 0 0 0 ] "rgb L" [ 3 3 3 ]
                MakeNamedMedium "fog" "string type" "homogeneous" "rgb sigma_a" [ 0.2 0.2 0.2 ] "rgb sigma_s" [ 0.8 0.8 0.8 ]
                    "float g" [ 0.3 ]
                AttributeBegin
                  MediumInterface "fog" ""
                  Material ""
                  SHAPES
                AttributeEnd
                """ : """
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                PixelFilter "box"
                SurfaceIntegrator "path" "integer maxdepth" [1]
                WorldBegin
                LightSource "distant" "point from" [0 0.6 0.8] "point to" [0 0 0] "color L" [3 3 3]
                MakeNamedVolume "fog" "homogeneous" "color sigma_a" [0.2 0.2 0.2] "color sigma_s" [0.8 0.8 0.8]
                    "float g" [0.5]
                AttributeBegin
                  Interior "fog"
                  Material "null"
                  SHAPES
                AttributeEnd
                WorldEnd
                """;
        text = text.replace("SHAPES", """
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 0.5  10 -10 0.5  10 10 0.5  -10 10 0.5 ]
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 -0.5  -10 10 -0.5  10 10 -0.5  10 -10 -0.5 ]""");
        CompiledRender r = compile(tmp, pbrt ? "single.pbrt" : "single.lxs", text);
        float[] rgb = RenderSupport.render(r, 4096, 1, 5L).toRgb();
        double mean = 0;
        for (int i = 0; i < 48; i++) {
            mean += rgb[i] / 48;
        }
        // The scattering angle's cosine between the ray (0, 0, -1) and the direction to the light (0, 0.6, 0.8).
        double cos = -0.8;
        double phase;
        if (pbrt) {
            double g = 0.3;
            phase = (1 - g * g) / (FOUR_PI * Math.pow(1 + g * g - 2 * g * cos, 1.5));
        } else {
            double k = 0.5 * (1.55 - 0.55 * 0.25);
            phase = (1 - k * k) / (FOUR_PI * (1 - k * cos) * (1 - k * cos));
        }
        int n = 1000;
        double integral = 0;
        for (int i = 0; i <= n; i++) {
            double s = (double) i / n;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            integral += w * 0.8 * Math.exp(-s) * Math.exp(-s / 0.8);
        }
        integral *= 1.0 / n / 3;
        double expected = 3 * phase * integral;
        assertEquals(expected, mean, 0.02 * expected, (pbrt ? "pbrt-v3" : "LuxRender") + " single scattering");
    }

    /** A MediumInterface naming no medium made before it is an error at the name, file:line:column. */
    @Test
    void unknownMediumNameIsAnErrorAtItsPlace(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bad.pbrt");
        Files.writeString(f, """
                Integrator "volpath"
                WorldBegin
                MakeNamedMedium "fog" "string type" "homogeneous"
                MediumInterface "fgo" ""
                Shape "sphere"
                """);
        SceneException e = assertThrows(SceneException.class, () -> RenderSupport.compile(f));
        assertEquals(new FileLoc(f.toString(), 4, 17), e.loc(), e.getMessage());
        assertTrue(e.getMessage().contains("\"fgo\" names no medium") && e.getMessage().contains("\"fog\""),
                e.getMessage());
    }

    /**
     * pbrt-v3 media as compiled: the camera is in the "outside" medium at its Camera statement; presets
     * come from GetMediumScatteringProperties' table times scale; an unknown preset and an unknown medium
     * type each warn once at their statement.
     */
    @Test
    void pbrtMediaCompileWithTheirDefaultsAndWarnings(@TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "media.pbrt", """
                Integrator "volpath"
                MakeNamedMedium "milk" "string type" "homogeneous" "string preset" "Skimmilk" "float scale" [ 2 ]
                MakeNamedMedium "odd" "string type" "homogeneous" "string preset" "Mud"
                MakeNamedMedium "cloud" "string type" "vdb"
                MediumInterface "" "milk"
                Camera "perspective"
                WorldBegin
                LightSource "infinite" "rgb L" [ 1 1 1 ]
                AttributeBegin
                  MediumInterface "odd" "milk"
                  Material "glass"
                  Shape "sphere"
                AttributeEnd
                MediumInterface "milk"
                Material "interface"
                Shape "sphere"
                """);
        float[] m = r.scene().mediaParams;
        int milk = r.scene().cameraMedium;
        assertTrue(milk > 0, "the camera is in the milk");
        int o = milk * MediumLayout.STRIDE;
        assertEquals(2 * 0.0014f, m[o + MediumLayout.SIGMA_A], 1e-7);
        assertEquals(2 * 1.90f, m[o + MediumLayout.SIGMA_S + 2], 1e-6);
        assertEquals(MediumLayout.HENYEY_GREENSTEIN, (int) m[o + MediumLayout.PHASE]);
        assertEquals(3, m.length / MediumLayout.STRIDE, "vacuum, milk and the defaults of \"odd\"");
        int glass = r.scene().sphereMaterial[0] * org.luxnet.scene.compiled.MaterialLayout.STRIDE;
        assertEquals(milk, (int) r.scene().matParams[glass + org.luxnet.scene.compiled.MaterialLayout.VOL_EX]);
        int odd = (int) r.scene().matParams[glass + org.luxnet.scene.compiled.MaterialLayout.VOL_IN];
        assertEquals(2.55f, m[odd * MediumLayout.STRIDE + MediumLayout.SIGMA_S], 1e-6, "pbrt-v3's default sigma_s");
        int boundary = r.scene().sphereMaterial[1] * org.luxnet.scene.compiled.MaterialLayout.STRIDE;
        assertEquals(org.luxnet.scene.compiled.MaterialLayout.NULL, r.scene().matType[r.scene().sphereMaterial[1]]);
        assertEquals(milk, (int) r.scene().matParams[boundary + org.luxnet.scene.compiled.MaterialLayout.VOL_IN],
                "one name: both sides");
        assertEquals(milk, (int) r.scene().matParams[boundary + org.luxnet.scene.compiled.MaterialLayout.VOL_EX]);
        assertTrue(r.warnings().stream().anyMatch(w -> w.loc().line() == 3 && w.message().contains("\"Mud\" is not known")),
                r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.loc().line() == 4 && w.message().contains("\"vdb\" is not supported")),
                r.warnings().toString());
    }

    /**
     * LuxRender volumes as compiled: a homogeneous volume's g is a colour (a float is that grey), clamped
     * to [-1, 1], kept as Schlick's k = 1.55 g - 0.55 g^3; a textured sigma_s warns and counts as 0
     * (the volume then only absorbs); a heterogeneous volume of constants is a one-cell baked grid that
     * scatters, without a warning (LuxVolumeGrids); a volume integrator
     * other than "multi" warns once at its statement; sigma_s 0 does not scatter.
     */
    @Test
    void luxRenderVolumesCompileWithSchlickK(@TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "vol.lxs", """
                Camera "perspective"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                VolumeIntegrator "single" "float stepsize" [0.5]
                WorldBegin
                Texture "t" "color" "constant" "color value" [1 1 1]
                MakeNamedVolume "a" "homogeneous" "color sigma_s" [1 2 3] "color g" [0.5 -2 0]
                MakeNamedVolume "b" "homogeneous" "color sigma_a" [0.1 0.1 0.1] "texture sigma_s" "t"
                MakeNamedVolume "c" "heterogeneous" "color sigma_a" [0.2 0.2 0.2] "color sigma_s" [1 1 1]
                MakeNamedVolume "d" "homogeneous" "color sigma_s" [1 1 1] "float g" [0.5]
                MakeNamedMaterial "n" "string type" ["null"]
                NamedMaterial "n"
                AttributeBegin
                  Interior "a"
                  Exterior "b"
                  Shape "sphere"
                AttributeEnd
                AttributeBegin
                  Interior "c"
                  Exterior "d"
                  Shape "sphere"
                AttributeEnd
                Material "matte"
                Interior "d"
                Shape "sphere"
                WorldEnd
                """);
        float[] m = r.scene().mediaParams;
        float[] p = r.scene().matParams;
        int s0 = r.scene().sphereMaterial[0] * org.luxnet.scene.compiled.MaterialLayout.STRIDE;
        int s1 = r.scene().sphereMaterial[1] * org.luxnet.scene.compiled.MaterialLayout.STRIDE;
        int a = (int) p[s0 + org.luxnet.scene.compiled.MaterialLayout.VOL_IN] * MediumLayout.STRIDE;
        int b = (int) p[s0 + org.luxnet.scene.compiled.MaterialLayout.VOL_EX] * MediumLayout.STRIDE;
        int c = (int) p[s1 + org.luxnet.scene.compiled.MaterialLayout.VOL_IN] * MediumLayout.STRIDE;
        int d = (int) p[s1 + org.luxnet.scene.compiled.MaterialLayout.VOL_EX] * MediumLayout.STRIDE;
        assertEquals(MediumLayout.SCHLICK, (int) m[a + MediumLayout.PHASE]);
        assertEquals(0.5 * (1.55 - 0.55 * 0.25), m[a + MediumLayout.PHASE_G], 1e-6);
        assertEquals(-0.999, m[a + MediumLayout.PHASE_G + 1], 1e-6, "g -2 clamped to -1: k = -1, kept inside (-1, 1)");
        assertEquals(0, m[a + MediumLayout.PHASE_G + 2], 1e-6);
        assertEquals(3, m[a + MediumLayout.SIGMA_S + 2], 0);
        assertEquals(1, m[a + MediumLayout.SCATTERS], 0);
        assertEquals(1, m[b + MediumLayout.SIGMA_S], 0, "a constant texture's sigma_s is its value");
        assertEquals(1, m[b + MediumLayout.SCATTERS], 0);
        assertEquals(0.1f, m[b + MediumLayout.SIGMA_A], 0);
        assertEquals(MediumLayout.LUX_GRID, (int) m[c + MediumLayout.KIND], "heterogeneous: a baked grid");
        assertEquals(1, m[c + MediumLayout.SCATTERS], 0, "heterogeneous: scatters");
        assertEquals(1, (int) m[c + MediumLayout.GRID_NX], "constants: one cell");
        assertEquals(0.2f, m[c + MediumLayout.SIGMA_A], 0);
        assertEquals(0.5 * (1.55 - 0.55 * 0.25), m[d + MediumLayout.PHASE_G + 1], 1e-6, "a float g is grey");
        java.util.List<String> w = r.warnings().stream().map(Object::toString).toList();
        assertTrue(w.stream().anyMatch(x -> x.contains("vol.lxs:3:") && x.contains("VolumeIntegrator \"single\"")), w.toString());
        assertTrue(w.stream().noneMatch(x -> x.contains("vol.lxs:6:") || x.contains("vol.lxs:7:") || x.contains("vol.lxs:8:")
                || x.contains("vol.lxs:9:")), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.contains("vol.lxs:24:") && x.contains("absorbing or scattering")),
                "a matte shape in a scattering volume cannot change the path's medium: " + w);
    }

    /**
     * A LuxRender homogeneous volume with sigma_s 0 is what absorption alone was before scattering: the
     * same film, sample for sample, as a clear volume of that absorption (glass2 and null boundaries,
     * a lit floor inside, the camera outside).
     */
    @Test
    void luxRenderHomogeneousWithoutScatteringIsTheClearVolume(@TempDir Path tmp) throws IOException {
        String scene = """
                LookAt 0 2 -5  0 0.5 0  0 1 0
                Camera "perspective" "float fov" [40]
                Film "fleximage" "integer xresolution" [12] "integer yresolution" [9]
                WorldBegin
                LightSource "infinite" "color L" [0.5 0.5 0.5]
                LightSource "point" "point from" [0 1 0] "color L" [2 2 2]
                VOLUME
                Material "matte" "color Kd" [0.6 0.6 0.6]
                Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-4 0 -4  -4 0 4  4 0 4  4 0 -4]
                AttributeBegin
                  Interior "ink"
                  Material "null"
                  Shape "sphere" "float radius" [1.5]
                AttributeEnd
                AttributeBegin
                  Interior "ink"
                  Material "glass2"
                  Translate 1.5 0.5 -1
                  Shape "sphere" "float radius" [0.5]
                AttributeEnd
                WorldEnd
                """;
        CompiledRender clear = compile(tmp, "clear.lxs", scene.replace("VOLUME",
                "MakeNamedVolume \"ink\" \"clear\" \"color absorption\" [0.3 0.5 0.8]"));
        CompiledRender homogeneous = compile(tmp, "homogeneous.lxs", scene.replace("VOLUME",
                "MakeNamedVolume \"ink\" \"homogeneous\" \"color sigma_a\" [0.3 0.5 0.8] \"color sigma_s\" [0 0 0]"
                        + " \"float g\" [0.5]"));
        Film a = RenderSupport.render(clear, 8, 1, 9L);
        Film b = RenderSupport.render(homogeneous, 8, 1, 9L);
        assertTrue(a.contentEquals(b), "the same samples");
        float[] rgb = a.toRgb();
        double sum = 0;
        for (float v : rgb) {
            sum += v;
        }
        assertTrue(sum > 0, "the scene is lit");
    }

    /**
     * pbrt-v3 glass with an absorbing inside medium: a slab of thickness 1 and index 1.5 (R = 0.04 at
     * normal incidence) under a sky of radiance 1, seen straight down: the sky reflected plus the sky
     * transmitted, summed over internal reflections with exp(-sigma_a) per crossing,
     * R + T^2 R a^2 / (1 - R^2 a^2) + T^2 a / (1 - R^2 a^2), a = exp(-sigma_a). Smooth glass, and rough
     * glass of roughness 0.001 (nearly smooth), whose MediumInterface sides are entered the same way.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", " \"float roughness\" [ 0.001 ] \"bool remaproughness\" \"false\""})
    void pbrtGlassSlabWithAnAbsorbingInside(String roughness, @TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "glassslab.pbrt", SLAB.replace("INTEGRATOR\"", "volpath\" \"integer maxdepth\" [ 100 ]")
                .replace("Material \"none\"", "Material \"glass\" \"float index\" [ 1.5 ]" + roughness));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        float[] rgb = RenderSupport.render(r, 1024, 1, 13L).toRgb();
        double[] sigma = {0.5, 1, 2};
        double rr = 0.04, tt = 0.96;
        for (int c = 0; c < 3; c++) {
            double a = Math.exp(-0.7 * sigma[c]);
            double expected = rr + (tt * tt * rr * a * a + tt * tt * a) / (1 - rr * rr * a * a);
            double mean = 0;
            for (int i = 0; i < 16; i++) {
                mean += rgb[3 * i + c] / 16;
            }
            assertEquals(expected, mean, 0.02 * expected, (roughness.isEmpty() ? "smooth" : "rough") + " channel " + c);
        }
    }
}

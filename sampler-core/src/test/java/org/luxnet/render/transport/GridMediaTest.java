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
 * pbrt-v3 grid media (media/grid.cpp GridDensityMedium, MediumKernel#gridTrack): Density() at and
 * between sample points in pbrt-v3's cell-centre convention; the grid's box placed by the CTM and
 * p0/p1; a constant grid renders what a homogeneous medium of sigma x density does (a white furnace,
 * Beer's law through a slab by delta tracking and by ratio tracking); a two-cell grid transmits the
 * exp of minus the integral of its trilinear density, computed here; the step cap is counted; and
 * what the parser refuses.
 */
class GridMediaTest {
    private static CompiledRender compile(Path dir, String name, String text) throws IOException {
        return MediaTest.compile(dir, name, text);
    }

    /** "n" copies of value v, for a "density" parameter. */
    private static String repeat(int n, String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(v).append(' ');
        }
        return b.toString();
    }

    /**
     * A 3 x 2 x 2 grid with sample (i, j, k) = 1 + i + 3 j + 6 k (x fastest, as pbrt-v3 stores it), the
     * camera in it: Density() is the sample at cell centres ((i + 0.5) / n), the mean of two samples
     * midway between centres, fades linearly to 0 over the half cell beside a face (samples outside the
     * grid count 0: a corner of the cube is 1/8 of its sample), and is 0 outside the cube.
     */
    @Test
    void densityLookupsFollowPbrtsCellCentres(@TempDir Path tmp) throws IOException {
        StringBuilder d = new StringBuilder();
        for (int v = 1; v <= 12; v++) {
            d.append(v).append(' ');
        }
        CompiledRender r = compile(tmp, "density.pbrt", """
                Integrator "volpath"
                MakeNamedMedium "cloud" "string type" "heterogeneous" "integer nx" [ 3 ] "integer ny" [ 2 ]
                    "integer nz" [ 2 ] "float density" [ DENSITY ] "rgb sigma_a" [ 1 1 1 ] "rgb sigma_s" [ 0 0 0 ]
                MediumInterface "" "cloud"
                Camera "perspective"
                WorldBegin
                LightSource "infinite"
                Shape "sphere"
                """.replace("DENSITY", d));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        int m = r.scene().cameraMedium;
        assertTrue(m > 0, "the camera is in the grid");
        assertEquals(MediumLayout.GRID, (int) r.scene().mediaParams[m * MediumLayout.STRIDE + MediumLayout.KIND]);
        PathTraceKernel k = RenderSupport.transport(r);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                for (int l = 0; l < 2; l++) {
                    float x = (i + 0.5f) / 3, y = (j + 0.5f) / 2, z = (l + 0.5f) / 2;
                    assertEquals(1 + i + 3 * j + 6 * l, k.gridDensity(m, x, y, z), 1e-5, "sample " + i + j + l);
                }
            }
        }
        // Midway between x samples 0 and 1 (x = 1/3), at y and z sample 0: (1 + 2) / 2.
        assertEquals(1.5, k.gridDensity(m, 1f / 3, 0.25f, 0.25f), 1e-5);
        // A quarter of the way from sample (1, 0, 0) to (1, 1, 0): y = 0.25 + 0.125: 2 + 0.25 * 3.
        assertEquals(2.75, k.gridDensity(m, 0.5f, 0.375f, 0.25f), 1e-5);
        // The middle of the cube: x on sample 1, y and z midway: the mean of 2, 5, 8, 11.
        assertEquals(6.5, k.gridDensity(m, 0.5f, 0.5f, 0.5f), 1e-5);
        // Half a cell's width from the x = 0 face is the sample; at the face, half of it; at a corner, 1/8.
        assertEquals(0.5, k.gridDensity(m, 0f, 0.25f, 0.25f), 1e-5);
        assertEquals(0.125, k.gridDensity(m, 0f, 0f, 0f), 1e-5);
        // 0.05 from the z = 1 face (sample 7 at z = 0.75): 7 x (1 - (0.95 x 2 - 1.5)).
        assertEquals(7 * 0.6, k.gridDensity(m, 1f / 6, 0.25f, 0.95f), 1e-4);
        assertEquals(0, k.gridDensity(m, -0.4f, 0.5f, 0.5f), 0);
        assertEquals(0, k.gridDensity(m, 0.5f, 1.5f, 0.5f), 0);
    }

    /**
     * The grid's box is [p0, p1] in the medium's space, which the CTM at MakeNamedMedium takes to the
     * world (pbrt-v3 MakeMedium: medium2world * Translate(p0) * Scale(p1 - p0)): here [0, 2] x [-1, 1] x
     * [-2, 2] after Translate 1 0 0 and Scale 1 1 2; a ray along x from x = -5 meets it from 5 to 7, one
     * along z from 4 to 8, one above it not at all (ratio tracking then returns 1).
     */
    @Test
    void theGridsBoxIsPlacedByTheCtmAndP0P1(@TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "box.pbrt", """
                Integrator "volpath"
                Camera "perspective"
                WorldBegin
                LightSource "infinite"
                AttributeBegin
                  Translate 1 0 0
                  Scale 1 1 2
                  MakeNamedMedium "cloud" "string type" "heterogeneous" "float density" [ 1 ] "point p0" [ -1 -1 -1 ]
                      "rgb sigma_a" [ 1 1 1 ] "rgb sigma_s" [ 0 0 0 ]
                AttributeEnd
                MediumInterface "cloud" ""
                Material ""
                Shape "sphere"
                """);
        assertEquals(2, r.scene().mediaParams.length / MediumLayout.STRIDE, "vacuum and the cloud");
        int m = 1;
        PathTraceKernel k = RenderSupport.transport(r);
        k.gridTrack(0, m, -5, 0, 0, 1, 0, 0, 0, false, true, 1, 2, 3, 0);
        assertEquals(5, k.scratch[Scratch.MED_T0 * k.capacity], 1e-5);
        assertEquals(7, k.scratch[Scratch.MED_T1 * k.capacity], 1e-5);
        k.gridTrack(0, m, 1, 0, -6, 0, 0, 1, 0, false, true, 1, 2, 3, 0);
        assertEquals(4, k.scratch[Scratch.MED_T0 * k.capacity], 1e-5);
        assertEquals(8, k.scratch[Scratch.MED_T1 * k.capacity], 1e-5);
        // A finite segment ends the overlap where it ends.
        k.gridTrack(0, m, 1, 0, -6, 0, 0, 1, 5, true, true, 1, 2, 3, 0);
        assertEquals(5, k.scratch[Scratch.MED_T1 * k.capacity], 1e-5);
        assertEquals(1, k.gridTrack(0, m, -5, 1.5f, 0, 1, 0, 0, 0, false, true, 1, 2, 3, 0), 0, "misses the box");
        // A 1 x 1 x 1 grid is a tent: its sample at the centre of the box, half of it at a face.
        assertEquals(1, k.gridDensity(m, 0.5f, 0.5f, 0.5f), 1e-6);
        assertEquals(0.75, k.gridDensity(m, 0.25f, 0.5f, 0.5f), 1e-6);
        assertEquals(0.5, k.gridDensity(m, 0.5f, 1f, 0.5f), 1e-6);
    }

    /**
     * A slab of thickness 1 (null boundaries at z = +-0.5) filled with grid medium "cloud", which absorbs
     * only. SKY: an orthographic camera looks down through it at a sky of radiance 1 (delta tracking: a
     * real collision absorbs). FLOOR: the camera sits below the slab and looks down at a matte floor of
     * Kd 0.5 lit from straight above by a distant light of 2 pi through the slab (ratio tracking along
     * the shadow rays): Kd / pi x 2 pi x T = T.
     */
    private static String slab(boolean sky, String grid, int spp) {
        String head = """
                Integrator "volpath" "integer maxdepth" [ 1 ]
                Sampler "random" "integer pixelsamples" [ SPP ]
                PixelFilter "box"
                Film "image" "integer xresolution" [ 4 ] "integer yresolution" [ 4 ]
                """.replace("SPP", Integer.toString(spp));
        String view = sky ? """
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic"
                WorldBegin
                LightSource "infinite" "rgb L" [ 1 1 1 ]
                """ : """
                LookAt 0 0 -1  0 0 -3  0 1 0
                Camera "orthographic"
                WorldBegin
                LightSource "distant" "point from" [ 0 0 1 ] "point to" [ 0 0 0 ] "rgb L" [ 6.283185307 6.283185307 6.283185307 ]
                Material "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 -2  10 -10 -2  10 10 -2  -10 10 -2 ]
                """;
        return head + view + "MakeNamedMedium \"cloud\" \"string type\" \"heterogeneous\" " + grid + "\n" + """
                AttributeBegin
                  MediumInterface "cloud" ""
                  Material "none"
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 0.5  10 -10 0.5  10 10 0.5  -10 10 0.5 ]
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 -0.5  -10 10 -0.5  10 10 -0.5  10 -10 -0.5 ]
                AttributeEnd
                """;
    }

    /** The mean over a film's pixels and channels, checked against {@code expected} within 5 standard errors of a [0, 1] estimator. */
    private static void assertMean(double expected, Film film, int samplesPerChannel, String what) {
        float[] rgb = film.toRgb();
        for (int c = 0; c < 3; c++) {
            double mean = 0;
            for (int i = c; i < rgb.length; i += 3) {
                mean += rgb[i] / (rgb.length / 3);
            }
            // Each sample lies in [0, 1], so its variance is at most T (1 - T).
            double tol = 5 * Math.sqrt(expected * (1 - expected) / samplesPerChannel) + 1e-4;
            assertEquals(expected, mean, tol, what + ", channel " + c);
        }
    }

    /**
     * A constant grid is a homogeneous medium of sigma x density: sigma_a 0.5 x density 1.4 over a slab
     * of thickness 1 gives Beer's law exp(-0.7), by delta tracking (SKY) and by ratio tracking (FLOOR).
     * The grid's 4 x 4 x 4 samples span [-3, 3] x [-3, 3] x [-1, 1], so that the slab and the camera's
     * rays stay more than half a cell inside it, where the density is 1.4 throughout.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void constantGridIsBeersLaw(boolean sky, @TempDir Path tmp) throws IOException {
        String grid = "\"integer nx\" [ 4 ] \"integer ny\" [ 4 ] \"integer nz\" [ 4 ] \"float density\" [ "
                + repeat(64, "1.4") + "] \"point p0\" [ -3 -3 -1 ] \"point p1\" [ 3 3 1 ] \"rgb sigma_a\" [ 0.5 0.5 0.5 ]"
                + " \"rgb sigma_s\" [ 0 0 0 ]";
        int spp = 1024;
        CompiledRender r = compile(tmp, "slab.pbrt", slab(sky, grid, spp));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        Film f = RenderSupport.render(r, spp, 1, 3L);
        assertMean(Math.exp(-0.7), f, 16 * spp, sky ? "delta tracking" : "ratio tracking");
    }

    /**
     * Two samples along the ray: a 3 x 3 x 2 grid over [-3, 3] x [-3, 3] x [-0.5, 0.5] whose lower z
     * layer is 1.2 and upper 0.4, sigma_a 1. Along z the density is pbrt-v3's piecewise-linear profile
     * (half a sample at the faces, 1.2 at z = -0.25, 0.4 at z = 0.25), integrated here by Simpson's rule; the
     * transmittance is exp of minus that (0.7), through delta tracking (SKY) and ratio tracking (FLOOR).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoCellGridTransmitsTheIntegralOfItsTrilinearDensity(boolean sky, @TempDir Path tmp) throws IOException {
        float d0 = 1.2f, d1 = 0.4f;
        String grid = "\"integer nx\" [ 3 ] \"integer ny\" [ 3 ] \"integer nz\" [ 2 ] \"float density\" [ "
                + repeat(9, Float.toString(d0)) + repeat(9, Float.toString(d1))
                + "] \"point p0\" [ -3 -3 -0.5 ] \"point p1\" [ 3 3 0.5 ] \"rgb sigma_a\" [ 1 1 1 ] \"rgb sigma_s\" [ 0 0 0 ]";
        int n = 2000;
        double integral = 0;
        for (int i = 0; i <= n; i++) {
            double z = -0.5 + (double) i / n;
            // Samples at z = -0.25 and 0.25, 0 beyond the faces, linear in between.
            double density;
            if (z < -0.25) {
                density = d0 * (z + 0.75) / 0.5;
            } else if (z < 0.25) {
                density = d0 + (d1 - d0) * (z + 0.25) / 0.5;
            } else {
                density = d1 * (0.75 - z) / 0.5;
            }
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            integral += w * density;
        }
        integral *= 1.0 / n / 3;
        assertEquals(0.7, integral, 1e-3, "0.4375 (d0 + d1)");
        int spp = 1024;
        CompiledRender r = compile(tmp, "two.pbrt", slab(sky, grid, spp));
        Film f = RenderSupport.render(r, spp, 1, 7L);
        assertMean(Math.exp(-integral), f, 16 * spp, sky ? "delta tracking" : "ratio tracking");
    }

    /**
     * Single scattering in a constant grid, as MediaTest does for a homogeneous medium: camera rays
     * straight down through a slab of thickness 1 (sigma_s 0.8, sigma_a 0.2, density 1), a distant light
     * of radiance 3 from w_l (cos 0.8 to the normal), maxdepth 1: L = 3 p(d . w_l) int_0^1 sigma_s
     * exp(-s) exp(-s / 0.8) ds, integrated here by Simpson's rule (Henyey-Greenstein g 0.3). Delta
     * tracking picks the scattering points, ratio tracking weighs the shadow rays.
     */
    @Test
    void constantGridSingleScatteringFromADistantLight(@TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "single.pbrt", """
                Integrator "volpath" "integer maxdepth" [ 1 ]
                Sampler "random" "integer pixelsamples" [ 4 ]
                PixelFilter "box"
                Film "image" "integer xresolution" [ 4 ] "integer yresolution" [ 4 ]
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic"
                WorldBegin
                LightSource "distant" "point from" [ 0 0.6 0.8 ] "point to" [ 0 0 0 ] "rgb L" [ 3 3 3 ]
                MakeNamedMedium "fog" "string type" "heterogeneous" "rgb sigma_a" [ 0.2 0.2 0.2 ] "rgb sigma_s" [ 0.8 0.8 0.8 ]
                    "float g" [ 0.3 ] "integer nx" [ 4 ] "integer ny" [ 4 ] "integer nz" [ 4 ] "point p0" [ -4 -4 -1 ]
                    "point p1" [ 4 4 1 ] "float density" [ DENSITY ]
                AttributeBegin
                  MediumInterface "fog" ""
                  Material ""
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 0.5  10 -10 0.5  10 10 0.5  -10 10 0.5 ]
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -10 -10 -0.5  -10 10 -0.5  10 10 -0.5  10 -10 -0.5 ]
                AttributeEnd
                """.replace("DENSITY", repeat(64, "1")));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        float[] rgb = RenderSupport.render(r, 4096, 1, 5L).toRgb();
        double mean = 0;
        for (int i = 0; i < 48; i++) {
            mean += rgb[i] / 48;
        }
        double g = 0.3, cos = -0.8;
        double phase = (1 - g * g) / (4 * Math.PI * Math.pow(1 + g * g - 2 * g * cos, 1.5));
        int n = 1000;
        double integral = 0;
        for (int i = 0; i <= n; i++) {
            double s = (double) i / n;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            integral += w * 0.8 * Math.exp(-s) * Math.exp(-s / 0.8);
        }
        integral *= 1.0 / n / 3;
        double expected = 3 * phase * integral;
        assertEquals(expected, mean, 0.02 * expected, "single scattering in a constant grid");
    }

    private static final String FURNACE = """
            Integrator "volpath" "integer maxdepth" [ 1000 ]
            Sampler "random" "integer pixelsamples" [ 16 ]
            PixelFilter "box"
            Film "image" "integer xresolution" [ 8 ] "integer yresolution" [ 8 ]
            LookAt 0 0 5  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 30 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 1 1 1 ]
            MakeNamedMedium "fog" "string type" "heterogeneous" "rgb sigma_a" [ 0 0 0 ] "rgb sigma_s" [ 1 1 1 ] "float g" [ G ]
                "integer nx" [ 8 ] "integer ny" [ 8 ] "integer nz" [ 8 ] "point p0" [ -1.5 -1.5 -1.5 ] "point p1" [ 1.5 1.5 1.5 ]
                "float density" [ DENSITY ]
            AttributeBegin
              MediumInterface "fog" ""
              Material ""
              Shape "sphere" "float radius" [ 1 ]
            AttributeEnd
            """;

    /**
     * The white furnace with a grid: a non-absorbing grid medium (constant density 2, or densities
     * varying from 0 to 3 across the grid) in a null sphere under a sky of radiance 1 returns all light
     * that enters it, so every pixel converges to 1: delta tracking, ratio tracking along the shadow
     * rays and the phase function together conserve energy. Within 5 standard errors per pixel and 2%
     * over the sphere; no tracking loop reaches the step cap.
     */
    @ParameterizedTest
    @ValueSource(strings = {"constant 0", "constant 0.7", "varying 0.3"})
    void whiteFurnaceConvergesToOne(String variant, @TempDir Path tmp) throws IOException {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < 512; i++) {
            d.append(variant.startsWith("constant") ? "2" : Float.toString(3f * ((i * 37) % 64) / 63f)).append(' ');
        }
        String g = variant.substring(variant.indexOf(' ') + 1);
        CompiledRender r = compile(tmp, "furnace.pbrt", FURNACE.replace("G", g).replace("DENSITY", d));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        MediaTest.assertFurnace(r, variant);
        PathTraceKernel k = RenderSupport.transport(r);
        for (int s = 0; s < 64; s++) {
            k.renderSample(0, 27, s);
        }
        assertEquals(0, k.trackingCapHits(), "no loop reaches the cap");
    }

    /**
     * At the step cap a loop stops and the rest of the segment counts as empty: with a cap of one step,
     * the two-cell slab seen from above lets more light through than exp(-0.7) (the estimate is biased
     * upwards, never below), and every stop is counted.
     */
    @Test
    void theStepCapIsCounted(@TempDir Path tmp) throws IOException {
        String grid = "\"integer nx\" [ 3 ] \"integer ny\" [ 3 ] \"integer nz\" [ 2 ] \"float density\" [ "
                + repeat(9, "1.2") + repeat(9, "0.4")
                + "] \"point p0\" [ -3 -3 -0.5 ] \"point p1\" [ 3 3 0.5 ] \"rgb sigma_a\" [ 1 1 1 ] \"rgb sigma_s\" [ 0 0 0 ]";
        CompiledRender r = compile(tmp, "capped.pbrt", slab(true, grid, 1));
        PathTraceKernel k = RenderSupport.transport(r);
        int n = 4000;
        double sum = 0;
        for (int s = 0; s < n; s++) {
            k.renderSample(0, s % 16, s);
            sum += k.output(0, PathTraceKernel.OUT_G);
        }
        assertEquals(0, k.trackingCapHits());
        assertEquals(Math.exp(-0.7), sum / n, 5 * Math.sqrt(0.25 / n), "uncapped");
        k.maxTrackingSteps = 1;
        double capped = 0;
        for (int s = 0; s < n; s++) {
            k.renderSample(0, s % 16, s);
            capped += k.output(0, PathTraceKernel.OUT_G);
        }
        long hits = k.trackingCapHits();
        assertTrue(hits > n / 10, hits + " capped loops");
        assertTrue(capped / n > Math.exp(-0.7) + 5 * Math.sqrt(0.25 / n), "capped: " + capped / n);
    }

    private static SceneException parseError(Path tmp, String medium) throws IOException {
        Path f = tmp.resolve("bad.pbrt");
        Files.writeString(f, "Integrator \"volpath\"\nWorldBegin\n" + medium + "\nShape \"sphere\"\n");
        return assertThrows(SceneException.class, () -> RenderSupport.compile(f));
    }

    /**
     * Bad grids are errors at the parameter's file:line:column: a density count other than nx * ny *
     * nz, a size below 1, more than 512^3 values (at the largest size), no density at all (at the
     * statement), a flat box (at p1). sigma_a + sigma_s differing between channels warns once.
     */
    @Test
    void badGridsAreErrorsAtTheirParameter(@TempDir Path tmp) throws IOException {
        String f = tmp.resolve("bad.pbrt").toString();
        SceneException e = parseError(tmp,
                "MakeNamedMedium \"c\" \"string type\" \"heterogeneous\" \"integer nx\" [ 2 ] \"float density\" [ 1 2 3 ]");
        assertEquals(new FileLoc(f, 3, 70), e.loc(), e.getMessage());
        assertTrue(e.getMessage().contains("\"density\" has 3 values; nx * ny * nz = 2"), e.getMessage());
        e = parseError(tmp, "MakeNamedMedium \"c\" \"string type\" \"heterogeneous\" \"integer ny\" [ 0 ] \"float density\" [ 1 ]");
        assertEquals(new FileLoc(f, 3, 51), e.loc(), e.getMessage());
        assertTrue(e.getMessage().contains("\"ny\" is 0"), e.getMessage());
        e = parseError(tmp, "MakeNamedMedium \"c\" \"string type\" \"heterogeneous\" \"integer nx\" [ 512 ]"
                + " \"integer ny\" [ 1024 ] \"integer nz\" [ 512 ] \"float density\" [ 1 ]");
        assertEquals(new FileLoc(f, 3, 72), e.loc(), e.getMessage());
        assertTrue(e.getMessage().contains("268435456 values") && e.getMessage().contains("512^3"), e.getMessage());
        e = parseError(tmp, "MakeNamedMedium \"c\" \"string type\" \"heterogeneous\"");
        assertEquals(new FileLoc(f, 3, 1), e.loc(), e.getMessage());
        e = parseError(tmp, "MakeNamedMedium \"c\" \"string type\" \"heterogeneous\" \"float density\" [ 1 ]"
                + " \"point p0\" [ 0 0 1 ]");
        assertTrue(e.getMessage().contains("flat") && e.getMessage().contains("coordinate z"), e.getMessage());

        CompiledRender r = compile(tmp, "warn.pbrt", "Integrator \"volpath\"\nWorldBegin\n"
                + "MakeNamedMedium \"c\" \"string type\" \"heterogeneous\" \"float density\" [ 1 ] \"rgb sigma_a\" [ 1 2 3 ] \"rgb sigma_s\" [ 0 0 0 ]\n"
                + "MediumInterface \"c\" \"\"\nMaterial \"\"\nShape \"sphere\"\n");
        java.util.List<String> said = r.warnings().stream().filter(w -> w.message().contains("first channel's"))
                .map(Object::toString).toList();
        assertEquals(1, said.size(), r.warnings().toString());
        assertTrue(said.get(0).contains("warn.pbrt:3:") && said.get(0).contains("(1.0, 2.0, 3.0)"), said.toString());
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * LuxRender "heterogeneous" volumes (volumes/heterogeneous.h), baked into a grid at compile time
 * (LuxVolumeGrids) and tracked per channel (MediumKernel#luxCollision): constant coefficients render
 * what the homogeneous volume of the same coefficients does (single scattering against its closed
 * form, and a white furnace); a densitygrid half of whose cells are empty transmits exp(-sigma times
 * the integral of the texture), per channel, by delta and by ratio tracking; the baked samples are the
 * textures (densitygrid, exponential) at cell centres, and the kernel interpolates between them; a
 * grid coarser than "stepsize" asks for warns at "stepsize".
 */
class LuxVolumeTest {
    private static CompiledRender compile(Path dir, String name, String text) throws IOException {
        return MediaTest.compile(dir, name, text);
    }

    private static final String SLAB_SHAPES = """
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 -2 0.5  2 -2 0.5  2 2 0.5  -2 2 0.5 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 -2 -0.5  -2 2 -0.5  2 2 -0.5  2 -2 -0.5 ]
            """;

    /**
     * LuxRender's clear and homogeneous volumes read "absorption", "sigma_a" and "sigma_s" as colour
     * textures (volumes/clear.h, homogeneous.h); LuxBlend writes a texture there when its absorption slot
     * holds one, typically its "color at depth". A texture with one value everywhere gives the row that
     * value: colordepth (colordepth.h: ln(clamp(Kt, 1e-9, 1)) / -depth), a constant, a scale of them. One
     * that varies over space (fbm) still warns and gives 0.
     */
    @Test
    void spaceConstantTexturesInClearAndHomogeneousVolumesAreTheirValues(@TempDir Path tmp) throws IOException {
        String head = """
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                WorldBegin
                LightSource "point"
                Texture "cd" "color" "colordepth" "float depth" [2] "color Kt" [0.8 0.5 0.25]
                Texture "k" "color" "constant" "color value" [0.3 0.6 0.9]
                Texture "half" "color" "scale" "texture tex1" "k" "color tex2" [0.5 0.5 0.5]
                Texture "f" "float" "fbm"
                Texture "fc" "color" "scale" "texture tex1" "f" "color tex2" [1 1 1]
                """;
        String shape = "Material \"null\"\nInterior \"v\"\nShape \"sphere\"\nWorldEnd\n";
        float[] a = {(float) (-Math.log(0.8) / 2), (float) (-Math.log(0.5) / 2), (float) (-Math.log(0.25) / 2)};
        String[][] pairs = {
            {"MakeNamedVolume \"v\" \"clear\" \"texture absorption\" \"cd\"",
                String.format("MakeNamedVolume \"v\" \"clear\" \"color absorption\" [%s %s %s]", a[0], a[1], a[2])},
            {"MakeNamedVolume \"v\" \"homogeneous\" \"texture sigma_a\" \"cd\" \"texture sigma_s\" \"half\" \"float g\" 0.3",
                String.format("MakeNamedVolume \"v\" \"homogeneous\" \"color sigma_a\" [%s %s %s]"
                        + " \"color sigma_s\" [0.15 0.3 0.45] \"float g\" 0.3", a[0], a[1], a[2])}};
        for (String[] pair : pairs) {
            CompiledRender textured = compile(tmp, "t.lxs", head + pair[0] + "\n" + shape);
            CompiledRender plain = compile(tmp, "p.lxs", head + pair[1] + "\n" + shape);
            assertTrue(textured.warnings().isEmpty(), textured.warnings().toString());
            float[] t = textured.scene().mediaParams, c = plain.scene().mediaParams;
            assertEquals(2 * MediumLayout.STRIDE, t.length, pair[0]);
            for (int i = 0; i < t.length; i++) {
                assertEquals(c[i], t[i], 1e-6f * Math.max(1, Math.abs(c[i])), pair[0] + ": slot " + i % MediumLayout.STRIDE);
            }
            assertTrue(t[MediumLayout.STRIDE + MediumLayout.SIGMA_A + 2] > 0.69f, pair[0]);
        }
        CompiledRender varying = compile(tmp, "v.lxs", head + "MakeNamedVolume \"v\" \"clear\" \"texture absorption\""
                + " \"fc\"\n" + shape);
        assertTrue(varying.warnings().toString().contains("its \"absorption\" texture varies over space"),
                varying.warnings().toString());
        for (int c = 0; c < 3; c++) {
            assertEquals(0, varying.scene().mediaParams[MediumLayout.STRIDE + MediumLayout.SIGMA_A + c]);
        }
    }

    /**
     * MediaTest's LuxRender single scattering (a slab of thickness 1, sigma_a 0.2, sigma_s 0.8, Schlick g
     * 0.5, a distant light of 3 at cos 0.8, maxdepth 1), as "homogeneous" and as "heterogeneous" of the
     * same constants (a one-cell grid): both within 2% of L = 3 p int_0^1 0.8 exp(-s) exp(-s / 0.8) ds,
     * and within 3% of each other.
     */
    @Test
    void constantHeterogeneousVolumeRendersAsTheHomogeneousOne(@TempDir Path tmp) throws IOException {
        String scene = """
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                PixelFilter "box"
                SurfaceIntegrator "path" "integer maxdepth" [1]
                WorldBegin
                LightSource "distant" "point from" [0 0.6 0.8] "point to" [0 0 0] "color L" [3 3 3]
                MakeNamedVolume "fog" "TYPE" "color sigma_a" [0.2 0.2 0.2] "color sigma_s" [0.8 0.8 0.8] "float g" [0.5]
                AttributeBegin
                  Interior "fog"
                  Material "null"
                SHAPES
                AttributeEnd
                WorldEnd
                """.replace("SHAPES", SLAB_SHAPES);
        CompiledRender hom = compile(tmp, "hom.lxs", scene.replace("TYPE", "homogeneous"));
        CompiledRender het = compile(tmp, "het.lxs", scene.replace("TYPE", "heterogeneous"));
        assertTrue(het.warnings().isEmpty(), het.warnings().toString());
        assertEquals(MediumLayout.LUX_GRID, (int) het.scene().mediaParams[MediumLayout.STRIDE + MediumLayout.KIND]);
        assertEquals(6, het.scene().mediaGrids.length, "constants: one cell");
        double k = 0.5 * (1.55 - 0.55 * 0.25), cos = -0.8;
        double phase = (1 - k * k) / (4 * Math.PI * (1 - k * cos) * (1 - k * cos));
        int n = 1000;
        double integral = 0;
        for (int i = 0; i <= n; i++) {
            double s = (double) i / n;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            integral += w * 0.8 * Math.exp(-s) * Math.exp(-s / 0.8);
        }
        double expected = 3 * phase * integral / n / 3;
        double mHom = mean(RenderSupport.render(hom, 4096, 1, 5L).toRgb());
        double mHet = mean(RenderSupport.render(het, 4096, 1, 5L).toRgb());
        assertEquals(expected, mHom, 0.02 * expected, "homogeneous");
        assertEquals(expected, mHet, 0.02 * expected, "heterogeneous");
        assertEquals(mHom, mHet, 0.03 * expected, "heterogeneous against homogeneous");
    }

    /**
     * A heterogeneous volume that scatters without absorbing (sigma_s a densitygrid from 0.5 to 3 times
     * a colour), in a null sphere under a white sky, converges to 1: grey, every pixel within five of its
     * errors (MediaTest#assertFurnace); coloured (spectral tracking's weights, whose noise the film's
     * luminance-based errors understate), each channel's mean over the image at 4096 S/p within 1.5%.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1 1 1", "1.5 1 0.7"})
    void heterogeneousWhiteFurnaceConvergesToOne(String colour, @TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "furnace.lxs", """
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [30]
                Film "fleximage" "integer xresolution" [8] "integer yresolution" [8]
                PixelFilter "box"
                SurfaceIntegrator "path" "integer maxdepth" [1000]
                VolumeIntegrator "multi"
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                Texture "d" "float" "densitygrid" "integer nx" [2] "integer ny" [2] "integer nz" [1]
                    "float density" [0.5 2 1 3] "string wrap" "clamp" "vector scale" [2 2 2] "vector translate" [-1 -1 -1]
                Texture "s" "color" "scale" "texture tex1" "d" "color tex2" [COLOUR]
                MakeNamedVolume "fog" "heterogeneous" "color sigma_a" [0 0 0] "texture sigma_s" "s" "color g" [0.7 0.7 0.7]
                    "float stepsize" [0.25]
                AttributeBegin
                  Interior "fog"
                  Material "null"
                  Shape "sphere" "float radius" [1]
                AttributeEnd
                WorldEnd
                """.replace("COLOUR", colour));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(8, (int) r.scene().mediaParams[MediumLayout.STRIDE + MediumLayout.GRID_NX]);
        if (colour.equals("1 1 1")) {
            MediaTest.assertFurnace(r, "lux heterogeneous");
        } else {
            float[] rgb = RenderSupport.render(r, 4096, 1, 11L).toRgb();
            for (int c = 0; c < 3; c++) {
                double m = 0;
                for (int i = c; i < rgb.length; i += 3) {
                    m += rgb[i] / 64;
                }
                assertEquals(1, m, 0.015, "coloured furnace, channel " + c);
            }
        }
    }

    /**
     * A slab of thickness 1 whose sigma_a is a densitygrid of four cells along z, "density" [0 0 1 1]
     * under "clamp" (LuxRender's samples at z' = i / 4, z' = z + 0.5), times the colour (1.2 0.8 0.4):
     * the lower half of the cells is empty, the texture 0 below z' = 0.25, rising to 1 at z' = 0.5 and
     * 1 above, so that the optical depth is sigma (0.125 + 0.5) and the transmittance exp(-0.625 sigma)
     * per channel. SKY: the camera looks down through it at a white sky (delta tracking with spectral
     * tracking's weights); FLOOR: a floor of Kd 0.5 under the slab, lit through it by a distant light
     * of 2 pi (ratio tracking). The bake is 80 x 80 x 20 cells ("stepsize" 0.05).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void halfEmptyDensityGridTransmitsThroughItsFilledHalf(boolean sky, @TempDir Path tmp) throws IOException {
        String view = sky ? """
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "orthographic"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                PixelFilter "box"
                SurfaceIntegrator "path" "integer maxdepth" [1]
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                """ : """
                LookAt 0 0 -1  0 0 -3  0 1 0
                Camera "orthographic"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                PixelFilter "box"
                SurfaceIntegrator "path" "integer maxdepth" [1]
                WorldBegin
                LightSource "distant" "point from" [0 0 1] "point to" [0 0 0] "color L" [6.283185307 6.283185307 6.283185307]
                Material "matte" "color Kd" [0.5 0.5 0.5]
                Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-10 -10 -2  10 -10 -2  10 10 -2  -10 10 -2]
                """;
        String text = view + """
                Texture "dg" "float" "densitygrid" "integer nz" [4] "float density" [0 0 1 1] "string wrap" "clamp"
                    "vector translate" [0 0 -0.5]
                Texture "a" "color" "scale" "texture tex1" "dg" "color tex2" [1.2 0.8 0.4]
                MakeNamedVolume "smoke" "heterogeneous" "texture sigma_a" "a" "color sigma_s" [0 0 0] "float stepsize" [0.05]
                AttributeBegin
                  Interior "smoke"
                  Material "null"
                SHAPES
                AttributeEnd
                WorldEnd
                """.replace("SHAPES", SLAB_SHAPES);
        CompiledRender r = compile(tmp, "slab.lxs", text);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        float[] row = r.scene().mediaParams;
        assertEquals(80, (int) row[MediumLayout.STRIDE + MediumLayout.GRID_NX]);
        assertEquals(20, (int) row[MediumLayout.STRIDE + MediumLayout.GRID_NZ]);
        int spp = 1024;
        float[] rgb = RenderSupport.render(r, spp, 1, 3L).toRgb();
        double[] sigma = {1.2, 0.8, 0.4};
        for (int c = 0; c < 3; c++) {
            double expected = Math.exp(-0.625 * sigma[c]);
            double m = 0;
            for (int i = c; i < rgb.length; i += 3) {
                m += rgb[i] / (rgb.length / 3);
            }
            // Ratio tracking's weights lie in [0, 1]; spectral tracking's may exceed 1 in the channels below
            // the mean: a wider bound than a [0, 1] estimator's there.
            double tol = 6 * Math.sqrt(expected * (1 - expected) / (16.0 * spp)) * (sky ? 2 : 1) + 1e-3;
            assertEquals(expected, m, tol, (sky ? "delta tracking" : "ratio tracking") + ", channel " + c);
        }
    }

    /** LuxRender DensityGridTexture::Evaluate (textures/densitygrid.h), "repeat" wrap, at texture point (x, y, z). */
    private static double densityGridRepeat(float[] d, int nx, int ny, int nz, double x, double y, double z) {
        double sx = x * nx, sy = y * ny, sz = z * nz;
        int vx = (int) Math.floor(sx), vy = (int) Math.floor(sy), vz = (int) Math.floor(sz);
        sx -= vx;
        sy -= vy;
        sz -= vz;
        vx = Math.floorMod(vx, nx);
        vy = Math.floorMod(vy, ny);
        vz = Math.floorMod(vz, nz);
        double v = 0;
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 2; i++) {
                    int cx = Math.min(nx - 1, vx + i), cy = Math.min(ny - 1, vy + j), cz = Math.min(nz - 1, vz + k);
                    double w = (i == 0 ? 1 - sx : sx) * (j == 0 ? 1 - sy : sy) * (k == 0 ? 1 - sz : sz);
                    v += w * d[(cz * ny + cy) * nx + cx];
                }
            }
        }
        return v;
    }

    /**
     * A null box [0, 3] x [0, 2] x [0, 1], "stepsize" 0.5: 6 x 4 x 2 cells over the box (widened by 1e-4
     * of each extent); sample (i, j, k) holds sigma_a = exponential (origin (0, 0, 0.2), updir (0.5, 0,
     * 1), decay 0.8: clamp(exp(-0.8 (0.5 x + z - 0.2)), 0, 1)) times (1, 2, 3), and sigma_s = a 3 x 2 x
     * 2 densitygrid under "repeat" scaled by 2, both at the cell's centre; the kernel returns the sample
     * at a centre and the mean of two neighbours midway; the majorant is the largest sigma_t.
     */
    @Test
    void bakedGridSamplesTheTexturesAtCellCentres(@TempDir Path tmp) throws IOException {
        float[] d = {0.1f, 0.9f, 0.4f, 1.3f, 0.2f, 0.7f, 1.1f, 0.05f, 0.6f, 0.3f, 1.7f, 0.8f};
        StringBuilder ds = new StringBuilder();
        for (float f : d) {
            ds.append(f).append(' ');
        }
        CompiledRender r = compile(tmp, "bake.lxs", """
                LookAt 1.5 1 6  1.5 1 0  0 1 0
                Camera "perspective"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                Texture "e" "float" "exponential" "point origin" [0 0 0.2] "vector updir" [0.5 0 1] "float decay" [0.8]
                Texture "a" "color" "scale" "texture tex1" "e" "color tex2" [1 2 3]
                Texture "g" "float" "densitygrid" "integer nx" [3] "integer ny" [2] "integer nz" [2] "float density" [DS]
                    "vector scale" [2 2 2]
                MakeNamedVolume "v" "heterogeneous" "texture sigma_a" "a" "texture sigma_s" "g" "float stepsize" [0.5]
                AttributeBegin
                  Interior "v"
                  Material "null"
                  Shape "trianglemesh" "integer indices" [0 1 2 0 2 3  4 6 5 4 7 6  0 4 5 0 5 1  3 2 6 3 6 7  0 3 7 0 7 4  1 5 6 1 6 2]
                      "point P" [0 0 0  3 0 0  3 2 0  0 2 0  0 0 1  3 0 1  3 2 1  0 2 1]
                AttributeEnd
                WorldEnd
                """.replace("DS", ds));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        float[] mp = r.scene().mediaParams;
        int o = MediumLayout.STRIDE;
        int nx = (int) mp[o + MediumLayout.GRID_NX], ny = (int) mp[o + MediumLayout.GRID_NY];
        int nz = (int) mp[o + MediumLayout.GRID_NZ];
        assertEquals(List.of(6, 4, 2), List.of(nx, ny, nz));
        float[] ext = {3, 2, 1};
        double[] min = new double[3], size = new double[3];
        for (int c = 0; c < 3; c++) {
            float scale = mp[o + MediumLayout.GRID_XFORM + 5 * c];
            size[c] = 1 / scale;
            min[c] = -mp[o + MediumLayout.GRID_XFORM + 4 * c + 3] / scale;
            assertEquals(ext[c] * 1.0002, size[c], 1e-4 * ext[c], "the box, widened by 1e-4 each side");
            assertEquals(-1e-4 * ext[c], min[c], 1e-5);
        }
        int[] n = {nx, ny, nz};
        PathTraceKernel k = RenderSupport.transport(r);
        float max = 0;
        for (int kz = 0; kz < nz; kz++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int[] idx = {i, j, kz};
                    double[] p = new double[3];
                    for (int c = 0; c < 3; c++) {
                        p[c] = min[c] + size[c] * (idx[c] + 0.5) / n[c];
                    }
                    double e = Math.min(1, Math.max(0, Math.exp(-0.8 * (0.5 * p[0] + p[2] - 0.2))));
                    double s = densityGridRepeat(d, 3, 2, 2, p[0] / 2, p[1] / 2, p[2] / 2);
                    int at = ((kz * ny + j) * nx + i) * MediumLayout.LUX_GRID_VALUES;
                    float[] g = r.scene().mediaGrids;
                    for (int c = 0; c < 3; c++) {
                        assertEquals(e * (c + 1), g[at + c], 1e-5, "sigma_a " + c + " at " + i + j + kz);
                        assertEquals(s, g[at + 3 + c], 1e-5, "sigma_s " + c + " at " + i + j + kz);
                        max = Math.max(max, g[at + c] + g[at + 3 + c]);
                        float ux = (i + 0.5f) / nx, uy = (j + 0.5f) / ny, uz = (kz + 0.5f) / nz;
                        assertEquals(g[at + c], k.luxGridCoefficient(1, ux, uy, uz, c), 1e-5, "the kernel at a centre");
                    }
                }
            }
        }
        assertEquals(1 / max, mp[o + MediumLayout.GRID_INV_MAJORANT], 1e-6);
        // Midway between samples (1, 2, 0) and (2, 2, 0): their mean; beyond the last centre, the last sample.
        float[] g = r.scene().mediaGrids;
        int a = ((2 * nx) + 1) * 6, b = ((2 * nx) + 2) * 6;
        assertEquals((g[a + 4] + g[b + 4]) / 2, k.luxGridCoefficient(1, 2f / 6, 2.5f / 4, 0.25f, 4), 1e-5);
        int last = ((ny - 1) * nx + nx - 1) * 6;
        assertEquals(g[last], k.luxGridCoefficient(1, 0.999f, 0.999f, 0.01f, 0), 1e-5);
    }

    /**
     * Densitygrid's wrap modes outside the texture's unit cube (DensityGridTexture::Evaluate): a one-value
     * grid of 0.4 baked over [0, 2]^3 in 4 x 4 x 4 cells (centres 0.25 ... 1.75): 0.4 at the centres
     * inside [0, 1)^3, and outside it 0 ("black"), 1 ("white"), 0.4 ("clamp", "repeat").
     */
    @ParameterizedTest
    @ValueSource(strings = {"black", "white", "clamp", "repeat"})
    void densityGridWrapModes(String wrap, @TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "wrap.lxs", """
                LookAt 1 1 6  1 1 0  0 1 0
                Camera "perspective"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                Texture "g" "float" "densitygrid" "float density" [0.4] "string wrap" "WRAP"
                MakeNamedVolume "v" "heterogeneous" "texture sigma_s" "g" "float stepsize" [0.5]
                AttributeBegin
                  Interior "v"
                  Material "null"
                  Shape "trianglemesh" "integer indices" [0 1 2 0 2 3  4 6 5 4 7 6  0 4 5 0 5 1  3 2 6 3 6 7  0 3 7 0 7 4  1 5 6 1 6 2]
                      "point P" [0 0 0  2 0 0  2 2 0  0 2 0  0 0 2  2 0 2  2 2 2  0 2 2]
                AttributeEnd
                WorldEnd
                """.replace("WRAP", wrap));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        float[] g = r.scene().mediaGrids;
        assertEquals(4 * 4 * 4 * MediumLayout.LUX_GRID_VALUES, g.length);
        float outside = wrap.equals("black") ? 0 : wrap.equals("white") ? 1 : 0.4f;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 4; i++) {
                    boolean in = i < 2 && j < 2 && k < 2;
                    int at = ((k * 4 + j) * 4 + i) * MediumLayout.LUX_GRID_VALUES;
                    assertEquals(in ? 0.4f : outside, g[at + 4], 1e-6, wrap + " at " + i + j + k);
                    assertEquals(0, g[at + 1], 0, "no sigma_a");
                }
            }
        }
    }

    /** A stepsize finer than 128 cells per axis over the shapes caps the grid and warns at "stepsize". */
    @Test
    void aGridCoarserThanStepsizeWarnsOnce(@TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "cap.lxs", """
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                Texture "e" "float" "exponential"
                Texture "a" "color" "scale" "texture tex1" "e" "color tex2" [1 1 1]
                MakeNamedVolume "v" "heterogeneous" "texture sigma_a" "a"
                    "float stepsize" [0.001]
                AttributeBegin
                  Interior "v"
                  Material "null"
                  Shape "sphere" "float radius" [0.2]
                AttributeEnd
                WorldEnd
                """);
        List<String> w = r.warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.stream().filter(x -> x.contains("cap.lxs:9:") && x.contains("at most 128")).count(), w.toString());
        assertEquals(128, (int) r.scene().mediaParams[MediumLayout.STRIDE + MediumLayout.GRID_NZ]);
    }

    /**
     * A heterogeneous volume that is only the camera's (the Exterior at Camera) bounds no shape: it is
     * baked over the scene's bounds, with one warning at its MakeNamedVolume.
     */
    @Test
    void aVolumeOfNoShapesInteriorIsBakedOverTheScene(@TempDir Path tmp) throws IOException {
        CompiledRender r = compile(tmp, "haze.lxs", """
                MakeNamedVolume "haze" "heterogeneous" "color sigma_a" [0.1 0.1 0.1] "color sigma_s" [0.2 0.2 0.2]
                Exterior "haze"
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective"
                Film "fleximage" "integer xresolution" [4] "integer yresolution" [4]
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                Material "matte"
                Shape "sphere" "float radius" [2]
                WorldEnd
                """);
        List<String> w = r.warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.stream().filter(x -> x.contains("haze.lxs:1:") && x.contains("Interior of no glass2 or null")).count(),
                w.toString());
        int m = r.scene().cameraMedium;
        assertEquals(MediumLayout.LUX_GRID, (int) r.scene().mediaParams[m * MediumLayout.STRIDE + MediumLayout.KIND]);
        assertEquals(1 / (4 * 1.0002), r.scene().mediaParams[m * MediumLayout.STRIDE + MediumLayout.GRID_XFORM], 1e-5,
                "the box: the sphere's bounds, 4 wide");
    }

    private static double mean(float[] rgb) {
        double m = 0;
        for (float v : rgb) {
            m += v / rgb.length;
        }
        return m;
    }
}

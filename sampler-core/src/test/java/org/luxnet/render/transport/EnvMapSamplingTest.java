package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.EnvMapLayout;

/**
 * The environment map's importance sampling, on pbrt-v3's envmap card map (features/textures/sky.pfm,
 * 256x128 with a 2-degree sun of radiance 1000, rotated as the card rotates it): the solid-angle
 * density integrates to 1 over the sphere; every sampled direction reports the density that the
 * MIS weight of a BSDF-sampled ray in that direction uses, and the radiance an escaped ray sees;
 * and a histogram of sampled directions matches the density integrated over each bin.
 */
class EnvMapSamplingTest {
    @TempDir
    static Path dir;
    private static PathTraceKernel kernel;
    private static CompiledScene compiled;

    @BeforeAll
    static void setUp() throws IOException {
        Files.copy(Path.of("src", "test", "resources", "features", "textures", "sky.pfm"), dir.resolve("sky.pfm"));
        Path scene = dir.resolve("env.pbrt");
        Files.writeString(scene, """
                LookAt 0 0 0  0 0 1  0 1 0
                Camera "perspective"
                Film "image" "integer xresolution" [ 4 ] "integer yresolution" [ 4 ]
                WorldBegin
                AttributeBegin
                  Rotate -90 1 0 0
                  LightSource "infinite" "string mapname" [ "sky.pfm" ] "rgb L" [ 1 0.8 0.6 ]
                AttributeEnd
                WorldEnd
                """);
        CompiledRender cr = RenderSupport.compile(scene);
        kernel = RenderSupport.transport(cr);
        compiled = cr.scene();
    }

    @Test
    void tablesFollowTheirLayout() {
        assertEquals(1, compiled.envMapCount);
        int w = compiled.envInfo[EnvMapLayout.INFO_WIDTH], h = compiled.envInfo[EnvMapLayout.INFO_HEIGHT];
        assertEquals(256, w);
        assertEquals(128, h);
        assertEquals(3 * w * h, compiled.envTexels.length);
        assertEquals(EnvMapLayout.distSize(w, h), compiled.envDist.length);
        float[] d = compiled.envDist;
        // Every CDF runs from 0 to 1 without decreasing; the marginal holds each row's integral.
        for (int v = 0; v <= h; v++) {
            int cdf = v < h ? EnvMapLayout.condCdf(w, h) + v * (w + 1) : EnvMapLayout.margCdf(w, h);
            int n = v < h ? w : h;
            assertEquals(0f, d[cdf]);
            assertEquals(1f, d[cdf + n]);
            for (int i = 0; i < n; i++) {
                assertTrue(d[cdf + i] <= d[cdf + i + 1], "CDF " + v + " decreases at " + i);
            }
        }
        double rows = 0;
        for (int v = 0; v < h; v++) {
            rows += d[EnvMapLayout.margFunc(w, h) + v];
        }
        assertEquals(rows / h, d[EnvMapLayout.margInt(w, h)], 1e-4 * rows / h);
    }

    /** World direction of lat-long (s, t) in the card's light frame (light +z is world +y). */
    private static float[] direction(double s, double t) {
        double theta = Math.PI * t, phi = 2 * Math.PI * s;
        double lx = Math.sin(theta) * Math.cos(phi), ly = Math.sin(theta) * Math.sin(phi), lz = Math.cos(theta);
        // Rotate -90 about x: (x, y, z) -> (x, z, -y).
        return new float[] {(float) lx, (float) lz, (float) -ly};
    }

    @Test
    void densityIntegratesToOne() {
        // Midpoints of 4x4 sub-cells of every map cell: the density is constant per cell in (s, t).
        int nu = 256 * 4, nv = 128 * 4;
        double sum = 0;
        for (int j = 0; j < nv; j++) {
            double t = (j + 0.5) / nv;
            double sinTheta = Math.sin(Math.PI * t);
            for (int i = 0; i < nu; i++) {
                float[] d = direction((i + 0.5) / nu, t);
                sum += kernel.pdfInfinite(0, 0, d[0], d[1], d[2]) * sinTheta;
            }
        }
        double integral = sum * (Math.PI / nv) * (2 * Math.PI / nu);
        System.out.printf("environment map density integral over the sphere: %.6f%n", integral);
        assertEquals(1.0, integral, 2e-3);
    }

    @Test
    void sampledDirectionsHaveTheDensityTheyReport() {
        int n = 256, bins = 8;
        double[] hist = new double[bins * bins];
        int checked = 0;
        int sameRadiance = 0;
        double sunShare = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                float u1 = (a + 0.5f) / n, u2 = (b + 0.5f) / n;
                assertTrue(kernel.sampleLight(0, 0, 0, 0, 0.5f, u1, u2), "a sample at " + u1 + ", " + u2);
                float wx = kernel.scratch[Scratch.LS_WX], wy = kernel.scratch[Scratch.LS_WY];
                float wz = kernel.scratch[Scratch.LS_WZ];
                float pdf = kernel.scratch[Scratch.LS_PDF];
                float r = kernel.scratch[Scratch.LS_R];
                assertEquals(1.0, wx * wx + wy * wy + wz * wz, 1e-5, "unit direction");
                float pdfEval = kernel.pdfInfinite(0, 0, wx, wy, wz);
                // Directions on a cell border may round into the neighbour cell; all others must agree.
                if (Math.abs(pdf - pdfEval) <= 1e-3 * pdf) {
                    checked++;
                }
                // Escaped-ray radiance in the same direction.
                kernel.envDirection(0, 0, wx, wy, wz);
                float s = kernel.scratch[Scratch.VEC_X], t = kernel.scratch[Scratch.VEC_Y];
                kernel.envLookup(0, 0, s, t);
                if (Math.abs(kernel.scratch[Scratch.VEC_X] - r) <= 1e-2 * Math.max(1, r)) {
                    sameRadiance++;
                }
                if (r > 100) {
                    sunShare++;
                }
                hist[Math.min(bins - 1, (int) (t * bins)) * bins + Math.min(bins - 1, (int) (s * bins))]++;
            }
        }
        System.out.printf("pdf agreement %d of %d samples, radiance agreement %d; %.1f%% of samples on the sun%n",
                checked, n * n, sameRadiance, 100 * sunShare / (n * n));
        assertTrue(sameRadiance > 0.999 * n * n, sameRadiance + " of " + n * n
                + " light samples carry the radiance an escaped ray in their direction sees (float round trip aside)");
        assertTrue(checked > 0.99 * n * n, checked + " of " + n * n + " samples report the density the MIS weight uses");
        assertTrue(sunShare > 0.05 * n * n, "the sun, brightest by far, draws many samples");
        // Histogram against the density integrated over each (s, t) bin.
        int sub = 64;
        for (int by = 0; by < bins; by++) {
            for (int bx = 0; bx < bins; bx++) {
                double p = 0;
                for (int j = 0; j < sub; j++) {
                    double t = (by + (j + 0.5) / sub) / bins;
                    for (int i = 0; i < sub; i++) {
                        double s = (bx + (i + 0.5) / sub) / bins;
                        float[] d = direction(s, t);
                        p += kernel.pdfInfinite(0, 0, d[0], d[1], d[2]) * Math.sin(Math.PI * t);
                    }
                }
                p *= 2 * Math.PI * Math.PI / (bins * bins * (double) sub * sub);
                double expected = p * n * n, got = hist[by * bins + bx];
                assertEquals(expected, got, 4 * Math.sqrt(expected) + 0.01 * expected + 2,
                        "samples in bin (" + bx + ", " + by + ")");
            }
        }
    }
}

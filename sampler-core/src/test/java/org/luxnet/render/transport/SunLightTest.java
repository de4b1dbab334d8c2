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
import org.luxnet.scene.compiled.LightLayout;

/**
 * LuxRender's sun as the light transport samples and evaluates it: a cone of half-angle thetaMax
 * around the sun's direction, sampled uniformly in solid angle with density 1 / (2 pi (1 - cos
 * thetaMax)), which integrates to 1 and is what the MIS weight of a BSDF-sampled ray into the cone
 * uses; and the closed form of a Lambertian plane facing the sun: irradiance E = L pi sin^2 thetaMax
 * (the cosine-weighted solid angle of the cone, within 6e-6 of L times its solid angle), so the plane
 * shows radiance Kd L sin^2 thetaMax.
 */
class SunLightTest {
    @TempDir
    static Path dir;
    private static CompiledRender render;
    private static PathTraceKernel kernel;
    private static CompiledScene scene;
    private static final double[] AXIS = {0.3 / Math.sqrt(0.34 + 0.5), 0.5 / Math.sqrt(0.34 + 0.5), Math.sqrt(0.5 / 0.84)};

    @BeforeAll
    static void setUp() throws IOException {
        Path file = dir.resolve("sun.lxs");
        Files.writeString(file, String.format("""
                LookAt 0 0 5  0 0 0  0 1 0
                Camera "perspective" "float fov" [ 10 ]
                Film "fleximage" "integer xresolution" [ 6 ] "integer yresolution" [ 6 ]
                PixelFilter "box"
                Sampler "random" "integer pixelsamples" [ 4 ]
                SurfaceIntegrator "path" "integer maxdepth" [ 3 ]
                WorldBegin
                LightSource "sun" "vector sundir" [ %s %s %s ] "float turbidity" [ 2.2 ] "float relsize" [ 3 ]
                Material "matte" "color Kd" [ 0.5 0.5 0.5 ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 0 1 -1 0 1 1 0 -1 1 0 ]
                WorldEnd
                """, AXIS[0], AXIS[1], AXIS[2]));
        render = RenderSupport.compile(file);
        scene = render.scene();
        kernel = RenderSupport.transport(render);
    }

    /** Unit direction at angle theta from the sun's axis, azimuth phi, in a frame built here. */
    private static float[] around(double theta, double phi) {
        double[] u = {AXIS[2], 0, -AXIS[0]};
        double ul = Math.sqrt(u[0] * u[0] + u[2] * u[2]);
        u[0] /= ul;
        u[2] /= ul;
        double[] v = {AXIS[1] * u[2], AXIS[2] * u[0] - AXIS[0] * u[2], -AXIS[1] * u[0]};
        float[] d = new float[3];
        for (int c = 0; c < 3; c++) {
            d[c] = (float) (Math.cos(theta) * AXIS[c] + Math.sin(theta) * (Math.cos(phi) * u[c] + Math.sin(phi) * v[c]));
        }
        return d;
    }

    private static double thetaMax() {
        return Math.asin(Math.sqrt(scene.lightParams[LightLayout.SIN2_MAX]));
    }

    @Test
    void coneDensityIntegratesToOne() {
        assertEquals(1, scene.lightCount);
        assertEquals(LightLayout.SUN, scene.lightType[0]);
        double tMax = thetaMax();
        int nt = 3000, np = 16;
        double range = 1.5 * tMax, sum = 0;
        for (int i = 0; i < nt; i++) {
            double theta = (i + 0.5) * range / nt;
            for (int j = 0; j < np; j++) {
                float[] d = around(theta, (j + 0.5) * 2 * Math.PI / np);
                sum += kernel.pdfInfinite(0, 0, d[0], d[1], d[2]) * Math.sin(theta);
            }
        }
        double integral = sum * (range / nt) * (2 * Math.PI / np);
        System.out.printf("sun cone density integral: %.6f (half-angle %.4g rad)%n", integral, tMax);
        assertEquals(1.0, integral, 2e-3);
        float[] outside = around(1.02 * tMax, 0.3), inside = around(0.98 * tMax, 0.3);
        assertEquals(0f, kernel.pdfInfinite(0, 0, outside[0], outside[1], outside[2]));
        double omc = scene.lightParams[LightLayout.ONE_MINUS_COS_MAX];
        assertEquals(1 / (2 * Math.PI * omc), kernel.pdfInfinite(0, 0, inside[0], inside[1], inside[2]), 1e-5 / omc);
        assertEquals(1 - Math.cos(tMax), omc, 1e-6 * omc);
    }

    @Test
    void samplesFillTheConeUniformlyWithTheDensityTheyReport() {
        int n = 64;
        double omc = scene.lightParams[LightLayout.ONE_MINUS_COS_MAX];
        int inner = 0;
        double[] quadrant = new double[4];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                assertTrue(kernel.sampleLight(0, 0, 0, 0, 0.5f, (a + 0.5f) / n, (b + 0.5f) / n));
                float wx = kernel.scratch[Scratch.LS_WX], wy = kernel.scratch[Scratch.LS_WY], wz = kernel.scratch[Scratch.LS_WZ];
                assertEquals(1, wx * wx + wy * wy + wz * wz, 1e-6);
                assertEquals(1f, kernel.sunCone(0, wx, wy, wz), "sample inside the cone");
                assertEquals(kernel.pdfInfinite(0, 0, wx, wy, wz), kernel.scratch[Scratch.LS_PDF], 0f);
                assertEquals(scene.lightParams[LightLayout.L], kernel.scratch[Scratch.LS_R], 0f);
                assertEquals(Float.POSITIVE_INFINITY, kernel.scratch[Scratch.LS_DIST]);
                double cos = wx * AXIS[0] + wy * AXIS[1] + wz * AXIS[2];
                double[] perp = {wx - cos * AXIS[0], wy - cos * AXIS[1], wz - cos * AXIS[2]};
                double s2 = perp[0] * perp[0] + perp[1] * perp[1] + perp[2] * perp[2];
                // 1 - cos theta = sin^2 / (1 + cos): below half the cone's 1 - cos for half of all samples.
                if (s2 / (1 + cos) < 0.5 * omc) {
                    inner++;
                }
                // Azimuth quadrant in the frame of around(): its directions at theta pi/2, phi 0 and pi/2.
                float[] u = around(Math.PI / 2, 0), v = around(Math.PI / 2, Math.PI / 2);
                int q = (perp[0] * u[0] + perp[1] * u[1] + perp[2] * u[2] > 0 ? 1 : 0)
                        + (perp[0] * v[0] + perp[1] * v[1] + perp[2] * v[2] > 0 ? 2 : 0);
                quadrant[q]++;
            }
        }
        assertEquals(0.5 * n * n, inner, 0.01 * n * n, "uniform in solid angle: half the samples in the inner half");
        for (double q : quadrant) {
            assertEquals(0.25 * n * n, q, 0.05 * n * n, "uniform in azimuth");
        }
    }

    @Test
    void lambertianPlaneFacingTheSunShowsKdLSin2ThetaMax() {
        // The plane faces +z; the sun is off-axis, so the plane's irradiance is L pi sin^2 thetaMax cos(axis, z).
        // Uniform cone sampling leaves only the cosine's variation across the cone (about 1%) as noise.
        float[] rgb = RenderSupport.render(render, 16, 1, 3).toRgb();
        double sin2 = scene.lightParams[LightLayout.SIN2_MAX];
        for (int c = 0; c < 3; c++) {
            double expected = 0.5 * scene.lightParams[LightLayout.L + c] * sin2 * AXIS[2];
            double mean = 0;
            for (int i = 0; i < 36; i++) {
                assertEquals(expected, rgb[3 * i + c], 1e-2 * expected, "pixel " + i + " channel " + c);
                mean += rgb[3 * i + c] / 36;
            }
            assertEquals(expected, mean, 1e-3 * expected, "mean of channel " + c);
        }
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;

/**
 * Motion blur against a closed form. An orthographic camera looks along +z at a uniform two-sided
 * emitter (L = 1) behind a black unit square; during the shutter [0, 1] the square moves by (1, 0, 0),
 * or the camera moves by (-1, 0, 0), which the film sees alike. A pixel's value is then L times one
 * minus the square's coverage of the pixel averaged over the pixel and the shutter: the box-blurred
 * coverage, here integrated in closed form. Still renders of the same scenes miss it by up to half
 * a pixel's worth at the square's edges, so the comparison sees whether the shutter was sampled.
 */
class MotionBlurTest {
    @TempDir
    Path dir;

    static final int RES = 16;
    /** Screen window [-2, 2]^2: a pixel is 0.25 wide. */
    static final double HALF = 2, PIXEL = 2 * HALF / RES;

    /** A pbrt-v3 scene: {@code cameraMotion} before the Camera, {@code squareMotion} before the square. */
    static String pbrtScene(String cameraMotion, String squareMotion, int spp) {
        return cameraMotion + """
                Camera "orthographic" "float screenwindow" [-2 2 -2 2]
                Film "image" "integer xresolution" [16] "integer yresolution" [16]
                Sampler "sobol" "integer pixelsamples" [SPP]
                PixelFilter "box" "float xwidth" [0.5] "float ywidth" [0.5]
                Integrator "path" "integer maxdepth" [2]
                WorldBegin
                AttributeBegin
                  AreaLightSource "diffuse" "rgb L" [1 1 1] "bool twosided" "true"
                  Shape "trianglemesh" "integer indices" [0 1 2 0 2 3]
                    "point P" [-10 -10 5  10 -10 5  10 10 5  -10 10 5]
                AttributeEnd
                AttributeBegin
                  Material "matte" "rgb Kd" [0 0 0]
                """.replace("SPP", Integer.toString(spp)) + squareMotion + """
                  Shape "trianglemesh" "integer indices" [0 1 2 0 2 3]
                    "point P" [-0.5 -0.5 2  0.5 -0.5 2  0.5 0.5 2  -0.5 0.5 2]
                AttributeEnd
                WorldEnd
                """;
    }

    /** The same scene in LuxRender's dialect. */
    static String luxScene(String cameraMotion, String squareMotion, int spp) {
        return cameraMotion + """
                Camera "orthographic" "float screenwindow" [-2 2 -2 2]
                Film "fleximage" "integer xresolution" [16] "integer yresolution" [16]
                Sampler "lowdiscrepancy" "integer pixelsamples" [SPP]
                PixelFilter "box" "float xwidth" [0.5] "float ywidth" [0.5]
                SurfaceIntegrator "path" "integer maxdepth" [2]
                WorldBegin
                AttributeBegin
                  AreaLightSource "area" "color L" [1 1 1]
                  Shape "trianglemesh" "integer indices" [0 2 1 0 3 2]
                    "point P" [-10 -10 5  10 -10 5  10 10 5  -10 10 5]
                AttributeEnd
                AttributeBegin
                  Material "matte" "color Kd" [0 0 0]
                """.replace("SPP", Integer.toString(spp)) + squareMotion + """
                  Shape "trianglemesh" "integer indices" [0 1 2 0 2 3]
                    "point P" [-0.5 -0.5 2  0.5 -0.5 2  0.5 0.5 2  -0.5 0.5 2]
                AttributeEnd
                WorldEnd
                """;
    }

    /** The length of [a0, a1] within [b0, b1]. */
    static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    /**
     * The square's coverage of pixel (i, j), averaged over the pixel and over shifts s of [0, 1]: the
     * y overlap is fixed, and the x overlap of [x0, x1] with [s - 1/2, s + 1/2] integrated over s is
     * the integral of a piecewise linear function, exact by Simpson's rule on each piece between its
     * breakpoints.
     */
    static double blurredCoverage(int i, int j) {
        double x0 = -HALF + i * PIXEL, x1 = x0 + PIXEL, y1 = HALF - j * PIXEL, y0 = y1 - PIXEL;
        double fy = overlap(y0, y1, -0.5, 0.5) / PIXEL;
        double[] cuts = {0, 1, x0 + 0.5, x1 + 0.5, x0 - 0.5, x1 - 0.5};
        java.util.Arrays.sort(cuts);
        double integral = 0;
        for (int k = 0; k + 1 < cuts.length; k++) {
            double a = Math.max(0, cuts[k]), b = Math.min(1, cuts[k + 1]);
            if (b > a) {
                double m = (a + b) / 2;
                integral += (b - a) / 6 * (overlap(x0, x1, a - 0.5, a + 0.5) + 4 * overlap(x0, x1, m - 0.5, m + 0.5)
                        + overlap(x0, x1, b - 0.5, b + 0.5));
            }
        }
        return fy * integral / PIXEL;
    }

    /** The coverage of a still square at shift 0. */
    static double stillCoverage(int i, int j) {
        double x0 = -HALF + i * PIXEL, x1 = x0 + PIXEL, y1 = HALF - j * PIXEL, y0 = y1 - PIXEL;
        return overlap(y0, y1, -0.5, 0.5) / PIXEL * overlap(x0, x1, -0.5, 0.5) / PIXEL;
    }

    /**
     * Checks the film's green against L (1 - blurred coverage) over the pixels the square reaches:
     * their root mean square error within the sampling noise (a pixel's value is a fraction of
     * samples, whose standard deviation at {@code spp} samples is at most 0.5 / sqrt(spp)), no pixel
     * beyond five of those, and the mean unbiased. Returns the RMS error a still square would have.
     */
    private double assertBlurred(String label, CompiledRender r, int spp) {
        float[] rgb = RenderSupport.render(r, spp, 2, 7).toRgb();
        // L as the film records an unoccluded pixel (the corner: the square never reaches it).
        double l = rgb[1];
        assertTrue(l > 0.5, label + ": the emitter is seen, " + l);
        double worst = 0, sq = 0, sqStill = 0, sum = 0;
        int n = 0;
        for (int j = 0; j < RES; j++) {
            for (int i = 0; i < RES; i++) {
                double v = rgb[3 * (j * RES + i) + 1];
                double c = blurredCoverage(i, j);
                double e = v - l * (1 - c);
                if (c > 0 || stillCoverage(i, j) > 0) {
                    n++;
                    worst = Math.max(worst, Math.abs(e));
                    sq += e * e;
                    sum += e;
                    double es = v - l * (1 - stillCoverage(i, j));
                    sqStill += es * es;
                } else {
                    assertEquals(l, v, 1e-4 * l, label + ": pixel (" + i + ", " + j + ") is never covered");
                }
            }
        }
        double sigma = 0.5 / Math.sqrt(spp), rms = Math.sqrt(sq / n), rmsStill = Math.sqrt(sqStill / n);
        System.out.printf("%s: %d pixels the square reaches: RMS error %.4f, worst %.4f, mean %.5f (noise bound %.4f;"
                + " a still square: RMS %.4f)%n", label, n, rms, worst, sum / n, sigma, rmsStill);
        assertTrue(rms < sigma * l, label + ": RMS error " + rms + " off the box-blurred coverage");
        assertTrue(worst < 5 * sigma * l, label + ": a pixel is " + worst + " off the box-blurred coverage");
        assertEquals(0, sum / n, 3 * sigma / Math.sqrt(n) * l, label + ": mean off the box-blurred coverage");
        return rmsStill;
    }

    @Test
    void blurredCoverageIsTheStillCoverageAveragedOverShifts() {
        // The closed form against a plain average of still squares at many shifts.
        for (int i = 0; i < RES; i++) {
            double avg = 0;
            int n = 20000;
            for (int k = 0; k < n; k++) {
                double s = (k + 0.5) / n;
                double x0 = -HALF + i * PIXEL;
                avg += overlap(x0, x0 + PIXEL, s - 0.5, s + 0.5) / PIXEL / n;
            }
            assertEquals(avg, blurredCoverage(i, 7), 1e-6, "column " + i);
        }
    }

    @Test
    void movingSquareGivesTheBoxBlurredCoverage() {
        int spp = 256;
        CompiledRender r = TestScenes.compile(dir, pbrtScene("", """
                  ActiveTransform EndTime
                  Translate 1 0 0
                  ActiveTransform All
                """, spp));
        assertEquals(1, r.scene().instanceCount, "the moving square is an instance");
        double still = assertBlurred("moving square", r, spp);
        assertTrue(still > 0.1, "a still square would be far off: " + still);
    }

    @Test
    void movingCameraGivesTheBoxBlurredCoverage() {
        int spp = 256;
        CompiledRender r = TestScenes.compile(dir, pbrtScene("""
                ActiveTransform EndTime
                Translate 1 0 0
                ActiveTransform All
                """, "", spp));
        assertTrue(r.scene().camera.motion() != null, "the camera moves");
        double still = assertBlurred("moving camera", r, spp);
        assertTrue(still > 0.1, "a still camera would be far off: " + still);
    }

    @Test
    void luxRenderMotionBlocksGiveTheBoxBlurredCoverage() {
        int spp = 256;
        String move = """
                MotionBegin [0 1]
                  Translate 0 0 0
                  Translate 1 0 0
                MotionEnd
                """;
        CompiledRender square = TestScenes.compile(dir, luxScene("", move, spp));
        assertEquals(1, square.scene().instanceCount, "the moving square is an instance");
        assertTrue(assertBlurred("LuxRender moving square", square, spp) > 0.1);
        CompiledRender camera = TestScenes.compile(dir, luxScene(move, "", spp));
        assertTrue(camera.scene().camera.motion() != null, "the camera moves");
        assertTrue(assertBlurred("LuxRender moving camera", camera, spp) > 0.1);
    }
}

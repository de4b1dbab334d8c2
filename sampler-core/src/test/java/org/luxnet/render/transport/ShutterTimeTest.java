package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * A camera ray's time from its number: Lerp(u, shutteropen, shutterclose), or LuxRender's gaussian
 * Camera::GetTime against a double-precision transcription of it (x = N^-1(u), redrawn from
 * u + 1/2 mod 1 beyond two deviations, then x / 4 + 1/2), N^-1 by bisection of the exact normal CDF.
 */
class ShutterTimeTest {
    @TempDir
    Path dir;

    private PathTraceKernel kernel(String distribution) throws Exception {
        Path f = dir.resolve("s" + distribution.length() + ".lxs");
        Files.writeString(f, "MotionBegin [0 1]\nTranslate 0 0 0\nTranslate 1 0 0\nMotionEnd\n"
                + "Camera \"perspective\" \"float shutteropen\" [0.5] \"float shutterclose\" [2.5]" + distribution + "\n"
                + "Film \"fleximage\" \"integer xresolution\" [4] \"integer yresolution\" [4]\nWorldBegin\nWorldEnd\n");
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse(f));
        return RenderSupport.transport(cr);
    }

    /** The standard normal CDF, by the complementary error function's continued fraction-free series (erf via Math). */
    private static double phi(double x) {
        // Abramowitz-Stegun 7.1.26 is too coarse; integrate the density instead (Simpson, fine steps).
        double a = -10, n = 20000, h = (x - a) / n, s = 0;
        for (int i = 0; i <= n; i++) {
            double t = a + i * h, w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * Math.exp(-t * t / 2);
        }
        return s * h / 3 / Math.sqrt(2 * Math.PI);
    }

    private static double inverseNormal(double u) {
        double lo = -10, hi = 10;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (phi(mid) < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** LuxRender Camera::GetTime with its gaussian distribution, in double precision. */
    private static double luxGaussianTime(double u, double open, double close) {
        double x = inverseNormal(u);
        if (Math.abs(x) > 2) {
            x = inverseNormal(0.5 + u - Math.round(u));
        }
        x = Math.max(0, Math.min(1, x / 4 + 0.5));
        return (1 - x) * open + x * close;
    }

    @Test
    void uniformShutterLerpsTheNumber() throws Exception {
        PathTraceKernel k = kernel("");
        assertEquals(0, k.shutterGaussian);
        for (int i = 0; i <= 20; i++) {
            float u = i / 20f;
            assertEquals(0.5 + 2 * u, k.shutterTime(u), 1e-6);
        }
    }

    @Test
    void gaussianShutterFollowsLuxRender() throws Exception {
        PathTraceKernel k = kernel(" \"string shutterdistribution\" \"gaussian\"");
        assertEquals(1, k.shutterGaussian);
        double worst = 0;
        for (int i = 1; i < 400; i++) {
            float u = i / 400f;
            double expected = luxGaussianTime(u, 0.5, 2.5);
            worst = Math.max(worst, Math.abs(expected - k.shutterTime(u)));
        }
        System.out.printf("gaussian shutter vs LuxRender's GetTime: worst %.3g%n", worst);
        // Acklam's approximation is good to about 1e-9 relative; its float evaluation (coefficients in the
        // hundreds) leaves errors near 1e-5 of x, so 1e-4 of the shutter's length; a wrong deviation, sign
        // or redraw would be off by tenths.
        assertTrue(worst < 2e-4, "worst " + worst);
        // Its middle: half the samples within 0.674 deviations, a quarter of the shutter being one deviation.
        assertEquals(1.5, k.shutterTime(0.5f), 1e-6);
        assertEquals(1.5 + 0.5 * 0.6744897501960817, k.shutterTime(0.75f), 2e-5);
        // Beyond two deviations the number is redrawn near the middle: never at the ends.
        assertEquals(1.5 + 0.5 * inverseNormal(0.51), k.shutterTime(0.01f), 2e-5);
    }
}

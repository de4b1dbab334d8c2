package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.LensFile;
import org.luxnet.scene.compiled.CameraData;
import org.luxnet.scene.desc.SceneFile;

/**
 * pbrt-v3's realistic camera through the light transport's own camera step, against
 * {@link PbrtRealisticCamera}, a double-precision transcription of realistic.cpp: the compiled lens
 * (the focused film distance, the 64 exit pupil bounds), the kernel's rays and weights for many film
 * points and lens samples (simple and full weighting, a LookAt camera), vignetting, and focus: rays
 * from one film point through the pupil meet at the focus distance. Lens: pbrt's dgauss.50mm.dat.
 */
class RealisticCameraTest {
    static final int W = 64, H = 48;
    static final double APERTURE = 8, FOCUS = 2.5, DIAGONAL = 35;
    static double[] lensData;
    static PbrtRealisticCamera simpleRef, fullRef;
    @TempDir
    static Path dir;

    @BeforeAll
    static void reference() throws IOException {
        byte[] bytes;
        try (InputStream in = RealisticCameraTest.class.getResourceAsStream("/lenses/dgauss.50mm.dat")) {
            bytes = in.readAllBytes();
        }
        Files.write(dir.resolve("dgauss.50mm.dat"), bytes);
        lensData = LensFile.parse(new SceneFile("dgauss.50mm.dat", bytes), FileLoc.NONE);
        // pbrt's 1024 x 1024 samples per segment; four segments from the centre to the corner (all 64 would
        // take minutes in this literal transcription), checked against the compiled bounds.
        simpleRef = new PbrtRealisticCamera(lensData, APERTURE, FOCUS, true, DIAGONAL, W, H, 1024 * 1024, SEGMENTS);
        fullRef = new PbrtRealisticCamera(lensData, APERTURE, FOCUS, false, DIAGONAL, W, H, 1);
    }

    static final int[] SEGMENTS = {0, 21, 42, 63};

    static String scene(String camera, String lookAt) {
        return lookAt + "\nCamera \"realistic\" \"string lensfile\" \"dgauss.50mm.dat\" \"float aperturediameter\" " + APERTURE
                + " \"float focusdistance\" " + FOCUS + " " + camera + "\n"
                + "Film \"image\" \"integer xresolution\" " + W + " \"integer yresolution\" " + H
                + " \"float diagonal\" " + DIAGONAL + "\nWorldBegin\n"
                + "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ] \"point P\" [ -9 -9 5 9 -9 5 9 9 5 -9 9 5 ]\n"
                + "LightSource \"point\" \"rgb I\" [ 1 1 1 ]\nWorldEnd\n";
    }

    static CompiledRender compile(String text) throws IOException {
        Path file = Files.createTempFile(dir, "realistic", ".pbrt");
        Files.writeString(file, text);
        CompiledRender r = RenderSupport.compile(file);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        return r;
    }

    @Test
    void compiledLensIsPbrtsFocusedLensAndPupil() throws IOException {
        CameraData.Realistic r = compile(scene("", "")).scene().camera.realistic();
        // The film distance FocusThickLens chose, and the exit pupil bounds, as floats of the reference's doubles.
        assertEquals(simpleRef.lensRearZ(), r.rearZ(), 1e-7 * simpleRef.lensRearZ());
        for (int i : SEGMENTS) {
            for (int k = 0; k < 4; k++) {
                assertEquals(simpleRef.exitPupilBounds[i][k], r.pupilBounds()[4 * i + k], 1e-8,
                        "pupil bound " + k + " of segment " + i);
            }
        }
        assertEquals(0.035, r.diagonal(), 1e-9);
        double[] ext = simpleRef.physicalExtent();
        assertEquals(ext[2] - ext[0], r.filmWidth(), 1e-8);
        assertEquals(ext[3] - ext[1], r.filmHeight(), 1e-8);
        // The stop is the aperture diameter asked for (8 mm of at most 17.1).
        assertEquals(APERTURE * .001 / 2, r.elements()[4 * 5 + 3], 1e-9);
    }

    @Test
    void kernelRaysMatchTheDoublePrecisionTranscription() throws IOException {
        CompiledRender cr = compile(scene("", "LookAt 1 2 -3  0 0.5 1  0 1 0"));
        compareRays(cr, simpleRef, 11);
        cr = compile(scene("\"bool simpleweighting\" false", "LookAt 1 2 -3  0 0.5 1  0 1 0"));
        compareRays(cr, fullRef, 12);
    }

    /**
     * Many film points and lens samples, the reference sampling the exit pupil bounds as compiled.
     * Tolerances: the kernel traces in float through 11 refracting interfaces a few centimetres from the
     * film; each float operation rounds by 6e-8 relative, a refraction amplifies a direction's error by
     * at most its relative index (1.7), and the ray's errors add over the interfaces: 11 x 1.7 x a few
     * roundings of 6e-8 makes about 4e-6 for the unit direction (measured: 3e-7). Origins lie on the front
     * element about 6 cm from the film and then go through the camera transform to coordinates of a few
     * units: 1e-6 (measured: 1.3e-7). Weights (cos^4 theta of the film ray, or with the pupil bound's area)
     * to 1e-5 relative.
     * Samples that one side vignettes and the other not must lie on a vignetting boundary: moving the
     * lens sample by 1e-4 changes the reference's verdict.
     */
    static void compareRays(CompiledRender cr, PbrtRealisticCamera ref, long seed) {
        PathTraceKernel k = RenderSupport.transport(cr);
        // The bounds of every segment as compiled (compiledLensIsPbrtsFocusedLensAndPupil checks them against pbrt's).
        ref.usePupilBounds(cr.scene().camera.realistic().pupilBounds());
        float[] m = cr.scene().camera.cameraToWorld();
        SplittableRandom rng = new SplittableRandom(seed);
        int passed = 0, vignetted = 0, boundary = 0;
        double worstDir = 0, worstOrigin = 0;
        float[] ray = new float[8];
        for (int s = 0; s < 20000; s++) {
            float fx = (float) (rng.nextDouble() * W), fy = (float) (rng.nextDouble() * H);
            float lu = (float) rng.nextDouble(), lv = (float) rng.nextDouble();
            k.cameraRay(fx, fy, lu, lv, ray);
            double[] r = ref.generateRay(fx, fy, lu, lv);
            if ((r == null) != (ray[7] == 0)) {
                assertTrue(onBoundary(ref, fx, fy, lu, lv), "sample " + s + " (" + fx + ", " + fy + ", " + lu + ", " + lv
                        + "): kernel weight " + ray[7] + ", reference " + (r == null ? "vignetted" : "passes"));
                boundary++;
                continue;
            }
            if (r == null) {
                vignetted++;
                continue;
            }
            passed++;
            double[] o = new double[3], d = new double[3];
            for (int i = 0; i < 3; i++) {
                o[i] = m[4 * i] * r[0] + m[4 * i + 1] * r[1] + m[4 * i + 2] * r[2] + m[4 * i + 3];
                d[i] = m[4 * i] * r[3] + m[4 * i + 1] * r[4] + m[4 * i + 2] * r[5];
            }
            double dl = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            for (int i = 0; i < 3; i++) {
                worstOrigin = Math.max(worstOrigin, Math.abs(o[i] - ray[i]));
                worstDir = Math.max(worstDir, Math.abs(d[i] / dl - ray[3 + i]));
            }
            assertEquals(r[6], ray[7], 1e-5 * r[6], "weight of sample " + s);
            assertTrue(worstOrigin < 1e-6 && worstDir < 4e-6, "sample " + s + ": origin off by " + worstOrigin
                    + ", direction by " + worstDir);
        }
        System.out.printf("realistic rays: %d pass, %d vignetted, %d on a boundary; worst origin %.3g m, direction %.3g%n",
                passed, vignetted, boundary, worstOrigin, worstDir);
        // Both kinds occur (the corners of a 35 mm diagonal behind an f/6 stop vignette), and boundaries are rare.
        assertTrue(passed > 5000 && vignetted > 100, passed + " pass, " + vignetted + " vignetted");
        assertTrue(boundary < 20, boundary + " samples on a vignetting boundary");
    }

    private static boolean onBoundary(PbrtRealisticCamera ref, double fx, double fy, double lu, double lv) {
        boolean v = ref.generateRay(fx, fy, lu, lv) == null;
        double e = 1e-4;
        double[][] moves = {{e, 0}, {-e, 0}, {0, e}, {0, -e}};
        for (double[] mv : moves) {
            if ((ref.generateRay(fx, fy, lu + mv[0], lv + mv[1]) == null) != v) {
                return true;
            }
        }
        return false;
    }

    /**
     * pbrt-v3 focuses with the thick-lens approximation (FocusThickLens); its binary search on traced
     * rays (FocusBinarySearch, which pbrt prints beside it) lands within 0.5% of the same film distance
     * for this lens. So the plane at focusdistance (camera space z, from the film) is in focus: rays from
     * one film point meet there. The thick-lens approximation is paraxial: rays from the film centre
     * through the middle tenth of the exit pupil meet best (smallest RMS spread) within 1% of the focus
     * distance, on planes 0.5% apart. Rays through the whole pupil meet best a little nearer, by the lens's
     * spherical aberration (about 4% for this lens at f/6): within 6%, and from the film centre and a
     * point half way to the corner their spread at the focus distance is under 0.5 mm, a fiftieth of
     * what one pixel of this 64-pixel film (35 mm diagonal, 50 mm lens) covers at 2.5 m, where a lens
     * left focused at infinity spreads them over millimetres.
     */
    @Test
    void raysFromOneFilmPointMeetAtTheFocusDistance() throws IOException {
        double thick = simpleRef.lensRearZ();
        // FocusDistance bounds the exit pupil for its test ray (at a tenth of its extent) in each of the search's
        // steps: with 64 x 64 samples rather than pbrt's 1024 x 1024 here, which moves that ray by a fraction of
        // the bound's sample spacing.
        double search = new PbrtRealisticCamera(lensData, APERTURE, FOCUS, true, DIAGONAL, W, H, 64 * 64)
                .focusBinarySearch(FOCUS);
        System.out.printf("film distance: thick lens %.6g m, binary search %.6g m%n", thick, search);
        assertEquals(thick, search, 5e-3 * thick, "thick lens vs binary search focus");
        PathTraceKernel k = RenderSupport.transport(compile(scene("", "")));
        assertEquals(FOCUS, bestPlane(k, W / 2f, H / 2f, 0.45f, 0.55f, 0.005), 0.01 * FOCUS, "paraxial focus");
        for (float[] p : new float[][] {{W / 2f, H / 2f}, {W * 0.75f, H * 0.75f}}) {
            assertEquals(FOCUS, bestPlane(k, p[0], p[1], 0f, 1f, 0.02), 0.06 * FOCUS, "focus of the whole pupil");
            double atFocus = spread(k, p[0], p[1], FOCUS, 0f, 1f)[0];
            assertTrue(atFocus < 5e-4, "rms spread at the focus distance " + atFocus);
        }
    }

    /** The plane z = FOCUS (1 + step j), |j| <= 10, on which the rays (lens numbers in [lo, hi]) spread least. */
    private static double bestPlane(PathTraceKernel k, float fx, float fy, float lo, float hi, double step) {
        double best = Double.MAX_VALUE, bestZ = 0;
        StringBuilder curve = new StringBuilder();
        for (int j = -10; j <= 10; j++) {
            double z = FOCUS * (1 + step * j);
            double[] sp = spread(k, fx, fy, z, lo, hi);
            assertTrue(sp[1] > 100, "rays through the pupil: " + sp[1]);
            curve.append(String.format(" %.4f:%.3g", z, sp[0]));
            if (sp[0] < best) {
                best = sp[0];
                bestZ = z;
            }
        }
        System.out.printf("film point (%.1f, %.1f), lens numbers in [%.2f, %.2f]: rms spread by plane z (m):%s%n", fx, fy,
                lo, hi, curve);
        return bestZ;
    }

    /**
     * RMS distance from their mean of the points where the rays from film point (fx, fy), lens numbers in
     * [lo, hi], cross plane z; and their count.
     */
    private static double[] spread(PathTraceKernel k, float fx, float fy, double z, float lo, float hi) {
        float[] ray = new float[8];
        double sx = 0, sy = 0, sxx = 0, syy = 0;
        int n = 0;
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
                k.cameraRay(fx, fy, lo + (hi - lo) * (i + 0.5f) / 32, lo + (hi - lo) * (j + 0.5f) / 32, ray);
                if (ray[7] == 0) {
                    continue;
                }
                double t = (z - ray[2]) / ray[5];
                double x = ray[0] + t * ray[3], y = ray[1] + t * ray[4];
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                n++;
            }
        }
        double mx = sx / n, my = sy / n;
        return new double[] {Math.sqrt(Math.max(0, sxx / n - mx * mx + syy / n - my * my)), n};
    }
}

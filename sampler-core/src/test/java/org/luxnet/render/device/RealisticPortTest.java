package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CameraData;

/**
 * pbrt-v3's realistic camera computes the same samples on every device: the features scene seen
 * through pbrt's dgauss.50mm.dat lens (a 10 mm stop focused at 6, both weightings; cropped, so the
 * crop window's offset into the film's physical extent counts), rendered by a CPU render thread and
 * by the kernel on Aparapi's Java thread pool and on OpenCL (skipped, saying why, without a driver),
 * as {@link CameraPortTest} does for the other cameras. The film's corners are vignetted, so some
 * samples carry weight 0. Eleven refractions in float pass OpenCL's ulp-level differences (its division
 * may be 2.5 ulp off, Java's is exact) on to the ray's direction, so that a path grazing an edge of
 * the scene may go another way: as for bump maps, 1% of the pixels may differ by more than 2e-4 of
 * their value, none by more than 5e-3 (measured on PoCL: 3 of 896 pixels, worst 1.6e-3; on the Java
 * thread pool, none).
 */
class RealisticPortTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"true, JAVA_THREADS", "false, JAVA_THREADS", "true, OPENCL", "false, OPENCL"})
    void everyRealisticSampleForSample(boolean simple, String launch) throws IOException {
        try (InputStream in = RealisticPortTest.class.getResourceAsStream("/lenses/dgauss.50mm.dat")) {
            Files.write(dir.resolve("dgauss.50mm.dat"), in.readAllBytes());
        }
        String camera = "Camera \"perspective\" \"float fov\" [ 22 ] \"float lensradius\" [ 0.02 ] \"float focaldistance\" [ 6 ]";
        String film = "Film \"image\" \"integer xresolution\" [ 40 ] \"integer yresolution\" [ 32 ]";
        String text = TestScenes.FEATURES.replace(camera, "Camera \"realistic\" \"string lensfile\" \"dgauss.50mm.dat\" "
                + "\"float aperturediameter\" [ 10 ] \"float focusdistance\" [ 6 ] \"bool simpleweighting\" \"" + simple + "\"")
                .replace(film, film + " \"float diagonal\" [ 30 ] \"float cropwindow\" [ 0 0.8 0.1 1 ]");
        CompiledRender r = TestScenes.compile(dir, text);
        assertEquals(CameraData.Projection.REALISTIC, r.scene().camera.projection());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        int pixels = r.settings().width() * r.settings().height(), passes = 2;
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 83L, 3, passes,
                TestScenes.device(TestScenes.Launch.valueOf(launch)), "realistic (simple " + simple + ") on " + launch,
                0.01, 5e-3);
        assertTrue(cpu.totalContributions() > pixels * passes / 2, "the scene should be mostly lit");
    }
}

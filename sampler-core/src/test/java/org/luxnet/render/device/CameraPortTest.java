package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.exception.CompileFailedException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.desc.Dialect;

/**
 * Every camera model computes the same samples on every device: the features scene seen through
 * each camera variant of {@link TestScenes#cameraVariant} (pbrt-v3's orthographic camera with its
 * lens, both renderers' environment cameras, LuxRender's bladed aperture with a gaussian lens
 * distribution, autofocus and hither/yon clipping; all cropped), rendered by a CPU render thread and
 * by the kernel launched through Aparapi on its Java thread pool and on OpenCL (PoCL in CI; skipped,
 * saying why, without a driver). As in {@link FaithfulPortTest}, no channel of any pixel may differ
 * by more than 2e-4 of its value.
 */
class CameraPortTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"pbrt-orthographic, JAVA_THREADS", "pbrt-environment, JAVA_THREADS", "luxrender-blades, JAVA_THREADS",
            "luxrender-environment, JAVA_THREADS", "pbrt-orthographic, OPENCL", "pbrt-environment, OPENCL",
            "luxrender-blades, OPENCL", "luxrender-environment, OPENCL"})
    void everyCameraSampleForSample(String variant, String launch) throws CompileFailedException {
        CompiledRender r = TestScenes.compile(dir, TestScenes.cameraVariant(variant));
        assertEquals(variant.startsWith("pbrt") ? Dialect.PBRT : Dialect.LUXRENDER, r.settings().dialect());
        assertEquals(28, r.settings().width(), "the crop window's width");
        int pixels = r.settings().width() * r.settings().height(), passes = 2;
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 79L, 5, passes,
                TestScenes.device(TestScenes.Launch.valueOf(launch)), variant + " on " + launch);
        assertTrue(cpu.totalContributions() > pixels * passes / 2, "the scene should be mostly lit");
    }
}

package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aparapi.device.Device;
import com.aparapi.exception.CompileFailedException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The environment-map light computes the same samples on every device for the same stream, as
 * FaithfulPortTest checks for the other features: the env-mapped scene of {@link TestScenes#ENVMAP}
 * (map lookup, 2D importance sampling, MIS against glossy and diffuse BSDFs, the map as background)
 * on a CPU render thread against the kernel launched on Aparapi's Java thread pool and on OpenCL
 * (PoCL in CI, where the kernel must not fall back to Java). No channel of any pixel may differ by
 * more than 2e-4 of its value.
 */
class EnvMapDevicesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void environmentMapSampleForSample(Launch launch) throws CompileFailedException {
        Device device = TestScenes.device(launch);
        CompiledRender r = TestScenes.envMap(dir);
        assertEquals(1, r.scene().envMapCount);
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 79L, 5, 4, device, "env map, " + launch);
    }
}

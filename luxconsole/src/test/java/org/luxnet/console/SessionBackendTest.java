package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.render.device.DeviceContext;
import org.luxnet.render.device.RenderDevice;

/** The server's renderer reads the scene from the client's bundle and nothing else. */
class SessionBackendTest {
    private static final Path KNOT = Path.of("..", "examples", "ply-mesh");

    private static SceneBundle knot(boolean withMesh) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scene/ply-mesh.lxs", Files.readAllBytes(KNOT.resolve("ply-mesh.lxs")));
        files.put("scene/walls.lxs", Files.readAllBytes(KNOT.resolve("walls.lxs")));
        if (withMesh) {
            files.put("scene/knot.ply", Files.readAllBytes(KNOT.resolve("knot.ply")));
        }
        return new SceneBundle("scene/ply-mesh.lxs", files);
    }

    @Test
    void aBundledSceneWithIncludeAndMeshRendersItsPassBudget() throws Exception {
        RenderJob job = new SessionBackend(1, null).start(knot(true), new JobSpec(3, 2, 1));
        assertTrue(job.awaitStopped(Duration.ofSeconds(60)));
        assertTrue(job.isFinished());
        var film = job.newFilm();
        assertEquals(256L * 256, job.drainInto(film), "one pass of the 256x256 frame");
    }

    @Test
    void aFileMissingFromTheBundleIsASceneErrorEvenWhenItExistsOnDisk() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("evil.lxs", ("Include \"" + KNOT.resolve("walls.lxs").toAbsolutePath() + "\"\nWorldBegin\n")
                .getBytes(StandardCharsets.UTF_8));
        JobException e = assertThrows(JobException.class,
                () -> new SessionBackend(1, null).start(new SceneBundle("evil.lxs", files), new JobSpec(1, 1, 1)));
        assertEquals(ErrorCode.SCENE, e.code());
        assertTrue(e.getMessage().contains("not among the files the client sent"), e.getMessage());
    }

    /**
     * A PLY file the client could not read is not in its bundle: the client skipped that shape with a
     * warning, as pbrt-v3 and LuxRender do, and the server must render the same scene, not refuse it.
     */
    @Test
    void aMeshMissingFromTheBundleIsSkippedAsOnTheClient() throws Exception {
        RenderJob job = new SessionBackend(1, null).start(knot(false), new JobSpec(3, 2, 1));
        assertTrue(job.awaitStopped(Duration.ofSeconds(60)));
        assertTrue(job.isFinished());
        assertEquals(256L * 256, job.drainInto(job.newFilm()), "one pass of the 256x256 frame, without the knot");
    }

    /**
     * A server's GPU that fails (its kernel build, say) beside CPU threads leaves the job rendering on
     * the CPU: the failure is told when the job ends, not while the CPU still renders its share.
     */
    @Test
    void aDeviceFailingBesideTheCpuLeavesTheJobRenderingAndIsToldAtTheEnd() throws Exception {
        FailingDevice gpu = new FailingDevice();
        RenderJob job = SessionBackend.withDevices(1, () -> List.of(gpu)).start(knot(true), new JobSpec(3, 2, 0));
        try {
            assertTrue(gpu.awaitStopped(Duration.ofSeconds(60)));
            assertFalse(job.isFinished(), "the CPU renders on (no pass budget: until stopped)");
            assertNull(job.failure(), "not told while the CPU still renders");
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (job.stats().samples() == 0) {
                assertTrue(System.nanoTime() < end, "the CPU rendered nothing");
                Thread.sleep(10);
            }
        } finally {
            job.requestStop();
        }
        assertTrue(job.awaitStopped(Duration.ofSeconds(60)));
        assertNotNull(job.failure(), "told once the job has ended");
        assertTrue(job.failure().getMessage().contains("no kernel today"), job.failure().getMessage());
    }

    /** A device whose start fails at once, as a GPU whose kernel does not build. */
    private static final class FailingDevice implements RenderDevice {
        private volatile Throwable failure;

        @Override
        public String description() {
            return "failing test device";
        }

        @Override
        public int threads() {
            return 1;
        }

        @Override
        public void start(DeviceContext context) {
            failure = new IllegalStateException("no kernel today");
        }

        @Override
        public void requestStop() {
        }

        @Override
        public boolean awaitStopped(Duration timeout) {
            return failure != null;
        }

        @Override
        public boolean isStopped() {
            return failure != null;
        }

        @Override
        public void drainInto(Film target) {
        }

        @Override
        public long samples() {
            return 0;
        }

        @Override
        public long contributions() {
            return 0;
        }

        @Override
        public long nextItem() {
            return 0;
        }

        @Override
        public long drainedItem() {
            return 0;
        }

        @Override
        public Throwable failure() {
            return failure;
        }
    }

    @Test
    void warmUpRendersItsBuiltInSceneCompletely() {
        // 256 passes of the 32x32 built-in scene: every material, an area light, sphere and mesh.
        assertEquals(256L * 32 * 32, ServerWarmUp.run(1));
    }
}

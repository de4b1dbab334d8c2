package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.ErrorCode;

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

    @Test
    void warmUpRendersItsBuiltInSceneCompletely() {
        // 256 passes of the 32x32 built-in scene: every material, an area light, sphere and mesh.
        assertEquals(256L * 32 * 32, ServerWarmUp.run(1));
    }
}

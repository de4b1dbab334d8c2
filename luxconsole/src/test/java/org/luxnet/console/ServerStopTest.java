package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientOptions;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerConfig;
import org.luxnet.render.device.DeviceBase;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * A render server with the real renderer, on loopback: STOP ends the render threads of a scene
 * whose every path bounces to the maxdepth cap within a second (2 s allowed for a loaded machine),
 * and no render thread outlives its session, however many sessions come and go.
 */
@Timeout(180)
class ServerStopTest {
    /** A camera inside a closed box of perfect mirrors with maxdepth 2^31-1 and no roulette (sampler-core's). */
    static final Path MIRROR_BOX = Path.of("..", "sampler-core", "src", "test", "resources", "scenes", "mirror-box.pbrt");

    @TempDir
    Path dir;

    @Test
    void stopEndsPathologicalRendersWithinASecondAndNoRenderThreadOutlivesItsSession() throws Exception {
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse(MIRROR_BOX));
        SceneBundle bundle = new SceneBundle("mirror.pbrt", Map.of("mirror.pbrt", Files.readAllBytes(MIRROR_BOX)));
        long before = renderThreads();
        ServerConfig config = ServerConfig.of(0, dir.resolve("cache"), "stop-test").withBindHost("127.0.0.1");
        try (RenderServer server = new RenderServer(config, new SessionBackend(2, null))) {
            server.start();
            for (int i = 0; i < 3; i++) {
                try (ClientSession client = new ClientSession(bundle, "stop-" + i, 1, cr.settings().width(),
                        cr.settings().height(), cr.settings().scaleBits(), 1,
                        ClientOptions.defaults(null).withUploadInterval(Duration.ofMillis(200)))) {
                    RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", server.port()), 0, Checkpoint.NONE);
                    assertEquals("rendering", n.awaitState("rendering"::equals, Duration.ofSeconds(60)));
                    assertTrue(awaitRenderThreads(c -> c > before, Duration.ofSeconds(30)), "the server renders");
                    n.requestStop();
                    // Each 32x32 tile of 1024-bounce paths takes 4 s and more: stopping between tiles misses
                    // this. Stopping took 0.2-0.3 s here (1.3 s for the first session at load average 21 on
                    // 2 cores); the bound leaves that room.
                    assertTrue(awaitRenderThreads(c -> c == before, Duration.ofSeconds(2)),
                            "session " + i + ": the render threads ended within 2 s of STOP, " + renderThreads()
                                    + " still alive");
                    assertTrue(n.awaitStopped(Duration.ofSeconds(30)));
                    assertEquals("done", n.state());
                }
            }
            assertTrue(server.awaitSnapshot(x -> x.idle(), Duration.ofSeconds(30)).idle());
        }
        assertEquals(before, renderThreads(), "no render thread left after 3 sessions");
    }

    private static boolean awaitRenderThreads(java.util.function.LongPredicate p, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!p.test(renderThreads())) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static long renderThreads() {
        return DeviceBase.liveThreads();
    }
}

package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
 * whose every path bounces to the maxdepth cap within a second, and no render thread outlives its
 * session, however many sessions come and go.
 */
@Timeout(180)
class ServerStopTest {
    /** A camera inside a closed box of perfect mirrors with maxdepth 2^31-1 and no roulette. */
    static final String MIRROR_BOX = """
            LookAt 0 0 0  0 0 1  0 1 0
            Camera "perspective" "float fov" [ 60 ]
            Film "image" "integer xresolution" [ 64 ] "integer yresolution" [ 64 ]
            Integrator "path" "integer maxdepth" [ 2147483647 ] "string rrstrategy" [ "none" ]
            WorldBegin
            Material "mirror" "rgb Kr" [ 1 1 1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3  4 6 5 4 7 6  0 4 5 0 5 1  3 2 6 3 6 7  0 3 7 0 7 4  1 5 6 1 6 2 ]
                "point P" [ -1 -1 -1  1 -1 -1  1 1 -1  -1 1 -1  -1 -1 1  1 -1 1  1 1 1  -1 1 1 ]
            WorldEnd
            """;

    @TempDir
    Path dir;

    @Test
    void stopEndsPathologicalRendersWithinASecondAndNoRenderThreadOutlivesItsSession() throws Exception {
        Path scene = dir.resolve("mirror.pbrt");
        Files.writeString(scene, MIRROR_BOX);
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse(scene));
        SceneBundle bundle = new SceneBundle("mirror.pbrt", Map.of("mirror.pbrt", MIRROR_BOX.getBytes(StandardCharsets.UTF_8)));
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
                    // Each 32x32 tile of 1024-bounce paths takes seconds: stopping between tiles would miss this.
                    assertTrue(awaitRenderThreads(c -> c == before, Duration.ofSeconds(1)),
                            "session " + i + ": the render threads ended within a second of STOP, " + renderThreads()
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

    static long renderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(DeviceBase.THREAD_PREFIX)).count();
    }
}

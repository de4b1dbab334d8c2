package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luxnet.accumulator.Film;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientOptions;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerConfig;
import org.luxnet.render.device.GpuDevice;
import org.luxnet.render.device.RenderDevice;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * --node-passes over a server's CPU and GPU streams, with the real renderer on loopback (the GPU
 * kernel on Aparapi's Java thread pool): a server rendering on both is closed mid-render (all the
 * client sees of a kill -9) while its GPU stream ends inside a pass, and a server restarted on the
 * same port, with both devices or with the GPU alone (which refused such a job before), continues
 * each stream where the client's film ends: exactly the budget's passes, bit for bit the samples of
 * each stream to its final position.
 */
@Timeout(300)
class GpuStreamRecoveryTest {
    private static final long SEED = 11L;
    private static final int RES = 32, PASSES = 120; // one CPU tile per pass: the CPU stream ends at whole passes
    private static final long PIXELS = (long) RES * RES;

    @TempDir
    Path tmp;

    /** The GPU sampler's kernel on Aparapi's Java thread pool (its test mode, package-private in sampler-core). */
    private static RenderDevice javaThreadPoolGpu() {
        try {
            Method m = GpuDevice.class.getDeclaredMethod("javaThreadPool", int.class);
            m.setAccessible(true);
            return (RenderDevice) m.invoke(null, 320);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static SessionBackend backend(int threads) {
        return SessionBackend.withDevices(threads, () -> List.of(javaThreadPoolGpu()));
    }

    private String sceneText() throws Exception {
        return Files.readString(Path.of("..", "examples", "reference", "cornell-box.pbrt"))
                .replace("\"integer xresolution\" [ 256 ]", "\"integer xresolution\" [ " + RES + " ]")
                .replace("\"integer yresolution\" [ 256 ]", "\"integer yresolution\" [ " + RES + " ]");
    }

    /** Node 1's stream d alone from its start, {@code passes} whole passes. */
    private static void renderStream(CompiledRender cr, int stream, long passes, Film into) {
        if (passes == 0) {
            return;
        }
        RenderSession s = new RenderSession(cr.scene(), cr.settings(), new SessionOptions(stream == 0 ? 1 : 0, SEED, 1,
                passes, stream == 0 ? List.of() : List.of(javaThreadPoolGpu()), null));
        s.start();
        assertTrue(s.awaitStopped(Duration.ofMinutes(2)));
        assertNull(s.failure());
        s.drainInto(into);
    }

    @ParameterizedTest(name = "restarted with {0} CPU threads and the GPU")
    @ValueSource(ints = {1, 0})
    void aCpuAndGpuServerKilledMidRenderIsContinuedExactlyStreamByStream(int threadsAfter) throws Exception {
        String text = sceneText();
        Path file = tmp.resolve("box.pbrt");
        Files.writeString(file, text);
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse(file));
        var st = cr.settings();
        SceneBundle bundle = new SceneBundle("box.pbrt", Map.of("box.pbrt", text.getBytes(StandardCharsets.UTF_8)));
        ServerConfig cfg = ServerConfig.of(0, tmp.resolve("cache"), "s").withBindHost("127.0.0.1")
                .withLease(Duration.ofSeconds(30)).withStatsInterval(Duration.ofMillis(300));
        ClientOptions fast = new ClientOptions(Duration.ofMillis(60), Duration.ofMillis(100), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5), null, "test");
        Film total = new Film(st.width(), st.height(), st.scaleBits());
        RenderServer first = new RenderServer(cfg, backend(1));
        RenderServer second = null;
        try (ClientSession client = new ClientSession(bundle, "gpu-recovery", SEED, st.width(), st.height(),
                st.scaleBits(), 1, fast)) {
            first.start();
            int port = first.port();
            RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", port), PASSES, Checkpoint.NONE);
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            List<Long> at;
            do {
                assertTrue(System.nanoTime() < end, "no film with both streams, the GPU's inside a pass: " + n.checkpoint());
                Thread.sleep(5);
                n.drainInto(total);
                at = n.checkpoint().items();
            } while (at.size() < 2 || at.get(0) == 0 || at.get(1) % PIXELS == 0);
            assertTrue(at.get(0) + at.get(1) / PIXELS < PASSES, "cut before the end: " + at);
            first.close();
            second = new RenderServer(ServerConfig.of(port, tmp.resolve("cache"), "s again").withBindHost("127.0.0.1")
                    .withLease(Duration.ofSeconds(30)).withStatsInterval(Duration.ofMillis(300)), backend(threadsAfter));
            second.start();
            assertTrue(n.awaitStopped(Duration.ofMinutes(3)), n.state());
            assertEquals("done", n.state(), "the restarted server took the node's job and finished it");
            n.drainInto(total);
            List<Long> done = n.checkpoint().items();
            assertEquals(2, done.size(), done.toString());
            long cpuPasses = done.get(0), gpuItems = done.get(1);
            assertEquals(0, gpuItems % PIXELS, "the GPU completed the pass it had begun: " + done);
            assertEquals(PASSES, cpuPasses + gpuItems / PIXELS, "the budget counts both streams' passes: " + done);
            assertTrue(cpuPasses >= at.get(0) && gpuItems > at.get(1), done + " continues after " + at);
            assertEquals(PASSES * PIXELS, total.totalSamples(), "exactly the budget");
            Film reference = new Film(st.width(), st.height(), st.scaleBits());
            renderStream(cr, 0, cpuPasses, reference);
            renderStream(cr, 1, gpuItems / PIXELS, reference);
            assertTrue(total.contentEquals(reference), "bit for bit each stream's own samples to where it ends");
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }
}

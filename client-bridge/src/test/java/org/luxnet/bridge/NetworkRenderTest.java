package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.ManifestEntry;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;
import org.luxnet.bridge.testing.LogCapture;

/** Client and real servers on loopback sockets, rendering with a fake backend. */
@Timeout(60)
class NetworkRenderTest {
    @TempDir
    Path dir;

    private static NodeAddress local(RenderServer s) {
        return new NodeAddress("127.0.0.1", s.port());
    }

    @Test
    void twoServersDeliverEverySampleExactlyOnceAndTheImageIsReproducible() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            FakeBackend b1 = new FakeBackend(2), b2 = new FakeBackend(2);
            RenderServer s1 = c.server(c.config("s1", Duration.ofSeconds(10)), b1);
            RenderServer s2 = c.server(c.config("s2", Duration.ofSeconds(10)), b2);
            SceneBundle scene = Cluster.scene("WorldBegin");
            ClientSession client = c.client(scene, "session-1", Cluster.fastOptions(null));
            Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            RenderDriver driver = Cluster.driver(total, 40);
            RemoteNode n1 = client.addNode(local(s1), 20, Checkpoint.NONE);
            RemoteNode n2 = client.addNode(local(s2), 20, Checkpoint.NONE);
            driver.addRemote(n1);
            driver.addRemote(n2);
            RenderDriver.Result r = driver.run();

            assertEquals("spp", r.reason());
            assertEquals(1, n1.node());
            assertEquals(2, n2.node());
            assertEquals("done", n1.state());
            assertEquals("done", n2.state());
            // Each server rendered its budget on its own stream; their sum is the film, bit for bit.
            Film expected = FakeJob.reference(new JobSpec(Cluster.SEED, 1, 20), 20);
            expected.add(FakeJob.reference(new JobSpec(Cluster.SEED, 2, 20), 20));
            assertTrue(total.contentEquals(expected), "network film equals the films rendered directly");
            long reported = s1.awaitSnapshot(s -> s.idle(), Duration.ofSeconds(30)).samplesAcked()
                    + s2.awaitSnapshot(s -> s.idle(), Duration.ofSeconds(30)).samplesAcked();
            assertEquals(total.totalSamples(), reported, "servers' delivered samples equal the client's film");
            assertEquals(1, s1.snapshot().sessionsEnded());
            // The servers parsed from the bytes the client had, by name.
            SceneBundle got = b1.bundles.get(0);
            assertEquals(scene.names(), got.names());
            for (String name : scene.names()) {
                assertTrue(java.util.Arrays.equals(scene.file(name), got.file(name)), name);
            }
        }
    }

    @Test
    void sceneFilesAreCachedByTheServersOwnHashNamesAndNotSentTwice() throws Exception {
        Logger nodeLog = Logger.getLogger(RemoteNode.class.getName());
        Level old = nodeLog.getLevel();
        nodeLog.setLevel(Level.FINE);
        try (Cluster c = new Cluster(dir); LogCapture log = new LogCapture(RemoteNode.class.getName())) {
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(10)), new FakeBackend(2));
            SceneBundle scene = Cluster.scene("WorldBegin");
            for (int run = 0; run < 2; run++) {
                ClientSession client = c.client(scene, "session-" + run, Cluster.fastOptions(null));
                Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
                RenderDriver d = Cluster.driver(total, 3);
                d.addRemote(client.addNode(local(s), 3, Checkpoint.NONE));
                d.run();
                assertEquals(3L * FakeJob.WIDTH * FakeJob.HEIGHT, total.totalSamples());
                s.awaitSnapshot(x -> x.idle(), Duration.ofSeconds(30));
            }
            Set<String> expected = scene.manifest().stream().map(e -> e.sha256().hex()).collect(Collectors.toSet());
            try (Stream<Path> files = Files.list(dir.resolve("cache-s"))) {
                assertEquals(expected, files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
            }
            long sends = log.messages().stream().filter(m -> m.contains("sent 3 scene files")).count();
            assertEquals(1, sends, "the second session found every file cached: " + log.messages());
        } finally {
            nodeLog.setLevel(old);
        }
    }

    @Test
    void aSecondClientIsToldWhichSessionHoldsTheServerAndGetsItAfterwards() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(10)), new FakeBackend(2));
            ClientSession a = c.client(Cluster.scene("WorldBegin"), "session-A", Cluster.fastOptions(null));
            RemoteNode na = a.addNode(local(s), 0, Checkpoint.NONE);
            s.awaitSnapshot(x -> "rendering".equals(x.state()), Duration.ofSeconds(30));
            ClientSession b = c.client(Cluster.scene("WorldBegin"), "session-B", Cluster.fastOptions(null));
            RemoteNode nb = b.addNode(local(s), 2, Checkpoint.NONE);
            nb.awaitState(st -> st.startsWith("busy"), Duration.ofSeconds(30));
            // A tag to tell sessions apart, never the id (nor what the server knows the session by).
            assertTrue(nb.state().matches("busy: session [0-9a-f]{8}\\.\\.\\. of 127\\.0\\.0\\.1:\\d+ since .*"), nb.state());
            assertFalse(nb.state().contains("session-A") || nb.state().contains(s.snapshot().sessionId()), nb.state());
            na.requestStop();
            assertTrue(na.awaitStopped(Duration.ofSeconds(30)));
            assertTrue(nb.awaitStopped(Duration.ofSeconds(30)), "B gets the server once A is done: " + nb.state());
            assertEquals("done", nb.state());
            Film fb = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            nb.drainInto(fb);
            assertEquals(2L * FakeJob.WIDTH * FakeJob.HEIGHT, fb.totalSamples());
        }
    }

    @Test
    void aSceneTheServerCannotParseIsRefusedWithItsMessageAndTheServerStaysFree() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(10)), new FakeBackend(2));
            ClientSession client = c.client(Cluster.scene("syntax error here"), "bad", Cluster.fastOptions(null));
            RemoteNode n = client.addNode(local(s), 0, Checkpoint.NONE);
            assertTrue(n.awaitStopped(Duration.ofSeconds(30)));
            assertEquals("refused: scenes/main.lxs:1:1: syntax error", n.state());
            assertTrue(s.awaitSnapshot(x -> x.idle(), Duration.ofSeconds(30)).idle());
        }
    }

    @Test
    void manifestsBeyondTheServersLimitsAreRefusedBeforeAnyUpload() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(10))
                    .withLimits(new org.luxnet.bridge.job.BundleLimits(10, 1 << 20, 1 << 22)), new FakeBackend(2));
            ClientSession client = c.client(Cluster.scene("WorldBegin"), "big", Cluster.fastOptions(null));
            RemoteNode n = client.addNode(local(s), 0, Checkpoint.NONE);
            assertTrue(n.awaitStopped(Duration.ofSeconds(30)));
            assertTrue(n.state().startsWith("refused: 'scenes/mesh.ply' has 3000000 bytes"), n.state());
            try (Stream<Path> files = Files.list(dir.resolve("cache-s"))) {
                assertEquals(List.of(), files.toList(), "nothing was written");
            }
            assertNotNull(s.snapshot());
            assertTrue(s.snapshot().idle());
        }
    }

    @Test
    void hostileFileNamesAreOnlyLookupKeysNeverPathsOnTheServer() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            FakeBackend backend = new FakeBackend(2);
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(10)), backend);
            java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            files.put("../../escape.lxs", "WorldBegin".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            files.put(dir.resolve("planted.ply").toString(), new byte[] {1, 2, 3});
            SceneBundle scene = new SceneBundle("../../escape.lxs", files);
            ClientSession client = c.client(scene, "hostile", Cluster.fastOptions(null));
            Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            RenderDriver d = Cluster.driver(total, 1);
            d.addRemote(client.addNode(local(s), 1, Checkpoint.NONE));
            d.run();
            assertEquals(scene.names(), backend.bundles.get(0).names(), "names reach the parser as keys");
            assertTrue(Files.notExists(dir.resolve("planted.ply")));
            assertTrue(Files.notExists(dir.getParent().getParent().resolve("escape.lxs")));
            try (Stream<Path> cached = Files.list(dir.resolve("cache-s"))) {
                assertTrue(cached.allMatch(p -> p.getFileName().toString().matches("[0-9a-f]{64}")));
            }
        }
    }
}

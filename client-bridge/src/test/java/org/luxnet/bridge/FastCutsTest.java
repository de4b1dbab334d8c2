package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientOptions;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;
import org.luxnet.bridge.testing.FlakyProxy;

/** Every connection dies sooner than one upload interval: samples still arrive, each exactly once. */
@Timeout(120)
class FastCutsTest {
    @TempDir
    Path dir;

    @Test
    void linksShorterThanTheUploadIntervalStillDeliverEverySampleOnce() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer s = c.server(c.config("fast", Duration.ofSeconds(20)), new FakeBackend(3));
            // Uploads every 5 s over links that live 400 ms: without collecting at once after each
            // reattach, nothing would ever arrive.
            ClientOptions o = Cluster.fastOptions(null).withUploadInterval(Duration.ofSeconds(5));
            try (FlakyProxy proxy = FlakyProxy.cuttingEvery(s.port(), Duration.ofMillis(400), Long.MAX_VALUE)) {
                SceneBundle scene = new SceneBundle("scenes/main.lxs",
                        Map.of("scenes/main.lxs", "WorldBegin".getBytes(StandardCharsets.UTF_8)));
                ClientSession client = c.client(scene, "fast", o);
                Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
                RenderDriver d = Cluster.driver(total, 150);
                RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", proxy.port()), 0, Checkpoint.NONE);
                d.addRemote(n);
                RenderDriver.Result r = d.run();
                assertEquals("spp", r.reason(), "the render reached its halt through the cuts");
                assertTrue(proxy.cutsMade() >= 2, "connections were cut: " + proxy.cutsMade());
                assertEquals("done", n.state());
                long passes = total.totalSamples() / (FakeJob.WIDTH * FakeJob.HEIGHT);
                assertTrue(passes >= 150, passes + " passes");
                assertTrue(total.contentEquals(FakeJob.reference(new JobSpec(Cluster.SEED, 1, 0), passes)),
                        "the film is exactly the server's first " + passes + " passes, each once: " + total);
            }
        }
    }
}

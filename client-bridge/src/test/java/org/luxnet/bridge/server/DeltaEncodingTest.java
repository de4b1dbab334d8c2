package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmCodec;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;

/** Deltas are compressed off the server's state thread, which keeps answering meanwhile. */
@Timeout(60)
class DeltaEncodingTest {
    @TempDir
    Path dir;

    @Test
    void theStateThreadAnswersWhileADeltaIsEncoded() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer s = c.server(c.config("enc", Duration.ofSeconds(20)), new FakeBackend(3));
            CountDownLatch entered = new CountDownLatch(1), release = new CountDownLatch(1);
            FilmCodec codec = new FilmCodec();
            s.encodeWith(f -> {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return codec.encode(f);
            });
            ClientSession client = c.client(Cluster.scene("WorldBegin"), "enc", Cluster.fastOptions(null));
            Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            RenderDriver d = Cluster.driver(total, 30);
            RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", s.port()), 0, Checkpoint.NONE);
            d.addRemote(n);
            Thread driver = new Thread(() -> {
                try {
                    d.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            driver.start();
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the client pulled a delta");
            // The state thread publishes a fresh snapshot on every lease check; with the encoding on
            // it, none would come until the encoding ends.
            ServerSnapshot held = s.snapshot();
            ServerSnapshot later = s.awaitSnapshot(x -> x != held, Duration.ofSeconds(20));
            assertNotSame(held, later, "the state thread checked the lease while a delta was being encoded");
            assertEquals(0, later.samplesSent(), "the delta is not sent before it is encoded");
            release.countDown();
            driver.join(30_000);
            assertEquals("done", n.state());
            long passes = total.totalSamples() / (FakeJob.WIDTH * FakeJob.HEIGHT);
            assertTrue(passes >= 30);
            assertTrue(total.contentEquals(FakeJob.reference(new JobSpec(Cluster.SEED, 1, 0), passes)),
                    "the film holds the server's first " + passes + " passes, each once");
        }
    }
}

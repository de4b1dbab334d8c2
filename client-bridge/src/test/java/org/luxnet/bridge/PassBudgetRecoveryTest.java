package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerConfig;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;

/**
 * A node's pass budget holds through every recovery: a server that loses its job (restarted, or its
 * session ended while the client was away) renders only the passes the client lacks, continuing the
 * node's own stream, so the film is bit for bit the film of an undisturbed render of the budget.
 */
@Timeout(90)
class PassBudgetRecoveryTest {
    private static final int PASSES = 8;
    private static final long PIXELS = (long) FakeJob.WIDTH * FakeJob.HEIGHT;

    @TempDir
    Path dir;

    private static Film undisturbed() {
        return FakeJob.reference(new JobSpec(Cluster.SEED, 1, PASSES), PASSES);
    }

    @Test
    void aServerRestartedMidRenderRendersOnlyTheMissingPassesOfTheSameStream() throws Exception {
        SceneBundle scene = Cluster.scene("restart");
        try (Cluster c = new Cluster(dir)) {
            ServerConfig cfg = c.config("s", Duration.ofSeconds(30));
            RenderServer first = c.server(cfg, new FakeBackend(100));
            int port = first.port();
            ClientSession client = c.client(scene, "restart", Cluster.fastOptions(null));
            RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", port), PASSES, Checkpoint.NONE);
            awaitSamples(n, 2 * PIXELS);
            first.close(); // what the client sees of a kill -9: the connection and the job are gone
            FakeBackend second = new FakeBackend(20);
            c.server(new ServerConfig(cfg.bindHost(), port, null, cfg.cacheDir(), cfg.maxCacheBytes(), cfg.limits(),
                    cfg.lease(), cfg.statsInterval(), "s again", cfg.connections()), second);
            assertTrue(n.awaitStopped(Duration.ofSeconds(60)), n.state());
            assertEquals("done", n.state());
            Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            n.drainInto(total);
            JobSpec again = second.specs.get(0);
            assertEquals(1, again.node(), "the restarted server continues node 1's stream");
            assertTrue(again.startSamples() >= 2 * PIXELS && again.startSamples() % PIXELS == 0, again.toString());
            assertEquals(PASSES * PIXELS, total.totalSamples(), "exactly the budget, not a second full budget");
            assertTrue(total.contentEquals(undisturbed()), "bit for bit the undisturbed film");
        }
    }

    @Test
    void aResumedClientWhoseServerEndedTheSessionGetsOnlyTheMissingPassesAndNothingWhenDone() throws Exception {
        SceneBundle scene = Cluster.scene("resume");
        try (Cluster c = new Cluster(dir)) {
            FakeBackend backend = new FakeBackend(100);
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(1)), backend);
            NodeAddress at = new NodeAddress("127.0.0.1", s.port());
            // The first client saves its film (drain + checkpoint) mid-render, then dies.
            ClientSession gone = c.client(scene, "resume", Cluster.fastOptions(null));
            RemoteNode n = gone.addNode(at, PASSES, Checkpoint.NONE);
            awaitSamples(n, 2 * PIXELS);
            Film saved = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            n.drainInto(saved);
            Checkpoint cp = n.checkpoint();
            assertEquals(new Checkpoint(cp.jobId(), cp.seq(), 1, saved.totalSamples()), cp);
            gone.close();
            // Past the lease the server ends the session; the resumed client asks for what it lacks.
            assertTrue(s.awaitSnapshot(x -> x.idle(), Duration.ofSeconds(30)).idle());
            ClientSession resumed = c.client(scene, "resume", Cluster.fastOptions(null));
            RemoteNode r = resumed.addNode(at, PASSES, Checkpoint.parse(cp.format()));
            assertTrue(r.awaitStopped(Duration.ofSeconds(60)), r.state());
            r.drainInto(saved);
            assertEquals(new JobSpec(Cluster.SEED, 1, PASSES, cp.samples()), backend.specs.get(1));
            assertEquals(PASSES * PIXELS, saved.totalSamples());
            assertTrue(saved.contentEquals(undisturbed()), "bit for bit the undisturbed film");
            // Resumed once more from the finished film: nothing is asked of the server.
            ClientSession done = c.client(scene, "resume", Cluster.fastOptions(null));
            RemoteNode d = done.addNode(at, PASSES, r.checkpoint());
            assertTrue(d.awaitStopped(Duration.ofSeconds(30)));
            assertEquals("done", d.state());
            assertEquals(2, backend.specs.size(), "no job for a node that holds its passes");
        }
    }

    private static void awaitSamples(RemoteNode n, long samples) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (n.stats().samples() < samples) {
            assertTrue(System.nanoTime() < end, "no samples arrived from " + n.address());
            Thread.sleep(10);
        }
    }
}

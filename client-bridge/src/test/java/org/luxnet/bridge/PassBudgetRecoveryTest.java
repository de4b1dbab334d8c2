package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
            assertEquals(List.of(again.startSamples() / FakeJob.WIDTH), again.startItems(),
                    "the CPU stream continues at the row after the samples held");
            assertEquals(PASSES * PIXELS, total.totalSamples(), "exactly the budget, not a second full budget");
            assertTrue(total.contentEquals(undisturbed()), "bit for bit the undisturbed film");
        }
    }

    @ParameterizedTest(name = "legacy checkpoint: {0}")
    @ValueSource(booleans = {false, true})
    void aResumedClientWhoseServerEndedTheSessionGetsOnlyTheMissingPassesAndNothingWhenDone(boolean legacy)
            throws Exception {
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
            assertEquals(new Checkpoint(cp.jobId(), cp.seq(), 1, saved.totalSamples(),
                    List.of(saved.totalSamples() / FakeJob.WIDTH)), cp);
            gone.close();
            // Past the lease the server ends the session; the resumed client asks for what it lacks.
            assertTrue(s.awaitSnapshot(x -> x.idle(), Duration.ofSeconds(30)).idle());
            ClientSession resumed = c.client(scene, "resume", Cluster.fastOptions(null));
            // legacy: a film saved before stream positions were kept has only the sample count
            Checkpoint from = legacy ? Checkpoint.parse(cp.jobId() + "/" + cp.seq() + "/1/" + cp.samples())
                    : Checkpoint.parse(cp.format());
            assertEquals(legacy ? List.of() : cp.items(), from.items());
            RemoteNode r = resumed.addNode(at, PASSES, from);
            assertTrue(r.awaitStopped(Duration.ofSeconds(60)), r.state());
            r.drainInto(saved);
            assertEquals(new JobSpec(Cluster.SEED, 1, PASSES, cp.samples(), from.items()), backend.specs.get(1));
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

    /**
     * A node whose server renders on the CPU and a GPU (two device streams sharing the budget, the
     * GPU's film ending inside a pass) is cut off mid-render; the restarted server, with the same
     * devices or with the GPU alone, continues every stream exactly where the client's film ends
     * in it: the film holds exactly the budget's passes, each stream whole passes, bit for bit the
     * samples of those stream positions, nothing twice and nothing missing.
     */
    @ParameterizedTest(name = "restarted with streams {0}")
    @ValueSource(strings = {"0,1", "1"})
    void aCpuAndGpuServerRestartedMidRenderContinuesEachStreamWhereTheFilmEnds(String restartedStreams)
            throws Exception {
        int[] streams = java.util.Arrays.stream(restartedStreams.split(",")).mapToInt(Integer::parseInt).toArray();
        SceneBundle scene = Cluster.scene("gpu restart " + restartedStreams);
        try (Cluster c = new Cluster(dir)) {
            ServerConfig cfg = c.config("s", Duration.ofSeconds(30));
            FakeBackend firstBackend = new FakeBackend(100, 0, 1);
            RenderServer first = c.server(cfg, firstBackend);
            int port = first.port();
            ClientSession client = c.client(scene, "gpu", Cluster.fastOptions(null));
            RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", port), PASSES, Checkpoint.NONE);
            Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            // Cut the server once the film holds CPU passes and a GPU stream that ends inside a pass.
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<Long> at;
            do {
                assertTrue(System.nanoTime() < end, "no mid-pass GPU position arrived: " + n.checkpoint());
                Thread.sleep(5);
                n.drainInto(total);
                at = n.checkpoint().items();
            } while (at.size() < 2 || at.get(0) < FakeJob.HEIGHT || at.get(1) % FakeJob.HEIGHT == 0);
            first.close(); // what the client sees of a kill -9: the connection and the job are gone
            FakeBackend second = new FakeBackend(20, streams);
            c.server(new ServerConfig(cfg.bindHost(), port, null, cfg.cacheDir(), cfg.maxCacheBytes(), cfg.limits(),
                    cfg.lease(), cfg.statsInterval(), "s again", cfg.connections()), second);
            assertTrue(n.awaitStopped(Duration.ofSeconds(60)), n.state());
            assertEquals("done", n.state());
            n.drainInto(total);

            JobSpec again = second.specs.get(0);
            assertEquals(1, again.node(), "the restarted server continues node 1's streams");
            assertEquals(2, again.startItems().size(), again.toString());
            assertEquals(again.startSamples(), (again.startItems().get(0) + again.startItems().get(1)) * FakeJob.WIDTH,
                    "the positions sent are where the samples the client holds end: " + again);
            assertTrue(again.startItems().get(0) >= at.get(0) && again.startItems().get(1) >= at.get(1),
                    again + " continues after " + at);
            long[] done = n.checkpoint().items().stream().mapToLong(Long::longValue).toArray();
            assertEquals(2, done.length);
            assertEquals(0, done[0] % FakeJob.HEIGHT, "whole CPU passes");
            assertEquals(0, done[1] % FakeJob.HEIGHT, "the GPU completed the pass it had begun");
            assertEquals(PASSES, (done[0] + done[1]) / FakeJob.HEIGHT, "the budget counts the passes of both streams");
            if (streams.length == 1) {
                assertEquals(again.startItems().get(0), done[0], "a GPU-only server leaves the CPU stream where it was");
            }
            assertArrayEquals(done, second.jobs.get(0).positions(), "the client's positions are the job's own");
            assertEquals(PASSES * PIXELS, total.totalSamples(), "exactly the budget, not a second full budget");
            assertTrue(total.contentEquals(FakeJob.reference(Cluster.SEED, 1, done)),
                    "bit for bit the undisturbed render of those streams");
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

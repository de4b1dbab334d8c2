package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;

/**
 * A job that fails as it starts, with any Throwable, ends its session with the reason to the client,
 * which gives up on that server saying why; the server is free for the next client at once.
 */
@Timeout(60)
class ServerJobFailureTest {
    @TempDir
    Path dir;

    @Test
    void anOutOfMemoryErrorAtJobStartIsReportedAndTheServerIsFreeAgain() throws Exception {
        assertRefused("huge film", "refused: the server ran out of memory for this scene (Java heap space)");
    }

    @Test
    void anyExceptionAtJobStartIsReportedNotRetriedForever() throws Exception {
        assertRefused("compiler bug", "refused: the render failed to start: java.lang.IllegalStateException: "
                + "no BVH for 0 primitives");
    }

    /**
     * A job whose device failed while the others rendered its budget (a GPU beside CPU threads) ends
     * with the failure: the client collects every pass and the node says why it failed.
     */
    @Test
    void aFailureToldAtTheJobsEndKeepsItsPassesAndItsReason() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            FakeBackend backend = new FakeBackend(2);
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(30)), backend);
            ClientSession client = c.client(Cluster.scene("device fails"), "failing", Cluster.fastOptions(null));
            RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", s.port()), 3, Checkpoint.NONE);
            assertTrue(n.awaitStopped(Duration.ofSeconds(30)));
            assertEquals("done: failed: java.lang.IllegalStateException: the GPU path tracer could not be built",
                    n.state());
            assertEquals(3L * FakeJob.WIDTH * FakeJob.HEIGHT, n.stats().samples(), "all three passes collected");
        }
    }

    private void assertRefused(String scene, String expectedPrefix) throws Exception {
        try (Cluster c = new Cluster(dir)) {
            FakeBackend backend = new FakeBackend(2);
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(30)), backend);
            NodeAddress at = new NodeAddress("127.0.0.1", s.port());
            ClientSession client = c.client(Cluster.scene(scene), "failing", Cluster.fastOptions(null));
            RemoteNode n = client.addNode(at, 0, Checkpoint.NONE);
            assertTrue(n.awaitStopped(Duration.ofSeconds(30)), "the client gives up on that server");
            assertTrue(n.state().startsWith(expectedPrefix), n.state());
            assertTrue(s.awaitSnapshot(x -> x.idle(), Duration.ofSeconds(30)).idle(), "not left starting");
            // The next client renders there.
            ClientSession next = c.client(Cluster.scene("fine"), "next", Cluster.fastOptions(null));
            RemoteNode ok = next.addNode(at, 2, Checkpoint.NONE);
            assertTrue(ok.awaitStopped(Duration.ofSeconds(30)));
            assertEquals("done", ok.state());
            assertEquals(1, backend.jobs.size());
        }
    }
}

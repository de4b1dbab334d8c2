package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.Busy;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.ErrorMessage;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;
import org.luxnet.bridge.testing.LogCapture;
import org.luxnet.bridge.testing.RawPeer;

/** An attacker who knows a session's id, but not its secret, on loopback against a real server and client. */
@Timeout(60)
class SessionHijackTest {
    @TempDir
    Path dir;

    @Test
    void anAttackerWithTheSessionIdButNotItsSecretCannotReattachAndTheVictimsFilmIsComplete() throws Exception {
        try (Cluster c = new Cluster(dir); LogCapture log = new LogCapture(RenderServer.class.getName())) {
            RenderServer s = c.server(c.config("s1", Duration.ofSeconds(10)), new FakeBackend(15));
            SceneBundle scene = Cluster.scene("WorldBegin");
            ClientSession victim = c.client(scene, "victim-session", Cluster.fastOptions(null));
            Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            RenderDriver driver = Cluster.driver(total, 20);
            RemoteNode n = victim.addNode(new NodeAddress("127.0.0.1", s.port()), 20, Checkpoint.NONE);
            driver.addRemote(n);
            CompletableFuture<RenderDriver.Result> result = Cluster.runInBackground(driver);
            assertEquals("rendering", n.awaitState("rendering"::equals, Duration.ofSeconds(20)));

            // A BUSY answer shows a tag of the session, not its id.
            String wireId = s.snapshot().sessionId();
            try (RawPeer other = RawPeer.open(s.port(), scene, "another-session", Bytes.of(new byte[32]))) {
                Busy busy = assertInstanceOf(Busy.class, other.receive());
                assertFalse(busy.sessionTag().contains(wireId), busy.toString());
            }
            // Even with the whole id (from a log, say), a wrong secret is refused, and the victim keeps its session.
            for (int attempt = 0; attempt < 3; attempt++) {
                try (RawPeer attacker = RawPeer.open(s.port(), scene, wireId, Bytes.of(new byte[32]))) {
                    ErrorMessage e = assertInstanceOf(ErrorMessage.class, attacker.receive());
                    assertEquals(ErrorCode.AUTH_FAILED, e.code());
                    assertTrue(attacker.closedByPeer());
                }
            }
            assertEquals("spp", result.get(30, TimeUnit.SECONDS).reason());
            assertEquals("done", n.state());
            Film expected = FakeJob.reference(new JobSpec(Cluster.SEED, 1, 20), 20);
            assertTrue(total.contentEquals(expected), "the victim's film holds every pass its server rendered");
            assertTrue(log.contains("belongs to another client"), log.messages().toString());
        }
    }
}

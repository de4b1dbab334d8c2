package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.ErrorPolicy;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerSnapshot;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;
import org.luxnet.bridge.testing.FlakyProxy;

/** Servers that dial in to a listening client: same handshake, password, sessions and exactly-once deltas. */
@Timeout(90)
class JoinTest {
    @TempDir
    Path dir;

    private static Film film() {
        return new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
    }

    @Test
    void aJoinedServerBehindCutsDeliversEverySampleOnceWithAPassword() throws Exception {
        PasswordProof pw = PasswordProof.resolve("join secret");
        try (Cluster c = new Cluster(dir)) {
            ClientSession client = c.client(Cluster.scene("WorldBegin"), "join", Cluster.fastOptions(pw));
            // The cuts land before the session starts (during the scene upload): by the errors policy
            // three of them would put the server aside for a minute; this test is about the resends.
            client.errorPolicy(new ErrorPolicy(0, Duration.ofSeconds(60)));
            Film total = film();
            RenderDriver d = Cluster.driver(total, 200);
            List<RemoteNode> joined = new CopyOnWriteArrayList<>();
            InetSocketAddress at = client.listen("127.0.0.1", 0, 0, n -> {
                joined.add(n);
                d.addRemote(n);
            });
            RenderServer s = c.server(c.config("joiner", Duration.ofSeconds(20)).withPassword(pw), new FakeBackend(3));
            // The server's connections go through a proxy that cuts the first ones inside frames.
            try (FlakyProxy proxy = new FlakyProxy(at.getPort(), 4_000, 9_000, 2_500)) {
                s.join("127.0.0.1", proxy.port());
                RenderDriver.Result r = d.run();
                assertEquals("spp", r.reason());
                assertEquals(1, joined.size(), "one server, one node, whatever the reconnections: " + joined);
                assertEquals("done", joined.get(0).state());
                assertEquals(3, proxy.cutsMade());
                long passes = total.totalSamples() / (FakeJob.WIDTH * FakeJob.HEIGHT);
                assertTrue(total.contentEquals(FakeJob.reference(new JobSpec(Cluster.SEED, 1, 0), passes)),
                        "exactly the joined server's first " + passes + " passes, each once: " + total);
                assertEquals(total.totalSamples(), s.awaitSnapshot(ServerSnapshot::idle, Duration.ofSeconds(30))
                        .samplesAcked());
            }
        }
    }

    @Test
    void serversJoinMidRenderAndOneLeaves() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            ClientSession client = c.client(Cluster.scene("WorldBegin"), "mid", Cluster.fastOptions(null));
            Film total = film();
            RenderDriver d = Cluster.driver(total, 600);
            List<RemoteNode> joined = new CopyOnWriteArrayList<>();
            InetSocketAddress at = client.listen("127.0.0.1", 0, 0, n -> {
                joined.add(n);
                d.addRemote(n);
            });
            RenderServer first = c.server(c.config("first", Duration.ofSeconds(20)), new FakeBackend(3));
            first.join("127.0.0.1", at.getPort());
            Thread later = new Thread(() -> {
                try {
                    first.awaitSnapshot(x -> x.samplesAcked() > 0, Duration.ofSeconds(30));
                    RenderServer second = c.server(c.config("second", Duration.ofSeconds(20)), new FakeBackend(3));
                    second.join("127.0.0.1", at.getPort());
                    second.awaitSnapshot(x -> x.samplesAcked() > 0, Duration.ofSeconds(30));
                    first.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            later.start();
            RenderDriver.Result r = d.run();
            later.join(30_000);
            assertEquals("spp", r.reason());
            assertEquals(2, joined.size(), joined.toString());
            assertEquals("done", joined.get(1).state(), "the server that stayed delivered everything");
            assertTrue(joined.get(0).stats().samples() > 0 && joined.get(1).stats().samples() > 0);
            assertEquals(total.totalSamples(), joined.get(0).stats().samples() + joined.get(1).stats().samples());
        }
    }
}

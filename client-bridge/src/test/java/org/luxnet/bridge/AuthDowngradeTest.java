package org.luxnet.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.Hello;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.Welcome;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;
import org.luxnet.bridge.testing.RawPeer;

/** A client with a password against servers that do not know it, on loopback: nothing of the client's leaves. */
@Timeout(60)
class AuthDowngradeTest {
    private static final Bytes NONCE = Bytes.of(new byte[Protocol.NONCE_BYTES]);

    @TempDir
    Path dir;

    /**
     * A one-connection fake server that answers the client's HELLO with {@code welcome} and then
     * collects whatever the client sends until it closes.
     */
    private static CompletableFuture<List<Message>> fakeServer(ServerSocket listener, Function<Hello, Welcome> welcome) {
        return CompletableFuture.supplyAsync(() -> {
            try (RawPeer p = new RawPeer(listener.accept())) {
                Hello h = assertInstanceOf(Hello.class, p.receive());
                p.send(welcome.apply(h));
                return p.drain();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String refusal(Cluster c, ServerSocket listener) throws InterruptedException {
        ClientSession client = c.client(Cluster.scene("WorldBegin"), "secret-scene", Cluster.fastOptions(
                new PasswordProof("the right password")));
        RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", listener.getLocalPort()), 1, Checkpoint.NONE);
        return n.awaitState(s -> s.startsWith("refused") || s.startsWith("failed"), Duration.ofSeconds(20));
    }

    @Test
    void aServerThatAsksForNoPasswordIsRefusedAndGetsNoScene() throws Exception {
        try (Cluster c = new Cluster(dir); ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<Message>> got = fakeServer(listener,
                    h -> new Welcome(Protocol.VERSION, Protocol.CAPABILITIES, "impostor", false, NONCE));
            String state = refusal(c, listener);
            assertTrue(state.startsWith("refused: the server does not ask for a password"), state);
            assertEquals(List.of(), got.get(), "the client sent the impostor nothing after HELLO");
        }
    }

    @Test
    void aServerWithAnotherPasswordIsDetectedBeforeTheClientSendsItsProof() throws Exception {
        try (Cluster c = new Cluster(dir); ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PasswordProof.Key wrong = new PasswordProof("a guessed password").key(PasswordProof.newSalt(),
                    PasswordProof.ITERATIONS);
            CompletableFuture<List<Message>> got = fakeServer(listener, h -> new Welcome(Protocol.VERSION,
                    Protocol.CAPABILITIES, "impostor", true, NONCE, wrong.salt(), wrong.iterations(),
                    wrong.serverProof(NONCE, h.clientNonce())));
            String state = refusal(c, listener);
            assertTrue(state.startsWith("refused: wrong password: the server's proof does not match"), state);
            assertEquals(List.of(), got.get(), "no AUTH (nothing to guess the password from) and no scene");
        }
    }

    @Test
    void theRightPasswordOnBothSidesStillRenders() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer s = c.server(c.config("s", Duration.ofSeconds(10)).withPassword(new PasswordProof("pw 1")),
                    new FakeBackend(1));
            ClientSession client = c.client(Cluster.scene("WorldBegin"), "ok", Cluster.fastOptions(new PasswordProof("pw 1")));
            Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
            RenderDriver d = Cluster.driver(total, 5);
            d.addRemote(client.addNode(new NodeAddress("127.0.0.1", s.port()), 5, Checkpoint.NONE));
            assertEquals("spp", d.run().reason());
            assertTrue(total.contentEquals(FakeJob.reference(new JobSpec(Cluster.SEED, 1, 5), 5)));
        }
    }
}

package org.luxnet.bridge.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.testing.FakeJob;

/** A server that keeps violating the protocol is put aside, with a growing wait, and forgiven on the node's clock. */
@Timeout(60)
class BadServerAsideTest {
    /** A "server" that answers every connection with a frame of an unknown message type. */
    private static final class GarbageServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final Thread thread;

        GarbageServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                        OutputStream out = s.getOutputStream();
                        out.write(new byte[] {0, 0, 0, 1, (byte) 200});
                        out.flush();
                        s.getInputStream().read(new byte[4096]);
                    } catch (IOException e) {
                        // The client closed it, or the test ended.
                    }
                }
            }, "garbage-server");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }

    @Test
    void aServerFailingNTimesIsPutAsideAndRetriedAfterTheForgiveTime() throws Exception {
        ManualClock clock = new ManualClock();
        SceneBundle scene = new SceneBundle("s.lxs", Map.of("s.lxs", "WorldBegin".getBytes(StandardCharsets.UTF_8)));
        ClientOptions o = new ClientOptions(Duration.ofMillis(60), Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(3), null, "t");
        try (GarbageServer bad = new GarbageServer();
             ClientSession session = new ClientSession(scene, "aside", 1, FakeJob.WIDTH, FakeJob.HEIGHT,
                     FakeJob.SCALE_BITS, 1, o)) {
            session.useClock(clock);
            session.errorPolicy(new ErrorPolicy(3, Duration.ofSeconds(60)));
            RemoteNode n = session.addNode(new NodeAddress("127.0.0.1", bad.socket.getLocalPort()), 0, Checkpoint.NONE);
            NodeStatus st = n.awaitStatus(s -> s.state() == NodeState.ASIDE, Duration.ofSeconds(30));
            assertEquals(NodeState.ASIDE, st.state(), "three protocol violations put the server aside: " + st);
            assertEquals("aside: failed too often; retried in 60 s", n.state());
            assertTrue(n.stats().state().startsWith("aside"), "the statistics show it: " + n.stats().state());
            assertEquals(3, bad.accepted.get(), "no connection while aside");
            assertEquals(1, clock.pending(), "the forgive timer runs on the node's clock");

            // Not yet forgiven: nothing happens.
            clock.advance(Duration.ofSeconds(59));
            assertEquals(NodeState.ASIDE, n.status().state());
            // Forgiven: tried again, fails three more times, and is put aside twice as long.
            clock.advance(Duration.ofSeconds(1));
            st = n.awaitStatus(s -> s.state() == NodeState.ASIDE && s.reason().contains("120 s"), Duration.ofSeconds(30));
            assertEquals("aside: failed too often; retried in 120 s", st.toString());
            assertEquals(6, bad.accepted.get());
            n.requestStop();
            assertTrue(n.awaitStopped(Duration.ofSeconds(10)));
            assertEquals(NodeState.STOPPED, n.status().state(), "a server that never rendered stops at once");
        }
    }
}

package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.LogCapture;

/**
 * What unauthenticated peers can make a real server hold on loopback: large frames are refused at
 * their length field, connections are capped per address, and no buffer leaks (leak detection
 * PARANOID throughout).
 */
@Timeout(120)
class HandshakeMemoryTest {
    private static ResourceLeakDetector.Level previous;

    @TempDir
    Path dir;

    @BeforeAll
    static void paranoid() {
        previous = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterAll
    static void restore() {
        ResourceLeakDetector.setLevel(previous);
    }

    /** A frame header announcing {@code length} bytes of a HELLO, and {@code body} bytes of it. */
    private static byte[] incompleteFrame(int length, int body) {
        return ByteBuffer.allocate(4 + 1 + body).putInt(length).put((byte) 1).array();
    }

    /** True when the server closed {@code s} (end of stream or reset) within the socket's timeout. */
    private static boolean closedByServer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] b = new byte[4096];
        try {
            while (in.read(b) >= 0) {
                // The server's refusal, then its end of stream.
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void twoHundredIncompleteLargeFramesAreRefusedAtTheirLengthAndNothingIsHeld() throws Exception {
        try (Cluster c = new Cluster(dir); LogCapture leaks = new LogCapture(ResourceLeakDetector.class.getName())) {
            RenderServer s = c.server(c.config("s1", Duration.ofSeconds(30)).withPassword(new PasswordProof("pw"))
                    .withConnections(new ConnectionLimits(1000, 1000)), new FakeBackend(1));
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    Socket sock = new Socket("127.0.0.1", s.port());
                    sockets.add(sock);
                    sock.setSoTimeout(10_000);
                    try {
                        sock.getOutputStream().write(incompleteFrame(1_000_000, 60_000));
                    } catch (SocketException reset) {
                        // Refused before all of it was written.
                    }
                }
                for (Socket sock : sockets) {
                    assertTrue(closedByServer(sock), "the server kept a connection with a 1 MB frame header open");
                }
                RenderServer.ConnectionUsage u = s.connectionUsage();
                assertEquals(0, u.bufferedBytes(), "bytes held for incomplete frames: " + u);
            } finally {
                for (Socket sock : sockets) {
                    sock.close();
                }
            }
            provokeLeakReports();
            assertTrue(leaks.messages().stream().noneMatch(m -> m.contains("LEAK")), leaks.messages().toString());
        }
    }

    @Test
    void connectionsAreCappedPerAddressAndWhatTheyHoldIsBoundedByTheHandshakeLimit() throws Exception {
        try (Cluster c = new Cluster(dir); LogCapture log = new LogCapture(RenderServer.class.getName())) {
            RenderServer s = c.server(c.config("s1", Duration.ofSeconds(30)).withConnections(new ConnectionLimits(64, 8)),
                    new FakeBackend(1));
            List<Socket> sockets = new ArrayList<>();
            int refused = 0;
            try {
                // Each announces a frame the handshake limit allows and sends all but a byte of it.
                int len = Protocol.HANDSHAKE_FRAME_BYTES;
                for (int i = 0; i < 200; i++) {
                    Socket sock = new Socket("127.0.0.1", s.port());
                    sockets.add(sock);
                    sock.setSoTimeout(10_000);
                    try {
                        sock.getOutputStream().write(incompleteFrame(len, len - 2));
                        sock.getOutputStream().flush();
                    } catch (SocketException reset) {
                        // Refused at once.
                    }
                }
                // Refused connections are closed at accept, in order: the first 8 are the ones kept.
                for (Socket sock : sockets.subList(8, sockets.size())) {
                    assertTrue(closedByServer(sock));
                    refused++;
                }
                RenderServer.ConnectionUsage u = awaitBuffered(s, 8L * (len + 3), Duration.ofSeconds(10));
                assertEquals(8, u.connections(), u.toString());
                // Length field, type byte and all but one byte of the body, for each kept connection.
                assertEquals(8L * (len + 3), u.bufferedBytes(), "the kept connections' partial frames: " + u);
            } finally {
                for (Socket sock : sockets) {
                    sock.close();
                }
            }
            assertEquals(192, refused);
            List<String> lines = log.messages();
            assertTrue(lines.stream().anyMatch(m -> m.contains("refusing a connection from 127.0.0.1")
                    && m.contains("the limit is 8")), lines.toString());
            assertTrue(lines.size() <= 11, "refusals are rate-limited: " + lines.size() + " lines");
        }
    }

    /** Polls the server until its decoders hold {@code bytes}; returns the last usage seen. */
    private static RenderServer.ConnectionUsage awaitBuffered(RenderServer s, long bytes, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        RenderServer.ConnectionUsage u = s.connectionUsage();
        while (u.bufferedBytes() < bytes && System.nanoTime() < end) {
            Thread.sleep(20);
            u = s.connectionUsage();
        }
        return u;
    }

    /** Lets the leak detector see collected buffers: it reports while tracking new allocations. */
    private static void provokeLeakReports() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            for (int j = 0; j < 100; j++) {
                ByteBuf b = ByteBufAllocator.DEFAULT.buffer(64);
                b.release();
            }
        }
    }
}

package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.Need;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.LogCapture;
import org.luxnet.bridge.testing.RawPeer;

/** What a peer can make a real server log on loopback: escaped, and a bounded number of lines. */
@Timeout(60)
class LogFloodTest {
    @TempDir
    Path dir;

    @Test
    void aNewlineInASessionIdCannotForgeALogLine() throws Exception {
        try (Cluster c = new Cluster(dir); LogCapture log = new LogCapture(RenderServer.class.getName())) {
            RenderServer s = c.server(c.config("s1", Duration.ofSeconds(10)), new FakeBackend(2));
            SceneBundle scene = Cluster.scene("WorldBegin");
            // Clients send a derived id; a hand-made peer sends what it likes.
            try (RawPeer p = RawPeer.open(s.port(), scene, "evil\nSEVERE: forged line\u001b[2J",
                    Bytes.of(new byte[32]))) {
                assertInstanceOf(Need.class, p.receive());
            }
            assertTrue(log.contains("session evil\\nSEVERE: forged line\\u001b[2J"), log.messages().toString());
            for (String m : log.messages()) {
                assertFalse(m.contains("\n") || m.contains("\u001b"), "a raw control character reached the log: " + m);
            }
        }
    }

    @Test
    void tenThousandBadFramesFromOnePeerLogABoundedNumberOfLines() throws Exception {
        try (Cluster c = new Cluster(dir); LogCapture log = new LogCapture(RenderServer.class.getName())) {
            RenderServer s = c.server(c.config("s1", Duration.ofSeconds(10)), new FakeBackend(2));
            // 20 connections, each sending 500 frames of an unknown message type in one burst.
            ByteBuffer frames = ByteBuffer.allocate(500 * 5);
            for (int i = 0; i < 500; i++) {
                frames.putInt(1).put((byte) 0xEE);
            }
            for (int conn = 0; conn < 20; conn++) {
                try (Socket sock = new Socket("127.0.0.1", s.port())) {
                    sock.setSoTimeout(10_000);
                    OutputStream out = sock.getOutputStream();
                    out.write(frames.array());
                    out.flush();
                    InputStream in = sock.getInputStream();
                    byte[] b = new byte[4096];
                    while (in.read(b) >= 0) {
                        // Drain the server's refusal until it closes the connection.
                    }
                }
            }
            List<String> lines = log.messages();
            assertTrue(lines.stream().anyMatch(m -> m.contains("unknown message type 238")), lines.toString());
            assertTrue(lines.size() <= 11, lines.size() + " log lines for 10,000 bad frames: " + lines);
        }
    }
}

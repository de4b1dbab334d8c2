package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerConfig;
import org.luxnet.bridge.server.ServerSnapshot;

/** {@code --frames PATTERN RANGE}: frames in order, each to its halt, output per frame, -r after the last finished. */
@Timeout(300)
class FramesCliTest {
    @TempDir
    Path tmp;

    /** Three tiny frames, scene-0001.lxs to scene-0003.lxs, 32x32 at 2 S/p. */
    private String frames() throws Exception {
        String box = Files.readString(Path.of("..", "examples", "cornell-box.lxs"))
                .replace("\"integer xresolution\" [256] \"integer yresolution\" [256]",
                        "\"integer xresolution\" [32] \"integer yresolution\" [32]")
                .replace("\"integer haltspp\" [64]", "\"integer haltspp\" [2]");
        assertTrue(box.contains("[32]") && box.contains("haltspp\" [2]"), "the scene was made tiny");
        for (int f = 1; f <= 3; f++) {
            Files.writeString(tmp.resolve(String.format("scene-%04d.lxs", f)), box);
        }
        return tmp.resolve("scene-####.lxs").toString();
    }

    @Test
    void framesRenderInOrderToTheirOwnOutputsAndResumeAfterTheLastFinished() throws Exception {
        String pattern = frames();
        String base = tmp.resolve("anim").toString();
        ConsoleRun r = ConsoleRun.run("--frames", pattern, "1-3", "-t", "1", "-o", base);
        assertEquals(0, r.exitCode(), r.toString());
        int i1 = r.out().indexOf("Frame 1:"), i2 = r.out().indexOf("Frame 2:"), i3 = r.out().indexOf("Frame 3:");
        assertTrue(i1 >= 0 && i1 < i2 && i2 < i3, "in order:\n" + r.out());
        for (int f = 1; f <= 3; f++) {
            assertTrue(Files.exists(tmp.resolve(String.format("anim-%04d.png", f))), "frame " + f + " written");
        }
        assertEquals(List.of("1", "2", "3"), Files.readAllLines(tmp.resolve("anim.frames")));

        // As if the render had died during frame 3: -r renders frame 3 only.
        Files.writeString(tmp.resolve("anim.frames"), "1\n2\n");
        Files.delete(tmp.resolve("anim-0003.png"));
        FileTime first = Files.getLastModifiedTime(tmp.resolve("anim-0001.png"));
        ConsoleRun again = ConsoleRun.run("--frames", pattern, "1-3", "-t", "1", "-r", "-o", base);
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("Frame 1 finished before; skipping it"), again.out());
        assertFalse(again.out().contains("Frame 1:"), again.out());
        assertTrue(Files.exists(tmp.resolve("anim-0003.png")));
        assertEquals(first, Files.getLastModifiedTime(tmp.resolve("anim-0001.png")), "frame 1 was not rendered again");
        assertEquals(List.of("1", "2", "3"), Files.readAllLines(tmp.resolve("anim.frames")));
    }

    @Test
    void framesRenderOnALoopbackServer() throws Exception {
        String pattern = frames();
        ServerConfig c = ServerConfig.of(0, tmp.resolve("cache"), "frames").withBindHost("127.0.0.1")
                .withLease(Duration.ofSeconds(20));
        try (RenderServer s = new RenderServer(c, new SessionBackend(1, null))) {
            s.start();
            ConsoleRun r = ConsoleRun.run("--frames", pattern, "2-3", "-u", "127.0.0.1:" + s.port(), "-t", "0",
                    "-i", "1", "-o", tmp.resolve("net").toString());
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(Files.exists(tmp.resolve("net-0002.png")) && Files.exists(tmp.resolve("net-0003.png")));
            assertFalse(Files.exists(tmp.resolve("net-0001.png")));
            assertTrue(s.awaitSnapshot(ServerSnapshot::idle, Duration.ofSeconds(30)).sessionsEnded() >= 2,
                    "the server rendered both frames, one session each");
        }
    }

    /**
     * A server that is gone (nothing listens on its port) costs no frame: every frame renders to its
     * halt on the servers that are there, and the run exits 0.
     */
    @Test
    void aLostServerCostsNoFrame() throws Exception {
        String pattern = frames();
        int gone;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            gone = probe.getLocalPort();
        }
        ServerConfig c = ServerConfig.of(0, tmp.resolve("cache"), "frames").withBindHost("127.0.0.1")
                .withLease(Duration.ofSeconds(20));
        try (RenderServer s = new RenderServer(c, new SessionBackend(1, null))) {
            s.start();
            ConsoleRun r = ConsoleRun.run("--frames", pattern, "1-3", "-u", "127.0.0.1:" + s.port(),
                    "-u", "127.0.0.1:" + gone, "-t", "0", "-i", "1", "-o", tmp.resolve("lost").toString());
            assertEquals(0, r.exitCode(), r.toString());
            for (int f = 1; f <= 3; f++) {
                assertTrue(Files.exists(tmp.resolve(String.format("lost-%04d.png", f))), "frame " + f + " written:\n" + r);
            }
            assertEquals(List.of("1", "2", "3"), Files.readAllLines(tmp.resolve("lost.frames")));
        }
    }

    @Test
    void badPatternsAndRangesAreUsageErrors() throws Exception {
        String pattern = frames();
        ConsoleRun noHash = ConsoleRun.run("--frames", tmp.resolve("scene.lxs").toString(), "1-3");
        assertEquals(ExitCode.USAGE, noHash.exitCode(), noHash.toString());
        assertTrue(noHash.err().contains("one run of '#'"), noHash.err());
        ConsoleRun backwards = ConsoleRun.run("--frames", pattern, "3-1");
        assertEquals(ExitCode.USAGE, backwards.exitCode(), backwards.toString());
        assertTrue(backwards.err().contains("ends before it starts"), backwards.err());
    }
}

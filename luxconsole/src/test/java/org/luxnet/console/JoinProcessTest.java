package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.io.FlmFile;

/** A real server process that dials in (-s --join) renders for a real client process that listens (--listen). */
@Timeout(240)
class JoinProcessTest {
    @TempDir
    Path tmp;
    private final List<LuxProcess> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(LuxProcess::close);
    }

    private LuxProcess luxconsole(String... args) throws Exception {
        LuxProcess p = LuxProcess.start(args);
        processes.add(p);
        return p;
    }

    @Test
    void aServerProcessJoinsAListeningClientProcess() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // The server starts first and dials until the client listens.
        LuxProcess server = luxconsole("-s", "-p", "0", "-t", "1", "--gpu", "off", "--cache-dir",
                tmp.resolve("cache").toString(), "--join", "127.0.0.1:" + port);
        server.awaitMatch("on port (\\d+)");
        Path base = tmp.resolve("joined");
        LuxProcess client = luxconsole("--listen", String.valueOf(port), "-t", "0", "--gpu", "off", "--halt-spp", "2",
                "-i", "1", "--stats-interval", "0.5", "--write-flm", "-V", "-o", base.toString(), LocalRenderCliTest.BOX);
        assertEquals(0, client.awaitExit(), client.output());
        assertTrue(client.output().matches("(?s).*  node 1 127\\.0\\.0\\.1:\\d+: done, \\d+ samples.*"), client.output());
        long samples = FlmFile.read(tmp.resolve("joined.flm"), 1 << 20).film().totalSamples();
        assertTrue(samples >= 2L * 256 * 256, "the joined server's samples are in the film: " + samples);
        server.terminate();
        assertEquals(0, server.awaitExit(), server.output());
    }
}

package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.io.FlmFile;

/** LuxRender's network and input flags: -c, -P, -W, -u without a port, and a scene on standard input. */
@Timeout(300)
class LuxRenderNetworkFlagsTest {
    static final String BOX = LocalRenderCliTest.BOX;

    @TempDir
    Path tmp;

    @Test
    void serverWithCacheDirPasswordAndWriteFlmRendersForAClientWithThePassword() throws Exception {
        Path cache = tmp.resolve("cache");
        try (LiveRun server = LiveRun.start("-s", "-p", "0", "-t", "1", "--gpu", "off", "-c", cache.toString(),
                "-P", "s3cret", "-W")) {
            String port = server.awaitOut("on port (\\d+)", Duration.ofSeconds(90)).group(1);
            ConsoleRun r = ConsoleRun.run("-u", "127.0.0.1:" + port, "-P", "s3cret", "-t", "0", "--halt-spp", "2",
                    "-i", "0.3", "--write-flm", "-o", tmp.resolve("net").toString(), BOX);
            assertEquals(0, r.exitCode(), r.toString());
            long film = FlmFile.read(tmp.resolve("net.flm"), 1 << 20).film().totalSamples();
            assertTrue(film >= 2L * 256 * 256, "halted at 2 S/p or just past: " + film);
            // -W: the server wrote the film it delivered before each transmission, the last one included.
            assertEquals(film, FlmFile.read(cache.resolve("node-1.flm"), 1 << 20).film().totalSamples());
            try (var files = Files.list(cache)) {
                assertTrue(files.count() > 1, "-c: the scene was cached there too");
            }
            // A wrong password is refused, and the images of the earlier render stay as they were.
            byte[] png = Files.readAllBytes(tmp.resolve("net.png"));
            ConsoleRun wrong = ConsoleRun.run("-u", "127.0.0.1:" + port, "--password", "guess", "-t", "0",
                    "--halt-spp", "2", "-i", "0.3", "--stats-interval", "0.2", "-o", tmp.resolve("net").toString(), BOX);
            assertEquals(ExitCode.IO, wrong.exitCode(), wrong.toString());
            assertTrue(wrong.err().contains("no server could render"), wrong.err());
            assertTrue(wrong.out().contains("Done (refused: no server could render)"), wrong.out());
            assertArrayEquals(png, Files.readAllBytes(tmp.resolve("net.png")), "a refused render writes no empty film");
        }
    }

    @Test
    void aServerWithoutPortIsLuxRendersDefault18018() {
        ConsoleRun r = ConsoleRun.run("-u", "127.0.0.1", "-V", "-t", "1", "--halt-spp", "1", "--stats-interval", "0.1",
                "-o", tmp.resolve("p").toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue((r.out() + r.err()).contains("127.0.0.1:18018"), r.toString());
    }

    @Test
    void aSceneOnStandardInputRenders() throws Exception {
        Path base = tmp.resolve("piped");
        try (LuxProcess p = LuxProcess.start("-t", "1", "--gpu", "off", "--halt-spp", "1", "-o", base.toString(), "-")) {
            try (OutputStream in = p.stdin()) {
                in.write(Files.readAllBytes(Path.of(BOX)));
            }
            assertEquals(0, p.awaitExit(), p.output());
            assertTrue(p.output().contains("Rendering -:"), p.output());
        }
        assertTrue(Files.size(tmp.resolve("piped.png")) > 1000);
    }

    @Test
    void theOpenClProbeWaitsForAGoodCommandLine() {
        ConsoleRun local = ConsoleRun.run("--gpu", "auto", "--stats-interval", "0", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, local.exitCode(), local.toString());
        assertTrue(!local.err().contains("OpenCL"), "no probe before the error: " + local.err());
        ConsoleRun server = ConsoleRun.run("-s", "--gpu", "auto", "-p", "99999");
        assertEquals(ExitCode.USAGE, server.exitCode(), server.toString());
        assertTrue(!server.err().contains("OpenCL"), "no probe before the error: " + server.err());
        ConsoleRun auto = ConsoleRun.run("--gpu", "auto", "-t", "1", "--halt-spp", "1", "-o", tmp.resolve("g").toString(), BOX);
        assertEquals(0, auto.exitCode(), auto.toString());
        if (auto.err().contains("no OpenCL GPU found")) {
            assertTrue(auto.err().contains("--gpu-device N"), "the message says how to choose: " + auto.err());
        }
    }
}

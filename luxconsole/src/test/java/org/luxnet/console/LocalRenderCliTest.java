package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.image.ExrIO;
import org.luxnet.accumulator.io.FlmFile;

/** luxconsole renders, writes, reports and resumes from the command line. */
class LocalRenderCliTest {
    static final String BOX = Path.of("..", "examples", "cornell-box.lxs").toString();
    /** The statistics line benchmark scripts parse. */
    static final Pattern STATS = Pattern.compile(
            "(?m)^\\d{2}:\\d{2}:\\d{2} - \\d+T: \\d+\\.\\d{2} S/p  \\d+\\.\\d{2} [kM]S/s  \\d+% Eff  \\d+\\.\\d{2} [kM]C/s - Using CPU$");

    @TempDir
    Path tmp;

    @Test
    void helpAndVersion() {
        ConsoleRun help = ConsoleRun.run("--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("--halt-spp"), help.out());
        ConsoleRun version = ConsoleRun.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("luxconsole "), version.out());
    }

    @Test
    void rendersTheExampleWritesImagesAndPrintsStatistics() throws Exception {
        Path base = tmp.resolve("box");
        ConsoleRun r = ConsoleRun.run("--halt-spp", "4", "-t", "2", "--stats-interval", "0.2", "-o", base.toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(STATS.matcher(r.out()).find(), "statistics line in:\n" + r.out());
        assertTrue(r.out().contains("4.00 S/p"), r.out());
        assertTrue(r.out().contains("Done (spp)"), r.out());
        assertTrue(Files.size(tmp.resolve("box.png")) > 1000);
        var exr = ExrIO.read(tmp.resolve("box.exr"));
        assertEquals(256, exr.width());
        double sum = 0;
        for (float v : exr.rgb()) {
            sum += v;
        }
        assertEquals(0.12, sum / exr.rgb().length, 0.01, "linear EXR holds the radiance (mean of the Cornell box)");
    }

    @Test
    void resumeContinuesExactlyWhereTheRenderStopped() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(0, ConsoleRun.run("--halt-spp", "3", "-t", "2", "--write-flm", "-o", a.toString(), BOX).exitCode());
        ConsoleRun resumed = ConsoleRun.run("--halt-spp", "6", "-t", "1", "-r", "-o", a.toString(), BOX);
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("Resuming"), resumed.out());
        assertEquals(0, ConsoleRun.run("--halt-spp", "6", "-t", "2", "--write-flm", "-o", b.toString(), BOX).exitCode());
        var fa = FlmFile.read(tmp.resolve("a.flm"), 1 << 20).film();
        var fb = FlmFile.read(tmp.resolve("b.flm"), 1 << 20).film();
        assertEquals(6L * 256 * 256, fa.totalSamples());
        assertTrue(fa.contentEquals(fb), "3 passes + resumed 3 passes == 6 passes in one go, bit for bit");
        ConsoleRun done = ConsoleRun.run("--halt-spp", "6", "-r", "-o", a.toString(), BOX);
        assertEquals(0, done.exitCode());
        assertTrue(done.out().contains("Nothing to do"), done.out());
    }

    @Test
    void resumeWithoutFilmOrWithAChangedSceneIsRefused() throws Exception {
        ConsoleRun missing = ConsoleRun.run("--halt-spp", "2", "-r", "-o", tmp.resolve("none").toString(), BOX);
        assertEquals(ExitCode.IO, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("none.flm"), missing.err());
        Path scene = tmp.resolve("scene.lxs");
        Files.copy(Path.of(BOX), scene);
        Path base = tmp.resolve("c");
        assertEquals(0, ConsoleRun.run("--halt-spp", "1", "--write-flm", "-o", base.toString(), scene.toString()).exitCode());
        Files.writeString(scene, Files.readString(scene).replace("0.630000 0.065000 0.050000", "0.1 0.2 0.3"));
        ConsoleRun changed = ConsoleRun.run("--halt-spp", "2", "-r", "-o", base.toString(), scene.toString());
        assertEquals(ExitCode.USAGE, changed.exitCode(), changed.toString());
        assertTrue(changed.err().contains("scene has changed"), changed.err());
    }

    @Test
    void unwritableOutputIsAnIoError() {
        ConsoleRun r = ConsoleRun.run("--halt-spp", "1", "-o", tmp.resolve("no/such/dir/x").toString(), BOX);
        assertEquals(ExitCode.IO, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no/such/dir does not exist"), "said at the start, before rendering: " + r.err());
        assertTrue(!r.out().contains("Rendering"), r.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ExitCode.USAGE, ConsoleRun.run("--no-such-option", BOX).exitCode());
        assertEquals(ExitCode.USAGE, ConsoleRun.run().exitCode());
        ConsoleRun zero = ConsoleRun.run("-t", "0", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, zero.exitCode());
        assertTrue(zero.err().contains("--threads"), zero.err());
        assertEquals(ExitCode.USAGE, ConsoleRun.run("--halt-spp", "-3", BOX).exitCode());
    }

    @Test
    void aLocalRenderIsThePipelineWithoutServersAndLoadsNoNetworkCode() throws Exception {
        // Its own JVM, logging every class it loads: no Netty event loop, client session or socket channel.
        try (LuxProcess p = LuxProcess.start(null, java.util.List.of("-Xlog:class+load=info"), "--halt-spp", "1", "-t", "1",
                "-o", tmp.resolve("alone").toString(), BOX)) {
            assertEquals(0, p.awaitExit(), p.output());
            String out = p.output();
            assertTrue(out.contains(" org.luxnet.console.Render ") && out.contains("Done (spp)"),
                    "the render ran, and the class log is in the output:\n" + out.lines().filter(l -> l.contains("luxnet")
                            || !l.startsWith("[")).limit(40).toList());
            java.util.List<String> network = out.lines().filter(l -> l.contains(" io.netty.")
                    || l.contains(" org.luxnet.bridge.client.ClientSession") || l.contains(" sun.nio.ch.ServerSocketChannelImpl")
                    || l.contains(" sun.nio.ch.SocketChannelImpl")).toList();
            assertTrue(network.isEmpty(), "a local render loaded network classes: " + network);
        }
        assertTrue(Files.size(tmp.resolve("alone.png")) > 1000);
    }
}

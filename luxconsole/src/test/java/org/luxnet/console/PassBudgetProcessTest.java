package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FlmFile;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * {@code --node-passes N} gives exactly N passes per node, the same film bit for bit, whatever is
 * killed with -9 and restarted: real luxconsole processes (a client rendering locally too, and a
 * render server) on loopback, compared with the film of an undisturbed render of the same seed.
 */
@Timeout(400)
class PassBudgetProcessTest {
    private static final int PASSES = 12;
    private static final long PIXELS = 256L * 256;
    private static Film undisturbed;

    @TempDir
    Path tmp;
    private final LuxProcesses processes = new LuxProcesses();

    /** Node 0 (the client's CPU stream) and node 1 (the server's), PASSES each, seed 7. */
    @BeforeAll
    static void renderUndisturbed() {
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse(Path.of(LocalRenderCliTest.BOX)));
        var s = cr.settings();
        undisturbed = new Film(s.width(), s.height(), s.scaleBits());
        for (int node = 0; node < 2; node++) {
            RenderSession r = new RenderSession(cr.scene(), s, new SessionOptions(2, 7, node, PASSES, List.of(), null));
            r.start();
            assertTrue(r.awaitStopped(Duration.ofMinutes(3)));
            r.drainInto(undisturbed);
        }
    }

    @AfterEach
    void killAll() {
        processes.close();
    }

    private LuxProcess server(String port, String lease) throws IOException {
        return processes.start("-s", "-p", port, "-t", "1", "--gpu", "off", "--cache-dir", tmp.resolve("cache").toString(),
                "--lease", lease, "--stats-interval", "0.5");
    }

    private String[] client(String port, boolean resume) {
        List<String> a = new ArrayList<>(List.of("-u", "127.0.0.1:" + port, "-t", "1", "--gpu", "off", "--verbose", "--node-passes",
                Integer.toString(PASSES), "--seed", "7", "-i", "0.3", "--stats-interval", "0.3", "--write-flm",
                "--write-interval", "0.5", "-o", tmp.resolve("budget").toString(), LocalRenderCliTest.BOX));
        if (resume) {
            a.add(0, "-r");
        }
        return a.toArray(String[]::new);
    }

    private Film film() throws IOException {
        return FlmFile.read(tmp.resolve("budget.flm"), 1 << 20).film();
    }

    private void assertUndisturbed(String why) throws IOException {
        Film f = film();
        assertEquals(2 * PASSES * PIXELS, f.totalSamples(), why + ": " + f.samplesPerPixel() + " S/p for " + 2 * PASSES);
        assertTrue(f.contentEquals(undisturbed), why + ": bit for bit the undisturbed film");
    }

    @Test
    void aServerKilledAndRestartedRendersOnlyItsMissingPassesAndResumingTheFinishedRenderDoesNothing()
            throws Exception {
        LuxProcess server = server("0", "30");
        String port = server.awaitMatch("on port (\\d+)").group(1);
        LuxProcess client = processes.start(client(port, false));
        client.awaitSpp("1N: ", 2);
        server.kill();
        LuxProcess again = server(port, "30");
        again.awaitMatch("on port " + port);
        assertEquals(0, client.awaitExit(), client.output());
        assertTrue(client.output().contains("Done (passes"), client.output());
        assertTrue(again.output().contains("continuing node 1 at stream items"), "the new job continues node 1's streams:\n"
                + again.output());
        assertUndisturbed("server killed -9 and restarted");
        byte[] finished = Files.readAllBytes(tmp.resolve("budget.flm"));
        // -r on the finished render: nothing to do, nothing rendered, the film as it was.
        ConsoleRun r = ConsoleRun.run(client(port, true));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Nothing to do"), r.out());
        assertArrayEquals(finished, Files.readAllBytes(tmp.resolve("budget.flm")));
    }

    @Test
    void aClientKilledWhoseServerEndedTheSessionResumesWithOnlyTheMissingPassesEverywhere() throws Exception {
        LuxProcess server = server("0", "2");
        String port = server.awaitMatch("on port (\\d+)").group(1);
        LuxProcess first = processes.start(client(port, false));
        first.awaitLine("a saved resume film", l -> l.startsWith("wrote ") && l.endsWith("budget.flm"));
        first.awaitSpp("1N: ", 2);
        first.kill();
        server.awaitLine("the session's end by its lease", l -> l.contains("past the lease"));
        LuxProcess second = processes.start(client(port, true));
        second.awaitMatch("Resuming .*budget\\.flm");
        assertEquals(0, second.awaitExit(), second.output());
        assertTrue(second.output().contains("Done (passes"), second.output());
        assertUndisturbed("client killed -9, its server's session ended, resumed with -r");
    }
}

package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.io.FlmFile;

/**
 * Ctrl-C (SIGTERM, which runs the same JVM shutdown) never loses work: a real luxconsole process
 * stopped mid-render collects its last samples, writes its final files and exits 0, also when one of
 * its render servers died before. Every step waits for what the processes print, never for a time.
 */
@Timeout(300)
class InterruptProcessTest {
    @TempDir
    Path tmp;
    private final List<LuxProcess> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(LuxProcess::close);
    }

    private LuxProcess luxconsole(String... args) throws IOException {
        LuxProcess p = LuxProcess.start(args);
        processes.add(p);
        return p;
    }

    /** Starts a render server on a free port; returns it once it says which port it listens on. */
    private LuxProcess server(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", "-p", "0", "-t", "1", "--gpu", "off", "--cache-dir",
                tmp.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return luxconsole(args.toArray(String[]::new));
    }

    private static String portOf(LuxProcess server) throws InterruptedException {
        return server.awaitMatch("on port (\\d+)").group(1);
    }

    @Test
    void terminatedLocalRenderWritesItsFinalFilesAndExitsZero() throws Exception {
        Path base = tmp.resolve("stopped");
        LuxProcess p = luxconsole("-t", "1", "--gpu", "off", "--halt-spp", "0", "--write-flm", "--stats-interval", "0.5",
                "--write-interval", "0", "-o", base.toString(), LocalRenderCliTest.BOX);
        p.awaitSpp("T: ", 0);
        p.terminate(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertEquals(0, p.awaitExit(), "a clean stop and write is a success:\n" + p.output());
        assertTrue(Files.size(tmp.resolve("stopped.png")) > 1000, "final PNG written:\n" + p.output());
        assertTrue(Files.exists(tmp.resolve("stopped.exr")), "final EXR written:\n" + p.output());
        long samples = FlmFile.read(tmp.resolve("stopped.flm"), 1 << 20).film().totalSamples();
        assertTrue(samples > 0, "the film holds what was rendered: " + samples);
        assertFalse(p.output().contains("writing images failed"), p.output());
        assertTrue(p.output().contains("Done (stopped)"), p.output());
    }

    @Test
    void ctrlCThatIsSigintWritesTheFinalFilesAndExitsZero() throws Exception {
        // A process started with SIGINT ignored (a background job of a shell without job control) keeps it ignored.
        Assumptions.assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this test JVM, and so in its children");
        Path base = tmp.resolve("ctrlc");
        LuxProcess p = luxconsole("-t", "1", "--gpu", "off", "--halt-spp", "0", "--write-flm", "--stats-interval", "0.5",
                "--write-interval", "0", "-o", base.toString(), LocalRenderCliTest.BOX);
        p.awaitSpp("T: ", 0);
        p.interrupt();
        assertEquals(0, p.awaitExit(), "Ctrl-C after a clean write is a success:\n" + p.output());
        assertTrue(p.output().contains("Done (stopped)"), p.output());
        assertTrue(Files.size(tmp.resolve("ctrlc.png")) > 1000, "final PNG written:\n" + p.output());
        assertTrue(FlmFile.read(tmp.resolve("ctrlc.flm"), 1 << 20).film().totalSamples() > 0, p.output());
    }

    /** Whether this JVM inherited SIGINT as ignored (Linux's /proc; false where there is none). */
    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    @Test
    void ctrlCDuringTheFirstOfSeveralScenesStopsThereAndExitsZero() throws Exception {
        Path second = tmp.resolve("second.lxs");
        Files.writeString(second, Files.readString(Path.of(LocalRenderCliTest.BOX))
                .replace("\"string filename\" [\"cornell-box\"]", "\"string filename\" [\"" + tmp.resolve("second") + "\"]"));
        Path first = tmp.resolve("first.lxs");
        Files.writeString(first, Files.readString(second).replace(tmp.resolve("second").toString(),
                tmp.resolve("first").toString()));
        LuxProcess p = luxconsole("-t", "1", "--gpu", "off", "--halt-spp", "0", "--stats-interval", "0.5",
                first.toString(), second.toString());
        p.awaitSpp("T: ", 0);
        p.terminate();
        assertEquals(0, p.awaitExit(), p.output());
        assertTrue(Files.exists(tmp.resolve("first.png")), "the first scene's images are written:\n" + p.output());
        assertFalse(Files.exists(tmp.resolve("second.png")), "and the next scene is not started:\n" + p.output());
    }

    @Test
    void terminatedClientWhoseServerDiedStopsPromptlyAndWrites() throws Exception {
        LuxProcess server = server();
        String port = portOf(server);
        Path base = tmp.resolve("client");
        LuxProcess client = luxconsole("-t", "0", "--gpu", "off", "-u", "127.0.0.1:" + port, "-i", "1", "--halt-spp", "0",
                "--write-flm", "--stats-interval", "0.5", "--write-interval", "0", "-o", base.toString(),
                LocalRenderCliTest.BOX);
        client.awaitSpp("1N: ", 0); // a delta arrived
        server.kill();
        // The client noticed: it says the connection ended and retries.
        client.awaitLine("the lost connection", l -> l.contains("127.0.0.1:" + port) && l.contains("retrying"));
        long t0 = System.nanoTime();
        client.terminate();
        assertEquals(0, client.awaitExit(), client.output());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 45, "a dead server does not hold the stop for the whole stop timeout (60 s): " + seconds
                + " s\n" + client.output());
        assertTrue(client.output().contains("unreachable"), "the dead server is called unreachable:\n" + client.output());
        assertFalse(client.output().contains("refuses connections"), client.output());
        assertTrue(Files.size(tmp.resolve("client.png")) > 1000, "final PNG written:\n" + client.output());
        assertTrue(FlmFile.read(tmp.resolve("client.flm"), 1 << 20).film().totalSamples() > 0, client.output());
    }

    @Test
    void clientKilledHardLosesNothingItsServerRendered() throws Exception {
        LuxProcess server = server("--lease", "60");
        String port = portOf(server);
        Path base = tmp.resolve("kept");
        String[] args = {"-t", "0", "--gpu", "off", "--verbose", "-u", "127.0.0.1:" + port, "-i", "0.3", "--halt-spp",
            "0", "--write-flm", "--write-interval", "1.5", "--stats-interval", "0.3", "-o", base.toString(),
            LocalRenderCliTest.BOX};
        LuxProcess first = luxconsole(args);
        // Let it save once, and collect more deltas after that save, then kill it without warning.
        first.awaitSpp("1N: ", 0);
        first.awaitLine("a saved resume film", l -> l.startsWith("wrote ") && l.endsWith("kept.flm"));
        double saved = first.awaitSpp("1N: ", 0);
        first.awaitSpp("1N: ", saved);
        first.kill();
        // Restarted with -r, it reattaches to the server's session, collects more, and stops cleanly.
        String[] resumeArgs = new String[args.length + 1];
        resumeArgs[0] = "-r";
        System.arraycopy(args, 0, resumeArgs, 1, args.length);
        LuxProcess second = luxconsole(resumeArgs);
        Matcher resumed = second.awaitMatch("Resuming .*kept\\.flm: (\\d+\\.\\d+) S/p");
        assertTrue(Double.parseDouble(resumed.group(1)) > 0, "the saved film held samples:\n" + second.output());
        second.awaitSpp("1N: ", 0);
        second.terminate();
        assertEquals(0, second.awaitExit(), "the resumed client ended:\n" + second.output());
        long filmSamples = FlmFile.read(tmp.resolve("kept.flm"), 1 << 20).film().totalSamples();
        String delivered = server.awaitMatch("(\\d+) samples rendered and delivered").group(1);
        assertEquals(Long.parseLong(delivered), filmSamples,
                "every sample the server rendered is in the film, once\n" + server.output() + "\n--- first\n"
                        + first.output() + "\n--- second\n" + second.output());
    }
}

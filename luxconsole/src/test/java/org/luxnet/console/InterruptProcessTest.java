package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.io.FlmFile;

/**
 * Ctrl-C (SIGTERM, which runs the same JVM shutdown) never loses work: a real luxconsole process
 * stopped mid-render collects its last samples and writes its final files, also when one of its
 * render servers died before.
 */
@Timeout(120)
class InterruptProcessTest {
    @TempDir
    Path tmp;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Process luxconsole(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LuxConsole.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        processes.add(p);
        return p;
    }

    /** Reads the process output on a thread; completes when a line contains {@code text}. */
    private static CompletableFuture<String> lineWith(Process p, String text, StringBuilder log) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains(text)) {
                        f.complete(line);
                    }
                }
            } catch (IOException e) {
                f.completeExceptionally(e);
            }
            f.complete(null);
        });
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Waits for a server process to say which port it listens on (it was started with -p 0). */
    private static String portOf(Process server, StringBuilder log) throws Exception {
        String line = lineWith(server, "on port", log).get(60, TimeUnit.SECONDS);
        assertTrue(line != null, "server started:\n" + log);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("on port (\\d+)").matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }

    @Test
    void terminatedLocalRenderWritesItsFinalFiles() throws Exception {
        Path base = tmp.resolve("stopped");
        StringBuilder log = new StringBuilder();
        Process p = luxconsole("-t", "1", "--gpu", "off", "--halt-spp", "0", "--write-flm", "--stats-interval", "0.5",
                "--write-interval", "0", "-o", base.toString(), LocalRenderCliTest.BOX);
        assertTrue(lineWith(p, " S/p ", log).get(60, TimeUnit.SECONDS) != null, "the render started:\n" + log);
        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        assertTrue(Files.size(tmp.resolve("stopped.png")) > 1000, "final PNG written:\n" + log);
        assertTrue(Files.exists(tmp.resolve("stopped.exr")), "final EXR written:\n" + log);
        long samples = FlmFile.read(tmp.resolve("stopped.flm"), 1 << 20).film().totalSamples();
        assertTrue(samples > 0, "the film holds what was rendered: " + samples);
        synchronized (log) {
            assertTrue(!log.toString().contains("writing images failed"), log.toString());
        }
    }

    @Test
    void terminatedClientWhoseServerDiedStopsPromptlyAndWrites() throws Exception {
        StringBuilder serverLog = new StringBuilder(), clientLog = new StringBuilder();
        Process server = luxconsole("-s", "-p", "0", "-t", "1", "--gpu", "off", "--cache-dir", tmp.resolve("cache").toString());
        String port = portOf(server, serverLog);
        Path base = tmp.resolve("client");
        Process client = luxconsole("-t", "0", "--gpu", "off", "-u", "127.0.0.1:" + port, "-i", "1", "--halt-spp", "0",
                "--write-flm", "--stats-interval", "0.5", "--write-interval", "0", "-o", base.toString(), LocalRenderCliTest.BOX);
        assertTrue(lineWith(client, "1N: ", clientLog).get(60, TimeUnit.SECONDS) != null, "client rendering:\n" + clientLog);
        Thread.sleep(1500); // let a delta or two arrive
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(500);
        long t0 = System.nanoTime();
        client.destroy();
        assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the client ended");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 20, "a dead server does not hold the stop for the whole stop timeout: " + seconds + " s\n"
                + clientLog);
        assertTrue(Files.size(tmp.resolve("client.png")) > 1000, "final PNG written:\n" + clientLog);
        assertTrue(FlmFile.read(tmp.resolve("client.flm"), 1 << 20).film().totalSamples() > 0, clientLog.toString());
    }

    @Test
    void clientKilledHardLosesNothingItsServerRendered() throws Exception {
        StringBuilder serverLog = new StringBuilder();
        Process server = luxconsole("-s", "-p", "0", "-t", "1", "--gpu", "off", "--lease", "60", "--cache-dir",
                tmp.resolve("cache").toString());
        String port = portOf(server, serverLog);
        Path base = tmp.resolve("kept");
        String[] args = {"-t", "0", "--gpu", "off", "-u", "127.0.0.1:" + port, "-i", "0.3", "--halt-spp", "0",
            "--write-flm", "--write-interval", "1.5", "--stats-interval", "0.3", "-o", base.toString(), LocalRenderCliTest.BOX};
        StringBuilder firstLog = new StringBuilder();
        Process first = luxconsole(args);
        assertTrue(lineWith(first, "1N: ", firstLog).get(60, TimeUnit.SECONDS) != null, "client rendering:\n" + firstLog);
        // Let it save once or twice and collect more deltas after, then kill it without warning.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(tmp.resolve("kept.flm")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(tmp.resolve("kept.flm")), "a resume film was saved:\n" + firstLog);
        Thread.sleep(1000);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // Restarted with -r, it reattaches to the server's session, collects, and stops cleanly.
        String[] resumeArgs = new String[args.length + 1];
        resumeArgs[0] = "-r";
        System.arraycopy(args, 0, resumeArgs, 1, args.length);
        StringBuilder secondLog = new StringBuilder();
        Process second = luxconsole(resumeArgs);
        assertTrue(lineWith(second, "1N: ", secondLog).get(60, TimeUnit.SECONDS) != null, "resumed:\n" + secondLog);
        Thread.sleep(1500);
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the resumed client ended:\n" + secondLog);
        long filmSamples = FlmFile.read(tmp.resolve("kept.flm"), 1 << 20).film().totalSamples();
        deadline = System.nanoTime() + 30_000_000_000L;
        String delivered = null;
        while (delivered == null && System.nanoTime() < deadline) {
            synchronized (serverLog) {
                java.util.regex.Matcher d = java.util.regex.Pattern.compile("(\\d+) samples rendered and delivered")
                        .matcher(serverLog);
                if (d.find()) {
                    delivered = d.group(1);
                }
            }
            Thread.sleep(100);
        }
        assertTrue(delivered != null, "the server reported its session's end:\n" + serverLog);
        assertEquals(Long.parseLong(delivered), filmSamples,
                "every sample the server rendered is in the film, once\n" + serverLog + "\n--- first\n" + firstLog
                        + "\n--- second\n" + secondLog);
    }
}

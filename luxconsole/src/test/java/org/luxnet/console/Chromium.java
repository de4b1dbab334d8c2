package org.luxnet.console;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium for end-to-end tests of the monitor page, in its own profile directory, with
 * DevTools on a free loopback port and nothing that reaches the internet. {@link #close} kills it and
 * every process it started.
 */
final class Chromium implements AutoCloseable {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Process process;
    private final Path stderr;
    private final URI browserEndpoint;

    private Chromium(Process process, Path stderr, URI browserEndpoint) {
        this.process = process;
        this.stderr = stderr;
        this.browserEndpoint = browserEndpoint;
    }

    /** The browser binary: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on the PATH. */
    static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Where {@link #find} looks, for the message of a skipped test. */
    static String searched() {
        return "$CHROMIUM, " + String.join(", ", NAMES) + " on the PATH";
    }

    /**
     * Starts the browser with a new profile in {@code profile} and waits for its DevTools port.
     *
     * @throws IOException when it does not start or never opens DevTools (its stderr is in the message)
     */
    static Chromium start(Path binary, Path profile, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Path err = profile.resolveSibling(profile.getFileName() + "-stderr.txt");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--no-proxy-server",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + width + "," + height, "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                    return new Chromium(p, err, ws);
                }
            }
            if (!p.isAlive() || System.nanoTime() > end) {
                Chromium c = new Chromium(p, err, null);
                String log = c.log();
                c.close();
                throw new IOException("Chromium did not open DevTools (" + (p.isAlive() ? "timed out" : "exited "
                        + p.exitValue()) + "); its stderr:\n" + log);
            }
            Thread.sleep(50);
        }
    }

    /** The browser-level DevTools WebSocket endpoint. */
    URI endpoint() {
        return browserEndpoint;
    }

    /** What the browser wrote to stderr so far, for failure messages. */
    String log() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    /** Kills the browser and every process it started, and waits for them. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        for (ProcessHandle h : children) {
            h.destroyForcibly();
        }
        for (ProcessHandle h : children) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
        }
        process.toHandle().onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
    }
}

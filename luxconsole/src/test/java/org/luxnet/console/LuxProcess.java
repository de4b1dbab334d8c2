package org.luxnet.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * luxconsole as a real process (its own JVM, signals, exit code), with its output (standard output and
 * error merged) read on a thread, so a test can wait for a condition on what it printed instead of
 * sleeping. Every wait is bounded; a failed wait says what was awaited and shows the output.
 *
 * <p>The output goes to a file, not a pipe: the JDK's reaper closes a child's pipe when the child
 * exits, and a reader blocked on it then fails with "Stream closed" and loses the last lines (those
 * printed after Ctrl-C, which tests check).
 */
final class LuxProcess implements AutoCloseable {
    /** How long any wait on a process may take: generous, for a loaded 2-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;
    /** Lines before this index were looked at by an earlier wait; each wait continues after the last match. */
    private int cursor;

    private LuxProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread t = new Thread(this::read, "luxconsole-output");
        t.setDaemon(true);
        t.start();
    }

    /** Starts {@code java ... LuxConsole args} in {@code dir} (the test's working directory when null). */
    static LuxProcess start(Path dir, String... args) throws IOException {
        return start(dir, List.of(), args);
    }

    /** As {@link #start(Path, String...)} with {@code jvmOptions} (e.g. {@code -Xmx4g}) before the class path. */
    static LuxProcess start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LuxConsole.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("luxconsole-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        return new LuxProcess(pb.start(), log);
    }

    /** Starts luxconsole in the test's working directory. */
    static LuxProcess start(String... args) throws IOException {
        return start(null, args);
    }

    /** Follows the output file until the process has ended and everything it wrote is read. */
    private void read() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = Files.newInputStream(log)) {
            while (true) {
                boolean alive = process.isAlive(); // before the read: a dead process has written everything
                int n = in.read(buf);
                if (n > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(buf[i]);
                        }
                    }
                } else if (!alive) {
                    break;
                } else {
                    process.onExit().completeOnTimeout(process, 20, TimeUnit.MILLISECONDS).join();
                }
            }
            if (line.size() > 0) {
                add(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            add("(reading the output failed: " + e + ")");
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void add(String l) {
        lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        notifyAll();
    }

    /**
     * Waits for a line, after the one the previous wait matched, that satisfies {@code test}; fails if
     * the output ends first or after {@link #PATIENCE}.
     */
    synchronized String awaitLine(String what, Predicate<String> test) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (; cursor < lines.size(); cursor++) {
                if (test.test(lines.get(cursor))) {
                    return lines.get(cursor++);
                }
            }
            long left = end - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("luxconsole never printed " + what + "\n" + output());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for a line in which {@code regex} is found; returns its match. */
    Matcher awaitMatch(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        Matcher[] m = new Matcher[1];
        awaitLine("/" + regex + "/", l -> (m[0] = p.matcher(l)).find());
        return m[0];
    }

    /**
     * Waits for a statistics line whose segment {@code segment} (e.g. {@code "1N: "} or {@code "Tot: "},
     * or {@code "T: "} for the local one) has more than {@code spp} samples per pixel.
     */
    double awaitSpp(String segment, double spp) throws InterruptedException {
        Pattern p = Pattern.compile(Pattern.quote(segment) + "(\\d+\\.\\d+) S/p");
        double[] got = new double[1];
        awaitLine("a statistics line with " + segment + "more than " + spp + " S/p", l -> {
            Matcher m = p.matcher(l);
            return m.find() && (got[0] = Double.parseDouble(m.group(1))) > spp;
        });
        return got[0];
    }

    /** Sends SIGTERM (as Ctrl-C, the JVM runs its shutdown hooks). */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGINT, what Ctrl-C in a terminal sends, with {@code kill -INT}. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " failed\n" + output());
        }
    }

    /** Kills the process outright (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Its standard input, e.g. to pipe a scene. */
    OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Waits for the process to end (fails after {@link #PATIENCE}) and returns its exit code. */
    int awaitExit() throws InterruptedException {
        return awaitExit(PATIENCE);
    }

    /** As {@link #awaitExit()}, failing after {@code patience} instead (for a long render). */
    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("luxconsole did not end\n" + output());
        }
        synchronized (this) {
            long end = System.nanoTime() + PATIENCE.toNanos();
            while (!ended && System.nanoTime() < end) {
                TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
            }
        }
        return process.exitValue();
    }

    /** Everything it printed so far. */
    synchronized String output() {
        return String.join("\n", lines) + "\n";
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        } catch (IOException | InterruptedException e) {
            log.toFile().deleteOnExit();
        }
    }
}

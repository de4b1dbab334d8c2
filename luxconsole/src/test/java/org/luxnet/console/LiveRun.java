package org.luxnet.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs luxconsole in-process on its own thread, so a test can read its output while it renders. */
final class LiveRun implements AutoCloseable {
    private final StringWriter out = new StringWriter(), err = new StringWriter();
    private final AtomicInteger exit = new AtomicInteger(Integer.MIN_VALUE);
    private final Thread thread;

    private LiveRun(String... args) {
        var cl = LuxConsole.commandLine();
        // StringWriter appends to a synchronized StringBuffer, so reading while it renders is safe.
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> exit.set(LuxConsole.execute(cl, args)), "luxconsole-under-test");
        thread.setDaemon(true);
    }

    /** Starts luxconsole with {@code args}. */
    static LiveRun start(String... args) {
        LiveRun r = new LiveRun(args);
        r.thread.start();
        return r;
    }

    /** Waits until standard output matches {@code regex} (find); fails after {@code timeout} or if luxconsole ends first. */
    Matcher awaitOut(String regex, Duration timeout) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            if (!thread.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("luxconsole never printed /" + regex + "/\n" + this);
            }
            Thread.sleep(20);
        }
    }

    /** Waits for luxconsole to end; returns its result, or fails after {@code timeout}. */
    ConsoleRun await(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("luxconsole did not end within " + timeout + "\n" + this);
        }
        return new ConsoleRun(exit.get(), out.toString(), err.toString());
    }

    /** True while luxconsole runs. */
    boolean isAlive() {
        return thread.isAlive();
    }

    /** Interrupts the run (as Ctrl-C ends a server) and waits for it. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "--- stdout\n" + out + "--- stderr\n" + err;
    }
}

package org.luxnet.console;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The exit code after Ctrl-C or SIGTERM. The JVM ends a process whose shutdown a signal started with
 * 128 + the signal (130, 143) whatever happened; but luxconsole answers a signal by stopping cleanly
 * and writing its images, so the command's own result is the honest exit code. {@link LuxConsole#main}
 * reports that result here; a shutdown hook that has seen the work finish waits for it and halts the
 * JVM with it. In-process callers (tests) never run the hooks and are unaffected.
 */
final class SignalExit {
    private static final CountDownLatch ENDED = new CountDownLatch(1);
    private static volatile int code = ExitCode.RENDER_FAILURE;
    private static volatile boolean signalled;

    private SignalExit() {
    }

    /** Ctrl-C or SIGTERM arrived (called from the shutdown hook): no further scene is started. */
    static void signal() {
        signalled = true;
    }

    /** Whether Ctrl-C or SIGTERM arrived. */
    static boolean signalled() {
        return signalled;
    }

    /** The command returned {@code exitCode}; called by {@code main} before it exits. */
    static void commandEnded(int exitCode) {
        code = exitCode;
        ENDED.countDown();
    }

    /**
     * From a shutdown hook, once the render or server has finished its work: waits up to {@code seconds}
     * for the command's result and ends the JVM with it. Returns (leaving the JVM's own exit code) when
     * the command does not end in time.
     */
    static void haltWithCommandResult(long seconds) {
        try {
            if (ENDED.await(seconds, TimeUnit.SECONDS)) {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

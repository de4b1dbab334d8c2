package org.luxnet.console;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (the JVM's shutdown) into a clean stop of a render: the shutdown hook asks the render
 * to stop, then holds the JVM until the render has collected its last samples and written its
 * images, which {@link #close} signals, and ends the process with the command's exit code (0 for a
 * clean stop, see {@link SignalExit}). Use with try-with-resources around the render.
 */
final class StopOnInterrupt implements AutoCloseable {
    /** How long Ctrl-C waits for the final collection and write before the JVM exits anyway. */
    private static final long WAIT_SECONDS = 90;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    StopOnInterrupt(Runnable requestStop) {
        hook = new Thread(() -> {
            SignalExit.signal();
            requestStop.run();
            try {
                if (finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    SignalExit.haltWithCommandResult(WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "luxconsole-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting because of Ctrl-C: the hook is running and waits for us.
        }
    }
}

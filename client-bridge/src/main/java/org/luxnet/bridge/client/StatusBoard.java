package org.luxnet.bridge.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A node's current {@link NodeStatus}, for any thread to read or wait on; a terminal one ends the node. */
final class StatusBoard {
    private final Object monitor = new Object();
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile NodeStatus status = NodeStatus.of(NodeState.CONNECTING);

    NodeStatus get() {
        return status;
    }

    void set(NodeStatus s) {
        synchronized (monitor) {
            status = s;
            monitor.notifyAll();
        }
        if (s.state().terminal()) {
            over.countDown();
        }
    }

    /** Waits up to {@code timeout} for a status satisfying {@code p}; returns the status then. */
    NodeStatus await(Predicate<NodeStatus> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!p.test(status)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
            return status;
        }
    }

    /** Waits up to {@code timeout} for a terminal status; whether it came. */
    boolean awaitOver(Duration timeout) throws InterruptedException {
        return over.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package org.luxnet.bridge.client;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time a node's slow policies run on (putting a failing server aside and forgiving it), so
 * tests can advance it instead of waiting. Tasks it runs must be safe on any thread; the node hops
 * to its event loop itself.
 */
public interface NodeClock {
    /** A monotonic time in nanoseconds. */
    long nanos();

    /** Runs {@code task} once {@code delay} has passed on this clock. */
    void schedule(Runnable task, Duration delay);

    /** The real clock, scheduling on {@code loop}. */
    static NodeClock of(EventLoop loop) {
        return new NodeClock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void schedule(Runnable task, Duration delay) {
                if (!loop.isShuttingDown()) {
                    loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        };
    }
}

package org.luxnet.bridge.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link NodeClock} that moves only when the test advances it, running what fell due. */
final class ManualClock implements NodeClock {
    private record Task(long due, Runnable run) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        tasks.add(new Task(now + delay.toNanos(), task));
    }

    /** Tasks waiting. */
    synchronized int pending() {
        return tasks.size();
    }

    /** Moves the time on by {@code d} and runs the tasks that fell due. */
    void advance(Duration d) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            now += d.toNanos();
            tasks.removeIf(t -> t.due() <= now && due.add(t.run()));
        }
        due.forEach(Runnable::run);
    }
}

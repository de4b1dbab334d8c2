package org.luxnet.render.device;

/**
 * The number of full-frame passes (one sample per pixel each) the devices of a session may still
 * render, shared so that a samples-per-pixel halt is met exactly however the work splits between
 * CPU threads and the GPU. Thread-safe.
 */
public final class PassBudget {
    private long remaining;

    /**
     * A budget of {@code passes} passes; 0 means unlimited, and a negative value none (resumed devices
     * then only complete the passes they had begun).
     */
    public PassBudget(long passes) {
        this.remaining = passes == 0 ? Long.MAX_VALUE : Math.max(0, passes);
    }

    /** Claims up to {@code n} passes; returns how many were granted (0 when the budget is spent). */
    public synchronized int claim(int n) {
        long g = Math.min(n, remaining);
        remaining -= g;
        return (int) g;
    }

    /** Returns {@code n} passes claimed but not rendered (a device stopped early). */
    public synchronized void giveBack(int n) {
        if (remaining != Long.MAX_VALUE) {
            remaining += n;
        }
    }

    /** Passes left (Long.MAX_VALUE when unlimited). */
    public synchronized long remaining() {
        return remaining;
    }
}

package org.luxnet.monitor;

import java.util.ArrayList;
import java.util.List;
import org.luxnet.accumulator.progress.RenderStatus;

/**
 * The monitor's plots over time: a ring buffer of points, one per sampling tick (every second),
 * keeping the newest {@code capacity}. Each point has a sequence number so the page can ask only
 * for what it has not seen. Thread-safe.
 */
public final class History {
    /**
     * One sample of the render's progress.
     *
     * @param seq              increasing from 1, never reused
     * @param seconds          render time at the sample
     * @param samplesPerSecond total rate then
     * @param samplesPerPixel  samples per pixel in the film then
     * @param noise            noise estimate then, NaN when none
     */
    public record Point(long seq, double seconds, double samplesPerSecond, double samplesPerPixel, double noise) {
    }

    private final Point[] ring;
    private long next = 1;

    /** A history keeping the newest {@code capacity} points. */
    public History(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be positive, got " + capacity);
        }
        this.ring = new Point[capacity];
    }

    /** Appends a point from {@code s}. */
    public synchronized void add(RenderStatus s) {
        long seq = next++;
        ring[(int) ((seq - 1) % ring.length)] = new Point(seq, s.elapsed().toNanos() / 1e9, s.samplesPerSecond(),
                s.samplesPerPixel(), s.noise());
    }

    /** The points kept with {@code seq > after}, oldest first. */
    public synchronized List<Point> since(long after) {
        long first = Math.max(after + 1, Math.max(1, next - ring.length));
        List<Point> out = new ArrayList<>((int) Math.max(0, next - first));
        for (long seq = first; seq < next; seq++) {
            out.add(ring[(int) ((seq - 1) % ring.length)]);
        }
        return out;
    }

    /** How many points it keeps at most. */
    public int capacity() {
        return ring.length;
    }
}

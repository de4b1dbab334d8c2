package org.luxnet.accumulator.stats;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Sampling speed from a cumulative sample count: fed with (time, samples so far) pairs, it reports
 * the speed over a sliding window (default 10 s) and the average since the first pair. The window
 * rate spans from the newest point back to the last point at or before the window's start, so with
 * regular feeding it covers a full window.
 *
 * <p>Memory stays bounded however often it is fed: a point closer than 1/256 of the window to the
 * one before the newest replaces the newest instead of adding to the list.
 *
 * <p>Thread-safe. Several threads may feed it; a pair that arrives after a newer one is ignored, as
 * its information is already contained in the newer count.
 */
public final class RateMeter {
    private static final int POINTS_PER_WINDOW = 256;

    private record Point(long time, long samples) {
    }

    private final long windowNanos;
    private final ArrayDeque<Point> points = new ArrayDeque<>();
    private Point first;

    /** A meter with a 10-second window. */
    public RateMeter() {
        this(Duration.ofSeconds(10));
    }

    /** A meter with the given window, which must be positive. */
    public RateMeter(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate window must be positive, got " + window);
        }
        this.windowNanos = window.toNanos();
    }

    /**
     * Records that {@code cumulativeSamples} samples had been taken at {@code timeNanos} (any
     * monotonic clock, e.g. {@link System#nanoTime()}).
     *
     * @throws IllegalArgumentException when the count is negative or lower than an earlier one at an
     *     earlier time (a restarted count needs {@link #reset()})
     */
    public synchronized void record(long timeNanos, long cumulativeSamples) {
        if (cumulativeSamples < 0) {
            throw new IllegalArgumentException("sample count is negative: " + cumulativeSamples);
        }
        Point p = new Point(timeNanos, cumulativeSamples);
        if (first == null) {
            first = p;
            points.add(p);
            return;
        }
        Point newest = points.peekLast();
        if (timeNanos - newest.time < 0) {
            return;
        }
        if (cumulativeSamples < newest.samples) {
            throw new IllegalArgumentException("sample count went down from " + newest.samples + " to "
                    + cumulativeSamples + "; reset the meter when the count restarts");
        }
        Point last = points.pollLast();
        Point before = points.peekLast();
        if (before == null || timeNanos - before.time >= windowNanos / POINTS_PER_WINDOW) {
            points.addLast(last);
        }
        points.addLast(p);
        // Drop the oldest point while the next one is still at or before the window's start.
        while (points.size() > 2) {
            Point oldest = points.pollFirst();
            if (timeNanos - points.peekFirst().time < windowNanos) {
                points.addFirst(oldest);
                break;
            }
        }
    }

    /** Samples per second over the sliding window; 0 before two points at different times. */
    public synchronized double windowRate() {
        return points.size() < 2 ? 0 : rate(points.peekFirst(), points.peekLast());
    }

    /** Samples per second since the first point; 0 before two points at different times. */
    public synchronized double averageRate() {
        return first == null ? 0 : rate(first, points.peekLast());
    }

    /** Forgets every point, for a sample count that starts again from 0. */
    public synchronized void reset() {
        points.clear();
        first = null;
    }

    private static double rate(Point from, Point to) {
        long dt = to.time - from.time;
        return dt <= 0 ? 0 : (to.samples - from.samples) * 1e9 / dt;
    }
}

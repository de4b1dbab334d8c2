package org.luxnet.bridge.client;

import java.time.Duration;

/**
 * When a client stops trying a server that keeps failing (Afanasy's error-host policy): after
 * {@code avoidAfter} errors (error replies, protocol violations, connections that break before the
 * session starts), each within {@code forgive} of the one before, the server is put aside for
 * {@code forgive}, doubled each time it is put aside again without rendering in between; then it is
 * retried with a clean count.
 *
 * @param avoidAfter errors that put a server aside; 0 never does
 * @param forgive    how long an error counts, and the first time aside
 */
public record ErrorPolicy(int avoidAfter, Duration forgive) {
    /** Afanasy's defaults: 3 errors, forgiven after 60 s. */
    public static final ErrorPolicy DEFAULT = new ErrorPolicy(3, Duration.ofSeconds(60));

    /** Checks the values. */
    public ErrorPolicy {
        if (avoidAfter < 0) {
            throw new IllegalArgumentException("the errors that put a server aside must be 0 or more, got " + avoidAfter);
        }
        if (forgive == null || forgive.isNegative() || forgive.isZero()) {
            throw new IllegalArgumentException("the errors' forgive time must be positive, got " + forgive);
        }
    }

    /** How long a server stays aside the {@code times}-th time in a row (0 for the first). */
    public Duration aside(int times) {
        long s = forgive.toMillis() << Math.min(10, Math.max(0, times));
        return Duration.ofMillis(Math.min(s, Duration.ofDays(1).toMillis()));
    }
}

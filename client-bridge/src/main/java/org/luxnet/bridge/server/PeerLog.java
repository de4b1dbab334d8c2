package org.luxnet.bridge.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.luxnet.bridge.protocol.LogText;

/**
 * Warnings about peers, rate-limited per peer host: the first {@code burst} in a window are logged,
 * the rest only counted, and one "N more suppressed" line per host follows when the window has
 * passed ({@link #flush}, or the host's next warning). So a peer that sends thousands of bad frames
 * or connections costs a bounded number of log lines. It remembers at most {@link #MAX_PEERS}
 * hosts. Thread-safe.
 */
final class PeerLog {
    /** Hosts remembered at once; the least recently warned is forgotten first. */
    static final int MAX_PEERS = 1024;

    private final Logger log;
    private final int burst;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> peers = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> e) {
            if (size() > MAX_PEERS) {
                report(e.getKey(), e.getValue());
                return true;
            }
            return false;
        }
    };

    private static final class Window {
        long start;
        int logged, suppressed;

        Window(long start) {
            this.start = start;
        }
    }

    /** A log writing to {@code log} at most {@code burst} warnings per host in each {@code window}. */
    PeerLog(Logger log, int burst, Duration window, LongSupplier nanoClock) {
        this.log = log;
        this.burst = burst;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    /** Ten warnings per host a minute on the system clock. */
    static PeerLog standard(Logger log) {
        return new PeerLog(log, 10, Duration.ofMinutes(1), System::nanoTime);
    }

    /** Logs {@code message} (which must already escape what the peer supplied) unless {@code peer}'s host is over its rate. */
    synchronized void warn(SocketAddress peer, String message) {
        String host = host(peer);
        long now = clock.getAsLong();
        Window w = peers.get(host);
        if (w == null) {
            w = new Window(now);
            peers.put(host, w);
        } else if (now - w.start >= windowNanos) {
            report(host, w);
            w.start = now;
            w.logged = 0;
        }
        if (w.logged < burst) {
            w.logged++;
            log.warning(message);
        } else {
            w.suppressed++;
        }
    }

    /** Reports the suppressed counts of windows that have passed and forgets quiet hosts; call periodically. */
    synchronized void flush() {
        long now = clock.getAsLong();
        for (Iterator<Map.Entry<String, Window>> it = peers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> e = it.next();
            if (now - e.getValue().start >= windowNanos) {
                report(e.getKey(), e.getValue());
                it.remove();
            }
        }
    }

    private void report(String host, Window w) {
        if (w.suppressed > 0) {
            log.warning(w.suppressed + " more warnings about " + host + " suppressed (at most " + burst + " per "
                    + Duration.ofNanos(windowNanos).toSeconds() + " s are logged)");
            w.suppressed = 0;
        }
    }

    /** The host part of a peer's address (its port changes with every connection). */
    static String host(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            return i.getAddress() != null ? i.getAddress().getHostAddress() : LogText.of(i.getHostString());
        }
        return LogText.of(String.valueOf(a));
    }
}

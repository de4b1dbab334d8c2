package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.luxnet.bridge.testing.LogCapture;

/** The per-peer rate limit of warnings, on a clock the test moves. */
class PeerLogTest {
    private static final String NAME = "org.luxnet.bridge.server.PeerLogTest";

    @Test
    void aPeerGetsItsBurstThenOneSummaryPerWindowWhileOthersStillLog() {
        AtomicLong now = new AtomicLong();
        PeerLog log = new PeerLog(Logger.getLogger(NAME), 3, Duration.ofSeconds(10), now::get);
        InetSocketAddress bad = new InetSocketAddress("10.0.0.1", 1000), other = new InetSocketAddress("10.0.0.2", 1);
        try (LogCapture cap = new LogCapture(NAME)) {
            for (int i = 0; i < 10_000; i++) {
                log.warn(new InetSocketAddress("10.0.0.1", 1000 + i % 5000), "bad frame " + i);
            }
            assertEquals(3, cap.messages().size(), cap.messages().toString());
            log.warn(other, "other peer");
            assertTrue(cap.contains("other peer"));
            log.flush();
            assertEquals(4, cap.messages().size(), "no summary before the window has passed");

            now.addAndGet(Duration.ofSeconds(10).toNanos());
            log.flush();
            assertTrue(cap.contains("9997 more warnings about 10.0.0.1 suppressed"), cap.messages().toString());
            assertEquals(5, cap.messages().size(), cap.messages().toString());
            log.warn(bad, "after the window");
            assertTrue(cap.contains("after the window"));
        }
    }
}

package org.luxnet.bridge.client;

import java.time.Duration;
import org.luxnet.bridge.auth.PasswordProof;

/**
 * How a client talks to its render servers.
 *
 * @param uploadInterval    how often each server's delta is collected (LuxRender's "upload interval")
 * @param heartbeatInterval how often the client tells each server it is alive; well below the servers' lease
 * @param silenceTimeout    a server that sends nothing for this long is taken as gone and reconnected
 * @param connectTimeout    limit of one TCP connect
 * @param backoffInitial    wait before the first reconnect; doubles per failure
 * @param backoffMax        the longest wait between reconnects
 * @param stopTimeout       how long a stopping node may take to deliver its last delta
 * @param password          the shared password, or null
 * @param clientName        how servers' logs name this client
 */
public record ClientOptions(Duration uploadInterval, Duration heartbeatInterval, Duration silenceTimeout,
                            Duration connectTimeout, Duration backoffInitial, Duration backoffMax, Duration stopTimeout,
                            PasswordProof password, String clientName) {
    /** Checks that every duration is positive. */
    public ClientOptions {
        for (Duration d : new Duration[] {uploadInterval, heartbeatInterval, silenceTimeout, connectTimeout,
            backoffInitial, backoffMax, stopTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("client intervals must be positive, got " + d);
            }
        }
        if (clientName == null) {
            clientName = "luxnet client";
        }
    }

    /** Defaults: upload every 10 s, heartbeat every 2 s, reconnect after 250 ms doubling to 15 s. */
    public static ClientOptions defaults(PasswordProof password) {
        return new ClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(15), Duration.ofSeconds(60), password,
                "luxnet client");
    }

    /** These options with another upload interval. */
    public ClientOptions withUploadInterval(Duration d) {
        return new ClientOptions(d, heartbeatInterval, silenceTimeout, connectTimeout, backoffInitial, backoffMax,
                stopTimeout, password, clientName);
    }

    /** The wait before reconnect attempt {@code failures} (0 for the first): capped exponential backoff. */
    public Duration backoff(int failures) {
        long ms = backoffInitial.toMillis() << Math.min(20, Math.max(0, failures));
        return Duration.ofMillis(Math.min(backoffMax.toMillis(), ms));
    }
}

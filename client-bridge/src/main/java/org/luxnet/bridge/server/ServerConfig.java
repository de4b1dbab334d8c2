package org.luxnet.bridge.server;

import java.nio.file.Path;
import java.time.Duration;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.job.BundleLimits;
import org.luxnet.bridge.protocol.Protocol;

/**
 * How a render server runs.
 *
 * @param bindHost      address to listen on; null for every interface
 * @param port          TCP port; 0 picks a free one (tests)
 * @param password      the shared password, or null when clients need none
 * @param cacheDir      where scene files are cached by hash
 * @param maxCacheBytes how much the cache keeps besides the scene in use
 * @param limits        what a scene manifest may ask for
 * @param lease         how long a session survives without hearing from its client; then the render
 *                      stops and the server is idle
 * @param statsInterval how often the statistics line is logged while rendering
 * @param serverId      the id reported in the handshake and BUSY answers
 * @param connections   how many connections it keeps open, in all and per peer address
 */
public record ServerConfig(String bindHost, int port, PasswordProof password, Path cacheDir, long maxCacheBytes,
                           BundleLimits limits, Duration lease, Duration statsInterval, String serverId,
                           ConnectionLimits connections) {
    /** Default lease: long enough for a client restart, short enough that a dead client frees the server. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    /** Checks the values. */
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (lease.isNegative() || lease.isZero() || statsInterval.isNegative() || statsInterval.isZero()) {
            throw new IllegalArgumentException("lease and statistics interval must be positive");
        }
        if (connections == null) {
            throw new IllegalArgumentException("connection limits are missing");
        }
        if (maxCacheBytes <= 0) {
            throw new IllegalArgumentException("cache size must be positive, got " + maxCacheBytes);
        }
    }

    /** A server on {@code port} (all interfaces, no password) with default limits, lease and cache size. */
    public static ServerConfig of(int port, Path cacheDir, String serverId) {
        return new ServerConfig(null, port, null, cacheDir, 4L << 30, BundleLimits.DEFAULT, DEFAULT_LEASE,
                Duration.ofSeconds(10), serverId, ConnectionLimits.DEFAULT);
    }

    /** This config with {@code p} as password (null for none). */
    public ServerConfig withPassword(PasswordProof p) {
        return new ServerConfig(bindHost, port, p, cacheDir, maxCacheBytes, limits, lease, statsInterval, serverId, connections);
    }

    /** This config with another lease. */
    public ServerConfig withLease(Duration l) {
        return new ServerConfig(bindHost, port, password, cacheDir, maxCacheBytes, limits, l, statsInterval, serverId, connections);
    }

    /** This config listening on {@code host} only. */
    public ServerConfig withBindHost(String host) {
        return new ServerConfig(host, port, password, cacheDir, maxCacheBytes, limits, lease, statsInterval, serverId, connections);
    }

    /** This config with other manifest limits. */
    public ServerConfig withLimits(BundleLimits l) {
        return new ServerConfig(bindHost, port, password, cacheDir, maxCacheBytes, l, lease, statsInterval, serverId, connections);
    }

    /** This config logging statistics every {@code d}. */
    public ServerConfig withStatsInterval(Duration d) {
        return new ServerConfig(bindHost, port, password, cacheDir, maxCacheBytes, limits, lease, d, serverId, connections);
    }

    /** This config with other connection limits. */
    public ServerConfig withConnections(ConnectionLimits c) {
        return new ServerConfig(bindHost, port, password, cacheDir, maxCacheBytes, limits, lease, statsInterval, serverId,
                c);
    }

    /** The default port, for messages. */
    public static int defaultPort() {
        return Protocol.DEFAULT_PORT;
    }
}

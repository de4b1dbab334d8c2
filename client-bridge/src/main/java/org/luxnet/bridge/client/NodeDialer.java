package org.luxnet.bridge.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * How a {@link RemoteNode} gets its connections: dials its server, retries with capped exponential
 * back-off, and counts the server's errors to put it aside ({@link NodeState#ASIDE}) by the
 * session's {@link ErrorPolicy}. Confined to the node's event loop (clock tasks hop onto it).
 */
final class NodeDialer {
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private final NodeLink node;
    private final EventLoop loop;
    private final NodeAddress address;
    private final ClientOptions options;
    private final ErrorPolicy policy;
    private final NodeClock clock;
    private int failures, errors, timesAside;
    private long lastErrorNanos;
    private String lastReason;
    private ScheduledFuture<?> retryTimer;
    private boolean aside;
    /** The server dials in (it joined a listening client): nothing to dial, only to wait for. */
    private final boolean inbound;

    NodeDialer(NodeLink node, EventLoop loop, NodeAddress address, ClientOptions options, ErrorPolicy policy,
               NodeClock clock, boolean inbound) {
        this.inbound = inbound;
        this.node = node;
        this.loop = loop;
        this.address = address;
        this.options = options;
        this.policy = policy;
        this.clock = clock;
    }

    /** Opens a connection; a failure comes back through {@link NodeLink#dialFailed}. */
    void dial() {
        retryTimer = null;
        aside = false;
        if (inbound) {
            return;
        }
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true).handler(new ClientInitializer(node));
        b.connect(address.host(), address.port()).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                node.dialFailed(f.cause());
            }
        });
    }

    /** Whether a connect failed because nothing listens on the port (the server is down). */
    static boolean nothingListens(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException
                    || c.getMessage() != null && c.getMessage().contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server failed (error reply, protocol violation, a connection that broke before its session
     * started). Returns how long it is put aside, or null when it is merely retried.
     */
    Duration error(String reason) {
        long now = clock.nanos();
        if (errors > 0 && now - lastErrorNanos > policy.forgive().toNanos()) {
            errors = 0;
        }
        errors++;
        lastErrorNanos = now;
        if (policy.avoidAfter() == 0 || errors < policy.avoidAfter()) {
            return null;
        }
        Duration wait = policy.aside(timesAside++);
        LOG.warning("server " + address + " failed " + errors + " times (last: " + reason + "); putting it aside for "
                + wait.toSeconds() + " s");
        errors = 0;
        aside = true;
        clock.schedule(() -> loop.execute(() -> {
            if (aside) {
                LOG.info("server " + address + " forgiven after " + wait.toSeconds() + " s aside; trying it again");
                node.forgiven();
            }
        }), wait);
        return wait;
    }

    /** The server started (or resumed) a session: its failures are forgotten. */
    void progress() {
        failures = errors = timesAside = 0;
        lastReason = null;
    }

    /** Whether the server is aside now. */
    boolean aside() {
        return aside;
    }

    /** Dials again after the back-off (a joined server is waited for); logs {@code reason} when it changed. */
    void retry(String reason) {
        Duration wait = options.backoff(failures++);
        if (!reason.equals(lastReason)) {
            LOG.info("server " + address + ": " + reason + "; retrying (next in " + wait.toMillis() + " ms)");
            lastReason = reason;
        }
        if (!inbound) {
            retryTimer = loop.schedule(node::redial, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** When waiting out a back-off or aside, dials at once instead (for a stop). */
    void hurry() {
        if (aside || retryTimer != null && retryTimer.cancel(false)) {
            dial();
        }
    }
}

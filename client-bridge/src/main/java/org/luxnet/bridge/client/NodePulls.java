package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.luxnet.bridge.protocol.Heartbeat;
import org.luxnet.bridge.protocol.Pull;

/**
 * The timed traffic of a {@link NodeLink}'s connection: a heartbeat every heartbeat interval once
 * the session is opened, a PULL every upload interval once it renders (and at once on request), at
 * most one delta on its way at a time, and no pull when held acknowledgements leave the server no
 * room. Confined to the node's event loop, except {@link #pullNow}.
 */
final class NodePulls {
    private final NodeLink link;
    private final EventLoop loop;
    private final ClientOptions options;
    private final DeltaReceipt receipt;
    private boolean pulling;
    private ScheduledFuture<?> pullTimer, heartbeatTimer;

    NodePulls(NodeLink link, EventLoop loop, ClientOptions options, DeltaReceipt receipt) {
        this.link = link;
        this.loop = loop;
        this.options = options;
        this.receipt = receipt;
    }

    /** The session is opened on {@code c}: heartbeats from now on. */
    void heartbeats(Channel c) {
        long hb = options.heartbeatInterval().toMillis();
        heartbeatTimer = loop.scheduleAtFixedRate(() -> c.writeAndFlush(new Heartbeat()), hb, hb, TimeUnit.MILLISECONDS);
    }

    /**
     * The session renders on {@code c}: pulls every upload interval, and one at once when {@code now}
     * (back after a cut: collect at once, or links that live shorter than an upload interval would
     * never deliver anything).
     */
    void rendering(Channel c, boolean now) {
        if (pullTimer == null) {
            long every = options.uploadInterval().toMillis();
            pullTimer = loop.scheduleAtFixedRate(() -> pull(c), every, every, TimeUnit.MILLISECONDS);
        }
        if (now) {
            pull(c);
        }
    }

    private void pull(Channel c) {
        // Holding acknowledgements until the next save: leave the server room for one more delta
        // and its resend, and let the rest wait in its session (nothing is lost, the next delta grows).
        if (c == link.channel() && !pulling && !link.stopSent() && c.isActive() && receipt.roomToPull()) {
            pulling = true;
            c.writeAndFlush(new Pull());
        }
    }

    /** Asks for a delta now, when connected and none is on its way. Any thread. */
    void pullNow() {
        if (loop.isShuttingDown()) {
            return;
        }
        loop.execute(() -> {
            Channel c = link.channel();
            if (c != null && link.started() && !link.terminal()) {
                pull(c);
            }
        });
    }

    /** A whole delta arrived: the next may be asked for. */
    void delivered() {
        pulling = false;
    }

    /** The connection is gone: nothing is on its way, and the timers stop. */
    void connectionGone() {
        pulling = false;
        cancel();
    }

    /** Stops the timers. */
    void cancel() {
        if (pullTimer != null) {
            pullTimer.cancel(false);
            pullTimer = null;
        }
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel(false);
            heartbeatTimer = null;
        }
    }
}

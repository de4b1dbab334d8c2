package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * How a {@link NodeLink} ends when the render does: a stop asks the server for what it has left
 * (STOP on the open session, or a connection attempt at once when the server is lost) and gives up
 * after the stop timeout; abandoning closes the connection at once without collecting anything.
 */
final class NodeStop {
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private final NodeLink link;
    private final EventLoop loop;
    private final DeltaReceipt receipt;
    private final NodeDialer dialer;
    private final NodeAddress address;
    private final Duration stopTimeout;

    NodeStop(NodeLink link, EventLoop loop, DeltaReceipt receipt, NodeDialer dialer, NodeAddress address,
             Duration stopTimeout) {
        this.link = link;
        this.loop = loop;
        this.receipt = receipt;
        this.dialer = dialer;
        this.address = address;
        this.stopTimeout = stopTimeout;
    }

    /** Closes the connection at once without collecting anything more. Any thread. */
    void abandon() {
        if (loop.isShuttingDown()) {
            return;
        }
        loop.execute(() -> {
            if (!link.terminal()) {
                link.finish(NodeStatus.of(link.started() ? NodeState.ABANDONED : NodeState.STOPPED));
            }
            close();
        });
    }

    /** Asks the server to stop and send what it has left; returns at once. Any thread. */
    void requestStop() {
        link.markStopRequested();
        loop.execute(() -> {
            if (link.terminal()) {
                return;
            }
            // The final save follows the stop; the server ends only once everything is acknowledged.
            receipt.release(Long.MAX_VALUE);
            Channel ch = link.channel();
            if (ch != null && link.openSent()) {
                if (!link.stopSent()) {
                    link.sendStop(ch);
                }
            } else if (!link.started()) {
                close();
                link.finish(NodeStatus.of(NodeState.STOPPED));
                return;
            } else if (ch == null) {
                // Lost and waiting out a back-off (or aside): try at once instead (a refusal ends it).
                // When the timer already fired, a connection attempt is in flight and will report.
                dialer.hurry();
            }
            loop.schedule(() -> {
                if (!link.terminal()) {
                    LOG.warning("server " + address + ": gave up collecting its last delta after "
                            + stopTimeout.toSeconds() + " s; its undelivered samples are lost");
                    link.finish(NodeStatus.of(NodeState.GAVE_UP));
                    close();
                }
            }, stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void close() {
        Channel ch = link.channel();
        if (ch != null) {
            ch.close();
        }
    }
}

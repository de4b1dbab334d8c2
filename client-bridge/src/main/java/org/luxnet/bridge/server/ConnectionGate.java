package org.luxnet.bridge.server;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.luxnet.bridge.protocol.FrameGate;

/**
 * Counts a server's open connections, in all and per peer address, and refuses those over its
 * {@link ConnectionLimits} as they are accepted, with a rate-limited warning. Thread-safe.
 */
final class ConnectionGate {
    private final ConnectionLimits limits;
    private final PeerLog log;
    private final Map<InetAddress, Integer> perPeer = new HashMap<>();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private int total;

    ConnectionGate(ConnectionLimits limits, PeerLog log) {
        this.limits = limits;
        this.log = log;
    }

    /** Counts {@code ch} until it closes and returns true, or returns false when it is one too many. */
    boolean admit(Channel ch) {
        InetAddress peer = ch.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        synchronized (this) {
            int fromPeer = perPeer.getOrDefault(peer, 0);
            String refusal = total >= limits.total() ? total + " connections are open, the limit is " + limits.total()
                    : fromPeer >= limits.perPeer() ? fromPeer + " connections from this address are open, the limit is "
                    + limits.perPeer() : null;
            if (refusal != null) {
                log.warn(ch.remoteAddress(), "refusing a connection from " + RenderServer.address(ch) + ": " + refusal);
                return false;
            }
            total++;
            perPeer.put(peer, fromPeer + 1);
        }
        channels.add(ch);
        ch.closeFuture().addListener(f -> {
            channels.remove(ch);
            release(peer);
        });
        return true;
    }

    private synchronized void release(InetAddress peer) {
        total--;
        perPeer.computeIfPresent(peer, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Open connections now. */
    synchronized int open() {
        return total;
    }

    /** Bytes the open connections' frame decoders hold for incomplete frames; on the event loop. */
    long bufferedBytes() {
        long sum = 0;
        for (Channel ch : channels) {
            FrameGate g = ch.pipeline().get(FrameGate.class);
            sum += g == null ? 0 : g.buffered();
        }
        return sum;
    }
}

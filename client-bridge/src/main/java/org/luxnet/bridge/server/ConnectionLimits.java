package org.luxnet.bridge.server;

/**
 * How many connections a server keeps open at once, in all and from one peer address: what an
 * unauthenticated peer can make it hold is bounded by these times the handshake's frame limit.
 *
 * @param total   open connections at most
 * @param perPeer open connections from one IP address at most
 */
public record ConnectionLimits(int total, int perPeer) {
    /** 256 in all, 16 from one address: a client needs one per server, and a few while reconnecting. */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(256, 16);

    /** Checks that both limits are positive and the per-peer one is no larger than the total. */
    public ConnectionLimits {
        if (total < 1 || perPeer < 1 || perPeer > total) {
            throw new IllegalArgumentException("connection limits must be positive with the per-peer one at most the "
                    + "total; got " + total + " in all, " + perPeer + " per peer");
        }
    }
}

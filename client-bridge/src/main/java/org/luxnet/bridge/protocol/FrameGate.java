package org.luxnet.bridge.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteOrder;

/**
 * The length-field frame decoder with a limit that starts small and is raised once the peer has
 * authenticated: before that, a frame longer than the handshake needs is refused as soon as its
 * length field arrives, so an unauthenticated peer cannot make the server buffer a large frame. The
 * limit is raised on the channel's own event loop.
 */
public final class FrameGate extends LengthFieldBasedFrameDecoder {
    private final int openLimit;
    private int limit;

    /** A decoder accepting frames of at most {@code closedLimit} bytes until {@link #open}, then {@code openLimit}. */
    public FrameGate(int closedLimit, int openLimit) {
        super(openLimit, 0, 4, 0, 4, true);
        this.openLimit = openLimit;
        this.limit = closedLimit;
    }

    /** Raises the limit to the one for authenticated peers. */
    public void open() {
        limit = openLimit;
    }

    /** The current limit, in bytes. */
    public int limit() {
        return limit;
    }

    /** Bytes received and held for a frame not yet complete; on the channel's event loop. */
    public int buffered() {
        return internalBuffer().readableBytes();
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        long n = super.getUnadjustedFrameLength(buf, offset, length, order);
        if (n > limit) {
            throw new TooLongFrameException("a frame of " + n + " bytes before authentication; the limit is " + limit);
        }
        return n;
    }
}

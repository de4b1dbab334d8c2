package org.luxnet.bridge.client;

import org.luxnet.bridge.protocol.DeltaChunk;
import org.luxnet.bridge.protocol.ProtocolException;

/**
 * Puts a film delta back together from its chunks: they must come in order, one delta at a time,
 * and the delta must not be larger than a film of the client's size can encode to. Not thread-safe.
 */
final class DeltaAssembler {
    private final long maxBytes;
    private byte[] buffer;
    private long seq;
    private int received;

    /** An assembler accepting deltas of at most {@code maxBytes}. */
    DeltaAssembler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Adds a chunk; returns the complete encoded delta when this was its last chunk, else null.
     *
     * @throws ProtocolException when the chunk is out of order or the delta too large
     */
    byte[] add(DeltaChunk c) throws ProtocolException {
        if (c.offset() == 0) {
            if (c.totalSize() > maxBytes) {
                throw new ProtocolException("delta " + c.seq() + " of " + c.totalSize() + " bytes is larger than any "
                        + "delta of this film (" + maxBytes + " bytes)");
            }
            buffer = new byte[(int) c.totalSize()];
            seq = c.seq();
            received = 0;
        } else if (buffer == null || c.seq() != seq || c.offset() != received || c.totalSize() != buffer.length) {
            throw new ProtocolException("delta chunk " + c.seq() + " at offset " + c.offset() + " out of order"
                    + (buffer == null ? "" : " (expected delta " + seq + " at offset " + received + ")"));
        }
        byte[] d = c.data().toArray();
        System.arraycopy(d, 0, buffer, received, d.length);
        received += d.length;
        if (received < buffer.length) {
            return null;
        }
        byte[] done = buffer;
        buffer = null;
        return done;
    }

    /** Forgets a partial delta (the connection broke; the server resends it whole). */
    void reset() {
        buffer = null;
    }
}

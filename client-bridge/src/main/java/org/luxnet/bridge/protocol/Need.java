package org.luxnet.bridge.protocol;

import java.util.List;

/**
 * The scene files the server lacks, by SHA-256; the client sends exactly these, in this order, as
 * {@link BlobChunk}s. An empty list means the server has everything.
 *
 * <p>Wire: {@code u32 count, count times 32 bytes sha256}.
 */
public record Need(List<Bytes> hashes) implements Message {
    /** Checks and copies the list. */
    public Need {
        hashes = List.copyOf(hashes);
        for (Bytes h : hashes) {
            Fields.length(h, Protocol.HASH_BYTES, "hash");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.NEED;
    }
}

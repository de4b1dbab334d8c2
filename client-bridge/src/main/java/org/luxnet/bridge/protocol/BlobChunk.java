package org.luxnet.bridge.protocol;

/**
 * A piece of a scene file. Pieces of one file come in order, from offset 0 to its size; a file of
 * size 0 is one empty piece.
 *
 * <p>Wire: {@code 32 bytes sha256, i64 offset, i64 totalSize, u32 length, length bytes data}.
 *
 * @param sha256    the file's hash, as listed in {@link Need}
 * @param offset    where this piece starts in the file
 * @param totalSize the file's size
 * @param data      the piece, at most {@link Protocol#CHUNK_BYTES}
 */
public record BlobChunk(Bytes sha256, long offset, long totalSize, Bytes data) implements Message {
    /** Checks the fields. */
    public BlobChunk {
        Fields.length(sha256, Protocol.HASH_BYTES, "sha256");
        Chunks.check(offset, totalSize, data);
    }

    @Override
    public MessageType type() {
        return MessageType.BLOB_CHUNK;
    }
}

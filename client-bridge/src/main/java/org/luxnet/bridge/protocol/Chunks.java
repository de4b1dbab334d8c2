package org.luxnet.bridge.protocol;

/** The range rules of chunked transfers ({@link BlobChunk}, {@link DeltaChunk}). */
final class Chunks {
    private Chunks() {
    }

    static void check(long offset, long total, Bytes data) {
        if (data == null) {
            throw new IllegalArgumentException("chunk data is null");
        }
        if (data.length() > Protocol.CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk of " + data.length() + " bytes exceeds " + Protocol.CHUNK_BYTES);
        }
        if (offset < 0 || total < 0 || offset > total || data.length() > total - offset) {
            throw new IllegalArgumentException("chunk [" + offset + ", +" + data.length() + ") lies outside [0, "
                    + total + ")");
        }
    }
}

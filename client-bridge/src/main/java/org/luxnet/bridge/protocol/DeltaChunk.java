package org.luxnet.bridge.protocol;

import java.util.List;
import org.luxnet.bridge.job.JobSpec;

/**
 * A piece of a film delta: the {@code FilmCodec} encoding of everything the server rendered between
 * two pulls. The server keeps the encoded delta until it is acknowledged and resends it after a
 * reconnect with the same sequence number; the client merges each sequence number once.
 *
 * <p>Wire: {@code i64 seq, i64 offset, i64 totalSize, u8 flags (bit 0: the session's last delta),
 * u8 count, count times i64 stream item, u32 length, length bytes data}.
 *
 * @param seq       the delta's sequence number, from 1, increasing within a job
 * @param offset    where this piece starts in the encoded delta
 * @param totalSize the encoded delta's size
 * @param last      true on every piece of the delta sent after a {@link Stop}: nothing follows it
 * @param data      the piece, at most {@link Protocol#CHUNK_BYTES}
 * @param streamItems per device stream of the node (0: CPU, 1..: GPUs), the work item at which the
 *                  node's film ends once this delta is in it: every piece of a delta carries the
 *                  same positions, and a job continuing the node starts each stream there ({@link
 *                  JobSpec#startItems}); empty when the job does not know them
 */
public record DeltaChunk(long seq, long offset, long totalSize, boolean last, Bytes data, List<Long> streamItems)
        implements Message {
    /** Checks the fields. */
    public DeltaChunk {
        if (seq < 1) {
            throw new IllegalArgumentException("delta sequence numbers start at 1, got " + seq);
        }
        Chunks.check(offset, totalSize, data);
        streamItems = JobSpec.checkItems(streamItems, "stream item");
    }

    /** A piece of a delta whose stream positions are not known. */
    public DeltaChunk(long seq, long offset, long totalSize, boolean last, Bytes data) {
        this(seq, offset, totalSize, last, data, List.of());
    }

    @Override
    public MessageType type() {
        return MessageType.DELTA_CHUNK;
    }
}

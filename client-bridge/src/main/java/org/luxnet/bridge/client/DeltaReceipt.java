package org.luxnet.bridge.client;

import java.util.ArrayDeque;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import org.luxnet.accumulator.io.FilmFormatException;
import org.luxnet.bridge.protocol.DeltaChunk;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.ProtocolException;

/**
 * The deltas of one server as they arrive: reassembles their chunks, merges each delta once into
 * the node's film, and acknowledges by the ack policy: at once, or, when the session holds
 * acknowledgements until a saved film holds the delta ({@link ClientSession#holdAcksUntilSaved}),
 * after that save. Confined to the node's event loop.
 */
final class DeltaReceipt {
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private final ClientSession session;
    private final java.util.function.Supplier<String> server;
    private final Checkpoint resume;
    private final NodeFilm film;
    private final DeltaAssembler assembler;
    private final LongConsumer ack;
    /** Merged deltas of the current job not yet acknowledged: no saved film holds them yet. */
    private final ArrayDeque<Long> held = new ArrayDeque<>();
    /** Deltas of the current job up to this one are in a saved film. */
    private long savedSeq;

    /**
     * @param server names the server (address and id), for messages
     * @param ack    sends the acknowledgement of a delta (on the current connection, if any)
     */
    DeltaReceipt(ClientSession session, java.util.function.Supplier<String> server, Checkpoint resume,
                 LongConsumer ack) {
        this.session = session;
        this.server = server;
        this.resume = resume;
        this.ack = ack;
        this.film = new NodeFilm(session.width(), session.height(), session.scaleBits(), resume);
        // A delta can exceed its raw size a little when incompressible; nothing legitimate is larger.
        this.assembler = new DeltaAssembler((long) session.width() * session.height() * 7 * 9 + 4096);
    }

    NodeFilm film() {
        return film;
    }

    /** The server renders job {@code jobId}; another job than before drops what was held for the old one. */
    void started(String jobId) {
        if (!jobId.equals(film.job())) {
            held.clear();
            savedSeq = resume.jobId().equals(jobId) ? resume.seq() : 0;
        }
        film.job(jobId, resume);
    }

    /**
     * Takes one chunk; when it completes a delta, merges it (once) and acknowledges it by the policy.
     *
     * @param ackNow acknowledge at once whatever the policy (the render is stopping)
     * @return the sequence number of the delta completed, or -1 when more chunks are to come
     * @throws ProtocolException when the chunks do not fit together
     * @throws FilmFormatException when the delta is corrupt or of another film
     */
    long chunk(DeltaChunk d, boolean ackNow) throws ProtocolException, FilmFormatException {
        byte[] bytes = assembler.add(d);
        if (bytes == null) {
            return -1;
        }
        long seq = d.seq();
        long skipped = film.skippedBefore(seq);
        if (skipped > 0) {
            LOG.warning("server " + server.get() + " sent delta " + seq + " after " + (seq - skipped - 1)
                    + ": another connection acknowledged the " + skipped + " between (another client reattached to this "
                    + "session?); their samples are missing from this render");
        }
        if (!film.mergeEncoded(seq, bytes, d.streamItems())) {
            LOG.fine(() -> "delta " + seq + " was merged before; acknowledging the resend");
        }
        if (!session.holdsAcks() || ackNow || seq <= savedSeq) {
            ack.accept(seq);
        } else if (!held.contains(seq)) {
            held.add(seq);
        }
        return seq;
    }

    /** Whether the server has room for one more delta and its resend while acknowledgements are held. */
    boolean roomToPull() {
        return held.size() < Protocol.MAX_UNACKED_DELTAS - 2;
    }

    /** A film holding the deltas up to {@code checkpoint} is saved: acknowledge them. */
    void saved(Checkpoint checkpoint) {
        if (checkpoint.jobId().equals(film.job())) {
            savedSeq = Math.max(savedSeq, checkpoint.seq());
            release(savedSeq);
        }
    }

    /** Acknowledges the held deltas up to {@code seq}. */
    void release(long seq) {
        while (!held.isEmpty() && held.peekFirst() <= seq) {
            ack.accept(held.pollFirst());
        }
    }

    /** The connection broke: a partly received delta will come again whole. */
    void reset() {
        assembler.reset();
    }
}

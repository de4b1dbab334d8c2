package org.luxnet.bridge.server;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.luxnet.accumulator.Film;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.ProtocolException;

/**
 * The deltas of a server's sessions: drained from the job on a pull, encoded off the state thread,
 * kept until acknowledged, resent after a reattach, each with the job's stream positions; and the
 * counts of samples sent and acknowledged. Confined to the server's state thread, like {@link
 * ServerCore}, which owns the session.
 */
final class ServerDeltas {
    /** A client that leaves this many deltas unacknowledged is broken or hostile. */
    static final int MAX_UNACKED = Protocol.MAX_UNACKED_DELTAS;

    private final DeltaEncoder encoder;
    private final Predicate<ServerSession> current;
    private final BiConsumer<ServerSession, RuntimeException> encodingFailed;
    private long samplesSent, samplesAcked;

    /**
     * @param encoderThread  the thread that compresses deltas
     * @param post           runs a task on the state thread
     * @param current        whether a session is still the server's (a delta encoded for an ended one is dropped)
     * @param encodingFailed what to do with a session whose delta could not be encoded
     */
    ServerDeltas(ExecutorService encoderThread, Consumer<Runnable> post, Predicate<ServerSession> current,
                 BiConsumer<ServerSession, RuntimeException> encodingFailed) {
        this.encoder = new DeltaEncoder(encoderThread, post);
        this.current = current;
        this.encodingFailed = encodingFailed;
    }

    /** Replaces how films are encoded (tests hold an encoding to see the state thread answer meanwhile). */
    void encodeWith(Function<Film, byte[]> e) {
        encoder.encodeWith(e);
    }

    /** The client of {@code s} asks for a delta: sends one, unless the session is not rendering. */
    void pull(ServerSession s) throws ProtocolException {
        if (s.state != ServerSession.State.RENDERING) {
            return;
        }
        if (s.unacked.size() + s.encoding >= MAX_UNACKED) {
            throw new ProtocolException("the client left " + (s.unacked.size() + s.encoding)
                    + " deltas unacknowledged");
        }
        make(s, false, d -> send(s, d));
    }

    /**
     * Drains the job's new samples into the next delta here and encodes it off this thread; back here,
     * keeps it for its acknowledgement and passes it to {@code then}, unless the session ended meanwhile.
     */
    void make(ServerSession s, boolean last, Consumer<ServerSession.PendingDelta> then) {
        Film f = s.job.newFilm();
        long n = s.job.drainInto(f);
        List<Long> items = JobSpec.items(s.job.streamItems());
        long seq = s.nextSeq++;
        s.encoding++;
        encoder.encode(f, "delta " + seq, bytes -> {
            s.encoding--;
            if (current.test(s)) {
                ServerSession.PendingDelta d = new ServerSession.PendingDelta(seq, bytes, last, n, items);
                s.unacked.put(seq, d);
                samplesSent += n;
                then.accept(d);
            }
        }, e -> {
            s.encoding--;
            if (current.test(s)) {
                encodingFailed.accept(s, e);
            }
        });
    }

    /** Sends delta {@code d} to the client of {@code s}, when connected. */
    void send(ServerSession s, ServerSession.PendingDelta d) {
        if (s.owner == null) {
            return;
        }
        RenderServer.writeDelta(s.owner, d);
    }

    /** Sends every delta of {@code s} not yet acknowledged again (its client reattached). */
    void resend(ServerSession s) {
        for (ServerSession.PendingDelta d : s.unacked.values()) {
            send(s, d);
        }
    }

    /** The client of {@code s} acknowledged delta {@code seq}: it need not be kept any more. */
    void acked(ServerSession s, long seq) {
        ServerSession.PendingDelta d = s.unacked.remove(seq);
        if (d != null) {
            samplesAcked += d.samples();
        }
    }

    /** Samples put into deltas since the server started. */
    long samplesSent() {
        return samplesSent;
    }

    /** Of which the clients acknowledged. */
    long samplesAcked() {
        return samplesAcked;
    }
}

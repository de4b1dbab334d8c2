package org.luxnet.bridge.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.protocol.Ended;

/**
 * What a server remembers of its sessions and reports: how the last few sessions that their clients
 * stopped ended (so a client that comes back only to collect gets the same {@link Ended}), how many
 * sessions ended and expired, and the {@link ServerSnapshot} of the current one. Confined to the
 * server's state thread.
 */
final class SessionHistory {
    private static final int ENDED_MEMORY = 16;

    private final Map<String, Ended> ended = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ended> e) {
            return size() > ENDED_MEMORY;
        }
    };
    private int sessionsEnded, sessionsExpired;

    /** Session {@code id} ended as its client asked, with {@code e} (null: before its scene arrived). */
    void stopped(String id, Ended e) {
        if (e != null) {
            ended.put(id, e);
        }
        sessionsEnded++;
    }

    /** A session's client was silent past the lease. */
    void expired() {
        sessionsExpired++;
    }

    /** How session {@code id} ended, for a client that only collects; nothing delivered when not known. */
    Ended endOf(String id) {
        return ended.getOrDefault(id, new Ended(0, 0));
    }

    /** What the server is doing: session {@code s} (null when idle), with the delta counts of {@code deltas}. */
    ServerSnapshot snapshot(ServerSession s, ServerDeltas deltas) {
        if (s == null) {
            return new ServerSnapshot("idle", null, null, false, 0, deltas.samplesSent(), deltas.samplesAcked(),
                    sessionsEnded, sessionsExpired, 0, null);
        }
        SourceStats job = s.job == null ? null : s.job.stats();
        return new ServerSnapshot(s.stateName(), s.id, s.clientAddress, s.owner != null, job == null ? 0 : job.samples(),
                deltas.samplesSent(), deltas.samplesAcked(), sessionsEnded, sessionsExpired, job == null ? 0 : s.pixels, job);
    }
}

package org.luxnet.bridge.server;

import org.luxnet.accumulator.progress.SourceStats;

/**
 * What a render server is doing, for its log, the monitor and tests.
 *
 * @param state          "idle", "receiving scene", "starting", "rendering", "stopping"
 * @param sessionId      the session it serves, null when idle
 * @param clientAddress  host:port of the session's client (its last connection), null when idle
 * @param connected      true while the session's client is connected
 * @param jobSamples     samples the current job has rendered
 * @param samplesSent    samples put into deltas since the server started, over all sessions
 * @param samplesAcked   of which the clients acknowledged
 * @param sessionsEnded  sessions that ended normally (stopped by their client, everything delivered)
 * @param sessionsExpired sessions dropped because their client fell silent past the lease
 * @param pixels         pixels of the film the current job renders, 0 without a job
 * @param job            the current job's statistics (rate, threads, devices), null without a job
 */
public record ServerSnapshot(String state, String sessionId, String clientAddress, boolean connected, long jobSamples,
                             long samplesSent, long samplesAcked, int sessionsEnded, int sessionsExpired, long pixels,
                             SourceStats job) {

    /** True when the server serves no session. */
    public boolean idle() {
        return sessionId == null;
    }
}

package org.luxnet.bridge.server;

import io.netty.channel.Channel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.ManifestEntry;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.LogText;

/**
 * One client session on a server: its job, the client's current connection (none while it is
 * away), the scene upload in progress, and the deltas sent but not yet acknowledged, kept as
 * encoded bytes so a resend is byte for byte the same. Confined to the server's state thread.
 */
final class ServerSession {
    enum State { RECEIVING, STARTING, RENDERING, STOPPING }

    /**
     * An encoded delta awaiting its acknowledgement, with the job's stream positions once it is in
     * the client's film ({@link org.luxnet.bridge.job.RenderJob#streamItems}).
     */
    record PendingDelta(long seq, byte[] bytes, boolean last, long samples, List<Long> streamItems) {
    }

    final String id, jobId, mainFile;
    /** The session id as logs show it (escaped: the client chose it). */
    final String shownId;
    /** What a reattaching connection must present ({@link org.luxnet.bridge.protocol.Open#secret}). */
    final Bytes secret;
    final JobSpec spec;
    final List<ManifestEntry> manifest;
    final long sinceMillis;
    final TreeMap<Long, PendingDelta> unacked = new TreeMap<>();
    State state = State.RECEIVING;
    String clientAddress;
    Channel owner;
    long lastHeardNanos;
    RenderJob job;
    long startNanos;
    int width, height;
    long pixels;
    long nextSeq = 1, finalSeq;
    /** Deltas drained and being encoded off the state thread. */
    int encoding;
    boolean stopAfterStart, finalPending;
    /** Files still to receive, distinct by hash, in the order the client was told. */
    final List<ManifestEntry> missing = new ArrayList<>();
    BlobUpload upload;

    ServerSession(String id, Bytes secret, String jobId, JobSpec spec, String mainFile, List<ManifestEntry> manifest,
                  Channel owner, String clientAddress) {
        this.id = id;
        this.shownId = LogText.of(id);
        this.secret = secret;
        this.jobId = jobId;
        this.spec = spec;
        this.mainFile = mainFile;
        this.manifest = List.copyOf(manifest);
        this.owner = owner;
        this.clientAddress = clientAddress;
        this.sinceMillis = System.currentTimeMillis();
        this.lastHeardNanos = System.nanoTime();
    }

    /** True when {@code presented} is this session's secret; compared in constant time. */
    boolean secretMatches(Bytes presented) {
        return MessageDigest.isEqual(secret.toArray(), presented.toArray());
    }

    /** A short tag of the session for BUSY answers: enough to tell sessions apart, useless to reattach. */
    String tag() {
        return LogText.of(id.length() > 8 ? id.substring(0, 8) : id);
    }

    /** The state as the server's snapshot names it. */
    String stateName() {
        switch (state) {
            case RECEIVING: return "receiving scene";
            case STARTING: return "starting";
            case RENDERING: return "rendering";
            default: return "stopping";
        }
    }

    /** Drops a partial upload, if any. */
    void abortUpload() {
        if (upload != null) {
            upload.abort();
            upload = null;
        }
    }
}

package org.luxnet.bridge.server;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.ManifestEntry;
import org.luxnet.bridge.job.RenderJob;

/**
 * One client session on a server: its job, the client's current connection (none while it is
 * away), the scene upload in progress, and the deltas sent but not yet acknowledged, kept as
 * encoded bytes so a resend is byte for byte the same. Confined to the server's state thread.
 */
final class ServerSession {
    enum State { RECEIVING, STARTING, RENDERING, STOPPING }

    /** An encoded delta awaiting its acknowledgement. */
    record PendingDelta(long seq, byte[] bytes, boolean last, long samples) {
    }

    final String id, jobId, mainFile;
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

    ServerSession(String id, String jobId, JobSpec spec, String mainFile, List<ManifestEntry> manifest,
                  Channel owner, String clientAddress) {
        this.id = id;
        this.jobId = jobId;
        this.spec = spec;
        this.mainFile = mainFile;
        this.manifest = List.copyOf(manifest);
        this.owner = owner;
        this.clientAddress = clientAddress;
        this.sinceMillis = System.currentTimeMillis();
        this.lastHeardNanos = System.nanoTime();
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

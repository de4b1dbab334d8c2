package org.luxnet.bridge.protocol;

import java.util.List;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.ManifestEntry;

/**
 * Opens a render session, or reattaches to it when the server still holds {@code sessionId}; then
 * the server keeps its own node index and render and ignores the rest.
 *
 * <p>Wire: {@code string sessionId, 32 bytes secret, u8 attachOnly (0/1), i64 seed, i32 node, i64 passBudget,
 * i64 startSamples, u8 count, count times i64 start item, string mainFile, u32 count, then count
 * times (string name, 32 bytes sha256, i64 size)}.
 *
 * @param sessionId the session's id on the wire (derived from the id the client keeps in its FLM, so
 *                  that a restarted client can reattach); servers may show it to others
 * @param secret    the session's secret: a server keeps it with a new session and reattaches only a
 *                  connection that presents it again
 * @param attachOnly true when the client only wants to collect what is left (it is stopping): a
 *                  server that no longer holds the session answers {@link Ended} instead of
 *                  starting a new render
 * @param spec      seed, node index, pass budget and stream start for this server
 * @param mainFile  the manifest name of the scene file to parse
 * @param manifest  every file the scene reads, main file included
 */
public record Open(String sessionId, Bytes secret, boolean attachOnly, JobSpec spec, String mainFile, List<ManifestEntry> manifest) implements Message {
    /** Checks fields and copies the manifest. */
    public Open {
        Fields.string(sessionId, "sessionId");
        if (sessionId.isEmpty()) {
            throw new IllegalArgumentException("sessionId is empty");
        }
        Fields.length(secret, Protocol.SECRET_BYTES, "secret");
        if (spec == null) {
            throw new IllegalArgumentException("spec is null");
        }
        Fields.string(mainFile, "mainFile");
        manifest = List.copyOf(manifest);
        if (manifest.size() > Protocol.MAX_MANIFEST_ENTRIES) {
            throw new IllegalArgumentException("manifest has " + manifest.size() + " entries, the limit is "
                    + Protocol.MAX_MANIFEST_ENTRIES);
        }
        for (ManifestEntry e : manifest) {
            Fields.string(e.name(), "manifest name");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.OPEN;
    }
}

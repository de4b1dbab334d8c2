package org.luxnet.bridge.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.luxnet.bridge.job.ContentHash;
import org.luxnet.bridge.protocol.Bytes;

/**
 * What a client session shows servers, derived one way from its id (which only the client and its
 * FLM know): the id servers know the session by, which they may show others, and the secret that
 * proves a reattaching connection is the same client (sent only in OPEN, after authentication when
 * there is a password). Neither reveals the id or the other, and a restarted client derives both
 * again from the id in its FLM.
 *
 * @param wireId the session's id on the wire (32 hex digits)
 * @param secret 32 bytes a reattach must present
 */
record SessionKeys(String wireId, Bytes secret) {
    /** The keys of the session with id {@code sessionId}. */
    static SessionKeys of(String sessionId) {
        return new SessionKeys(hash("luxnet-v2 session id", sessionId).hex().substring(0, 32),
                hash("luxnet-v2 session secret", sessionId));
    }

    private static Bytes hash(String label, String sessionId) {
        MessageDigest d = ContentHash.digest();
        d.update((label + "\0").getBytes(StandardCharsets.UTF_8));
        return Bytes.of(d.digest(sessionId.getBytes(StandardCharsets.UTF_8)));
    }
}

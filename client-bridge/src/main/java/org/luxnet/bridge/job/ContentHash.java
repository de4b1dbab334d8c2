package org.luxnet.bridge.job;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.luxnet.bridge.protocol.Bytes;

/** SHA-256 content hashes, by which scene files travel and are cached. */
public final class ContentHash {
    private ContentHash() {
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The SHA-256 of {@code data}. */
    public static Bytes of(byte[] data) {
        return Bytes.of(digest().digest(data));
    }
}

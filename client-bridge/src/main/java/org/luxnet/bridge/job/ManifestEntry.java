package org.luxnet.bridge.job;

import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.Protocol;

/**
 * One file of a scene bundle: the name the scene parser resolves it to (a lookup key on the server,
 * never a path it opens), its SHA-256 and its size.
 *
 * @param name   the parser's resolved name of the file, e.g. {@code scenes/geometry/bunny.ply}
 * @param sha256 the SHA-256 of its content (32 bytes)
 * @param size   its size in bytes
 */
public record ManifestEntry(String name, Bytes sha256, long size) {
    /** Checks the fields. */
    public ManifestEntry {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("manifest file name must be non-empty text without NUL, got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (sha256 == null || sha256.length() != Protocol.HASH_BYTES) {
            throw new IllegalArgumentException("manifest entry " + name + ": SHA-256 must be 32 bytes");
        }
        if (size < 0) {
            throw new IllegalArgumentException("manifest entry " + name + ": size " + size + " is negative");
        }
    }
}

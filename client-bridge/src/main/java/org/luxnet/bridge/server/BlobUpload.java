package org.luxnet.bridge.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.luxnet.bridge.job.ContentHash;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.ProtocolException;

/**
 * One file arriving in pieces: appended in order to a temporary file, hashed on the way, and moved
 * to its hash's name only when complete and verified. Not thread-safe.
 */
public final class BlobUpload {
    private final Bytes hash;
    private final long size;
    private final Path tmp, target;
    private final MessageDigest digest = ContentHash.digest();
    private final OutputStream out;
    private long received;

    BlobUpload(Bytes hash, long size, Path tmp, Path target) throws IOException {
        this.hash = hash;
        this.size = size;
        this.tmp = tmp;
        this.target = target;
        // The server created tmp; never write through a link someone put in its place.
        this.out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** The hash the file must have. */
    public Bytes hash() {
        return hash;
    }

    /**
     * Appends a piece at {@code offset} of a file declared {@code totalSize} bytes.
     *
     * @return true when the file is complete, verified and cached
     * @throws ProtocolException when the piece is out of order, the size differs from the manifest,
     *     or the complete file does not match its hash
     */
    public boolean append(long offset, long totalSize, byte[] data) throws ProtocolException, IOException {
        if (totalSize != size) {
            throw new ProtocolException("file " + hash.hex() + " is " + size + " bytes in the manifest, the upload says "
                    + totalSize);
        }
        if (offset != received) {
            throw new ProtocolException("file " + hash.hex() + ": piece at offset " + offset + ", expected " + received);
        }
        out.write(data);
        digest.update(data);
        received += data.length;
        if (received < size) {
            return false;
        }
        out.close();
        Bytes got = Bytes.of(digest.digest());
        if (!got.equals(hash)) {
            Files.deleteIfExists(tmp);
            throw new ProtocolException("uploaded file hashes to " + got.hex() + ", the manifest says " + hash.hex());
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Drops a partial upload. */
    public void abort() {
        try {
            out.close();
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // The temporary file is removed when the cache next opens.
        }
    }
}

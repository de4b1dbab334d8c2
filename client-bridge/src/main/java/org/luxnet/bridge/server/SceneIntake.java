package org.luxnet.bridge.server;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luxnet.bridge.job.ManifestEntry;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.BlobChunk;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.LogText;
import org.luxnet.bridge.protocol.ProtocolException;

/**
 * Receives a session's scene: works out which files the cache lacks, takes their pieces in the
 * announced order (anything else is a protocol error), and rebuilds the bundle from the cache once
 * all are there. Runs on the server's state thread; not thread-safe.
 */
final class SceneIntake {
    private final BlobCache cache;

    SceneIntake(BlobCache cache) {
        this.cache = cache;
    }

    /** The cache's directory, for messages. */
    BlobCache cache() {
        return cache;
    }

    /** Sets {@code s.missing} to the files not cached, distinct by hash; returns their hashes. */
    List<Bytes> missing(ServerSession s) {
        s.abortUpload();
        s.missing.clear();
        Set<Bytes> seen = new HashSet<>();
        for (ManifestEntry e : s.manifest) {
            if (seen.add(e.sha256()) && !cache.has(e.sha256(), e.size())) {
                s.missing.add(e);
            }
        }
        return s.missing.stream().map(ManifestEntry::sha256).toList();
    }

    /**
     * Takes a piece of the next missing file.
     *
     * @return true when it completed the last missing file
     * @throws ProtocolException when the piece was not asked for, is out of order, or a file does not
     *     match its hash
     */
    boolean accept(ServerSession s, BlobChunk c) throws ProtocolException, IOException {
        if (s.state != ServerSession.State.RECEIVING || s.missing.isEmpty()) {
            throw new ProtocolException("scene file data the server did not ask for");
        }
        ManifestEntry next = s.missing.get(0);
        if (!next.sha256().equals(c.sha256())) {
            throw new ProtocolException("scene file " + c.sha256().hex() + " arrived; the server asked for "
                    + next.sha256().hex() + " ('" + LogText.of(next.name()) + "') next");
        }
        if (s.upload == null) {
            s.upload = cache.begin(next.sha256(), next.size());
        }
        boolean done;
        try {
            done = s.upload.append(c.offset(), c.totalSize(), c.data().toArray());
        } catch (ProtocolException | IOException e) {
            s.abortUpload();
            throw e;
        }
        if (done) {
            s.upload = null;
            s.missing.remove(0);
        }
        return done && s.missing.isEmpty();
    }

    /**
     * Trims the cache (keeping this scene's files) and reads the scene back from it, verified; each
     * distinct file once.
     */
    SceneBundle bundle(ServerSession s) throws IOException {
        Set<Bytes> keep = new HashSet<>();
        s.manifest.forEach(e -> keep.add(e.sha256()));
        cache.evict(keep);
        // Each file read once, however many names list it: the names share one array.
        Map<Bytes, byte[]> byHash = new HashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ManifestEntry e : s.manifest) {
            byte[] data = byHash.get(e.sha256());
            if (data == null) {
                data = cache.read(e.sha256(), e.size());
                byHash.put(e.sha256(), data);
            }
            files.put(e.name(), data);
        }
        return new SceneBundle(s.mainFile, files);
    }
}

package org.luxnet.bridge.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.bridge.protocol.Bytes;

/**
 * A scene and every file it reads, in memory, by the names the scene parser resolves them to. The
 * client builds it from what its own parse read; the server rebuilds it from its content-hash cache
 * and parses the main file from it, so that nothing outside the bundle can be read. Immutable: the
 * byte arrays are shared, never modified.
 */
public final class SceneBundle {
    private final String mainFile;
    private final Map<String, byte[]> files;
    private final List<ManifestEntry> manifest;

    /**
     * A bundle of {@code files} (resolved name to content, in the order the parser opened them) whose
     * scene file is {@code mainFile}.
     *
     * @throws IllegalArgumentException when {@code mainFile} is not one of the files
     */
    public SceneBundle(String mainFile, Map<String, byte[]> files) {
        if (!files.containsKey(mainFile)) {
            throw new IllegalArgumentException("the scene file '" + mainFile + "' is not in the bundle");
        }
        this.mainFile = mainFile;
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        List<ManifestEntry> m = new ArrayList<>(files.size());
        // A file listed under many names is hashed once (the names share its array).
        Map<byte[], Bytes> hashes = new IdentityHashMap<>();
        for (Map.Entry<String, byte[]> e : this.files.entrySet()) {
            m.add(new ManifestEntry(e.getKey(), hashes.computeIfAbsent(e.getValue(), ContentHash::of),
                    e.getValue().length));
        }
        this.manifest = List.copyOf(m);
    }

    /** The name of the scene file to parse. */
    public String mainFile() {
        return mainFile;
    }

    /** The content of the file the parser resolves to {@code name}, or null when it is not in the bundle. */
    public byte[] file(String name) {
        return files.get(name);
    }

    /** Resolved names of all files, in bundle order. */
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    /** Every file's name, SHA-256 and size, in bundle order. */
    public List<ManifestEntry> manifest() {
        return manifest;
    }

    /** Total bytes of all files. */
    public long totalBytes() {
        long t = 0;
        for (byte[] b : files.values()) {
            t += b.length;
        }
        return t;
    }
}

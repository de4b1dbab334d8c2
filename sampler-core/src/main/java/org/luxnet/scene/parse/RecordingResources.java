package org.luxnet.scene.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luxnet.scene.FileLoc;

/**
 * Passes reads to another {@link SceneResources} and remembers every file it returned, by resolved
 * name, in the order first opened. After parsing, {@link #files} is exactly the set of files the
 * scene needs, which is what the network client ships to render servers.
 */
public final class RecordingResources implements SceneResources {
    private final SceneResources delegate;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** Records what {@code delegate} returns. */
    public RecordingResources(SceneResources delegate) {
        this.delegate = delegate;
    }

    @Override
    public Resource open(String includingFile, String path, FileLoc loc) {
        return record(delegate.open(includingFile, path, loc));
    }

    @Override
    public Resource open(String includingFile, String path, String role, FileLoc loc) {
        return record(delegate.open(includingFile, path, role, loc));
    }

    /**
     * Files opened so far, resolved name to content, in first-opened order. A file opened twice (a
     * PLY mesh used by two shapes) appears once. The byte arrays are the ones the parser read;
     * callers must not modify them.
     */
    public Map<String, byte[]> files() {
        return Collections.unmodifiableMap(files);
    }

    private Resource record(Resource r) {
        files.putIfAbsent(r.name(), r.bytes());
        return r;
    }
}

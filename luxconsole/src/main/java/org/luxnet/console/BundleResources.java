package org.luxnet.console;

import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneFileException;
import org.luxnet.scene.parse.FileSystemResources;
import org.luxnet.scene.parse.SceneResources;

/**
 * Scene files from a bundle a client shipped: the parser's names are resolved as on the client and
 * looked up among the bundle's files; anything else is refused. Nothing is ever read from disk, so a
 * scene naming {@code /etc/passwd} gets an error, not the file.
 */
final class BundleResources implements SceneResources {
    private final SceneBundle bundle;

    BundleResources(SceneBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Resource open(String includingFile, String path, FileLoc loc) {
        return open(includingFile, path, "file", loc);
    }

    @Override
    public Resource open(String includingFile, String path, String role, FileLoc loc) {
        String name = FileSystemResources.resolveName(includingFile, path, loc);
        byte[] data = bundle.file(name);
        if (data == null) {
            // A file exception, as a missing file is on the client: image textures, environment maps and PLY
            // meshes then fall back the same way on both sides (see WorldStatements.openOrWarn).
            throw new SceneFileException(loc, name, "cannot read " + role + " '" + path + "' (resolved to " + name
                    + "): it is not among the files the client sent", null);
        }
        return new Resource(name, data);
    }
}

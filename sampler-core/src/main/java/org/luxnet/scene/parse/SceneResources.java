package org.luxnet.scene.parse;

import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * Where the parser gets the files a scene names (the main file, {@code Include}s, PLY meshes). The
 * parser never opens a path itself: locally this is the file system ({@link FileSystemResources}); on
 * a render server it is the bundle of files the client shipped, looked up by name and content hash,
 * so that nothing a client writes can make a server open a path of its choosing.
 */
public interface SceneResources {

    /**
     * Reads the file named {@code path} by a statement at {@code loc}. Relative paths are relative to
     * the directory of {@code baseFile}, which the parser passes as the main scene file (as LuxRender
     * and pbrt-v3 resolve them); null when {@code path} is the main scene file itself.
     *
     * @return the file's resolved name (used in messages and to tell files apart) and its bytes
     * @throws SceneException when the file does not exist or cannot be read, naming {@code loc}; a
     *     {@link org.luxnet.scene.SceneFileException} when the file itself is the problem
     */
    Resource open(String baseFile, String path, FileLoc loc);

    /**
     * As {@link #open(String, String, FileLoc)}, telling the implementation what the file is for
     * ({@code "scene file"}, {@code "Include file"}, {@code "PLY file"}) so that its error message can
     * say "cannot read Include file 'x.lxs'". The parser calls this one; implementations that do not
     * care about the role need not override it.
     */
    default Resource open(String baseFile, String path, String role, FileLoc loc) {
        return open(baseFile, path, loc);
    }

    /** A file's resolved name and content. */
    record Resource(String name, byte[] bytes) {
    }
}

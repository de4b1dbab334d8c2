package org.luxnet.console;

import org.luxnet.scene.FileLoc;
import org.luxnet.scene.parse.SceneResources;

/**
 * Scene files as another {@link SceneResources} has them, except the main file {@code -}, which is
 * standard input (LuxRender's {@code luxconsole -}). Its Includes are relative to the working directory.
 */
final class StdinResources implements SceneResources {
    /** The scene file name that means standard input. */
    static final String NAME = "-";

    private final SceneResources files;

    StdinResources(SceneResources files) {
        this.files = files;
    }

    @Override
    public Resource open(String includingFile, String path, FileLoc loc) {
        return open(includingFile, path, "file", loc);
    }

    @Override
    public Resource open(String includingFile, String path, String role, FileLoc loc) {
        if (includingFile == null && NAME.equals(path)) {
            return new Resource(NAME, StandardInput.bytes());
        }
        return files.open(includingFile, path, role, loc);
    }
}

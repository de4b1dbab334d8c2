package org.luxnet.scene;

/**
 * A file a scene needs (the scene file itself, an Include, a PLY mesh, an image) that cannot be
 * read: missing, unreadable, a directory or device, or larger than the stated limit. The message
 * names the file as written and as resolved, and the statement that names it ({@code file:line:column};
 * the main scene file has no such place). The command line maps it to exit code 3 (file error), where
 * other {@link SceneException}s are exit code 2 (bad scene).
 */
public class SceneFileException extends SceneException {
    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * @param loc     the statement naming the file; a line-0 place for the main scene file
     * @param file    the file's resolved path
     * @param message what is wrong, naming the file
     */
    public SceneFileException(FileLoc loc, String file, String message, Throwable cause) {
        super(loc.line() > 0 ? loc + ": " + message : message, loc, cause);
        this.file = file;
    }

    /** The file's resolved path. */
    public String file() {
        return file;
    }
}

package org.luxnet.scene;

/**
 * A scene that cannot be read or rendered as written: malformed syntax, a wrong parameter type, a
 * missing Include or mesh file, an unknown shape. The message names the place ({@code
 * file:line:column}) and what was expected. The command line maps it to exit code 2.
 */
public class SceneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FileLoc loc;

    public SceneException(FileLoc loc, String message) {
        super(loc + ": " + message);
        this.loc = loc;
    }

    public SceneException(FileLoc loc, String message, Throwable cause) {
        super(loc + ": " + message, cause);
        this.loc = loc;
    }

    /** For subclasses whose message already says where ({@code loc} may then be a line-0 place). */
    protected SceneException(String fullMessage, FileLoc loc, Throwable cause) {
        super(fullMessage, cause);
        this.loc = loc;
    }

    /** Where the problem is. */
    public FileLoc loc() {
        return loc;
    }
}

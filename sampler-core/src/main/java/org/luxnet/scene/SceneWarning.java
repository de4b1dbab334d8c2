package org.luxnet.scene;

/**
 * Something the renderer reads but does not honour (an unsupported statement or parameter), at its
 * first place in the scene; {@code count} is how many places in all say the same ({@link
 * SceneWarnings#summarize}).
 */
public record SceneWarning(FileLoc loc, String message, int count) {
    /** One warning at one place. */
    public SceneWarning(FileLoc loc, String message) {
        this(loc, message, 1);
    }

    @Override
    public String toString() {
        return loc.toLineString() + ": warning: " + message + (count > 1 ? " (" + count + " times; the first is here)" : "");
    }
}

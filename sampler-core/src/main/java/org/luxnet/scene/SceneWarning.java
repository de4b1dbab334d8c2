package org.luxnet.scene;

/** Something the renderer reads but does not honour (an unsupported statement or parameter). */
public record SceneWarning(FileLoc loc, String message) {
    @Override
    public String toString() {
        return loc.toLineString() + ": warning: " + message;
    }
}

package org.luxnet.scene;

/**
 * A place in a scene file: file name as the user gave it (or as Include resolved it), 1-based line
 * and column. Every parsed element carries one so that errors and warnings can say where.
 */
public record FileLoc(String file, int line, int column) {

    /** A location for things that have no place in a file (defaults, command-line overrides). */
    public static final FileLoc NONE = new FileLoc("<none>", 0, 0);

    /** {@code file:line:column}, the form editors and terminals turn into links. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    /** {@code file:line}, for warnings that concern a whole statement. */
    public String toLineString() {
        return file + ":" + line;
    }
}

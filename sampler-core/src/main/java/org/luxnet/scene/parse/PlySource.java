package org.luxnet.scene.parse;

import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * The PLY file being read and the Shape statement that named it, for error messages: the exception
 * is placed at the Shape statement (the line the user wrote) and its message names the PLY file and,
 * where known, the line or element inside it.
 */
record PlySource(String file, FileLoc shapeLoc) {

    SceneException error(String detail) {
        return new SceneException(shapeLoc, "PLY file '" + file + "': " + detail);
    }

    SceneException errorAtLine(int line, String detail) {
        return new SceneException(shapeLoc, "PLY file '" + file + "', line " + line + ": " + detail);
    }
}

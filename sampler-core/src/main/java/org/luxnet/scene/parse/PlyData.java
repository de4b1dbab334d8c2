package org.luxnet.scene.parse;

import org.luxnet.scene.SceneException;

/**
 * The body of a PLY file after the header, read one value at a time in file order. The element,
 * item and property of each read are passed so that "the file ends early" can say where, without
 * building a message string per value.
 */
interface PlyData {

    /** The next value, of type {@code t}, which is property {@code p} (or its list length) of item {@code item} of {@code e}. */
    double read(PlyType t, PlyElement e, long item, PlyProperty p);

    /** An error at the current position (with the line number for ASCII data). */
    SceneException error(String detail);

    /** "property 'z' of vertex 3 of 8 (counting from 0)", for messages. */
    static String where(PlyElement e, long item, PlyProperty p) {
        return "property '" + p.name() + "' of " + e.name() + " " + item + " of " + e.count() + " (counting from 0)";
    }
}

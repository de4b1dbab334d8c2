package org.luxnet.scene.parse;

/**
 * A property of a PLY element: a scalar ({@code property float x}) or a list ({@code property list
 * uchar int vertex_indices}, where {@code countType} is the list length's type and {@code type} the
 * items').
 */
record PlyProperty(String name, PlyType type, PlyType countType) {

    boolean isList() {
        return countType != null;
    }

    /** Fewest bytes one value takes in a binary file (an empty list: just its length). */
    int minBinarySize() {
        return isList() ? countType.size : type.size;
    }
}

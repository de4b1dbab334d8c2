package org.luxnet.scene.parse;

/**
 * A property of a PLY element: a scalar ({@code property float x}) or a list ({@code property list
 * uchar int vertex_indices}, where {@code countType} is the list length's type and {@code type} the
 * items'). {@code typeWord} is the item type as the header spells it ({@code uchar} or {@code uint8}):
 * LuxRender's plymesh.cpp scales colours of rply's PLY_UCHAR only, which is the word "uchar".
 */
record PlyProperty(String name, PlyType type, PlyType countType, String typeWord) {

    /** A property whose type word the header did not give (its type's sized name). */
    PlyProperty(String name, PlyType type, PlyType countType) {
        this(name, type, countType, null);
    }

    boolean isList() {
        return countType != null;
    }

    /** Fewest bytes one value takes in a binary file (an empty list: just its length). */
    int minBinarySize() {
        return isList() ? countType.size : type.size;
    }
}

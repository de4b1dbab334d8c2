package org.luxnet.scene.parse;

import java.util.List;

/** An {@code element name count} of a PLY header with its properties in file order. */
record PlyElement(String name, long count, List<PlyProperty> properties) {

    /** The property called {@code name}, or null. */
    PlyProperty property(String name) {
        for (PlyProperty p : properties) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}

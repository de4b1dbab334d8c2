package org.luxnet.scene.desc;

import java.util.List;
import org.luxnet.scene.FileLoc;

/**
 * An object defined by {@code ObjectBegin "name"} ... {@code ObjectEnd}: its shapes, each with the
 * transform (the CTM at its Shape statement, which pbrt-v3 and LuxRender bake into the object),
 * material and area light in effect there. The compiler builds its geometry once, in this object
 * space, however many {@link InstanceDesc}s place it. Compared by identity: one definition, one
 * object.
 *
 * @param name   the name given to ObjectBegin
 * @param loc    where ObjectBegin was written
 * @param shapes the shapes, filled while the definition is open and not changed afterwards
 */
public record ObjectDesc(String name, FileLoc loc, List<ShapeDesc> shapes) {
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

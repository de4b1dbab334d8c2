package org.luxnet.scene.parse;

import java.util.List;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.desc.ShapeDesc;

/**
 * The shapes between {@code ObjectBegin "name"} and {@code ObjectEnd}, each with the transform,
 * material and area light in effect at its Shape statement. {@code ObjectInstance} copies them into
 * the scene with the instance transform composed in front (the renderer sees no instances).
 */
record ObjectDefinition(String name, FileLoc loc, List<ShapeDesc> shapes) {
}

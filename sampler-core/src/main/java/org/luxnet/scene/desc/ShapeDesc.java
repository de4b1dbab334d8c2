package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A {@code Shape} statement with everything in effect when it was written: object-to-world
 * transform, whether {@code ReverseOrientation} was active, the material, and the area light (null
 * when the shape does not emit). A {@code plymesh} arrives here already read: the parser turns it
 * into a {@code trianglemesh} with P, indices and, when present, N and uv.
 */
public record ShapeDesc(String type, ParamSet params, Transform objectToWorld, boolean reverseOrientation,
                        MaterialDesc material, AreaLightDesc areaLight, FileLoc loc) {
}

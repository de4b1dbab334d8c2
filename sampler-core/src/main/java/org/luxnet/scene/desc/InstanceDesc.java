package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * An {@code ObjectInstance} (or LuxRender {@code MotionInstance}, placed at its start transform):
 * the object and the CTM at the statement, applied on top of the transforms baked into the object's
 * shapes (pbrt-v3 api.cpp {@code pbrtObjectInstance}: InstanceToWorld = CTM).
 *
 * @param object          the instanced object
 * @param instanceToWorld the CTM at the instance statement
 * @param loc             where the instance statement was written
 */
public record InstanceDesc(ObjectDesc object, Transform instanceToWorld, FileLoc loc) {
}

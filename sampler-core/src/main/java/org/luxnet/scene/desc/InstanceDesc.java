package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * An {@code ObjectInstance} (or LuxRender {@code MotionInstance}, placed at its start transform):
 * the object and the CTM at the statement, applied on top of the transforms baked into the object's
 * shapes (pbrt-v3 api.cpp {@code pbrtObjectInstance}: InstanceToWorld = CTM).
 *
 * @param object          the instanced object
 * @param instanceToWorld the CTM at the instance statement
 * @param material        the material set by a Material or NamedMaterial statement in effect at the
 *                        instance, or null when none was: LuxRender's InstancePrimitive then shades the
 *                        whole object with it (core/primitive.cpp); pbrt-v3 ignores it
 * @param loc             where the instance statement was written
 * @param motion          the instance-to-world transform over the shutter when it moves (pbrt-v3's
 *                        animated CTM at the statement, LuxRender's motion block or MotionInstance), else
 *                        null; its start transform is {@code instanceToWorld}
 */
public record InstanceDesc(ObjectDesc object, Transform instanceToWorld, MaterialDesc material, FileLoc loc,
                           AnimatedTransform motion) {
    /** An instance with no material of its own. */
    public InstanceDesc(ObjectDesc object, Transform instanceToWorld, FileLoc loc) {
        this(object, instanceToWorld, null, loc, null);
    }

    /** A still instance. */
    public InstanceDesc(ObjectDesc object, Transform instanceToWorld, MaterialDesc material, FileLoc loc) {
        this(object, instanceToWorld, material, loc, null);
    }
}

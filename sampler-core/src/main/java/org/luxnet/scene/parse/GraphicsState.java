package org.luxnet.scene.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.luxnet.scene.desc.AreaLightDesc;
import org.luxnet.scene.desc.MaterialDesc;

/**
 * The attributes in effect at a point in the scene file, as pbrt-v3 and LuxRender keep them: the
 * current transform (CTM), material, area light, reverse-orientation flag and the named materials
 * visible here. {@code AttributeBegin} saves a copy and {@code AttributeEnd} restores it; {@code
 * TransformBegin}/{@code TransformEnd} save and restore only the transform.
 */
final class GraphicsState {
    /** Current transform: object to world (world to camera before WorldBegin), as each dialect reads it. */
    DualTransform ctm = DualTransform.IDENTITY;
    /**
     * The end-time transform (pbrt-v3's curTransform[1]; the last knot of LuxRender's motion
     * transform); equal to {@link #ctm} while nothing moves.
     */
    DualTransform ctmEnd = DualTransform.IDENTITY;
    /** pbrt-v3's activeTransformBits: which of {@link #ctm} and {@link #ctmEnd} transform statements change. */
    boolean startTimeActive = true, endTimeActive = true;
    /**
     * LuxRender: the times of the knots after a motion block, {@link #ctm} at the first and {@link
     * #ctmEnd} at the last, or null (pbrt-v3 takes them from TransformTimes).
     */
    double[] luxTimes;
    /** LuxRender: the knots between the first and the last (blocks of more than two times), or null. */
    DualTransform[] luxMiddle;
    MaterialDesc material = MaterialDesc.defaultMatte();
    /** The {@code AreaLightSource} for shapes that follow, or null. */
    AreaLightDesc areaLight;
    boolean reverseOrientation;
    /** LuxRender's {@code Interior} and {@code Exterior} named volumes for shapes that follow, or null. */
    org.luxnet.scene.desc.VolumeDesc interior, exterior;

    // Named materials are scoped by AttributeBegin/End in both renderers. The map is shared between a
    // state and its saved copies until one of them defines a material (copy on write), so that
    // thousands of attribute blocks do not copy hundreds of materials each.
    private Map<String, MaterialDesc> namedMaterials = new HashMap<>();
    private boolean namedMaterialsShared;

    /** Restores the transform part of {@code saved} (TransformEnd). */
    void restoreTransform(GraphicsState saved) {
        ctm = saved.ctm;
        ctmEnd = saved.ctmEnd;
        startTimeActive = saved.startTimeActive;
        endTimeActive = saved.endTimeActive;
        luxTimes = saved.luxTimes;
        luxMiddle = saved.luxMiddle;
    }

    /** Both transforms to {@code t}, both active, no motion (WorldBegin). */
    void resetTransform(DualTransform t) {
        ctm = t;
        ctmEnd = t;
        startTimeActive = true;
        endTimeActive = true;
        luxTimes = null;
        luxMiddle = null;
    }

    /** A copy for AttributeBegin to restore later. */
    GraphicsState copy() {
        GraphicsState c = new GraphicsState();
        c.ctm = ctm;
        c.ctmEnd = ctmEnd;
        c.startTimeActive = startTimeActive;
        c.endTimeActive = endTimeActive;
        c.luxTimes = luxTimes;
        c.luxMiddle = luxMiddle;
        c.material = material;
        c.areaLight = areaLight;
        c.reverseOrientation = reverseOrientation;
        c.interior = interior;
        c.exterior = exterior;
        c.namedMaterials = namedMaterials;
        c.namedMaterialsShared = true;
        namedMaterialsShared = true;
        return c;
    }

    /** The named material visible here, or null. */
    MaterialDesc namedMaterial(String name) {
        return namedMaterials.get(name);
    }

    boolean hasNamedMaterial(String name) {
        return namedMaterials.containsKey(name);
    }

    void defineNamedMaterial(MaterialDesc m) {
        if (namedMaterialsShared) {
            namedMaterials = new HashMap<>(namedMaterials);
            namedMaterialsShared = false;
        }
        namedMaterials.put(m.name(), m);
    }

    Set<String> namedMaterialNames() {
        return namedMaterials.keySet();
    }
}

package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.AnimatedTransform;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.ObjectDesc;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Compiles each instanced object's shapes once, in object space, and collects the instances that
 * place them (pbrt-v3 api.cpp {@code pbrtObjectInstance}, LuxRender core/context.cpp {@code
 * ObjectInstance}). In LuxRender a material set at the instance replaces the object's materials
 * (InstancePrimitive::Intersect: {@code if (material) isect->material = material}); pbrt-v3 keeps the
 * object's. Area lights inside an object are not supported by either renderer: the shape is
 * kept without emission and a warning names it. Spheres inside objects are tessellated, since an
 * instance may scale them non-uniformly.
 */
final class InstanceCompiler {
    /** Instances at most: the kernel keeps an instance number in a float scratch slot. */
    static final int MAX_INSTANCES = 1 << 24;

    final List<GeometryBuilder> objects = new ArrayList<>();
    final IntList instanceObject = new IntList();
    final List<Transform> instanceToWorld = new ArrayList<>();
    /** Per instance: its moving transform, or null for an instance that stays put. */
    final List<AnimatedTransform> instanceMotion = new ArrayList<>();
    /** Per instance: the material that replaces the object's (LuxRender), or -1. */
    final IntList instanceMaterial = new IntList();
    private final Map<ObjectDesc, Integer> index = new IdentityHashMap<>();
    private final MaterialCompiler materials;
    private final List<SceneWarning> warnings;
    private final boolean luxRender;

    private final AlphaMasks alphaMasks;

    InstanceCompiler(Dialect dialect, MaterialCompiler materials, AlphaMasks alphaMasks, List<SceneWarning> warnings) {
        this.luxRender = dialect == Dialect.LUXRENDER;
        this.materials = materials;
        this.alphaMasks = alphaMasks;
        this.warnings = warnings;
    }

    /** Adds one instance, compiling its object the first time it is placed. */
    void add(InstanceDesc in) {
        Integer o = index.get(in.object());
        if (o == null) {
            o = objects.size();
            objects.add(compile(in.object()));
            index.put(in.object(), o);
        }
        if (objects.get(o).triangleCount() == 0 && objects.get(o).curvePieceCount() == 0) {
            return;
        }
        Transform t = in.instanceToWorld();
        if (!t.isInvertible()) {
            throw new SceneException(in.loc(), "ObjectInstance \"" + in.object().name()
                    + "\": the current transform is singular (not invertible)");
        }
        if (instanceObject.size() >= MAX_INSTANCES) {
            throw new SceneException(in.loc(), "more than " + MAX_INSTANCES + " object instances");
        }
        instanceObject.add(o);
        instanceToWorld.add(t);
        AnimatedTransform m = in.motion();
        if (m != null && m.isAnimated()) {
            if (!m.end().isInvertible()) {
                throw new SceneException(in.loc(), "the end transform of moving instance \"" + in.object().name()
                        + "\" is singular (not invertible)");
            }
            instanceMotion.add(m);
        } else {
            instanceMotion.add(null);
        }
        instanceMaterial.add(luxRender && in.material() != null ? materials.indexOf(in.material()) : -1);
    }

    int instanceCount() {
        return instanceObject.size();
    }

    private GeometryBuilder compile(ObjectDesc object) {
        GeometryBuilder g = new GeometryBuilder();
        ShapeCompiler shapes = new ShapeCompiler(g, warnings, false, luxRender);
        shapes.displacement(new LuxDisplacement(materials.textures()));
        for (ShapeDesc s : object.shapes()) {
            if (s.areaLight() != null) {
                warnings.add(new SceneWarning(s.loc(), "area lights are not supported inside ObjectBegin/ObjectEnd"
                        + " (as in pbrt-v3 and LuxRender): the shape is instanced without emission"));
            }
            int material = materials.indexOf(s.material());
            g.beginShape(s);
            g.alphaMask = alphaMasks.of(s);
            shapes.add(s, material, -1);
            g.alphaMask = -1;
            warnings.addAll(s.params().unused("Shape \"" + s.type() + "\""));
        }
        return g;
    }
}

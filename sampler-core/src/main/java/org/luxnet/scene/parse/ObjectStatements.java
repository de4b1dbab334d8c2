package org.luxnet.scene.parse;

import java.util.ArrayList;
import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.desc.AnimatedTransform;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.ObjectDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Object instancing: {@code ObjectBegin "name"} ... {@code ObjectEnd} records shapes in an {@link
 * ObjectDesc} (and acts as AttributeBegin/End, as in pbrt); each {@code ObjectInstance "name"} adds an
 * {@link InstanceDesc} that references the object with the CTM at the instance. Nothing is copied:
 * the compiler builds each object's geometry once and places it by the instance transforms.
 */
final class ObjectStatements {
    private ObjectStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("ObjectBegin", (st, kw) -> {
            st.requireWorld(kw);
            String name = StatementArgs.string(st.tokens(), kw, "the object's name");
            if (st.currentObject != null) {
                throw new SceneException(kw.loc(), "ObjectBegin inside the definition of object \""
                        + st.currentObject.name() + "\" begun at " + st.currentObject.loc() + " (objects do not nest)");
            }
            ObjectDesc previous = st.objects.get(name);
            if (previous != null) {
                throw new SceneException(kw.loc(), "object \"" + name + "\" is already defined at " + previous.loc());
            }
            st.pushBlock(OpenBlock.Kind.OBJECT, kw.loc());
            st.currentObject = new ObjectDesc(name, kw.loc(), new ArrayList<>());
            st.objects.put(name, st.currentObject);
        });
        table.put("ObjectEnd", (st, kw) -> {
            st.requireWorld(kw);
            st.gs = st.popBlock(OpenBlock.Kind.OBJECT, kw).saved();
            st.currentObject = null;
        });
        table.put("ObjectInstance", (st, kw) -> {
            st.requireWorld(kw);
            String name = StatementArgs.string(st.tokens(), kw, "the name of an object");
            instantiate(st, kw, name);
        });
    }

    /** Places object {@code name} in the world by the current transform. */
    static void instantiate(ParseState st, Token kw, String name) {
        if (st.currentObject != null) {
            throw new SceneException(kw.loc(), kw.text() + " inside the definition of object \""
                    + st.currentObject.name() + "\" begun at " + st.currentObject.loc() + " (instances do not nest)");
        }
        ObjectDesc def = st.objects.get(name);
        if (def == null) {
            throw new SceneException(kw.loc(), kw.text() + " \"" + name + "\": no object of that name has been defined"
                    + " (ObjectBegin \"" + name + "\" ... ObjectEnd must come first)");
        }
        // The default material has no place in the file: no Material statement set it.
        MaterialDesc material = st.gs.material.loc().equals(FileLoc.NONE) ? null : st.gs.material;
        AnimatedTransform motion = st.motion(kw);
        Transform start = motion != null ? motion.start() : st.ctm(kw);
        st.instances.add(new InstanceDesc(def, start, material, kw.loc(), motion != null && motion.isAnimated() ? motion : null));
    }

    /** Places object {@code name} moving by {@code motion} (LuxRender's MotionInstance). */
    static void instantiate(ParseState st, Token kw, String name, AnimatedTransform motion) {
        int before = st.instances.size();
        instantiate(st, kw, name);
        if (st.instances.size() > before && motion.isAnimated()) {
            InstanceDesc in = st.instances.remove(before);
            st.instances.add(new InstanceDesc(in.object(), motion.start(), in.material(), in.loc(), motion));
        }
    }
}

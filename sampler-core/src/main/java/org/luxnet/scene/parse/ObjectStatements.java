package org.luxnet.scene.parse;

import java.util.ArrayList;
import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Object instancing, flattened: {@code ObjectBegin "name"} ... {@code ObjectEnd} records shapes (and
 * acts as AttributeBegin/End, as in pbrt); each {@code ObjectInstance "name"} copies them into the
 * world with the CTM at the instance composed in front of each shape's own transform. The copies
 * share their parameter sets, so a large instanced mesh is not duplicated in memory.
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
            ObjectDefinition previous = st.objects.get(name);
            if (previous != null) {
                throw new SceneException(kw.loc(), "object \"" + name + "\" is already defined at " + previous.loc());
            }
            st.pushBlock(OpenBlock.Kind.OBJECT, kw.loc());
            st.currentObject = new ObjectDefinition(name, kw.loc(), new ArrayList<>());
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

    /** Adds the shapes of object {@code name} to the world, placed by the current transform. */
    static void instantiate(ParseState st, Token kw, String name) {
        if (st.currentObject != null) {
            throw new SceneException(kw.loc(), kw.text() + " inside the definition of object \""
                    + st.currentObject.name() + "\" begun at " + st.currentObject.loc() + " (instances do not nest)");
        }
        ObjectDefinition def = st.objects.get(name);
        if (def == null) {
            throw new SceneException(kw.loc(), kw.text() + " \"" + name + "\": no object of that name has been defined"
                    + " (ObjectBegin \"" + name + "\" ... ObjectEnd must come first)");
        }
        Transform instanceToWorld = st.ctm(kw);
        for (ShapeDesc s : def.shapes()) {
            st.shapes.add(new ShapeDesc(s.type(), s.params(), instanceToWorld.compose(s.objectToWorld()),
                    s.reverseOrientation(), s.material(), s.areaLight(), s.loc()));
        }
    }
}

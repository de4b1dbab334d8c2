package org.luxnet.scene.parse;

import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Transform;

/**
 * WorldBegin/WorldEnd and the attribute and transform blocks. Blocks must nest properly: an {@code
 * AttributeEnd} that would close a {@code TransformBegin} is an error rather than pbrt-v3's silent
 * mix-up of its shared transform stack.
 */
final class BlockStatements {
    private BlockStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("WorldBegin", (st, kw) -> {
            if (st.phase == ParseState.Phase.WORLD) {
                throw new SceneException(kw.loc(), "WorldBegin inside the world block begun at " + st.worldBeginLoc);
            }
            st.phase = ParseState.Phase.WORLD;
            st.worldBeginLoc = kw.loc();
            // pbrt and LuxRender: the world starts at identity, whatever the camera transform was.
            st.gs.resetTransform(DualTransform.IDENTITY);
            st.coordinateSystems.put("world", DualTransform.IDENTITY);
            st.coordinateSystemsEnd.remove("world");
        });
        table.put("WorldEnd", (st, kw) -> {
            st.requireWorld(kw);
            st.closeOpenBlocks("WorldEnd at " + kw.loc());
            st.phase = ParseState.Phase.ENDED;
            st.worldEndLoc = kw.loc();
        });
        table.put("AttributeBegin", (st, kw) -> {
            st.requireWorld(kw);
            st.pushBlock(OpenBlock.Kind.ATTRIBUTE, kw.loc());
        });
        table.put("AttributeEnd", (st, kw) -> {
            st.requireWorld(kw);
            st.gs = st.popBlock(OpenBlock.Kind.ATTRIBUTE, kw).saved();
        });
        // LuxRender allows transform blocks before WorldBegin (pbrt-v3 does not); they only touch the CTM.
        table.put("TransformBegin", (st, kw) -> st.pushBlock(OpenBlock.Kind.TRANSFORM, kw.loc()));
        table.put("TransformEnd", (st, kw) -> {
            GraphicsState saved = st.popBlock(OpenBlock.Kind.TRANSFORM, kw).saved();
            st.gs.restoreTransform(saved);
        });
    }
}

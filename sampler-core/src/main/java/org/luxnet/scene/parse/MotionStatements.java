package org.luxnet.scene.parse;

import java.util.Map;
import org.luxnet.scene.SceneException;

/**
 * Motion blur statements. LuxNet renders one instant (shutter open), so each keeps the start-time
 * transform, warns once, and parsing goes on with the geometry where it is at that instant:
 * LuxRender's {@code MotionBegin [times]} ... {@code MotionEnd} applies its first transform at
 * MotionEnd (LuxRender composes the block's transforms onto the CTM there); pbrt's {@code
 * ActiveTransform EndTime} makes transform statements affect only the ignored end transform.
 */
final class MotionStatements {
    private static final String WHY = " (no motion blur: the start-time transform is used)";

    private MotionStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("MotionBegin", (st, kw) -> {
            st.dialect.luxRender();
            StatementArgs.skip(st.tokens());
            if (st.motionBlockLoc != null) {
                throw new SceneException(kw.loc(), "MotionBegin inside the motion block begun at " + st.motionBlockLoc);
            }
            st.warnOnce(kw, "MotionBegin is not supported and was ignored" + WHY);
            st.motionBlockLoc = kw.loc();
            st.motionFirstTransform = null;
        });
        table.put("MotionEnd", (st, kw) -> {
            if (st.motionBlockLoc == null) {
                throw new SceneException(kw.loc(), "MotionEnd without a matching MotionBegin");
            }
            st.motionBlockLoc = null;
            if (st.motionFirstTransform != null) {
                st.applyTransform(st.motionFirstTransform, false);
            }
        });
        table.put("ActiveTransform", (st, kw) -> {
            st.dialect.pbrt();
            String which = StatementArgs.word(st.tokens(), kw, "StartTime, EndTime or All");
            switch (which) {
                case "StartTime":
                case "All":
                    st.gs.startTimeActive = true;
                    break;
                case "EndTime":
                    st.gs.startTimeActive = false;
                    break;
                default:
                    throw new SceneException(kw.loc(), "ActiveTransform expects StartTime, EndTime or All, found '"
                            + which + "'");
            }
            st.warnOnce(kw, "ActiveTransform is not supported and was ignored" + WHY);
        });
        table.put("TransformTimes", (st, kw) -> {
            st.dialect.pbrt();
            StatementArgs.numbers(st.tokens(), kw, 2, "start and end time");
            st.warnOnce(kw, "TransformTimes is not supported and was ignored" + WHY);
        });
        table.put("MotionInstance", (st, kw) -> {
            st.requireWorld(kw);
            st.dialect.luxRender();
            String name = StatementArgs.string(st.tokens(), kw, "the name of an object");
            StatementArgs.numbers(st.tokens(), kw, 2, "start and end time");
            StatementArgs.string(st.tokens(), kw, "the end transform's coordinate system");
            st.warnOnce(kw, "MotionInstance motion is not supported; the object is placed as an ObjectInstance" + WHY);
            ObjectStatements.instantiate(st, kw, name);
        });
    }
}

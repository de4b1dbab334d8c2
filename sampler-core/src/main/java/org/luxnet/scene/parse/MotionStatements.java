package org.luxnet.scene.parse;

import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.AnimatedTransform;
import org.luxnet.scene.desc.Transform;

/**
 * Motion blur statements, which give the current transform a start and an end ({@link
 * GraphicsState#ctm}, {@link GraphicsState#ctmEnd}).
 *
 * <ul>
 *   <li>pbrt-v3 {@code ActiveTransform StartTime|EndTime|All} chooses which of the two later
 *       transform statements change (activeTransformBits, scoped like the transform); {@code
 *       TransformTimes start end}, an option before WorldBegin, gives their times (default 0 1).</li>
 *   <li>LuxRender {@code MotionBegin [t0 ... tn]}: each transform statement up to {@code MotionEnd}
 *       is the knot at one time, and MotionEnd composes the knots onto the current transform
 *       (Context::MotionEnd: curTransform = curTransform * motionTransform). A block whose knot count
 *       differs from its time count, or whose times do not increase, is an error (LuxRender
 *       ignores it with a warning). Blocks of more than two knots interpolate from knot to knot
 *       (LuxRender's MotionSystem).</li>
 *   <li>LuxRender {@code MotionInstance "name" start end "coordsys"} places the object moving from the
 *       current transform at {@code start} to the named coordinate system at {@code end}.</li>
 * </ul>
 */
final class MotionStatements {
    private MotionStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("MotionBegin", (st, kw) -> {
            st.dialect.luxRender();
            double[] times = StatementArgs.numberList(st.tokens(), kw, "the knot times");
            if (st.motionBlockLoc != null) {
                throw new SceneException(kw.loc(), "MotionBegin inside the motion block begun at " + st.motionBlockLoc);
            }
            if (times.length == 0) {
                throw new SceneException(kw.loc(), "MotionBegin needs the times of its knots, e.g. MotionBegin [0 1]");
            }
            for (int i = 1; i < times.length; i++) {
                if (!(times[i] > times[i - 1])) {
                    throw new SceneException(kw.loc(), "MotionBegin times must increase strictly, got " + times[i - 1]
                            + " then " + times[i]);
                }
            }
            st.motionBlockLoc = kw.loc();
            st.motionBlockTimes = times;
            st.motionBlockTransforms.clear();
        });
        table.put("MotionEnd", (st, kw) -> {
            if (st.motionBlockLoc == null) {
                throw new SceneException(kw.loc(), "MotionEnd without a matching MotionBegin");
            }
            double[] times = st.motionBlockTimes;
            int n = st.motionBlockTransforms.size();
            if (n != times.length) {
                throw new SceneException(kw.loc(), "the motion block begun at " + st.motionBlockLoc + " has " + times.length
                        + " times but " + n + " transforms (one transform per time)");
            }
            java.util.List<DualTransform> k = new java.util.ArrayList<>(st.motionBlockTransforms);
            st.motionBlockLoc = null;
            st.motionBlockTransforms.clear();
            boolean moving = st.ctmAnimated();
            if (moving && n > 1 && (st.gs.luxTimes == null || !java.util.Arrays.equals(st.gs.luxTimes, times))) {
                // LuxRender merges the two knot lists (MotionTransform::operator*); LuxNet pairs the ends.
                st.warnOnce(kw, "a motion block inside a moving transform with other times is not supported; the"
                        + " first and last knots are paired");
                k = java.util.List.of(k.get(0), k.get(n - 1));
                times = new double[] {times[0], times[n - 1]};
                st.gs.luxMiddle = null;
            }
            int m = k.size();
            DualTransform[] middle = null;
            if (m > 2) {
                middle = new DualTransform[m - 2];
                for (int i = 1; i < m - 1; i++) {
                    DualTransform base = st.gs.luxMiddle != null ? st.gs.luxMiddle[i - 1] : st.gs.ctm;
                    middle[i - 1] = base.compose(k.get(i));
                }
            }
            st.gs.ctm = st.gs.ctm.compose(k.get(0));
            st.gs.ctmEnd = st.gs.ctmEnd.compose(k.get(m - 1));
            if (m > 1) {
                st.gs.luxTimes = times.clone();
                st.gs.luxMiddle = middle;
            }
            if (!st.gs.ctm.isInvertible() || !st.gs.ctmEnd.isInvertible()) {
                throw new SceneException(kw.loc(), "after the motion block begun at " + kw.loc()
                        + " the current transform is singular or not finite");
            }
        });
        table.put("ActiveTransform", (st, kw) -> {
            st.dialect.pbrt();
            String which = StatementArgs.word(st.tokens(), kw, "StartTime, EndTime or All");
            switch (which) {
                case "StartTime":
                    st.gs.startTimeActive = true;
                    st.gs.endTimeActive = false;
                    break;
                case "EndTime":
                    st.gs.startTimeActive = false;
                    st.gs.endTimeActive = true;
                    break;
                case "All":
                    st.gs.startTimeActive = true;
                    st.gs.endTimeActive = true;
                    break;
                default:
                    throw new SceneException(kw.loc(), "ActiveTransform expects StartTime, EndTime or All, found '"
                            + which + "'");
            }
        });
        table.put("TransformTimes", (st, kw) -> {
            st.dialect.pbrt();
            st.requireOptions(kw);
            double[] t = StatementArgs.numbers(st.tokens(), kw, 2, "start and end time");
            if (!(t[1] >= t[0])) {
                throw new SceneException(kw.loc(), "TransformTimes: the end time " + t[1] + " is before the start time "
                        + t[0]);
            }
            st.transformStartTime = t[0];
            st.transformEndTime = t[1];
        });
        table.put("MotionInstance", (st, kw) -> {
            st.requireWorld(kw);
            st.dialect.luxRender();
            String name = StatementArgs.string(st.tokens(), kw, "the name of an object");
            double[] t = StatementArgs.numbers(st.tokens(), kw, 2, "start and end time");
            String to = StatementArgs.string(st.tokens(), kw, "the end transform's coordinate system");
            DualTransform end = st.coordinateSystems.get(to);
            if (end == null) {
                throw new SceneException(kw.loc(), "MotionInstance \"" + name + "\": unknown coordinate system \"" + to
                        + "\" for the end transform (define it with CoordinateSystem \"" + to + "\")");
            }
            if (!(t[1] >= t[0])) {
                throw new SceneException(kw.loc(), "MotionInstance: the end time " + t[1] + " is before the start time " + t[0]);
            }
            if (st.ctmAnimated()) {
                st.warnOnce(kw, "MotionInstance under a moving transform is not supported; the start transform is used");
            }
            Transform start = st.ctm(kw);
            Transform endT = end.luxRender();
            ObjectStatements.instantiate(st, kw, name,
                    new AnimatedTransform(start, t[0], endT, t[1], AnimatedTransform.Style.LUXRENDER));
        });
    }
}

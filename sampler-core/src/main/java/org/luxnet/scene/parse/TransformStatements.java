package org.luxnet.scene.parse;

import java.util.Map;
import java.util.function.Supplier;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Transform;

/**
 * Statements that change the current transform, with pbrt's rule CTM = CTM * T (so the transform
 * written last applies to the object first), plus named coordinate systems. {@code Transform},
 * {@code Identity} and {@code CoordSysTransform} replace the CTM. All are allowed before and after
 * WorldBegin; before it they build the world-to-camera transform.
 */
final class TransformStatements {
    private TransformStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("Identity", (st, kw) -> st.applyTransform(Transform.IDENTITY, true));
        table.put("Translate", (st, kw) -> {
            double[] v = StatementArgs.numbers(st.tokens(), kw, 3, "x y z");
            apply(st, kw, Transform.translate(v[0], v[1], v[2]), false);
        });
        table.put("Scale", (st, kw) -> {
            double[] v = StatementArgs.numbers(st.tokens(), kw, 3, "x y z");
            apply(st, kw, Transform.scale(v[0], v[1], v[2]), false);
        });
        table.put("Rotate", (st, kw) -> {
            double[] v = StatementArgs.numbers(st.tokens(), kw, 4, "angle in degrees, then axis x y z");
            apply(st, kw, build(kw, () -> Transform.rotate(v[0], v[1], v[2], v[3])), false);
        });
        table.put("LookAt", (st, kw) -> {
            double[] v = StatementArgs.numbers(st.tokens(), kw, 9, "eye x y z, look-at x y z, up x y z");
            // pbrt-v3's LookAt is left-handed, LuxRender's right-handed: keep both until the dialect is known.
            Transform pbrt = build(kw, () -> Transform.lookAt(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
            Transform lux = Transform.lookAtLuxRender(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
            apply(st, kw, new DualTransform(pbrt, lux), false);
        });
        table.put("Transform", (st, kw) -> {
            double[] v = StatementArgs.numbers(st.tokens(), kw, 16, "a 4x4 matrix, column by column");
            apply(st, kw, Transform.fromFileOrder(v), true);
        });
        table.put("ConcatTransform", (st, kw) -> {
            double[] v = StatementArgs.numbers(st.tokens(), kw, 16, "a 4x4 matrix, column by column");
            apply(st, kw, Transform.fromFileOrder(v), false);
        });
        table.put("CoordinateSystem", (st, kw) -> {
            String name = StatementArgs.string(st.tokens(), kw, "the coordinate system's name");
            st.coordinateSystems.put(name, st.gs.ctm);
            if (st.ctmAnimated()) {
                st.coordinateSystemsEnd.put(name, new ParseState.MotionEnd(st.gs.ctmEnd, st.gs.luxTimes, st.gs.luxMiddle));
            } else {
                st.coordinateSystemsEnd.remove(name);
            }
        });
        table.put("CoordSysTransform", (st, kw) -> {
            String name = StatementArgs.string(st.tokens(), kw, "a coordinate system's name");
            DualTransform t = st.coordinateSystems.get(name);
            if (t == null) {
                String hint = name.equals("camera") ? " (\"camera\" is defined by the Camera statement)"
                        : name.equals("world") ? " (\"world\" is defined by WorldBegin)"
                        : " (define it with CoordinateSystem \"" + name + "\")";
                throw new SceneException(kw.loc(), "unknown coordinate system \"" + name + "\"" + hint);
            }
            ParseState.MotionEnd end = st.coordinateSystemsEnd.get(name);
            if (st.motionBlockLoc == null) {
                // pbrt-v3 (curTransform = namedCoordinateSystems[name]) and LuxRender: both transforms
                // become the named ones, whatever ActiveTransform says.
                st.gs.ctm = t;
                st.gs.ctmEnd = end != null ? end.ctm() : t;
                st.gs.luxTimes = end != null ? end.luxTimes() : null;
                st.gs.luxMiddle = end != null ? end.luxMiddle() : null;
            } else {
                st.applyTransform(t, true);
            }
        });
    }

    /**
     * Applies {@code t} after checking that it, and the CTM it makes, are finite and invertible. A
     * singular transform (a zero scale, a rank-deficient matrix) flattens everything after it, and
     * normals and the camera need the inverse, so it is a scene error at the statement.
     */
    private static void apply(ParseState st, Token kw, Transform t, boolean replace) {
        if (!t.isInvertible()) {
            throw new SceneException(kw.loc(), kw.text() + " gives a singular transform (it cannot be inverted: "
                    + "a zero scale, a degenerate matrix or a non-finite number): " + t);
        }
        apply(st, kw, DualTransform.of(t), replace);
    }

    /** As above for a transform each dialect reads differently (LookAt); the CTM must stay invertible in both. */
    private static void apply(ParseState st, Token kw, DualTransform t, boolean replace) {
        st.applyTransform(t, replace);
        if (!st.gs.ctm.isInvertible()) {
            throw new SceneException(kw.loc(), "after " + kw.text() + " the current transform is singular or not finite: "
                    + st.gs.ctm.pbrt());
        }
    }

    /** Turns Transform's argument checks (zero rotation axis, degenerate LookAt) into scene errors. */
    private static Transform build(Token kw, Supplier<Transform> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new SceneException(kw.loc(), kw.text() + ": " + e.getMessage());
        }
    }
}

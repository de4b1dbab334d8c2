package org.luxnet.scene.parse;

import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.Transform;

/**
 * A transform as each dialect reads the statements that built it. The two differ only after a
 * {@code LookAt}, which is left-handed in pbrt-v3 and right-handed in LuxRender; the dialect is known
 * only once the whole scene is read, so the parser carries both until a transform is used.
 *
 * @param pbrt      the transform under pbrt-v3's semantics
 * @param luxRender the transform under LuxRender's semantics (the same object when no LookAt differs)
 */
record DualTransform(Transform pbrt, Transform luxRender) {
    static final DualTransform IDENTITY = of(Transform.IDENTITY);

    /** A transform both dialects read the same way. */
    static DualTransform of(Transform t) {
        return new DualTransform(t, t);
    }

    /** True when the dialect decides which transform this is. */
    boolean differs() {
        return pbrt != luxRender;
    }

    /** The transform under {@code dialect}'s semantics. */
    Transform in(Dialect dialect) {
        return dialect == Dialect.PBRT ? pbrt : luxRender;
    }

    /** True when the transform is finite and invertible in both dialects. */
    boolean isInvertible() {
        return pbrt.isInvertible() && (!differs() || luxRender.isInvertible());
    }

    /** {@code this * other} in each dialect. */
    DualTransform compose(DualTransform other) {
        if (!differs() && !other.differs()) {
            return of(pbrt.compose(other.pbrt));
        }
        return new DualTransform(pbrt.compose(other.pbrt), luxRender.compose(other.luxRender));
    }

    /** The inverse in each dialect; throws IllegalArgumentException when singular. */
    DualTransform inverse() {
        if (!differs()) {
            return of(pbrt.inverse());
        }
        return new DualTransform(pbrt.inverse(), luxRender.inverse());
    }
}

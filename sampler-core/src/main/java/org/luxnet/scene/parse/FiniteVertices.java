package org.luxnet.scene.parse;

import java.util.Locale;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Param;

/**
 * Rejects vertex positions that are not finite single-precision numbers (NaN, infinities, and
 * values such as 1e39 that become infinite as floats): one such vertex makes the BVH bounds NaN and
 * every ray miss or hit at random, so the scene is refused with the place and the vertex.
 */
final class FiniteVertices {
    private FiniteVertices() {
    }

    /**
     * Checks the positions {@code xyz} (3 per vertex) of a shape.
     *
     * @param where what holds them, for the message ("\"point P\"", "PLY file 'a.ply'")
     * @param loc   the parameter's or statement's place
     */
    static void check(double[] xyz, String where, FileLoc loc) {
        for (int i = 0; i < xyz.length; i++) {
            double v = xyz[i];
            if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                int k = i / 3;
                throw new SceneException(loc, String.format(Locale.ROOT,
                        "vertex %d of %s is not a finite position: (%s, %s, %s); every coordinate must be a finite "
                                + "number within single-precision range", k, where, num(xyz, 3 * k), num(xyz, 3 * k + 1),
                        num(xyz, 3 * k + 2)));
            }
        }
    }

    /** Checks the "P" parameter of a shape, when it has one. */
    static void check(Param p) {
        if (p != null && p.type().isNumeric()) {
            check(p.numbers(), "\"point P\"", p.loc());
        }
    }

    private static String num(double[] a, int i) {
        return i < a.length ? Double.toString(a[i]) : "?";
    }
}

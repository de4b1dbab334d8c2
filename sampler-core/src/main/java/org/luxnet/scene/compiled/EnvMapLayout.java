package org.luxnet.scene.compiled;

/**
 * Layout of the environment-map tables of {@link CompiledScene}: lat-long maps of infinite lights
 * and their sampling distributions (pbrt-v3 core/sampling.h Distribution2D, flattened).
 *
 * <p>{@link CompiledScene#envInfo} holds {@link #INFO_STRIDE} ints per map: texel offset into
 * {@link CompiledScene#envTexels} (3 floats per texel, row-major, row 0 = theta 0), width, height,
 * and the offset {@code b} of its distribution in {@link CompiledScene#envDist}, which holds, for
 * a map of w x h: {@code h * w} conditional function values (row v: the importance of (u, v)),
 * {@code h * (w + 1)} conditional CDFs, {@code h} marginal function values (each row's integral),
 * {@code h + 1} marginal CDF entries and the marginal integral: see the offsets below.
 * {@link CompiledScene#envXform} holds 18 floats per map: world-to-light then light-to-world
 * rotation, 3x3 row-major each.
 */
public final class EnvMapLayout {
    private EnvMapLayout() {
    }

    public static final int INFO_STRIDE = 4;
    public static final int INFO_TEXELS = 0, INFO_WIDTH = 1, INFO_HEIGHT = 2, INFO_DIST = 3;
    public static final int XFORM_STRIDE = 18;
    public static final int XFORM_W2L = 0, XFORM_L2W = 9;

    /** Offset of the conditional CDFs in a map's distribution. */
    public static int condCdf(int w, int h) {
        return w * h;
    }

    /** Offset of the marginal function values (row integrals). */
    public static int margFunc(int w, int h) {
        return w * h + h * (w + 1);
    }

    /** Offset of the marginal CDF ({@code h + 1} entries). */
    public static int margCdf(int w, int h) {
        return margFunc(w, h) + h;
    }

    /** Offset of the marginal integral (0 when the whole map is black). */
    public static int margInt(int w, int h) {
        return margCdf(w, h) + h + 1;
    }

    /** Floats of one map's distribution. */
    public static int distSize(int w, int h) {
        return margInt(w, h) + 1;
    }
}

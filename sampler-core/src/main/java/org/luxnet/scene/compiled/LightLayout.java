package org.luxnet.scene.compiled;

/**
 * Light types and the layout of their parameters in {@link CompiledScene#lightParams}: {@link
 * #STRIDE} floats per light. Area lights are one entry per emitting triangle or sphere, so that
 * light selection and the MIS weight of a BSDF-sampled hit refer to the same entry.
 */
public final class LightLayout {
    private LightLayout() {
    }

    /** Floats per light. */
    public static final int STRIDE = 16;

    /** One emitting triangle; {@link CompiledScene#lightPrim} holds the triangle index. */
    public static final int AREA_TRIANGLE = 0;
    /** One emitting sphere; {@link CompiledScene#lightPrim} holds the sphere index. */
    public static final int AREA_SPHERE = 1;
    /** Isotropic point light. */
    public static final int POINT = 2;
    /** Spot light with smooth falloff. */
    public static final int SPOT = 3;
    /** Environment at infinity: a constant colour, or a lat-long map ({@link #MAP}). */
    public static final int INFINITE = 4;
    /** Directional light at infinity. */
    public static final int DISTANT = 5;
    /**
     * LuxRender's sun: a cone of directions around {@link #DIR} (towards the sun) of constant radiance
     * {@link #L}, half-angle given by {@link #SIN2_MAX} and {@link #ONE_MINUS_COS_MAX}.
     */
    public static final int SUN = 6;

    /** Emitted radiance (area, infinite, distant) or intensity (point, spot), gain applied: 3 floats. */
    public static final int L = 0;
    /** Position (point, spot) or scene centre (infinite, distant): 3 floats. */
    public static final int POS = 3;
    /** Unit direction the light travels (spot axis; distant: direction of travel; sun: towards the sun): 3 floats. */
    public static final int DIR = 6;
    /** Spot: cosine of the total cone half-angle. Infinite/distant: scene radius. */
    public static final int COS_TOTAL = 9;
    /** Spot: cosine of the angle where falloff starts. */
    public static final int COS_FALLOFF = 10;
    /** Area lights: 1 when both sides emit, else 0. */
    public static final int TWO_SIDED = 11;
    /** Area lights: surface area of the primitive. */
    public static final int AREA = 12;
    /**
     * Infinite lights: 1 + the index of the light's environment map in the scene's map tables
     * ({@link EnvMapLayout}), 0 for a constant colour. With a map, {@link #L} holds its mean radiance.
     */
    public static final int MAP = 13;
    /** Sun: sin^2 of the cone's half-angle. */
    public static final int SIN2_MAX = 14;
    /** Sun: 1 - cos of the cone's half-angle, computed without cancellation; the cone's solid angle over 2 pi. */
    public static final int ONE_MINUS_COS_MAX = 15;
}

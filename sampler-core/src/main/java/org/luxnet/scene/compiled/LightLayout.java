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
    /**
     * pbrt-v3's and LuxRender's projection light (lights/projection.cpp): a point light whose
     * intensity is an image projected through a perspective frustum along the light's +z, zero outside
     * it; {@link #MAP} is always set (a white texel when the light has no image), {@link
     * #PROJ_INV_TAN}, {@link #PROJ_HALF_W} and {@link #PROJ_HALF_H} give the frustum, {@link
     * #PROJ_LUX_AREA} LuxRender's normalisation.
     */
    public static final int PROJECTION = 7;

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
     * Point and projection lights: 1 + the index of their emission distribution in the same tables
     * (looked up in the light's frame by the direction from the light), 0 for none; {@link #L} is then
     * the factor that multiplies the map's texels.
     */
    public static final int MAP = 13;
    /** Point and projection lights with a distribution: the map's mean luminance, for the light's power. */
    public static final int DIST_MEAN = 14;
    /** Point and projection lights with a distribution: the map's largest texel value (for the film's scale). */
    public static final int DIST_MAX = 15;
    /** Projection: 1 / tan(fov / 2). */
    public static final int PROJ_INV_TAN = 9;
    /** Projection: half the screen window's width, on the plane z = 1 after scaling by {@link #PROJ_INV_TAN}. */
    public static final int PROJ_HALF_W = 10;
    /** Projection: half the screen window's height. */
    public static final int PROJ_HALF_H = 11;
    /**
     * Projection: LuxRender's window area (projection.cpp: 4 tan^2(fov / 2) / aspect), which makes the
     * intensity L map / (area cos^3) of the angle to the axis (its ProjectionBxDF's f times the
     * cosine); 0 for pbrt-v3's, whose intensity is I map.
     */
    public static final int PROJ_LUX_AREA = 12;
    /**
     * Infinite lights and the sun: 1 when camera rays that escape do not see the light (LuxRender's path
     * integrator with "includeenvironment" false), else 0. Paths that scattered still do, and it lights
     * the scene as before.
     */
    public static final int HIDDEN_FROM_CAMERA = 12;
    /** Sun: sin^2 of the cone's half-angle. */
    public static final int SIN2_MAX = 14;
    /** Sun: 1 - cos of the cone's half-angle, computed without cancellation; the cone's solid angle over 2 pi. */
    public static final int ONE_MINUS_COS_MAX = 15;
}

package org.luxnet.scene.compiled;

/**
 * A compiled camera, pbrt/LuxRender conventions: camera space looks down +z with +y up and +x to
 * the right of the image; raster y grows downwards. The screen window spans the full frame of
 * {@link #frame}; a crop window renders part of it.
 *
 * @param projection    how a raster position becomes a ray
 * @param cameraToWorld 12 floats, the top three rows of the camera-to-world matrix (row-major)
 * @param tanHalfFov    perspective: tangent of half the field of view that screen-window units 1 span
 * @param screenWindow  xmin, xmax, ymin, ymax of the screen window (default: the shorter axis spans [-1, 1])
 * @param lens          the thin lens (radius 0 = pinhole)
 * @param frame         the full frame and the part of it that is rendered
 * @param hither        LuxRender's near clipping distance along the view axis (0 for pbrt, which has none)
 * @param yon           LuxRender's far clipping distance along the view axis (infinite for pbrt)
 *                      (the medium camera rays start in is {@link CompiledScene#cameraMedium})
 * @param realistic     pbrt-v3's realistic camera's lens system ({@link Projection#REALISTIC}; null otherwise)
 * @param motion        a moving camera's {@link org.luxnet.scene.desc.AnimatedTransform} kernel records
 *                      (interpolated per ray at its time; camera-to-world, or its inverse when the
 *                      record says so), or null for a still camera
 * @param shutterOpen   the time at which the shutter opens (each camera ray's time is uniform in
 *                      [shutterOpen, shutterClose])
 * @param shutterClose  the time at which it closes
 * @param shutterGaussian LuxRender's {@code "gaussian"} shutterdistribution: times spread as a normal
 *                      distribution of standard deviation a quarter of the shutter around its middle
 *                      (Camera::GetTime), not uniformly
 */
public record CameraData(Projection projection, float[] cameraToWorld, float tanHalfFov, float[] screenWindow,
                         Lens lens, FilmFrame frame, float hither, float yon, Realistic realistic, float[] motion,
                         float shutterOpen, float shutterClose, boolean shutterGaussian) {

    /** A still camera other than pbrt-v3's realistic one. */
    public CameraData(Projection projection, float[] cameraToWorld, float tanHalfFov, float[] screenWindow,
                      Lens lens, FilmFrame frame, float hither, float yon) {
        this(projection, cameraToWorld, tanHalfFov, screenWindow, lens, frame, hither, yon, null, null, 0f, 1f, false);
    }

    /** A still camera. */
    public CameraData(Projection projection, float[] cameraToWorld, float tanHalfFov, float[] screenWindow,
                      Lens lens, FilmFrame frame, float hither, float yon, Realistic realistic) {
        this(projection, cameraToWorld, tanHalfFov, screenWindow, lens, frame, hither, yon, realistic, null, 0f, 1f,
                false);
    }

    /** A camera other than pbrt-v3's realistic one. */
    public CameraData(Projection projection, float[] cameraToWorld, float tanHalfFov, float[] screenWindow,
                      Lens lens, FilmFrame frame, float hither, float yon, float[] motion, float shutterOpen,
                      float shutterClose, boolean shutterGaussian) {
        this(projection, cameraToWorld, tanHalfFov, screenWindow, lens, frame, hither, yon, null, motion, shutterOpen,
                shutterClose, shutterGaussian);
    }

    /** Camera models. */
    public enum Projection {
        /** Pinhole or thin-lens perspective (pbrt-v3 and LuxRender "perspective"). */
        PERSPECTIVE,
        /** Parallel rays along +z from the screen window (pbrt-v3 and LuxRender "orthographic"). */
        ORTHOGRAPHIC,
        /**
         * LuxRender "environment": the full sphere, latitude-longitude; theta = pi y / height from +y,
         * phi = 2 pi x / width, direction (-sin theta sin phi, cos theta, -sin theta cos phi).
         */
        ENVIRONMENT,
        /** pbrt-v3 "environment": the same angles, direction (sin theta cos phi, cos theta, sin theta sin phi). */
        ENVIRONMENT_PBRT,
        /**
         * pbrt-v3 "realistic": rays from the film traced through a lens system of spherical elements and
         * an aperture stop (cameras/realistic.cpp), see {@link Realistic}.
         */
        REALISTIC
    }

    /**
     * pbrt-v3's realistic camera, as compiled on the host (lengths in metres, camera space; the film at z
     * = 0, the lens towards +z).
     *
     * @param elements       4 floats per element interface from the scene side to the film side: curvature
     *                       radius (0: the aperture stop), thickness (to the next interface; the last one's
     *                       is the film distance FocusThickLens chose), index of refraction (0 or 1: air),
     *                       aperture radius
     * @param pupilBounds    4 floats per radial film segment (pMin.x, pMin.y, pMax.x, pMax.y): BoundExitPupil
     * @param filmWidth      the film's physical width (Film::GetPhysicalExtent)
     * @param filmHeight     the film's physical height
     * @param diagonal       the film's diagonal
     * @param simpleWeighting pbrt's "simpleweighting": the ray weight is cos^4 theta alone
     * @param shutterSpan    shutterclose - shutteropen (the full weighting's factor)
     */
    public record Realistic(float[] elements, float[] pupilBounds, float filmWidth, float filmHeight, float diagonal,
                            boolean simpleWeighting, float shutterSpan) {
        /** The rear element's distance from the film. */
        public float rearZ() {
            return elements[elements.length - 3];
        }
    }

    /** How the lens radius is scaled per lens sample when the aperture is a polygon (LuxRender "distribution"). */
    public enum LensDistribution {
        UNIFORM, EXPONENTIAL, INVERSE_EXPONENTIAL, GAUSSIAN, INVERSE_GAUSSIAN
    }

    /**
     * The thin lens.
     *
     * @param radius        lens radius (0 = pinhole)
     * @param focalDistance distance of the plane in focus along the view axis
     * @param autofocus     LuxRender: the focal distance becomes the hit distance of the centre ray
     * @param blades        LuxRender: polygonal aperture with this many sides (below 3: a disk)
     * @param distribution  LuxRender: radial distribution of lens samples on a polygonal aperture
     * @param power         LuxRender: exponent of the exponential distributions
     * @param orthoOriginOnLens pbrt-v3's orthographic lens: the ray starts at the lens point itself,
     *                      not offset by the film position (orthographic.cpp sets {@code ray->o = pLens})
     */
    public record Lens(float radius, float focalDistance, boolean autofocus, int blades,
                       LensDistribution distribution, int power, boolean orthoOriginOnLens) {
        /** No lens. */
        public static Lens pinhole() {
            return new Lens(0, 1e30f, false, 0, LensDistribution.UNIFORM, 3, false);
        }
    }
}

package org.luxnet.scene.compiled;

/**
 * A compiled perspective camera, pbrt/LuxRender conventions: camera space looks down +z with +y up
 * and +x to the right of the image; raster y grows downwards.
 *
 * @param cameraToWorld 12 floats, the top three rows of the camera-to-world matrix (row-major)
 * @param tanHalfFov    tangent of half the field of view of the shorter image axis
 * @param screenWindow  xmin, xmax, ymin, ymax of the screen window (default: the shorter axis spans [-1, 1])
 * @param lensRadius    thin-lens radius (0 = pinhole)
 * @param focalDistance distance of the plane in focus
 * @param width         image width in pixels
 * @param height        image height in pixels
 */
public record CameraData(float[] cameraToWorld, float tanHalfFov, float[] screenWindow, float lensRadius,
                         float focalDistance, int width, int height) {
}

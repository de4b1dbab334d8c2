package org.luxnet.render.camera;

import org.luxnet.render.math.Sampling;
import org.luxnet.scene.compiled.CameraData;

/**
 * Generates primary rays for a compiled perspective camera, with pbrt's thin lens. Stateless apart
 * from constants; {@link #generate} writes to a caller's array.
 */
public final class PerspectiveCamera {
    private final float[] m;
    private final float sx0, sxScale, sy0, syScale;
    private final float lensRadius, focalDistance;

    public PerspectiveCamera(CameraData c) {
        this.m = c.cameraToWorld().clone();
        float[] sw = c.screenWindow();
        // Raster x in [0, width) maps to screen [xmin, xmax]; raster y grows downwards from ymax.
        this.sx0 = sw[0] * c.tanHalfFov();
        this.sxScale = (sw[1] - sw[0]) / c.width() * c.tanHalfFov();
        this.sy0 = sw[3] * c.tanHalfFov();
        this.syScale = -(sw[3] - sw[2]) / c.height() * c.tanHalfFov();
        this.lensRadius = c.lensRadius();
        this.focalDistance = c.focalDistance();
    }

    /**
     * The world-space ray through raster position (fx, fy) and lens sample (lu, lv): origin to
     * out[0..2], unit direction to out[3..5]. {@code tmp} needs 2 floats.
     */
    public void generate(float fx, float fy, float lu, float lv, float[] out, float[] tmp) {
        // Direction in camera space through the point on the z = 1 plane.
        float dx = sx0 + fx * sxScale, dy = sy0 + fy * syScale, dz = 1f;
        float ox = 0, oy = 0, oz = 0;
        if (lensRadius > 0) {
            Sampling.concentricDisk(lu, lv, tmp, 0);
            ox = lensRadius * tmp[0];
            oy = lensRadius * tmp[1];
            // The point at the focal distance along the pinhole ray stays in focus.
            float ft = focalDistance;
            dx = dx * ft - ox;
            dy = dy * ft - oy;
            dz = ft;
        }
        float inv = (float) (1 / Math.sqrt(dx * dx + dy * dy + dz * dz));
        dx *= inv;
        dy *= inv;
        dz *= inv;
        out[0] = m[0] * ox + m[1] * oy + m[2] * oz + m[3];
        out[1] = m[4] * ox + m[5] * oy + m[6] * oz + m[7];
        out[2] = m[8] * ox + m[9] * oy + m[10] * oz + m[11];
        float wx = m[0] * dx + m[1] * dy + m[2] * dz;
        float wy = m[4] * dx + m[5] * dy + m[6] * dz;
        float wz = m[8] * dx + m[9] * dy + m[10] * dz;
        // Renormalize: camera-to-world may scale.
        float wl = (float) (1 / Math.sqrt(wx * wx + wy * wy + wz * wz));
        out[3] = wx * wl;
        out[4] = wy * wl;
        out[5] = wz * wl;
    }
}

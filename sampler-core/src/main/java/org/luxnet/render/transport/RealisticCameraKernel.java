package org.luxnet.render.transport;

import org.luxnet.scene.compiled.CameraData;

/**
 * pbrt-v3's realistic camera (cameras/realistic.cpp), the device half: GenerateRay's film point on
 * the film's physical extent, SampleExitPupil within the host's exit pupil bounds, and
 * TraceLensesFromFilm through spherical element interfaces and the aperture stop, with the ray's
 * weight (cos^4 theta, or the full weighting with the pupil bound's area). Lens space is camera space
 * with z flipped (realistic.cpp's CameraToLens = Scale(1, 1, -1)): the film at z = 0, the elements
 * towards -z; camera rays leave along +z. The lens constants come from {@link CameraData.Realistic},
 * focused and bounded on the host. Called by {@link CameraKernel#generateRay} for that projection only.
 */
abstract class RealisticCameraKernel extends LightKernel {
    /** Exit pupil bounds per radial film segment, as BoundExitPupil's 64 segments. */
    static final int PUPIL_SEGMENTS = 64;

    /** 4 floats per element, scene side first: curvature radius, thickness, eta, aperture radius (metres). */
    float[] lensElements = new float[4];
    int lensElementCount;
    /** 4 floats per segment: pMin.x, pMin.y, pMax.x, pMax.y. */
    float[] lensPupil = new float[4];
    float lensFilmWidth, lensFilmHeight, lensHalfDiagonal, lensRearZ;
    /** Full-frame resolution (Film::fullResolution). */
    float lensFullWidth = 1f, lensFullHeight = 1f;
    int lensSimpleWeighting = 1;
    float lensShutterSpan = 1f;

    /** Host side: the lens system (or nothing for other cameras). */
    void setupRealistic(CameraData c) {
        CameraData.Realistic r = c.realistic();
        if (r == null) {
            return;
        }
        lensElements = r.elements().clone();
        lensElementCount = r.elements().length / 4;
        lensPupil = r.pupilBounds().clone();
        lensFilmWidth = r.filmWidth();
        lensFilmHeight = r.filmHeight();
        lensHalfDiagonal = r.diagonal() / 2;
        lensRearZ = r.rearZ();
        lensFullWidth = c.frame().fullWidth();
        lensFullHeight = c.frame().fullHeight();
        lensSimpleWeighting = r.simpleWeighting() ? 1 : 0;
        lensShutterSpan = r.shutterSpan();
    }

    /**
     * GenerateRay for full-frame raster position (rx, ry) and lens numbers (lu, lv): the camera-space
     * origin to the LS_W slots and direction (not of unit length) to the VEC slots; returns the ray's
     * weight, 0 when the lens system vignettes it (the slots then hold the film ray).
     */
    float realisticRay(int gid, float rx, float ry, float lu, float lv) {
        float sx = rx / lensFullWidth, sy = ry / lensFullHeight;
        float fx = -((1 - sx) * (-0.5f * lensFilmWidth) + sx * (0.5f * lensFilmWidth));
        float fy = (1 - sy) * (-0.5f * lensFilmHeight) + sy * (0.5f * lensFilmHeight);
        // SampleExitPupil.
        float rFilm = sqrt(fx * fx + fy * fy);
        int k = min((int) (rFilm / lensHalfDiagonal * PUPIL_SEGMENTS), PUPIL_SEGMENTS - 1);
        float x0 = lensPupil[4 * k], y0 = lensPupil[4 * k + 1], x1 = lensPupil[4 * k + 2], y1 = lensPupil[4 * k + 3];
        float area = (x1 - x0) * (y1 - y0);
        float px = (1 - lu) * x0 + lu * x1, py = (1 - lv) * y0 + lv * y1;
        float sinT = 0f, cosT = 1f;
        if (rFilm != 0) {
            sinT = fy / rFilm;
            cosT = fx / rFilm;
        }
        float rearX = cosT * px - sinT * py, rearY = sinT * px + cosT * py;
        // The film ray, in lens space.
        float ox = fx, oy = fy, oz = 0f;
        float dx = rearX - fx, dy = rearY - fy, dz = -lensRearZ;
        float cosTheta = lensRearZ / sqrt(dx * dx + dy * dy + dz * dz);
        boolean ok = true;
        float elementZ = 0f;
        for (int i = lensElementCount - 1; i >= 0; i--) {
            if (ok) {
                int e = 4 * i;
                float radius = lensElements[e];
                elementZ -= lensElements[e + 1];
                float t = 0f, nx = 0f, ny = 0f, nz = 0f;
                if (radius == 0) {
                    t = (elementZ - oz) / dz;
                } else {
                    // IntersectSphericalElement; c as (|o - centre|^2 - r^2) with the vertex's offset exact.
                    float cz = oz - elementZ - radius;
                    float a = dx * dx + dy * dy + dz * dz;
                    float b = 2 * (dx * ox + dy * oy + dz * cz);
                    float c = ox * ox + oy * oy + (cz - radius) * (oz - elementZ);
                    float disc = b * b - 4 * a * c;
                    t = -1f;
                    if (disc >= 0) {
                        float root = sqrt(disc);
                        float q = b < 0 ? -0.5f * (b - root) : -0.5f * (b + root);
                        float t0 = q / a, t1 = c / q;
                        boolean closer = (dz > 0) != (radius < 0);
                        t = closer ? min(t0, t1) : max(t0, t1);
                    }
                    // A miss (or a NaN from a tangent ray) blocks the ray.
                    ok = t >= 0;
                    float hx = ox + t * dx, hy = oy + t * dy, hz = oz + t * dz - elementZ - radius;
                    float inv = 1f / sqrt(hx * hx + hy * hy + hz * hz);
                    nx = hx * inv;
                    ny = hy * inv;
                    nz = hz * inv;
                    if (nx * dx + ny * dy + nz * dz > 0) {
                        nx = -nx;
                        ny = -ny;
                        nz = -nz;
                    }
                }
                if (ok) {
                    ox += t * dx;
                    oy += t * dy;
                    oz += t * dz;
                    float ar = lensElements[e + 3];
                    ok = ox * ox + oy * oy <= ar * ar;
                }
                if (ok && radius != 0) {
                    // Refract(Normalize(-d), n, etaI / etaT).
                    float etaI = lensElements[e + 2];
                    float etaT = 1f;
                    if (i > 0 && lensElements[e - 2] != 0) {
                        etaT = lensElements[e - 2];
                    }
                    float eta = etaI / etaT;
                    float inv = 1f / sqrt(dx * dx + dy * dy + dz * dz);
                    float wx = -dx * inv, wy = -dy * inv, wz = -dz * inv;
                    float cosI = nx * wx + ny * wy + nz * wz;
                    float sin2T = eta * eta * max(0f, 1 - cosI * cosI);
                    ok = sin2T < 1;
                    float g = eta * cosI - sqrt(max(0f, 1 - sin2T));
                    dx = -eta * wx + g * nx;
                    dy = -eta * wy + g * ny;
                    dz = -eta * wz + g * nz;
                }
            }
        }
        float weight = 0f;
        if (ok) {
            float cos4 = cosTheta * cosTheta * (cosTheta * cosTheta);
            weight = cos4;
            if (lensSimpleWeighting == 0) {
                weight = lensShutterSpan * (cos4 * area) / (lensRearZ * lensRearZ);
            }
        } else {
            // Vignetted: the film ray, which nothing uses (the sample's radiance is not traced).
            ox = fx;
            oy = fy;
            oz = 0f;
            dx = rearX - fx;
            dy = rearY - fy;
            dz = -lensRearZ;
        }
        scratch[Scratch.LS_WX * capacity + gid] = ox;
        scratch[Scratch.LS_WY * capacity + gid] = oy;
        scratch[Scratch.LS_WZ * capacity + gid] = -oz;
        scratch[Scratch.VEC_X * capacity + gid] = dx;
        scratch[Scratch.VEC_Y * capacity + gid] = dy;
        scratch[Scratch.VEC_Z * capacity + gid] = -dz;
        return weight;
    }
}

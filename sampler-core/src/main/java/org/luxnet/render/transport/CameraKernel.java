package org.luxnet.render.transport;

import org.luxnet.accumulator.filter.BoxFilter;
import org.luxnet.accumulator.filter.FilterAxisTable;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.accumulator.filter.TabulatedFilter;
import org.luxnet.accumulator.filter.TriangleFilter;
import org.luxnet.scene.compiled.CameraData;
import org.luxnet.scene.compiled.FilmFrame;

/**
 * Sixth layer of the light transport: the camera sample. Offsets a film position by the pixel
 * filter (filter importance sampling: box exactly, triangle analytically, Gaussian, Mitchell and
 * sinc from the filter's exported tables; the sample lands in its own pixel with the filter's
 * weight) and generates the primary ray: perspective, orthographic or environment projection, a
 * crop window's offset into the full frame, the thin lens (a disk, or LuxRender's polygonal
 * aperture with its radial distributions), and LuxRender's hither/yon clipping. The camera
 * constants come from {@link CameraData}; LuxRender's autofocus runs once on the host.
 */
abstract class CameraKernel extends LightKernel {
    /** Filter kinds, as {@link #filterKind}. */
    static final int BOX = 0, TENT = 1, TABULATED = 2;

    /** Projections, as {@link #projection} ({@link CameraData.Projection} ordinals). */
    static final int PERSPECTIVE = 0, ORTHOGRAPHIC = 1, ENVIRONMENT = 2, ENVIRONMENT_PBRT = 3;
    /** Lens distributions on a polygonal aperture ({@link CameraData.LensDistribution} ordinals). */
    static final int LENS_UNIFORM = 0, LENS_EXPONENTIAL = 1, LENS_INVERSE_EXPONENTIAL = 2, LENS_GAUSSIAN = 3,
            LENS_INVERSE_GAUSSIAN = 4;

    /** Top three rows of camera-to-world, row-major. */
    float[] c2w = new float[12];
    int projection;
    /** Full-frame raster position of the film's pixel (0, 0): the crop window's corner. */
    float rasterX0, rasterY0;
    /** Raster to screen window (times tan(fov/2) for perspective): x = x0 + raster x * scale. */
    float screenX0, screenXScale, screenY0, screenYScale;
    /** Environment camera: radians per raster unit, 2 pi / full width and pi / full height. */
    float envPhiScale, envThetaScale;
    /** Environment camera: x = sin theta (xCos cos phi + xSin sin phi), z likewise (each renderer's axes). */
    float envXCos, envXSin, envZCos, envZSin;
    float lensRadius, focalDistance;
    int lensBlades, lensDistribution, orthoOriginOnLens;
    float lensPower;
    /** LuxRender's clipping distances along the view axis (0 and infinity for pbrt). */
    float hither, yon;
    /** pbrt-v3's scale of the ray differentials, 1 / sqrt(samples per pixel) (1 when the count is open; 0: none). */
    float diffScale = 1f;
    /** Host side: the last autofocus hit something. */
    private boolean autofocusHit;

    int filterKind;
    float filterRadiusX, filterRadiusY;
    /** Tabulated filters: x table then y table (see {@link FilterAxisTable}). */
    float[] filterCdf = new float[1];
    float[] filterCdfLow = new float[1];
    float[] filterMean = new float[1];
    float[] filterProfile = new float[1];
    int filterBinsX, filterBinsY, filterStepsX, filterStepsY;
    float filterBinWidthX, filterBinWidthY;

    /** Absorption per unit distance of the volume the camera is in (where camera rays start). */
    float cameraSigmaR, cameraSigmaG, cameraSigmaB;

    /** Host side: the camera constants. */
    void setupCamera(CameraData c) {
        c2w = c.cameraToWorld().clone();
        cameraSigmaR = c.mediumSigma()[0];
        cameraSigmaG = c.mediumSigma()[1];
        cameraSigmaB = c.mediumSigma()[2];
        projection = c.projection().ordinal();
        FilmFrame f = c.frame();
        rasterX0 = f.x0();
        rasterY0 = f.y0();
        float[] sw = c.screenWindow();
        // Screen-window units are tan(fov / 2) on the perspective camera's plane at z = 1.
        float unit = c.projection() == CameraData.Projection.PERSPECTIVE ? c.tanHalfFov() : 1f;
        screenX0 = sw[0] * unit;
        screenXScale = (sw[1] - sw[0]) / f.fullWidth() * unit;
        screenY0 = sw[3] * unit;
        screenYScale = -(sw[3] - sw[2]) / f.fullHeight() * unit;
        envPhiScale = (float) (2 * Math.PI / f.fullWidth());
        envThetaScale = (float) (Math.PI / f.fullHeight());
        boolean pbrtAxes = c.projection() == CameraData.Projection.ENVIRONMENT_PBRT;
        envXCos = pbrtAxes ? 1 : 0;
        envXSin = pbrtAxes ? 0 : -1;
        envZCos = pbrtAxes ? 0 : -1;
        envZSin = pbrtAxes ? 1 : 0;
        CameraData.Lens lens = c.lens();
        lensRadius = lens.radius();
        focalDistance = lens.focalDistance();
        lensBlades = lens.blades();
        lensDistribution = lens.distribution().ordinal();
        lensPower = lens.power();
        orthoOriginOnLens = lens.orthoOriginOnLens() ? 1 : 0;
        hither = c.hither();
        yon = c.yon();
    }

    /**
     * Host side, after the geometry and the filter: LuxRender's autofocus (PerspectiveCamera::AutoFocus)
     * traces one pinhole ray through raster ((xend - xstart) / 2, (yend - ystart) / 2) of the film's
     * sample extent (integer halves; fleximage.cpp GetSampleExtent widens the rendered pixels by the
     * filter radius) and focuses at its hit distance from the near clipping plane. Without a hit the
     * focal distance stays as given, as in LuxRender.
     */
    void autofocus(CameraData c) {
        if (!c.lens().autofocus()) {
            return;
        }
        FilmFrame f = c.frame();
        int xs = (int) Math.floor(f.x0() + 0.5f - filterRadiusX), xe = (int) Math.floor(f.x0() + 0.5f + f.width() + filterRadiusX);
        int ys = (int) Math.floor(f.y0() + 0.5f - filterRadiusY), ye = (int) Math.floor(f.y0() + 0.5f + f.height() + filterRadiusY);
        float lens = lensRadius;
        lensRadius = 0;
        generateRay(0, (xe - xs) / 2 - rasterX0, (ye - ys) / 2 - rasterY0, 0.5f, 0.5f);
        lensRadius = lens;
        int hit = intersect(0, scratch[Scratch.LS_WX * capacity], scratch[Scratch.LS_WY * capacity],
                scratch[Scratch.LS_WZ * capacity], scratch[Scratch.VEC_X * capacity], scratch[Scratch.VEC_Y * capacity],
                scratch[Scratch.VEC_Z * capacity], scratch[Scratch.LS_DIST * capacity]);
        autofocusHit = hit >= 0;
        if (autofocusHit) {
            focalDistance = scratch[Scratch.HIT_T * capacity];
        }
    }

    /** Whether {@link #autofocus} found a surface to focus on. */
    public boolean autofocusHit() {
        return autofocusHit;
    }

    /** The distance of the plane in focus (after autofocus). */
    public float focalDistance() {
        return focalDistance;
    }

    /**
     * Host side: the pixel filter's sampling data.
     *
     * @throws IllegalArgumentException for a filter the kernel cannot sample
     */
    void setupFilter(PixelFilter f) {
        filterRadiusX = f.radiusX();
        filterRadiusY = f.radiusY();
        if (f instanceof BoxFilter) {
            filterKind = BOX;
        } else if (f instanceof TriangleFilter) {
            filterKind = TENT;
        } else if (f instanceof TabulatedFilter) {
            filterKind = TABULATED;
            FilterAxisTable x = ((TabulatedFilter) f).samplingTable(0), y = ((TabulatedFilter) f).samplingTable(1);
            filterBinsX = x.bins();
            filterBinsY = y.bins();
            filterStepsX = x.profileStepsPerBin();
            filterStepsY = y.profileStepsPerBin();
            filterBinWidthX = x.binWidth();
            filterBinWidthY = y.binWidth();
            filterCdf = concat(x.cdf(), y.cdf());
            filterCdfLow = concat(x.cdfLow(), y.cdfLow());
            filterMean = concat(x.binMean(), y.binMean());
            filterProfile = concat(x.profile(), y.profile());
        } else {
            throw new IllegalArgumentException("the GPU sampler cannot sample pixel filter " + f
                    + " (it supports box, triangle and tabulated filters)");
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Tabulated filters: the bin that {@code u} selects on an axis, the largest whose cumulative
     * value (the float pair cdf + cdfLow) is at most {@code u}.
     */
    int filterBin(int axis, float u) {
        int base = axis == 0 ? 0 : filterBinsX + 1;
        int lo = 0, hi = (axis == 0 ? filterBinsX : filterBinsY) - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            float c = filterCdf[base + mid];
            if (c < u || (c == u && filterCdfLow[base + mid] <= 0)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The filter offset on an axis for number {@code u}; {@code bin} from {@link #filterBin} for tabulated filters. */
    float filterOffset(int axis, float u, int bin) {
        float r = axis == 0 ? filterRadiusX : filterRadiusY;
        float v = 0f;
        if (filterKind == BOX) {
            v = (2f * u - 1f) * r;
        } else if (filterKind == TENT) {
            float t = u < 0.5f ? sqrt(2 * u) - 1 : 1 - sqrt(max(0f, 2 - 2 * u));
            v = t * r;
        } else {
            int base = axis == 0 ? 0 : filterBinsX + 1;
            float c0 = filterCdf[base + bin], c1 = filterCdf[base + bin + 1];
            float l0 = filterCdfLow[base + bin], l1 = filterCdfLow[base + bin + 1];
            float t = ((u - c0) - l0) / ((c1 - c0) + (l1 - l0));
            v = -r + (bin + t) * (axis == 0 ? filterBinWidthX : filterBinWidthY);
        }
        return max(-r, min(r, v));
    }

    /** This axis's factor of the sample weight: 1, or profile / table value for tabulated filters. */
    float filterFactor(int axis, float offset, int bin) {
        float f = 1f;
        if (filterKind == TABULATED) {
            float r = axis == 0 ? filterRadiusX : filterRadiusY;
            int bins = axis == 0 ? filterBinsX : filterBinsY;
            int steps = axis == 0 ? filterStepsX : filterStepsY;
            int base = axis == 0 ? 0 : filterBinsX * filterStepsX + 1;
            float pos = (offset + r) / ((axis == 0 ? filterBinWidthX : filterBinWidthY) / steps);
            int k = min(max((int) floor(pos), 0), bins * steps - 1);
            float frac = pos - k;
            float p = filterProfile[base + k] + (filterProfile[base + k + 1] - filterProfile[base + k]) * frac;
            f = p / filterMean[(axis == 0 ? 0 : filterBinsX) + bin];
        }
        return f;
    }

    /**
     * The camera half of a sample: draws the
     * sample's film and lens numbers, offsets the film position by the filter and generates the ray
     * (origin to the LS_W slots, direction to the VEC slots, see {@link #generateRay}). Returns the
     * sample's filter weight.
     */
    float startPath(int gid, int pixelSeed, int index, int x, int y) {
        int seed = cameraSeed(pixelSeed);
        int scrambled = chunkIndex(seed, index);
        float cu = cameraSample(pixelSeed, index, seed, scrambled, 0);
        float cv = cameraSample(pixelSeed, index, seed, scrambled, 1);
        int binX = 0, binY = 0;
        if (filterKind == TABULATED) {
            binX = filterBin(0, cu);
            binY = filterBin(1, cv);
        }
        float fx = filterOffset(0, cu, binX), fy = filterOffset(1, cv, binY);
        float weight = filterFactor(0, fx, binX) * filterFactor(1, fy, binY);
        float lu = cameraSample(pixelSeed, index, seed, scrambled, 2);
        float lv = cameraSample(pixelSeed, index, seed, scrambled, 3);
        generateRay(gid, x + 0.5f + fx, y + 0.5f + fy, lu, lv);
        scratch[Scratch.CAM_FX * capacity + gid] = x + 0.5f + fx;
        scratch[Scratch.CAM_FY * capacity + gid] = y + 0.5f + fy;
        scratch[Scratch.CAM_LU * capacity + gid] = lu;
        scratch[Scratch.CAM_LV * capacity + gid] = lv;
        return weight;
    }

    /**
     * The texture footprint at a hit (h, geometric normal n): at the camera ray's hit (bounce 0),
     * pbrt-v3's ray differentials (Camera::GenerateRayDifferential: the rays one raster unit over in x
     * and in y, same lens point, then RayDifferential::ScaleDifferentials by {@link #diffScale}) meet
     * the tangent plane (SurfaceInteraction::ComputeDifferentials) and give (u, v)'s derivatives; after
     * a bounce the footprint is zero, as pbrt-v3 has it after diffuse and glossy bounces (its
     * specular ones keep differentials; not done here). Only for textured materials.
     */
    void footprint(int gid, int bounce, int prim, int mat, float hx, float hy, float hz, float nx, float ny, float nz) {
        // Untextured materials need none (and the Cornell box pays nothing for it), nor LuxRender scenes.
        boolean done = matTextured[mat] == 0;
        if (bounce == 0 && !done && diffScale > 0) {
            float fx = scratch[Scratch.CAM_FX * capacity + gid], fy = scratch[Scratch.CAM_FY * capacity + gid];
            float lu = scratch[Scratch.CAM_LU * capacity + gid], lv = scratch[Scratch.CAM_LV * capacity + gid];
            generateRay(gid, fx, fy, lu, lv);
            float ox = scratch[Scratch.LS_WX * capacity + gid], oy = scratch[Scratch.LS_WY * capacity + gid];
            float oz = scratch[Scratch.LS_WZ * capacity + gid];
            float dx = scratch[Scratch.VEC_X * capacity + gid], dy = scratch[Scratch.VEC_Y * capacity + gid];
            float dz = scratch[Scratch.VEC_Z * capacity + gid];
            float pd = nx * hx + ny * hy + nz * hz;
            // Offset in x: the shifted ray, scaled towards the main one, on the tangent plane.
            generateRay(gid, fx + 1, fy, lu, lv);
            float rox = ox + diffScale * (scratch[Scratch.LS_WX * capacity + gid] - ox);
            float roy = oy + diffScale * (scratch[Scratch.LS_WY * capacity + gid] - oy);
            float roz = oz + diffScale * (scratch[Scratch.LS_WZ * capacity + gid] - oz);
            float rdx = dx + diffScale * (scratch[Scratch.VEC_X * capacity + gid] - dx);
            float rdy = dy + diffScale * (scratch[Scratch.VEC_Y * capacity + gid] - dy);
            float rdz = dz + diffScale * (scratch[Scratch.VEC_Z * capacity + gid] - dz);
            float tx = -(nx * rox + ny * roy + nz * roz - pd) / (nx * rdx + ny * rdy + nz * rdz);
            float xx = rox + tx * rdx - hx, xy = roy + tx * rdy - hy, xz = roz + tx * rdz - hz;
            // Offset in y.
            generateRay(gid, fx, fy + 1, lu, lv);
            rox = ox + diffScale * (scratch[Scratch.LS_WX * capacity + gid] - ox);
            roy = oy + diffScale * (scratch[Scratch.LS_WY * capacity + gid] - oy);
            roz = oz + diffScale * (scratch[Scratch.LS_WZ * capacity + gid] - oz);
            rdx = dx + diffScale * (scratch[Scratch.VEC_X * capacity + gid] - dx);
            rdy = dy + diffScale * (scratch[Scratch.VEC_Y * capacity + gid] - dy);
            rdz = dz + diffScale * (scratch[Scratch.VEC_Z * capacity + gid] - dz);
            float ty = -(nx * rox + ny * roy + nz * roz - pd) / (nx * rdx + ny * rdy + nz * rdz);
            float yx = rox + ty * rdx - hx, yy = roy + ty * rdy - hy, yz = roz + ty * rdz - hz;
            float check = xx + xy + xz + yx + yy + yz;
            if (check - check == 0) {
                // Finite offsets (an offset ray parallel to the plane gives none, as pbrt-v3's isinf test).
                surfaceDifferentials(gid, prim, hx, hy, hz, nx, ny, nz, xx, xy, xz, yx, yy, yz);
                done = true;
            }
        }
        if (!done) {
            scratch[Scratch.DUDX * capacity + gid] = 0f;
            scratch[Scratch.DVDX * capacity + gid] = 0f;
            scratch[Scratch.DUDY * capacity + gid] = 0f;
            scratch[Scratch.DVDY * capacity + gid] = 0f;
        }
    }

    /**
     * The primary ray through film raster position (fx, fy) with lens numbers (lu, lv): origin to
     * {@link Scratch#LS_WX}..{@link Scratch#LS_WZ} (free before the first light sample), unit direction
     * to the VEC slots, and the distance at which the camera clips it to {@link Scratch#LS_DIST}.
     * Perspective and orthographic rays follow pbrt-v3's GenerateRay (the thin lens focuses on the
     * plane z = focalDistance; pbrt-v3's orthographic lens ray starts at the lens point itself), the
     * environment cameras environment.cpp of each: theta = pi y / height from +y, phi = 2 pi x /
     * width, LuxRender's direction (-sin theta sin phi, cos theta, -sin theta cos phi), pbrt-v3's
     * (sin theta cos phi, cos theta, sin theta sin phi). LuxRender's rays start at
     * the near clipping plane (hither) and end at the far one (yon).
     */
    void generateRay(int gid, float fx, float fy, float lu, float lv) {
        float rx = fx + rasterX0, ry = fy + rasterY0;
        float sx = screenX0 + rx * screenXScale, sy = screenY0 + ry * screenYScale;
        boolean ortho = projection == ORTHOGRAPHIC;
        float ox = 0f, oy = 0f, oz = 0f;
        float dx = sx, dy = sy, dz = 1f;
        if (ortho) {
            ox = sx;
            oy = sy;
            dx = 0f;
            dy = 0f;
        }
        if (projection >= ENVIRONMENT) {
            float theta = ry * envThetaScale, phi = rx * envPhiScale;
            float st = sin(theta), cp = cos(phi), sp = sin(phi);
            dx = st * (envXCos * cp + envXSin * sp);
            dy = cos(theta);
            dz = st * (envZCos * cp + envZSin * sp);
        }
        if (lensRadius > 0) {
            // Point on the lens: pbrt's concentric disk, or LuxRender's polygonal aperture.
            float lx = 0f, ly = 0f;
            if (lensBlades >= 3) {
                float theta = 2 * PI * lv;
                float r = lensRadius * bladeRadius(theta) * sqrt(lensRadialFraction(lu));
                lx = r * cos(theta);
                ly = r * sin(theta);
            } else {
                concentricDisk(gid, lu, lv);
                lx = lensRadius * scratch[Scratch.VEC_X * capacity + gid];
                ly = lensRadius * scratch[Scratch.VEC_Y * capacity + gid];
            }
            // Aim at the point of the unperturbed ray on the plane in focus (both rays have dz = 1).
            float ft = focalDistance;
            float px = ox + dx * ft, py = oy + dy * ft;
            ox = lx + (orthoOriginOnLens != 0 ? 0f : ox);
            oy = ly + (orthoOriginOnLens != 0 ? 0f : oy);
            dx = px - ox;
            dy = py - oy;
            dz = ft;
        }
        float inv = 1f / sqrt(dx * dx + dy * dy + dz * dz);
        dx *= inv;
        dy *= inv;
        dz *= inv;
        // LuxRender's clipping planes are distances along the view axis for perspective rays.
        float axial = projection == PERSPECTIVE ? dz : 1f;
        float clipNear = hither / axial;
        ox += dx * clipNear;
        oy += dy * clipNear;
        oz += dz * clipNear;
        scratch[Scratch.LS_DIST * capacity + gid] = yon / axial - clipNear;
        scratch[Scratch.LS_WX * capacity + gid] = c2w[0] * ox + c2w[1] * oy + c2w[2] * oz + c2w[3];
        scratch[Scratch.LS_WY * capacity + gid] = c2w[4] * ox + c2w[5] * oy + c2w[6] * oz + c2w[7];
        scratch[Scratch.LS_WZ * capacity + gid] = c2w[8] * ox + c2w[9] * oy + c2w[10] * oz + c2w[11];
        float wx = c2w[0] * dx + c2w[1] * dy + c2w[2] * dz;
        float wy = c2w[4] * dx + c2w[5] * dy + c2w[6] * dz;
        float wz = c2w[8] * dx + c2w[9] * dy + c2w[10] * dz;
        float wl = 1f / sqrt(wx * wx + wy * wy + wz * wz);
        scratch[Scratch.VEC_X * capacity + gid] = wx * wl;
        scratch[Scratch.VEC_Y * capacity + gid] = wy * wl;
        scratch[Scratch.VEC_Z * capacity + gid] = wz * wl;
    }

    /**
     * LuxRender's polygonal aperture (PerspectiveCamera::SampleLens): the distance from the centre to
     * the edge of a regular polygon with {@link #lensBlades} sides and circumradius 1, at angle theta;
     * an edge's midpoint lies at theta = 0.
     */
    float bladeRadius(float theta) {
        float halfAngle = PI / lensBlades;
        int sector = (int) floor(theta / halfAngle);
        float rho = theta - sector * halfAngle;
        if (sector % 2 != 0) {
            rho = (sector + 1) * halfAngle - theta;
        }
        return cos(halfAngle) / cos(rho);
    }

    /**
     * The squared radial fraction LuxRender draws for a lens sample on a polygonal aperture from
     * number u (luxrays mc.cpp): u (uniform over the area), clamp(-ln(u) / power) (exponential),
     * clamp(1 + ln(u) / power), clamp(N^-1(u)) (gaussian) or clamp(1 - N^-1(u)), each clamped to [0, 1].
     * The inverse normal CDF is Acklam's rational approximation, whose central part covers every value
     * the clamps let through.
     */
    float lensRadialFraction(float u) {
        float g = u;
        if (lensDistribution == LENS_EXPONENTIAL) {
            g = -log(u) / lensPower;
        }
        if (lensDistribution == LENS_INVERSE_EXPONENTIAL) {
            g = 1f + log(u) / lensPower;
        }
        if (lensDistribution >= LENS_GAUSSIAN) {
            // Acklam's central region, 0.02425 <= u <= 0.97575; outside it |x| > 1.97 and the clamps decide.
            float q = min(max(u, 0.02425f), 0.97575f) - 0.5f;
            float r = q * q;
            float x = (((((-39.69683028665376f * r + 220.9460984245205f) * r - 275.9285104469687f) * r
                    + 138.3577518672690f) * r - 30.66479806614716f) * r + 2.506628277459239f) * q
                    / (((((-54.47609879822406f * r + 161.5858368580409f) * r - 155.6989798598866f) * r
                    + 66.80131188771972f) * r - 13.28068155288572f) * r + 1f);
            g = lensDistribution == LENS_GAUSSIAN ? x : 1f - x;
        }
        return min(max(g, 0f), 1f);
    }
}

package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.CompiledScene.INST_STRIDE;

import org.luxnet.accumulator.filter.BoxFilter;
import org.luxnet.accumulator.filter.FilterAxisTable;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.accumulator.filter.TabulatedFilter;
import org.luxnet.accumulator.filter.TriangleFilter;
import org.luxnet.scene.compiled.CameraData;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.FilmFrame;

/**
 * Sixth layer of the light transport: the camera sample. Offsets a film position by the pixel
 * filter (filter importance sampling: box exactly, triangle analytically, Gaussian, Mitchell and
 * sinc from the filter's exported tables; the sample lands in its own pixel with the filter's
 * weight) and generates the primary ray: perspective, orthographic or environment projection, a
 * crop window's offset into the full frame, the thin lens (a disk, or LuxRender's polygonal
 * aperture with its radial distributions), pbrt-v3's realistic camera ({@link RealisticCameraKernel};
 * its ray weight scales the sample's radiance) and LuxRender's hither/yon clipping. The camera
 * constants come from {@link CameraData}; LuxRender's autofocus runs once on the host. Also the
 * ray differentials of textured scenes: generated from the camera sample when a hit first needs
 * them, carried through perfectly specular bounces, and met at hits for the texture footprint.
 */
abstract class CameraKernel extends RealisticCameraKernel {
    /** Filter kinds, as {@link #filterKind}. */
    static final int BOX = 0, TENT = 1, TABULATED = 2;

    /** Projections, as {@link #projection} ({@link CameraData.Projection} ordinals). */
    static final int PERSPECTIVE = 0, ORTHOGRAPHIC = 1, ENVIRONMENT = 2, ENVIRONMENT_PBRT = 3, REALISTIC = 4;
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
    /**
     * 1 when paths carry ray differentials: {@link #diffScale} is positive and some material is
     * textured. Otherwise no hit computes any (scenes without textures pay nothing for them).
     */
    int carryDifferentials = 0;
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

    /** Host side: the camera constants. */
    void setupCamera(CameraData c) {
        c2w = c.cameraToWorld().clone();
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
        setupRealistic(c);
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
     * (origin to the LS_W slots, direction to the VEC slots, see {@link #generateRay}; the camera's
     * weight of the ray to {@link Scratch#CAM_WEIGHT}, for the realistic camera 0 also when a ray of its
     * differential is vignetted, as pbrt-v3 has it). Returns the sample's filter weight.
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
        if (motionOn != 0) {
            // The path's time, from a chunk of its own so that a still scene's numbers stay as they are.
            int timeSeed = timeSeed(pixelSeed);
            float tu = cameraSample(pixelSeed, index, timeSeed, chunkIndex(timeSeed, index), TIME_DIMENSION);
            scratch[Scratch.TIME * capacity + gid] = shutterTime(tu);
        }
        float px = x + 0.5f + fx, py = y + 0.5f + fy;
        float cameraWeight = 1f;
        if (projection == REALISTIC) {
            // pbrt-v3's Camera::GenerateRayDifferential: the sample counts for nothing when the lens system
            // vignettes a ray one raster unit over in x or in y (same lens point), as rayOffsets places them.
            float wx = generateRay(gid, px + 1, py, lu, lv);
            float wy = generateRay(gid, px, py + 1, lu, lv);
            if (wx == 0 || wy == 0) {
                cameraWeight = 0f;
            }
        }
        cameraWeight *= generateRay(gid, px, py, lu, lv);
        scratch[Scratch.CAM_WEIGHT * capacity + gid] = cameraWeight;
        scratch[Scratch.CAM_FX * capacity + gid] = px;
        scratch[Scratch.CAM_FY * capacity + gid] = py;
        scratch[Scratch.CAM_LU * capacity + gid] = lu;
        scratch[Scratch.CAM_LV * capacity + gid] = lv;
        return weight;
    }

    /**
     * The time of a camera ray from number u: Lerp(u, shutterOpen, shutterClose) (pbrt-v3, LuxRender's
     * uniform distribution), or LuxRender's gaussian Camera::GetTime: x = N^-1(u), redrawn as
     * N^-1(u + 1/2 mod 1) where |x| > 2 (its way of not piling clamped samples at the ends), then
     * Lerp(clamp(x / 4 + 1/2, 0, 1), open, close). N^-1 is Acklam's rational approximation, as
     * luxrays' NormalCDFInverse. Calls nothing but maths.
     */
    float shutterTime(float u) {
        float x = u;
        if (shutterGaussian != 0) {
            float v = u;
            for (int pass = 0; pass < 2; pass++) {
                float p = min(max(v, 1e-7f), 1f - 1e-7f);
                float y = 0f;
                if (p >= 0.02425f && p <= 0.97575f) {
                    float q = p - 0.5f;
                    float r = q * q;
                    y = (((((-39.69683028665376f * r + 220.9460984245205f) * r - 275.9285104469687f) * r
                            + 138.3577518672690f) * r - 30.66479806614716f) * r + 2.506628277459239f) * q
                            / (((((-54.47609879822406f * r + 161.5858368580409f) * r - 155.6989798598866f) * r
                            + 66.80131188771972f) * r - 13.28068155288572f) * r + 1f);
                } else {
                    // The tails, the upper by symmetry.
                    float q = sqrt(-2f * log(min(p, 1f - p)));
                    float side = p > 0.5f ? -1f : 1f;
                    y = side * (((((-7.784894002430293e-03f * q - 3.223964580411365e-01f) * q - 2.400758277161838f) * q
                            - 2.549732539343734f) * q + 4.374664141464968f) * q + 2.938163982698783f)
                            / ((((7.784695709041462e-03f * q + 3.224671290700398e-01f) * q + 2.445134137142996f) * q
                            + 3.754408661907416f) * q + 1f);
                }
                if (pass == 0) {
                    x = y;
                    // LuxRender: 0.5 + u - Round2Int(u).
                    v = u < 0.5f ? u + 0.5f : u - 0.5f;
                }
                if (pass == 1 && !(abs(x) <= 2f)) {
                    x = y;
                }
            }
            x = min(max(x / 4f + 0.5f, 0f), 1f);
        }
        return (1f - x) * shutterOpen + x * shutterClose;
    }

    /**
     * The texture footprint at a hit (h, geometric normal n) of a path whose ray differential is in
     * state {@code diffs} (0 none, 1 the camera ray's, not yet generated, 2 carried in the RX/RY
     * slots, see {@link #rayOffsets}): pbrt-v3 SurfaceInteraction::ComputeDifferentials, the offset
     * rays met on the tangent plane give dpdx, dpdy (DPDX slots) and (u, v)'s derivatives (DUDX
     * slots). Without differentials (after a diffuse or glossy bounce, as pbrt-v3 has it) the
     * footprint is zero. Only for textured materials.
     */
    void footprint(int gid, int diffs, int prim, int mat, float hx, float hy, float hz, float nx, float ny, float nz) {
        // Untextured materials need none (and the Cornell box pays nothing for it), nor LuxRender scenes.
        boolean done = matTextured[mat] == 0;
        if (diffs != 0 && !done) {
            if (rayOffsets(gid, diffs, hx, hy, hz, nx, ny, nz)) {
                surfaceDifferentials(gid, prim, hx, hy, hz, nx, ny, nz, scratch[Scratch.DPDX_X * capacity + gid],
                        scratch[Scratch.DPDX_Y * capacity + gid], scratch[Scratch.DPDX_Z * capacity + gid],
                        scratch[Scratch.DPDY_X * capacity + gid], scratch[Scratch.DPDY_Y * capacity + gid],
                        scratch[Scratch.DPDY_Z * capacity + gid]);
                done = true;
            }
        }
        if (!done) {
            scratch[Scratch.DUDX * capacity + gid] = 0f;
            scratch[Scratch.DVDX * capacity + gid] = 0f;
            scratch[Scratch.DUDY * capacity + gid] = 0f;
            scratch[Scratch.DVDY * capacity + gid] = 0f;
            scratch[Scratch.DPDX_X * capacity + gid] = 0f;
            scratch[Scratch.DPDX_Y * capacity + gid] = 0f;
            scratch[Scratch.DPDX_Z * capacity + gid] = 0f;
            scratch[Scratch.DPDY_X * capacity + gid] = 0f;
            scratch[Scratch.DPDY_Y * capacity + gid] = 0f;
            scratch[Scratch.DPDY_Z * capacity + gid] = 0f;
        }
    }

    /**
     * The offsets dpdx, dpdy at hit h (geometric normal n) to the DPDX slots: where the ray
     * differential's offset rays meet the tangent plane (pbrt-v3 ComputeDifferentials), zero and false
     * when an offset ray runs parallel to it (pbrt-v3's isinf test). In state 1 the camera ray's
     * differential is generated first into the RX/RY slots: pbrt-v3 Camera::GenerateRayDifferential,
     * the rays one raster unit over in x and in y with the same lens point, then
     * RayDifferential::ScaleDifferentials by {@link #diffScale}; in state 2 the slots hold it already.
     */
    boolean rayOffsets(int gid, int diffs, float hx, float hy, float hz, float nx, float ny, float nz) {
        if (diffs == 1) {
            float fx = scratch[Scratch.CAM_FX * capacity + gid], fy = scratch[Scratch.CAM_FY * capacity + gid];
            float lu = scratch[Scratch.CAM_LU * capacity + gid], lv = scratch[Scratch.CAM_LV * capacity + gid];
            generateRay(gid, fx, fy, lu, lv);
            float ox = scratch[Scratch.LS_WX * capacity + gid], oy = scratch[Scratch.LS_WY * capacity + gid];
            float oz = scratch[Scratch.LS_WZ * capacity + gid];
            float dx = scratch[Scratch.VEC_X * capacity + gid], dy = scratch[Scratch.VEC_Y * capacity + gid];
            float dz = scratch[Scratch.VEC_Z * capacity + gid];
            generateRay(gid, fx + 1, fy, lu, lv);
            scratch[Scratch.RX_OX * capacity + gid] = ox + diffScale * (scratch[Scratch.LS_WX * capacity + gid] - ox);
            scratch[Scratch.RX_OY * capacity + gid] = oy + diffScale * (scratch[Scratch.LS_WY * capacity + gid] - oy);
            scratch[Scratch.RX_OZ * capacity + gid] = oz + diffScale * (scratch[Scratch.LS_WZ * capacity + gid] - oz);
            scratch[Scratch.RX_DX * capacity + gid] = dx + diffScale * (scratch[Scratch.VEC_X * capacity + gid] - dx);
            scratch[Scratch.RX_DY * capacity + gid] = dy + diffScale * (scratch[Scratch.VEC_Y * capacity + gid] - dy);
            scratch[Scratch.RX_DZ * capacity + gid] = dz + diffScale * (scratch[Scratch.VEC_Z * capacity + gid] - dz);
            generateRay(gid, fx, fy + 1, lu, lv);
            scratch[Scratch.RY_OX * capacity + gid] = ox + diffScale * (scratch[Scratch.LS_WX * capacity + gid] - ox);
            scratch[Scratch.RY_OY * capacity + gid] = oy + diffScale * (scratch[Scratch.LS_WY * capacity + gid] - oy);
            scratch[Scratch.RY_OZ * capacity + gid] = oz + diffScale * (scratch[Scratch.LS_WZ * capacity + gid] - oz);
            scratch[Scratch.RY_DX * capacity + gid] = dx + diffScale * (scratch[Scratch.VEC_X * capacity + gid] - dx);
            scratch[Scratch.RY_DY * capacity + gid] = dy + diffScale * (scratch[Scratch.VEC_Y * capacity + gid] - dy);
            scratch[Scratch.RY_DZ * capacity + gid] = dz + diffScale * (scratch[Scratch.VEC_Z * capacity + gid] - dz);
        }
        float pd = nx * hx + ny * hy + nz * hz;
        float rox = scratch[Scratch.RX_OX * capacity + gid], roy = scratch[Scratch.RX_OY * capacity + gid];
        float roz = scratch[Scratch.RX_OZ * capacity + gid];
        float rdx = scratch[Scratch.RX_DX * capacity + gid], rdy = scratch[Scratch.RX_DY * capacity + gid];
        float rdz = scratch[Scratch.RX_DZ * capacity + gid];
        float tx = -(nx * rox + ny * roy + nz * roz - pd) / (nx * rdx + ny * rdy + nz * rdz);
        float xx = rox + tx * rdx - hx, xy = roy + tx * rdy - hy, xz = roz + tx * rdz - hz;
        rox = scratch[Scratch.RY_OX * capacity + gid];
        roy = scratch[Scratch.RY_OY * capacity + gid];
        roz = scratch[Scratch.RY_OZ * capacity + gid];
        rdx = scratch[Scratch.RY_DX * capacity + gid];
        rdy = scratch[Scratch.RY_DY * capacity + gid];
        rdz = scratch[Scratch.RY_DZ * capacity + gid];
        float ty = -(nx * rox + ny * roy + nz * roz - pd) / (nx * rdx + ny * rdy + nz * rdz);
        float yx = rox + ty * rdx - hx, yy = roy + ty * rdy - hy, yz = roz + ty * rdz - hz;
        float check = xx + xy + xz + yx + yy + yz;
        boolean finite = check - check == 0;
        if (!finite) {
            xx = 0f;
            xy = 0f;
            xz = 0f;
            yx = 0f;
            yy = 0f;
            yz = 0f;
        }
        scratch[Scratch.DPDX_X * capacity + gid] = xx;
        scratch[Scratch.DPDX_Y * capacity + gid] = xy;
        scratch[Scratch.DPDX_Z * capacity + gid] = xz;
        scratch[Scratch.DPDY_X * capacity + gid] = yx;
        scratch[Scratch.DPDY_Y * capacity + gid] = yy;
        scratch[Scratch.DPDY_Z * capacity + gid] = yz;
        return finite;
    }

    /**
     * Carries the ray differential (state {@code diffs}, see {@link #rayOffsets}) through a perfectly
     * specular bounce at hit h of primitive {@code prim} (geometric normal ng, shading normal ns),
     * the ray arriving along d and leaving along wi: pbrt-v3 SamplerIntegrator::SpecularReflect
     * ({@code transmission} 0) and SpecularTransmit (relative index from the BSDF's eta scale, 1 /
     * eta^2). The new offset rays start at h + dpdx, h + dpdy and their directions follow from the
     * normal's derivatives dndx, dndy: pbrt-v3's shading dndu dudx + dndv dvdx, which is zero on a
     * flat triangle, dpdx / r on a sphere (pbrt-v3's Weingarten dndu = dpdu / r, which it does not
     * flip with a reversed orientation), and on a triangle with vertex normals the change of the
     * interpolated (unnormalized) normal along dpdx. The differential goes to the RX/RY slots.
     */
    void specularDifferentials(int gid, int diffs, int prim, float hx, float hy, float hz, float ngx, float ngy,
                               float ngz, float nsx, float nsy, float nsz, float dx, float dy, float dz, float wix,
                               float wiy, float wiz, int transmission, float etaScale) {
        rayOffsets(gid, diffs, hx, hy, hz, ngx, ngy, ngz);
        float pxx = scratch[Scratch.DPDX_X * capacity + gid], pxy = scratch[Scratch.DPDX_Y * capacity + gid];
        float pxz = scratch[Scratch.DPDX_Z * capacity + gid];
        float pyx = scratch[Scratch.DPDY_X * capacity + gid], pyy = scratch[Scratch.DPDY_Y * capacity + gid];
        float pyz = scratch[Scratch.DPDY_Z * capacity + gid];
        // dndx, dndy.
        float nxx = 0f, nxy = 0f, nxz = 0f, nyx = 0f, nyy = 0f, nyz = 0f;
        if (prim >= triangleCount && prim < curveBase) {
            // Spheres; pbrt-v3's curves have dndu = dndv = 0.
            float ir = 1f / sphereGeom[4 * (prim - triangleCount) + 3];
            nxx = pxx * ir;
            nxy = pxy * ir;
            nxz = pxz * ir;
            nyx = pyx * ir;
            nyy = pyy * ir;
            nyz = pyz * ir;
        }
        if (prim < triangleCount && triHasNs[prim] != 0) {
            int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
            int w = 0;
            float ax = pxx, ay = pxy, az = pxz, bx = pyx, by = pyy, bz = pyz;
            if (inst >= 0) {
                // The offsets in object space (world to object, linear part).
                w = inst * INST_STRIDE;
                ax = instXform[w] * pxx + instXform[w + 1] * pxy + instXform[w + 2] * pxz;
                ay = instXform[w + 4] * pxx + instXform[w + 5] * pxy + instXform[w + 6] * pxz;
                az = instXform[w + 8] * pxx + instXform[w + 9] * pxy + instXform[w + 10] * pxz;
                bx = instXform[w] * pyx + instXform[w + 1] * pyy + instXform[w + 2] * pyz;
                by = instXform[w + 4] * pyx + instXform[w + 5] * pyy + instXform[w + 6] * pyz;
                bz = instXform[w + 8] * pyx + instXform[w + 9] * pyy + instXform[w + 10] * pyz;
            }
            // The barycentric derivatives along the offsets (p = p0 + b1 e1 + b2 e2), by the normal equations.
            int g = 9 * prim;
            float e1x = triGeom[g + 3], e1y = triGeom[g + 4], e1z = triGeom[g + 5];
            float e2x = triGeom[g + 6], e2y = triGeom[g + 7], e2z = triGeom[g + 8];
            float g11 = e1x * e1x + e1y * e1y + e1z * e1z, g12 = e1x * e2x + e1y * e2y + e1z * e2z;
            float g22 = e2x * e2x + e2y * e2y + e2z * e2z;
            float det = g11 * g22 - g12 * g12;
            if (det > 0) {
                float inv = 1f / det;
                float r1 = e1x * ax + e1y * ay + e1z * az, r2 = e2x * ax + e2y * ay + e2z * az;
                float b1x = (g22 * r1 - g12 * r2) * inv, b2x = (g11 * r2 - g12 * r1) * inv;
                r1 = e1x * bx + e1y * by + e1z * bz;
                r2 = e2x * bx + e2y * by + e2z * bz;
                float b1y = (g22 * r1 - g12 * r2) * inv, b2y = (g11 * r2 - g12 * r1) * inv;
                float d1x = triNs[g + 3] - triNs[g], d1y = triNs[g + 4] - triNs[g + 1], d1z = triNs[g + 5] - triNs[g + 2];
                float d2x = triNs[g + 6] - triNs[g], d2y = triNs[g + 7] - triNs[g + 1], d2z = triNs[g + 8] - triNs[g + 2];
                nxx = b1x * d1x + b2x * d2x;
                nxy = b1x * d1y + b2x * d2y;
                nxz = b1x * d1z + b2x * d2z;
                nyx = b1y * d1x + b2y * d2x;
                nyy = b1y * d1y + b2y * d2y;
                nyz = b1y * d1z + b2y * d2z;
            }
            if (inst >= 0) {
                // Normals to world: the transpose of world to object.
                float cx = instXform[w] * nxx + instXform[w + 4] * nxy + instXform[w + 8] * nxz;
                float cy = instXform[w + 1] * nxx + instXform[w + 5] * nxy + instXform[w + 9] * nxz;
                float cz = instXform[w + 2] * nxx + instXform[w + 6] * nxy + instXform[w + 10] * nxz;
                nxx = cx;
                nxy = cy;
                nxz = cz;
                cx = instXform[w] * nyx + instXform[w + 4] * nyy + instXform[w + 8] * nyz;
                cy = instXform[w + 1] * nyx + instXform[w + 5] * nyy + instXform[w + 9] * nyz;
                cz = instXform[w + 2] * nyx + instXform[w + 6] * nyy + instXform[w + 10] * nyz;
                nyx = cx;
                nyy = cy;
                nyz = cz;
            }
        }
        float wox = -dx, woy = -dy, woz = -dz;
        float ax = -scratch[Scratch.RX_DX * capacity + gid] - wox, ay = -scratch[Scratch.RX_DY * capacity + gid] - woy;
        float az = -scratch[Scratch.RX_DZ * capacity + gid] - woz;
        float bx = -scratch[Scratch.RY_DX * capacity + gid] - wox, by = -scratch[Scratch.RY_DY * capacity + gid] - woy;
        float bz = -scratch[Scratch.RY_DZ * capacity + gid] - woz;
        float mx = nsx, my = nsy, mz = nsz;
        float woN = wox * mx + woy * my + woz * mz;
        // Reflection: wi - dwodx + k dndx + c dDNdx n with k = 2 (wo.n), c = 2.
        float eta = 1f, k = 2f * woN, c = 2f;
        if (transmission != 0) {
            // Transmission: eta the relative index, n and its derivatives turned to wo's side; k = mu, c = dmudx / dDNdx.
            eta = 1f / sqrt(etaScale);
            if (woN < 0) {
                mx = -mx;
                my = -my;
                mz = -mz;
                nxx = -nxx;
                nxy = -nxy;
                nxz = -nxz;
                nyx = -nyx;
                nyy = -nyy;
                nyz = -nyz;
                woN = -woN;
            }
            float wiN = abs(wix * mx + wiy * my + wiz * mz);
            k = eta * woN - wiN;
            c = eta - eta * eta * woN / wiN;
        }
        // dDNdx = dwodx.n + wo.dndx, likewise in y.
        float dnx = ax * mx + ay * my + az * mz + wox * nxx + woy * nxy + woz * nxz;
        float dny = bx * mx + by * my + bz * mz + wox * nyx + woy * nyy + woz * nyz;
        scratch[Scratch.RX_OX * capacity + gid] = hx + pxx;
        scratch[Scratch.RX_OY * capacity + gid] = hy + pxy;
        scratch[Scratch.RX_OZ * capacity + gid] = hz + pxz;
        scratch[Scratch.RY_OX * capacity + gid] = hx + pyx;
        scratch[Scratch.RY_OY * capacity + gid] = hy + pyy;
        scratch[Scratch.RY_OZ * capacity + gid] = hz + pyz;
        scratch[Scratch.RX_DX * capacity + gid] = wix - eta * ax + k * nxx + c * dnx * mx;
        scratch[Scratch.RX_DY * capacity + gid] = wiy - eta * ay + k * nxy + c * dnx * my;
        scratch[Scratch.RX_DZ * capacity + gid] = wiz - eta * az + k * nxz + c * dnx * mz;
        scratch[Scratch.RY_DX * capacity + gid] = wix - eta * bx + k * nyx + c * dny * mx;
        scratch[Scratch.RY_DY * capacity + gid] = wiy - eta * by + k * nyy + c * dny * my;
        scratch[Scratch.RY_DZ * capacity + gid] = wiz - eta * bz + k * nyz + c * dny * mz;
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
     * the near clipping plane (hither) and end at the far one (yon). pbrt-v3's realistic camera traces
     * the lens system ({@link #realisticRay}). Returns the ray's weight, which multiplies the sample's
     * radiance as pbrt-v3's camera ray weight does: 1, but for the realistic camera (0 when vignetted).
     */
    float generateRay(int gid, float fx, float fy, float lu, float lv) {
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
        float weight = 1f;
        if (projection == REALISTIC) {
            weight = realisticRay(gid, rx, ry, lu, lv);
            ox = scratch[Scratch.LS_WX * capacity + gid];
            oy = scratch[Scratch.LS_WY * capacity + gid];
            oz = scratch[Scratch.LS_WZ * capacity + gid];
            dx = scratch[Scratch.VEC_X * capacity + gid];
            dy = scratch[Scratch.VEC_Y * capacity + gid];
            dz = scratch[Scratch.VEC_Z * capacity + gid];
        }
        if (projection == ENVIRONMENT || projection == ENVIRONMENT_PBRT) {
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
        float m0 = c2w[0], m1 = c2w[1], m2 = c2w[2], m3 = c2w[3], m4 = c2w[4], m5 = c2w[5], m6 = c2w[6], m7 = c2w[7];
        float m8 = c2w[8], m9 = c2w[9], m10 = c2w[10], m11 = c2w[11];
        if (cameraMotion >= 0) {
            // A moving camera: camera-to-world at the ray's time, in this work item's second row.
            int x = (motionRows + 2 * gid + 1) * INST_STRIDE;
            motionRow(cameraMotion, scratch[Scratch.TIME * capacity + gid], x);
            x += CompiledScene.INST_O2W;
            m0 = instXform[x];
            m1 = instXform[x + 1];
            m2 = instXform[x + 2];
            m3 = instXform[x + 3];
            m4 = instXform[x + 4];
            m5 = instXform[x + 5];
            m6 = instXform[x + 6];
            m7 = instXform[x + 7];
            m8 = instXform[x + 8];
            m9 = instXform[x + 9];
            m10 = instXform[x + 10];
            m11 = instXform[x + 11];
        }
        scratch[Scratch.LS_WX * capacity + gid] = m0 * ox + m1 * oy + m2 * oz + m3;
        scratch[Scratch.LS_WY * capacity + gid] = m4 * ox + m5 * oy + m6 * oz + m7;
        scratch[Scratch.LS_WZ * capacity + gid] = m8 * ox + m9 * oy + m10 * oz + m11;
        float wx = m0 * dx + m1 * dy + m2 * dz;
        float wy = m4 * dx + m5 * dy + m6 * dz;
        float wz = m8 * dx + m9 * dy + m10 * dz;
        float wl = 1f / sqrt(wx * wx + wy * wy + wz * wz);
        scratch[Scratch.VEC_X * capacity + gid] = wx * wl;
        scratch[Scratch.VEC_Y * capacity + gid] = wy * wl;
        scratch[Scratch.VEC_Z * capacity + gid] = wz * wl;
        return weight;
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

package org.luxnet.render.transport;

import org.luxnet.accumulator.filter.BoxFilter;
import org.luxnet.accumulator.filter.FilterAxisTable;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.accumulator.filter.TabulatedFilter;
import org.luxnet.accumulator.filter.TriangleFilter;
import org.luxnet.scene.compiled.CameraData;

/**
 * Sixth layer of the light transport: the camera sample. Offsets a film position by the pixel
 * filter (filter importance sampling: box exactly, triangle analytically, Gaussian, Mitchell and
 * sinc from the filter's exported tables; the sample lands in its own pixel with the filter's
 * weight) and generates the primary ray of the perspective camera, thin lens included.
 */
abstract class CameraKernel extends LightKernel {
    /** Filter kinds, as {@link #filterKind}. */
    static final int BOX = 0, TENT = 1, TABULATED = 2;

    /** Top three rows of camera-to-world, row-major. */
    float[] c2w = new float[12];
    float screenX0, screenXScale, screenY0, screenYScale, lensRadius, focalDistance;

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
        float[] sw = c.screenWindow();
        screenX0 = sw[0] * c.tanHalfFov();
        screenXScale = (sw[1] - sw[0]) / c.width() * c.tanHalfFov();
        screenY0 = sw[3] * c.tanHalfFov();
        screenYScale = -(sw[3] - sw[2]) / c.height() * c.tanHalfFov();
        lensRadius = c.lensRadius();
        focalDistance = c.focalDistance();
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
        float cu = cameraSample(pixelSeed, index, 0), cv = cameraSample(pixelSeed, index, 1);
        int binX = 0, binY = 0;
        if (filterKind == TABULATED) {
            binX = filterBin(0, cu);
            binY = filterBin(1, cv);
        }
        float fx = filterOffset(0, cu, binX), fy = filterOffset(1, cv, binY);
        float weight = filterFactor(0, fx, binX) * filterFactor(1, fy, binY);
        generateRay(gid, x + 0.5f + fx, y + 0.5f + fy, cameraSample(pixelSeed, index, 2),
                cameraSample(pixelSeed, index, 3));
        return weight;
    }

    /**
     * The primary ray through raster position (fx, fy) with lens numbers (lu, lv): origin to {@link Scratch#LS_WX}..{@link Scratch#LS_WZ} (free
     * before the first light sample), unit direction to the VEC slots.
     */
    void generateRay(int gid, float fx, float fy, float lu, float lv) {
        float dx = screenX0 + fx * screenXScale, dy = screenY0 + fy * screenYScale, dz = 1f;
        float ox = 0f, oy = 0f, oz = 0f;
        if (lensRadius > 0) {
            concentricDisk(gid, lu, lv);
            ox = lensRadius * scratch[Scratch.VEC_X * capacity + gid];
            oy = lensRadius * scratch[Scratch.VEC_Y * capacity + gid];
            float ft = focalDistance;
            dx = dx * ft - ox;
            dy = dy * ft - oy;
            dz = ft;
        }
        float inv = 1f / sqrt(dx * dx + dy * dy + dz * dz);
        dx *= inv;
        dy *= inv;
        dz *= inv;
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
}

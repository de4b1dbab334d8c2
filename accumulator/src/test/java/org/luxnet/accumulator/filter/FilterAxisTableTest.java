package org.luxnet.accumulator.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tables a tabulated filter exports reproduce its own sampling: a float implementation that
 * follows {@link FilterAxisTable}'s recipe (as the GPU kernel does) draws the same offsets as {@link
 * PixelFilter#sample} to float precision, and weights within 1e-3 (the interpolated profile is off by
 * about 1e-8 of the peak, which is most, relatively, where the filter crosses zero).
 */
class FilterAxisTableTest {

    /** The recipe of {@link FilterAxisTable}, in float, for one axis: offset and weight factor. */
    private static float[] sampleAxis(FilterAxisTable t, float u) {
        int lo = 0, hi = t.bins() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            float c = t.cdf()[mid];
            if (c < u || (c == u && t.cdfLow()[mid] <= 0)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        float f = ((u - t.cdf()[lo]) - t.cdfLow()[lo])
                / ((t.cdf()[lo + 1] - t.cdf()[lo]) + (t.cdfLow()[lo + 1] - t.cdfLow()[lo]));
        float x = Math.max(-t.radius(), Math.min(t.radius(), -t.radius() + (lo + f) * t.binWidth()));
        float pos = (x + t.radius()) / (t.binWidth() / t.profileStepsPerBin());
        int k = Math.min(Math.max((int) Math.floor(pos), 0), t.profile().length - 2);
        float p = t.profile()[k] + (t.profile()[k + 1] - t.profile()[k]) * (pos - k);
        return new float[] {x, p / t.binMean()[lo]};
    }

    @Test
    void exportedTablesReproduceTheFiltersOwnSamples() {
        List<TabulatedFilter> filters = List.of(new GaussianFilter(2, 1.5f, 2), new MitchellFilter(2, 2, 1f / 3, 1f / 3),
                new SincFilter(4, 3, 3));
        Random rnd = new Random(7);
        float[] out = new float[3];
        for (TabulatedFilter f : filters) {
            FilterAxisTable x = f.samplingTable(0), y = f.samplingTable(1);
            assertEquals(f.radiusX(), x.radius());
            assertEquals(f.radiusY(), y.radius());
            assertEquals(x.bins() + 1, x.cdf().length);
            assertEquals(x.bins() * x.profileStepsPerBin() + 1, x.profile().length);
            int far = 0;
            for (int i = 0; i < 100_000; i++) {
                float u1 = (rnd.nextInt(1 << 24)) * 0x1p-24f, u2 = (rnd.nextInt(1 << 24)) * 0x1p-24f;
                f.sample(u1, u2, out);
                float[] sx = sampleAxis(x, u1), sy = sampleAxis(y, u2);
                float w = sx[1] * sy[1];
                boolean close = Math.abs(sx[0] - out[0]) < 2e-6f && Math.abs(sy[0] - out[1]) < 2e-6f
                        && Math.abs(w - out[2]) < 1e-3f * Math.max(1f, Math.abs(out[2]));
                if (!close) {
                    far++;
                }
            }
            assertEquals(0, far, f + ": samples differ");
        }
    }

    @Test
    void onlyAxesZeroAndOneExist() {
        TabulatedFilter f = new GaussianFilter(2, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> f.samplingTable(2));
        assertThrows(IllegalArgumentException.class, () -> f.samplingTable(-1));
    }

    @Test
    void tablesAreTheCallersOwn() {
        TabulatedFilter f = new MitchellFilter(2, 2, 1f / 3, 1f / 3);
        FilterAxisTable a = f.samplingTable(0);
        a.cdf()[1] = 42;
        assertTrue(f.samplingTable(0).cdf()[1] < 1, "a caller's change must not reach the filter");
    }
}

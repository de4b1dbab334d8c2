package org.luxnet.accumulator.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tables a tabulated filter exports for the light transport to sample it from: their shape, a
 * CDF that rises from 0 to 1 with the profile's mass, and the filter's own values in the profile. (That
 * sampling from them reproduces the filtered integral is tested with the light transport, in
 * sampler-core's FilterSamplingTest.)
 */
class FilterAxisTableTest {

    @Test
    void tablesDescribeTheFilter() {
        List<TabulatedFilter> filters = List.of(new GaussianFilter(2, 1.5f, 2), new MitchellFilter(2, 2, 1f / 3, 1f / 3),
                new SincFilter(4, 3, 3));
        for (TabulatedFilter f : filters) {
            for (int axis = 0; axis < 2; axis++) {
                FilterAxisTable t = f.samplingTable(axis);
                assertEquals(axis == 0 ? f.radiusX() : f.radiusY(), t.radius());
                assertEquals(t.bins() + 1, t.cdf().length);
                assertEquals(t.bins() + 1, t.cdfLow().length);
                assertEquals(t.bins() * t.profileStepsPerBin() + 1, t.profile().length);
                assertEquals(2 * t.radius(), t.bins() * t.binWidth(), 1e-5);
                assertEquals(0f, t.cdf()[0]);
                assertEquals(1f, t.cdf()[t.bins()]);
                double mass = 0;
                for (int i = 0; i < t.bins(); i++) {
                    assertTrue(t.cdf()[i + 1] >= t.cdf()[i], f + ": CDF must not fall");
                    assertTrue(t.binMean()[i] >= 0, f + ": bin means are of |profile|");
                    mass += t.binMean()[i];
                }
                // Each bin's CDF step is its share of the table's mass.
                for (int i = 0; i < t.bins(); i += Math.max(1, t.bins() / 16)) {
                    double step = (t.cdf()[i + 1] + (double) t.cdfLow()[i + 1]) - (t.cdf()[i] + (double) t.cdfLow()[i]);
                    assertEquals(t.binMean()[i] / mass, step, 1e-9, f + ": bin " + i);
                }
                // The profile is the filter's 1D factor: its ratio to the centre value follows evaluate().
                int mid = t.profile().length / 2;
                float x = -t.radius() + t.binWidth() * (mid + 3) / t.profileStepsPerBin();
                float centre = axis == 0 ? f.evaluate(0, 0) : f.evaluate(0, 0);
                float off = axis == 0 ? f.evaluate(x, 0) : f.evaluate(0, x);
                assertEquals(off / centre, t.profile()[mid + 3] / t.profile()[mid], 1e-5, f + ": profile shape");
            }
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

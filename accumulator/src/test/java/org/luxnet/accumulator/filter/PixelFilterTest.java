package org.luxnet.accumulator.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The filters' values; their sampling is the light transport's, tested in sampler-core (FilterSamplingTest). */
class PixelFilterTest {
    @Test
    void evaluateFollowsPbrtDefinitions() {
        double e = Math.exp(-2 * 4);
        assertEquals((1 - e) * (1 - e), new GaussianFilter(2f, 2f, 2f).evaluate(0f, 0f), 1e-6);
        assertEquals((Math.exp(-2) - e) * (1 - e), new GaussianFilter(2f, 2f, 2f).evaluate(1f, 0f), 1e-6);
        double m0 = (6 - 2.0 / 3) / 6;
        assertEquals(m0 * m0, new MitchellFilter(2f, 2f, 1f / 3, 1f / 3).evaluate(0f, 0f), 1e-6);
        assertEquals(0, new MitchellFilter(2f, 2f, 1f / 3, 1f / 3).evaluate(2f, 0f), 1e-6);
        assertTrue(new MitchellFilter(2f, 2f, 1f / 3, 1f / 3).evaluate(1.5f, 0f) < 0, "negative lobe");
        assertEquals(0, new SincFilter(4f, 4f, 3f).evaluate(1f, 0f), 1e-6);
        assertEquals(0, new SincFilter(4f, 4f, 3f).evaluate(4.5f, 0f));
        assertEquals(2f, new TriangleFilter(2f, 1f).evaluate(0f, 0f));
        assertEquals(0.5f, new TriangleFilter(2f, 1f).evaluate(1f, 0.5f));
        assertEquals(0f, new BoxFilter(0.5f, 0.5f).evaluate(0.6f, 0f));
    }
}

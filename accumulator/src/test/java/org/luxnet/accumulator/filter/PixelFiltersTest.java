package org.luxnet.accumulator.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PixelFiltersTest {
    @Test
    void namesAreLuxRenderOnes() {
        assertEquals(List.of("box", "gaussian", "mitchell", "triangle", "sinc"), List.copyOf(PixelFilters.names()));
    }

    @Test
    void defaultsFollowPbrtV3() {
        FilterParams none = FilterParams.defaults();
        assertEquals(0.5f, PixelFilters.create("box", none).radiusX());
        PixelFilter gaussian = PixelFilters.create("gaussian", none);
        assertInstanceOf(GaussianFilter.class, gaussian);
        assertEquals(2f, gaussian.radiusY());
        // Same values as a Gaussian built with alpha 2 directly.
        assertEquals(new GaussianFilter(2f, 2f, 2f).evaluate(0.7f, 0.3f), gaussian.evaluate(0.7f, 0.3f));
        assertEquals(new MitchellFilter(2f, 2f, 1f / 3, 1f / 3).evaluate(1.2f, 0.1f),
                PixelFilters.create("mitchell", none).evaluate(1.2f, 0.1f));
        assertEquals(2f, PixelFilters.create("triangle", none).radiusX());
        PixelFilter sinc = PixelFilters.create("sinc", none);
        assertEquals(4f, sinc.radiusX());
        assertEquals(new SincFilter(4f, 4f, 3f).evaluate(1.5f, 0.5f), sinc.evaluate(1.5f, 0.5f));
    }

    @Test
    void parametersOverrideDefaults() {
        PixelFilter f = PixelFilters.create("mitchell", new FilterParams(Map.of("xwidth", 1.5, "B", 0.0, "C", 0.5)));
        assertEquals(1.5f, f.radiusX());
        assertEquals(2f, f.radiusY());
        assertEquals(new MitchellFilter(1.5f, 2f, 0f, 0.5f).evaluate(0.4f, 0.9f), f.evaluate(0.4f, 0.9f));
    }

    @Test
    void unknownNameListsValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PixelFilters.create("lanczos", FilterParams.defaults()));
        for (String name : PixelFilters.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PixelFilters.create("box", new FilterParams(Map.of("xwidth", -1.0))));
        assertThrows(IllegalArgumentException.class,
                () -> PixelFilters.create("gaussian", new FilterParams(Map.of("alpha", 0.0))));
    }
}

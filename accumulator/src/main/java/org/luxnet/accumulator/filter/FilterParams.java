package org.luxnet.accumulator.filter;

import java.util.Map;

/**
 * The numeric parameters of a filter as written in a scene file ({@code "float xwidth" [2]}), by
 * pbrt/LuxRender name: xwidth, ywidth, alpha, B, C, tau. Missing names take the filter's default.
 *
 * @param values parameter name to value; copied, so later changes to the map do not show
 */
public record FilterParams(Map<String, Double> values) {
    /** Copies the map so the record is immutable. */
    public FilterParams {
        values = Map.copyOf(values);
    }

    /** No parameters: every filter takes its defaults. */
    public static FilterParams defaults() {
        return new FilterParams(Map.of());
    }

    /** The value of {@code name} as a float, or {@code fallback} when absent. */
    public float get(String name, float fallback) {
        Double v = values.get(name);
        return v == null ? fallback : v.floatValue();
    }
}

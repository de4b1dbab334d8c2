package org.luxnet.accumulator.tonemap;

import java.util.Map;

/**
 * The numeric parameters of a tone mapper as written in a scene file, by LuxRender name (for example
 * {@code "float linear_sensitivity"} becomes {@code sensitivity}). Missing names take the operator's
 * default.
 *
 * @param values parameter name to value; copied, so later changes to the map do not show
 */
public record ToneMapParams(Map<String, Double> values) {
    /** Copies the map so the record is immutable. */
    public ToneMapParams {
        values = Map.copyOf(values);
    }

    /** No parameters: every operator takes its defaults. */
    public static ToneMapParams defaults() {
        return new ToneMapParams(Map.of());
    }

    /** The value of {@code name}, or {@code fallback} when absent. */
    public double get(String name, double fallback) {
        Double v = values.get(name);
        return v == null ? fallback : v;
    }
}

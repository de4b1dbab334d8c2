package org.luxnet.accumulator.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters a scene may name, by pbrt/LuxRender name, with pbrt-v3's and LuxRender's defaults:
 * box (width 0.5), gaussian (2, alpha 2), mitchell (2, B = C = 1/3), triangle (2), sinc (4, tau 3).
 * An explicit table: adding a filter means adding a line here.
 */
public final class PixelFilters {
    private static final Map<String, Function<FilterParams, PixelFilter>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("box", p -> new BoxFilter(p.get("xwidth", 0.5f), p.get("ywidth", 0.5f)));
        FACTORIES.put("gaussian", p -> new GaussianFilter(p.get("xwidth", 2f), p.get("ywidth", 2f), p.get("alpha", 2f)));
        FACTORIES.put("mitchell", p -> new MitchellFilter(p.get("xwidth", 2f), p.get("ywidth", 2f),
                p.get("B", 1f / 3f), p.get("C", 1f / 3f)));
        FACTORIES.put("triangle", p -> new TriangleFilter(p.get("xwidth", 2f), p.get("ywidth", 2f)));
        FACTORIES.put("sinc", p -> new SincFilter(p.get("xwidth", 4f), p.get("ywidth", 4f), p.get("tau", 3f)));
    }

    private PixelFilters() {
    }

    /** The names accepted by {@link #create}, in a stable order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FACTORIES.keySet());
    }

    /**
     * The filter called {@code name} with {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid ones) or a
     *     parameter out of range
     */
    public static PixelFilter create(String name, FilterParams params) {
        Function<FilterParams, PixelFilter> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown pixel filter \"" + name + "\"; valid names: "
                    + String.join(", ", FACTORIES.keySet()));
        }
        return f.apply(params);
    }
}

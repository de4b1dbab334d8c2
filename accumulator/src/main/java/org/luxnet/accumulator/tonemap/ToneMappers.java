package org.luxnet.accumulator.tonemap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tone mappers by LuxRender's {@code tonemapkernel} names, with LuxRender's defaults: linear
 * (sensitivity 100, exposure 0.001, fstop 2.8, gamma 2.2), reinhard (prescale 1, postscale 1, burn
 * 7), autolinear (gamma 2.2, which should be the film's gamma), maxwhite, and none (scale 1, pbrt's
 * film scale; 1 means no tone mapping). An explicit table: adding an operator means adding a line.
 */
public final class ToneMappers {
    /** LuxRender's default film gamma. */
    public static final double DEFAULT_GAMMA = 2.2;

    private static final Map<String, Function<ToneMapParams, ToneMapper>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("linear", p -> new LinearToneMapper(p.get("sensitivity", 100), p.get("exposure", 0.001),
                p.get("fstop", 2.8), p.get("gamma", DEFAULT_GAMMA)));
        FACTORIES.put("reinhard", p -> new ReinhardToneMapper(p.get("prescale", 1), p.get("postscale", 1),
                p.get("burn", 7)));
        FACTORIES.put("autolinear", p -> new AutoLinearToneMapper(p.get("gamma", DEFAULT_GAMMA)));
        FACTORIES.put("maxwhite", p -> new MaxWhiteToneMapper());
        FACTORIES.put("none", p -> new ScaleToneMapper(p.get("scale", 1)));
    }

    private ToneMappers() {
    }

    /** The names accepted by {@link #create}, in a stable order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FACTORIES.keySet());
    }

    /**
     * The tone mapper called {@code kernel} with {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid ones) or a
     *     parameter out of range
     */
    public static ToneMapper create(String kernel, ToneMapParams params) {
        Function<ToneMapParams, ToneMapper> f = FACTORIES.get(kernel);
        if (f == null) {
            throw new IllegalArgumentException("unknown tone map kernel \"" + kernel + "\"; valid names: "
                    + String.join(", ", FACTORIES.keySet()));
        }
        return f.apply(params);
    }
}

package org.luxnet.accumulator.tonemap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tone map kernels by LuxRender's {@code tonemapkernel} names, with the defaults LuxRender's film
 * passes them (FlexImageFilm::CreateFilm): linear (sensitivity 50, exposure 1, fstop 2.8, gamma 1),
 * reinhard (prescale 1, postscale 1, burn 6), contrast (ywa 1), autolinear (gamma 2.2, the film's
 * gamma), maxwhite; and "none" (pbrt's film scale, 1 by default: no tone mapping). An explicit table:
 * adding an operator means adding a line.
 */
public final class ToneMappers {
    /** LuxRender's default film gamma. */
    public static final double DEFAULT_GAMMA = 2.2;
    /** The name of pbrt's plain scale, which is not one of LuxRender's kernels. */
    public static final String NONE = "none";

    private static final Map<String, Function<ToneMapParams, ToneKernel>> KERNELS = new LinkedHashMap<>();

    static {
        KERNELS.put("linear", p -> new LinearKernel(p.get("sensitivity", 50), p.get("exposure", 1), p.get("fstop", 2.8),
                p.get("gamma", 1)));
        KERNELS.put("reinhard", p -> new ReinhardKernel(p.get("prescale", 1), p.get("postscale", 1), p.get("burn", 6)));
        KERNELS.put("autolinear", p -> new AutoLinearKernel(p.get("gamma", DEFAULT_GAMMA)));
        KERNELS.put("maxwhite", p -> new MaxWhiteKernel());
        KERNELS.put("contrast", p -> new ContrastKernel(p.get("ywa", 1)));
    }

    private ToneMappers() {
    }

    /** The names accepted by {@link #create}, in a stable order: the LuxRender kernels, then "none". */
    public static Set<String> names() {
        Set<String> all = new java.util.LinkedHashSet<>(KERNELS.keySet());
        all.add(NONE);
        return Collections.unmodifiableSet(all);
    }

    /**
     * The LuxRender kernel called {@code name} with {@code params}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid ones) or a
     *     parameter out of range
     */
    public static ToneKernel kernel(String name, ToneMapParams params) {
        Function<ToneMapParams, ToneKernel> f = KERNELS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown tone map kernel \"" + name + "\"; valid names: "
                    + String.join(", ", KERNELS.keySet()));
        }
        return f.apply(params);
    }

    /**
     * The whole tone mapping of an 8-bit image called {@code kernel}: "none" multiplies by {@code
     * scale}; the LuxRender kernels run in LuxRender's pipeline ({@link LuxImaging}) with its default
     * colour space and the "cut" clamp.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid ones) or a
     *     parameter out of range
     */
    public static ToneMapper create(String kernel, ToneMapParams params) {
        if (kernel.equals(NONE)) {
            return new ScaleToneMapper(params.get("scale", 1));
        }
        if (!KERNELS.containsKey(kernel)) {
            throw new IllegalArgumentException("unknown tone map kernel \"" + kernel + "\"; valid names: "
                    + String.join(", ", names()));
        }
        return new LuxImaging(kernel(kernel, params), ColorSpace.LUXRENDER, LdrClamp.CUT);
    }
}

package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's imaging pipeline for the film's outputs (FlexImageFilm::WriteImage2 and
 * ApplyImagingPipeline in core/film.cpp), from the film's linear RGB, read as RGB in LuxRender's
 * default colour space {@link ColorSpace#LUXRENDER}:
 * <ol>
 *   <li>to CIE XYZ, each component clamped at 0 (XYZColor::Clamp);</li>
 *   <li>the tone map kernel;</li>
 *   <li>to RGB in the film's colour space ({@code colorspace_*}), out-of-gamut colours moved onto the
 *       gamut ({@link ColorSpace#toRgbConstrained}) — a tonemapped EXR is written here;</li>
 *   <li>{@link #map}: over-range colours limited by {@code ldr_clamp_method} for 8-bit output.</li>
 * </ol>
 * The display gamma and 8-bit quantization follow in {@link DisplayEncoding#luxRender}. Immutable and
 * thread-safe.
 */
public final class LuxImaging implements ToneMapper {
    private final ToneKernel kernel;
    private final ColorSpace colorSpace;
    private final LdrClamp clamp;

    /**
     * @param kernel the tone map kernel
     * @param colorSpace the film's output colour space
     * @param clamp the film's {@code ldr_clamp_method}
     */
    public LuxImaging(ToneKernel kernel, ColorSpace colorSpace, LdrClamp clamp) {
        if (kernel == null || colorSpace == null || clamp == null) {
            throw new IllegalArgumentException("kernel, colour space and clamp method are required");
        }
        this.kernel = kernel;
        this.colorSpace = colorSpace;
        this.clamp = clamp;
    }

    /** The 8-bit image's display-linear RGB: tonemapped, in the output colour space, limited to [0, 1]. */
    @Override
    public float[] map(float[] rgb, int width, int height) {
        float[] out = tonemapped(rgb, width, height);
        double[] c = new double[3];
        for (int i = 0; i < out.length; i += 3) {
            c[0] = out[i];
            c[1] = out[i + 1];
            c[2] = out[i + 2];
            double[] l = clamp.apply(colorSpace, c);
            for (int k = 0; k < 3; k++) {
                out[i + k] = Frames.nonNegative(l[k]);
            }
        }
        return out;
    }

    /** Tonemapped RGB in the output colour space, not limited: what LuxRender writes to a tonemapped EXR. */
    public float[] tonemapped(float[] rgb, int width, int height) {
        Frames.check(rgb, width, height);
        float[] xyz = new float[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            double[] v = ColorSpace.LUXRENDER.toXyz(rgb[i], rgb[i + 1], rgb[i + 2]);
            for (int k = 0; k < 3; k++) {
                xyz[i + k] = Frames.nonNegative(v[k]);
            }
        }
        kernel.apply(xyz, width, height);
        return toOutput(colorSpace, xyz);
    }

    /**
     * The untonemapped conversion to {@code colorSpace}: XYZ of the film's RGB to constrained RGB in the
     * output colour space, what LuxRender writes to an EXR with {@code write_exr_applyimaging} false.
     */
    public static ToneMapper untonemapped(ColorSpace colorSpace) {
        return new ToneMapper() {
            @Override
            public float[] map(float[] rgb, int width, int height) {
                Frames.check(rgb, width, height);
                float[] xyz = new float[rgb.length];
                for (int i = 0; i < rgb.length; i += 3) {
                    double[] v = ColorSpace.LUXRENDER.toXyz(rgb[i], rgb[i + 1], rgb[i + 2]);
                    for (int k = 0; k < 3; k++) {
                        xyz[i + k] = (float) v[k];
                    }
                }
                return toOutput(colorSpace, xyz);
            }

            @Override
            public String toString() {
                return "untonemapped(" + colorSpace + ")";
            }
        };
    }

    /** Constrained RGB in {@code cs} of every XYZ triple, NaN as 0. */
    private static float[] toOutput(ColorSpace cs, float[] xyz) {
        float[] out = new float[xyz.length];
        for (int i = 0; i < xyz.length; i += 3) {
            double[] v = cs.toRgbConstrained(xyz[i], xyz[i + 1], xyz[i + 2]);
            for (int k = 0; k < 3; k++) {
                out[i + k] = Frames.nonNegative(v[k]);
            }
        }
        return out;
    }

    /** A view that returns {@link #tonemapped} from {@code map}: the tonemapped EXR's content. */
    public ToneMapper hdr() {
        LuxImaging self = this;
        return new ToneMapper() {
            @Override
            public float[] map(float[] rgb, int width, int height) {
                return self.tonemapped(rgb, width, height);
            }

            @Override
            public String toString() {
                return "hdr " + self;
            }
        };
    }

    @Override
    public String toString() {
        return "luxrender(" + kernel + ", " + colorSpace + ", clamp " + clamp.luxName() + ")";
    }
}

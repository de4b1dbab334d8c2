package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "reinhard" operator (Indigo-compatible parameters): Reinhard et al.'s global operator,
 * equation 4 of "Photographic Tone Reproduction for Digital Images", with key 0.1. The log-average
 * luminance Ywa of the lit pixels sets the scale s = 0.1 / Ywa; each pixel of luminance Y is multiplied
 * by {@code s * postscale * (1 + ys / burn^2) / (1 + ys)} with {@code ys = Y * s / prescale}. A
 * larger burn lets highlights burn out less; burn 0 or below means no white point (1/burn^2 = 1e5,
 * LuxRender's choice).
 */
public final class ReinhardToneMapper implements ToneMapper {
    private static final double KEY = 0.1;
    /** Luminances below this are clamped before taking the log, so near-black pixels do not dominate. */
    private static final double MIN_LOG_LUMINANCE = 1e-6;

    private final double prescale, postscale, burn;

    /**
     * @param prescale divides the luminance entering the curve (LuxRender default 1)
     * @param postscale multiplies the result (default 1)
     * @param burn white point in units of the scaled luminance (default 7)
     */
    public ReinhardToneMapper(double prescale, double postscale, double burn) {
        if (!(prescale > 0) || !(postscale > 0) || !Double.isFinite(burn)) {
            throw new IllegalArgumentException("reinhard needs positive prescale and postscale and a finite burn, got "
                    + prescale + ", " + postscale + ", " + burn);
        }
        this.prescale = prescale;
        this.postscale = postscale;
        this.burn = burn;
    }

    @Override
    public float[] map(float[] rgb, int width, int height) {
        Frames.check(rgb, width, height);
        int n = width * height;
        double logSum = 0;
        long lit = 0;
        for (int i = 0; i < n; i++) {
            double y = Frames.luminance(rgb, i);
            if (y > 0 && Double.isFinite(y)) {
                logSum += Math.log(Math.max(y, MIN_LOG_LUMINANCE));
                lit++;
            }
        }
        double ywa = lit > 0 ? Math.exp(logSum / lit) : 1;
        double invB2 = burn > 0 ? 1 / (burn * burn) : 1e5;
        double scale = KEY / ywa, pre = scale / prescale, post = scale * postscale;
        float[] out = new float[rgb.length];
        for (int i = 0; i < n; i++) {
            // A negative luminance (negative filter lobes) would put a pole in the curve at ys = -1.
            double ys = Math.max(0, Frames.luminance(rgb, i) * pre);
            double k = post * (1 + ys * invB2) / (1 + ys);
            for (int c = 0; c < 3; c++) {
                out[3 * i + c] = Frames.nonNegative(rgb[3 * i + c] * k);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "reinhard(prescale " + prescale + ", postscale " + postscale + ", burn " + burn + ")";
    }
}

package org.luxnet.accumulator.tonemap;

/**
 * LuxRender's "reinhard" operator (ReinhardOp, tonemaps/reinhard.cpp): equation 4 of Reinhard et
 * al.'s "Photographic Tone Reproduction for Digital Images" with key 0.1. The log-average luminance
 * Ywa of the pixels with Y > 0 (each Y at least 1e-6) sets s = 0.1 / Ywa; each pixel of luminance Y
 * is multiplied by {@code s * postscale * (1 + ys / burn^2) / (1 + ys)} with {@code ys = Y * s /
 * prescale}. Burn 0 or below means no white point (1/burn^2 = 1e5, LuxRender's choice).
 */
public final class ReinhardKernel implements ToneKernel {
    private static final double KEY = 0.1;
    private static final double MIN_LOG_LUMINANCE = 1e-6;

    private final double prescale, postscale, burn;

    /**
     * @param prescale divides the luminance entering the curve (LuxRender's film default 1)
     * @param postscale multiplies the result (film default 1)
     * @param burn white point in units of the scaled luminance (film default 6)
     */
    public ReinhardKernel(double prescale, double postscale, double burn) {
        if (!(prescale > 0) || !(postscale >= 0) || !Double.isFinite(postscale) || !Double.isFinite(burn)) {
            throw new IllegalArgumentException("reinhard needs a positive prescale, a non-negative postscale and a finite "
                    + "burn, got " + prescale + ", " + postscale + ", " + burn);
        }
        this.prescale = prescale;
        this.postscale = postscale;
        this.burn = burn;
    }

    @Override
    public void apply(float[] xyz, int width, int height) {
        Frames.check(xyz, width, height);
        int n = width * height;
        double logSum = 0;
        long lit = 0;
        for (int i = 0; i < n; i++) {
            double y = xyz[3 * i + 1];
            if (y > 0 && Double.isFinite(y)) {
                logSum += Math.log(Math.max(y, MIN_LOG_LUMINANCE));
                lit++;
            }
        }
        double ywa = lit > 0 ? Math.exp(logSum / lit) : 1;
        double invB2 = burn > 0 ? 1 / (burn * burn) : 1e5;
        double scale = KEY / ywa, pre = scale / prescale, post = scale * postscale;
        for (int i = 0; i < n; i++) {
            double ys = Math.max(0, xyz[3 * i + 1] * pre);
            double k = post * (1 + ys * invB2) / (1 + ys);
            for (int c = 0; c < 3; c++) {
                xyz[3 * i + c] = (float) (xyz[3 * i + c] * k);
            }
        }
    }

    @Override
    public String toString() {
        return "reinhard(prescale " + prescale + ", postscale " + postscale + ", burn " + burn + ")";
    }
}

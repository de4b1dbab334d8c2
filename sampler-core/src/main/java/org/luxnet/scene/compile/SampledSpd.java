package org.luxnet.scene.compile;

import java.util.function.DoubleUnaryOperator;

/**
 * LuxRender's sampled spectra (luxrays core/color/spd.h, spds/regular.cpp, spds/irregular.cpp):
 * samples evenly spaced from {@code min} to {@code max} nm, linear between them, 0 outside.
 */
final class SampledSpd implements DoubleUnaryOperator {
    private final double min, max, delta;
    private final double[] samples;

    private SampledSpd(double min, double max, double[] samples) {
        this.min = min;
        this.max = max;
        this.samples = samples;
        this.delta = (max - min) / (samples.length - 1);
    }

    /** RegularSPD(samples, min, max, n). */
    static SampledSpd regular(double[] samples, double min, double max) {
        return new SampledSpd(min, max, samples.clone());
    }

    /**
     * IrregularSPD(wavelengths, values, n) with its defaults (resolution 5 nm, linear): the data
     * resampled at min + 5 i for ceil((max - min) / 5) + 1 points (0 past max), which are then spread
     * evenly over [min, max], as LuxRender does even when max - min is not a multiple of 5.
     */
    static SampledSpd irregular(double[] wavelengths, double[] values) {
        return irregular(wavelengths, values, 5);
    }

    /**
     * IrregularSPD(wavelengths, values, n, resolution) (linear resampling): as {@link #irregular(double[],
     * double[])} with points {@code resolution} nm apart instead of 5.
     */
    static SampledSpd irregular(double[] wavelengths, double[] values, double resolution) {
        int n = wavelengths.length;
        double lo = wavelengths[0], hi = wavelengths[n - 1];
        int sn = (int) Math.ceil((hi - lo) / resolution) + 1;
        double[] sam = new double[sn];
        int k = 0;
        for (int i = 0; i < sn; i++) {
            double lambda = lo + i * resolution;
            if (lambda > hi) {
                continue;
            }
            while (k < n && wavelengths[k] < lambda) {
                k++;
            }
            if (wavelengths[k] == lambda) {
                sam[i] = values[k];
            } else {
                double u = (lambda - wavelengths[k - 1]) / (wavelengths[k] - wavelengths[k - 1]);
                sam[i] = values[k - 1] + u * (values[k] - values[k - 1]);
            }
        }
        return new SampledSpd(lo, hi, sam);
    }

    /** SPD::Sample(lambda). */
    @Override
    public double applyAsDouble(double lambda) {
        if (samples.length <= 1 || lambda < min || lambda > max) {
            return 0;
        }
        double x = (lambda - min) / delta;
        int b0 = (int) Math.floor(x);
        int b1 = Math.min(b0 + 1, samples.length - 1);
        double dx = x - b0;
        return samples[b0] + dx * (samples[b1] - samples[b0]);
    }
}

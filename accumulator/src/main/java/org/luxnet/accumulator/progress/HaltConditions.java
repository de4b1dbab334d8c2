package org.luxnet.accumulator.progress;

import java.time.Duration;

/**
 * When a render is done: at a number of samples per pixel in the total film, after a time, or when
 * the noise estimate falls below a threshold; whichever comes first. Zero or null disables one.
 *
 * @param samplesPerPixel stop when the total film holds this many samples per pixel (0: never)
 * @param time            stop after this much rendering time (null: never)
 * @param noise           stop when the 90th percentile of per-pixel relative standard error is below this (0: never)
 */
public record HaltConditions(int samplesPerPixel, Duration time, double noise) {
    public static final HaltConditions NEVER = new HaltConditions(0, null, 0);

    public HaltConditions {
        if (samplesPerPixel < 0) {
            throw new IllegalArgumentException("halt spp must be >= 0, got " + samplesPerPixel);
        }
        if (time != null && (time.isNegative() || time.isZero())) {
            time = null;
        }
        if (noise < 0 || Double.isNaN(noise)) {
            throw new IllegalArgumentException("halt noise must be >= 0, got " + noise);
        }
    }

    /** True when no condition is set: the render runs until stopped. */
    public boolean isOpenEnded() {
        return samplesPerPixel == 0 && time == null && noise == 0;
    }
}

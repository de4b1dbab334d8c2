package org.luxnet.accumulator.io;

import java.util.SplittableRandom;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.filter.MitchellFilter;
import org.luxnet.accumulator.filter.PixelFilter;

/** Films with realistic sums for codec and file tests. */
final class TestFilms {
    private TestFilms() {
    }

    /**
     * A film as a render pass leaves it: smoothly varying radiance with per-sample noise, the weights
     * that importance sampling LuxRender's default Mitchell filter gives (about ±1), black samples,
     * and the odd NaN that the film rejects.
     */
    static Film rendered(int width, int height, double samplesPerPixel, long seed) {
        Film f = new Film(width, height, Film.DEFAULT_SCALE_BITS);
        SplittableRandom rnd = new SplittableRandom(seed);
        PixelFilter filter = new MitchellFilter(2f, 2f, 1f / 3, 1f / 3);
        long total = Math.round(samplesPerPixel * width * height);
        for (long s = 0; s < total; s++) {
            int x = rnd.nextInt(width), y = rnd.nextInt(height);
            double base = 0.5 + 0.4 * Math.sin(x * 0.01) * Math.cos(y * 0.013);
            // A weight as filter importance sampling gives it: f / pdf, about ±1, negative in the lobes.
            float dx = (float) (4 * rnd.nextDouble() - 2), dy = (float) (4 * rnd.nextDouble() - 2);
            float weight = filter.evaluate(dx, dy) / filter.evaluate(0, 0);
            if (rnd.nextInt(20) == 0) {
                f.addSample(x, y, weight, 0f, 0f, 0f);
            } else if (rnd.nextInt(10_000) == 0) {
                f.addSample(x, y, weight, Float.NaN, 1f, 1f);
            } else {
                float noise = (float) (1 + 0.3 * rnd.nextGaussian());
                f.addSample(x, y, weight, (float) (base * noise), (float) (0.8 * base * noise),
                        (float) (0.6 * base * noise + 0.05));
            }
        }
        return f;
    }
}

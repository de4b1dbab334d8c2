package org.luxnet.accumulator;

/**
 * A rectangle of per-pixel sums: the common part of a whole {@link Film} and a {@link FilmTile}.
 * Sample values are turned into 64-bit fixed point as they arrive, so that every later addition is
 * integer addition: exact, associative and independent of order. Not thread-safe.
 */
public abstract class PixelSums {
    /** Fraction bits of the weight sum; weights are about 1, so this leaves 2^31 samples of headroom. */
    public static final int WEIGHT_BITS = 32;
    /** A single sample's fixed-point value is clamped to this magnitude so sums cannot wrap in a pass. */
    static final long SAMPLE_CLAMP = 1L << 60;

    final int x0, y0, width, height;
    final int scaleBits;
    final double scale, weightScale, lumSqScale;
    final long[] r, g, b, w, lumSq, samples, contributions;
    long totalSamples, totalContributions, rejectedSamples;

    PixelSums(int x0, int y0, int width, int height, int scaleBits) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("film size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("film too large: " + width + "x" + height);
        }
        if (scaleBits < Film.MIN_SCALE_BITS || scaleBits > Film.MAX_SCALE_BITS) {
            throw new IllegalArgumentException("scaleBits must be in [" + Film.MIN_SCALE_BITS + ", "
                    + Film.MAX_SCALE_BITS + "], got " + scaleBits);
        }
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        this.height = height;
        this.scaleBits = scaleBits;
        this.scale = Math.scalb(1.0, scaleBits);
        this.weightScale = Math.scalb(1.0, WEIGHT_BITS);
        this.lumSqScale = Math.scalb(1.0, lumSqBits(scaleBits));
        int n = width * height;
        r = new long[n];
        g = new long[n];
        b = new long[n];
        w = new long[n];
        lumSq = new long[n];
        samples = new long[n];
        contributions = new long[n];
    }

    static int lumSqBits(int scaleBits) {
        return 2 * scaleBits - 40;
    }

    /**
     * Adds one sample of radiance (r, g, b) with filter weight {@code weight} to the pixel at frame
     * coordinates (x, y), which must lie in this rectangle. A sample with a NaN or infinite value is
     * counted as a sample with no radiance and as rejected.
     */
    public final void addSample(int x, int y, float weight, float red, float green, float blue) {
        int i = (y - y0) * width + (x - x0);
        samples[i]++;
        totalSamples++;
        if (!(Float.isFinite(red) && Float.isFinite(green) && Float.isFinite(blue) && Float.isFinite(weight))) {
            rejectedSamples++;
            return;
        }
        w[i] += fix(weight * weightScale);
        if (red != 0f || green != 0f || blue != 0f) {
            r[i] += fix((double) weight * red * scale);
            g[i] += fix((double) weight * green * scale);
            b[i] += fix((double) weight * blue * scale);
            double lum = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
            lumSq[i] += fix(lum * lum * lumSqScale);
            contributions[i]++;
            totalContributions++;
        }
    }

    /** Rounds to the nearest fixed-point step and clamps a single sample's magnitude. */
    static long fix(double v) {
        long q = (long) Math.rint(v);
        return Math.max(-SAMPLE_CLAMP, Math.min(SAMPLE_CLAMP, q));
    }

    /** Frame x of the rectangle's left column. */
    public final int x0() {
        return x0;
    }

    /** Frame y of the rectangle's top row. */
    public final int y0() {
        return y0;
    }

    public final int width() {
        return width;
    }

    public final int height() {
        return height;
    }

    /** Fraction bits of the radiance sums: a sum of {@code s} means {@code s / 2^scaleBits}. */
    public final int scaleBits() {
        return scaleBits;
    }

    /** Fraction bits of the squared-luminance sums. */
    public final int lumSqBits() {
        return lumSqBits(scaleBits);
    }

    /** Samples added since creation or the last clear. */
    public final long totalSamples() {
        return totalSamples;
    }

    /** Samples that carried non-zero radiance. */
    public final long totalContributions() {
        return totalContributions;
    }

    /** Samples whose value was NaN or infinite and so added no radiance. */
    public final long rejectedSamples() {
        return rejectedSamples;
    }

    /** The raw sum of {@code channel} at local pixel index {@code i} (row-major within this rectangle). */
    public final long get(Channel channel, int i) {
        return array(channel)[i];
    }

    final long[] array(Channel c) {
        switch (c) {
            case R: return r;
            case G: return g;
            case B: return b;
            case W: return w;
            case LUM_SQ: return lumSq;
            case SAMPLES: return samples;
            case CONTRIBUTIONS: return contributions;
            default: throw new AssertionError(c);
        }
    }

    /** Zeroes every sum and count. */
    public void clear() {
        for (Channel c : Channel.ALL) {
            java.util.Arrays.fill(array(c), 0L);
        }
        totalSamples = 0;
        totalContributions = 0;
        rejectedSamples = 0;
    }
}

package org.luxnet.accumulator;

import java.util.Arrays;

/**
 * The film of a whole frame: per pixel, sums of weighted radiance (R, G, B), of filter weights, of
 * squared luminance, and counts of samples and contributions. Never averages: an image is made by
 * dividing only when it is read out ({@link #toRgb}).
 *
 * <p>Sums are 64-bit fixed point. A radiance value {@code v} is stored as {@code rint(v *
 * 2^scaleBits)}; weights use {@link #WEIGHT_BITS}. Because every later step is integer addition,
 * {@link #add(Film) merging} is exact and the result does not depend on the order in which threads,
 * devices or servers delivered their sums: one film from four servers is bit for bit the film one
 * server would have made from the same samples. Films merge only with films of the same size and
 * scale. {@link #chooseScaleBits} picks a scale from the scene's brightest emitter.
 *
 * <p>Not thread-safe: render devices fill private {@link FilmTile}s and add them under a lock.
 */
public final class Film extends PixelSums {
    /** Smallest and largest accepted fraction bits for radiance sums. */
    public static final int MIN_SCALE_BITS = 20, MAX_SCALE_BITS = 60;
    /** Fraction bits when nothing is known about the scene's brightness. */
    public static final int DEFAULT_SCALE_BITS = 32;

    private long saturatedAdds;

    /** An empty film of {@code width x height} pixels with {@code scaleBits} fraction bits. */
    public Film(int width, int height, int scaleBits) {
        super(0, 0, width, height, scaleBits);
    }

    /**
     * Fraction bits for a scene whose brightest emitted radiance is about {@code maxRadiance}: the
     * emitter's value then uses about 2^36 steps, leaving 2^27 samples of that value per pixel before a
     * sum saturates, with a resolution of 2^-36 of the brightest emitter.
     */
    public static int chooseScaleBits(double maxRadiance) {
        if (!(maxRadiance > 0) || !Double.isFinite(maxRadiance)) {
            return DEFAULT_SCALE_BITS;
        }
        int bits = 36 - Math.getExponent(maxRadiance) - 1;
        return Math.max(MIN_SCALE_BITS, Math.min(MAX_SCALE_BITS, bits));
    }

    /** Number of pixels. */
    public int pixelCount() {
        return width * height;
    }

    /** True when {@code other} has the same size and scale, so the two can be merged. */
    public boolean isCompatible(PixelSums other) {
        return other.scaleBits == scaleBits && (other instanceof FilmTile
                || (other.width == width && other.height == height));
    }

    /**
     * Adds every sum of {@code other} to this film: exact integer addition. A sum that would overflow
     * saturates instead of wrapping and is counted in {@link #saturatedAdds()}.
     *
     * @throws IllegalArgumentException when size or scale differ
     */
    public void add(Film other) {
        if (other.width != width || other.height != height || other.scaleBits != scaleBits) {
            throw new IllegalArgumentException("cannot merge a " + other.width + "x" + other.height + " film with scale "
                    + other.scaleBits + " into a " + width + "x" + height + " film with scale " + scaleBits);
        }
        int n = width * height;
        for (Channel c : Channel.ALL) {
            long[] dst = array(c), src = other.array(c);
            for (int i = 0; i < n; i++) {
                dst[i] = addSaturating(dst[i], src[i]);
            }
        }
        totalSamples += other.totalSamples;
        totalContributions += other.totalContributions;
        rejectedSamples += other.rejectedSamples;
        saturatedAdds += other.saturatedAdds;
    }

    /** Adds a tile's sums to the pixels it covers. */
    public void add(FilmTile t) {
        if (t.scaleBits != scaleBits) {
            throw new IllegalArgumentException("tile scale " + t.scaleBits + " differs from film scale " + scaleBits);
        }
        int tx = t.tileX(), ty = t.tileY(), tw = t.tileWidth(), th = t.tileHeight();
        if (tx < 0 || ty < 0 || tx + tw > width || ty + th > height) {
            throw new IllegalArgumentException("tile at " + tx + "," + ty + " size " + tw + "x" + th + " lies outside the "
                    + width + "x" + height + " film");
        }
        for (Channel c : Channel.ALL) {
            long[] dst = array(c), src = t.array(c);
            for (int j = 0; j < th; j++) {
                int d = (ty + j) * width + tx, s = j * t.width;
                for (int i = 0; i < tw; i++) {
                    dst[d + i] = addSaturating(dst[d + i], src[s + i]);
                }
            }
        }
        totalSamples += t.totalSamples;
        totalContributions += t.totalContributions;
        rejectedSamples += t.rejectedSamples;
    }

    private long addSaturating(long a, long b) {
        long s = a + b;
        // Overflow iff both operands have the sign opposite to the result.
        if (((a ^ s) & (b ^ s)) < 0) {
            saturatedAdds++;
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return s;
    }

    /** Number of additions that saturated (0 in any sane render). */
    public long saturatedAdds() {
        return saturatedAdds;
    }

    /** A deep copy. */
    public Film copy() {
        Film f = new Film(width, height, scaleBits);
        f.add(this);
        f.saturatedAdds = saturatedAdds;
        return f;
    }

    /**
     * Replaces raw channel data (codecs and file readers use this). The totals are recomputed from the
     * sample and contribution counts.
     */
    public void setChannel(Channel c, long[] values) {
        if (values.length != width * height) {
            throw new IllegalArgumentException("channel " + c + " needs " + (width * height) + " values, got " + values.length);
        }
        System.arraycopy(values, 0, array(c), 0, values.length);
        if (c == Channel.SAMPLES) {
            totalSamples = sum(samples);
        } else if (c == Channel.CONTRIBUTIONS) {
            totalContributions = sum(contributions);
        }
    }

    /** Sets the count of rejected (NaN/infinite) samples, for codecs restoring a film. */
    public void setRejectedSamples(long n) {
        rejectedSamples = n;
    }

    /** A copy of one raw channel. */
    public long[] channel(Channel c) {
        return array(c).clone();
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }

    /**
     * Reads the image out: for each pixel, weighted radiance sum divided by weight sum, as linear RGB
     * floats, row-major from the top-left, 3 per pixel. Pixels with no weight are black.
     */
    public float[] toRgb() {
        float[] out = new float[width * height * 3];
        toRgb(out);
        return out;
    }

    /** As {@link #toRgb()}, into {@code out} (length at least 3 per pixel). */
    public void toRgb(float[] out) {
        double inv = 1.0 / scale;
        for (int i = 0, n = width * height; i < n; i++) {
            if (w[i] == 0) {
                out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = 0f;
                continue;
            }
            double k = inv / (w[i] / weightScale);
            out[3 * i] = (float) (r[i] * k);
            out[3 * i + 1] = (float) (g[i] * k);
            out[3 * i + 2] = (float) (b[i] * k);
        }
    }

    /**
     * Relative standard error of each pixel's mean luminance, from the second moment of its own
     * samples: {@code sqrt(var / n) / mean}; NaN where a pixel has fewer than 2 samples, 0 where it is
     * black with no variance.
     */
    public float[] relativeErrors() {
        float[] out = new float[width * height];
        double inv = 1.0 / scale, invSq = 1.0 / lumSqScale;
        for (int i = 0, n = width * height; i < n; i++) {
            long ns = samples[i];
            if (ns < 2 || w[i] == 0) {
                out[i] = Float.NaN;
                continue;
            }
            double k = inv / (w[i] / weightScale);
            double mean = 0.2126 * r[i] * k + 0.7152 * g[i] * k + 0.0722 * b[i] * k;
            double m2 = lumSq[i] * invSq / ns;
            double var = Math.max(0, m2 - mean * mean) * ns / (ns - 1);
            double se = Math.sqrt(var / ns);
            out[i] = mean > 0 ? (float) (se / mean) : (se == 0 ? 0f : Float.POSITIVE_INFINITY);
        }
        return out;
    }

    /** Samples per pixel: total samples over pixel count. */
    public double samplesPerPixel() {
        return (double) totalSamples / (width * height);
    }

    /** True when both films hold exactly the same sums and counts. */
    public boolean contentEquals(Film o) {
        if (o.width != width || o.height != height || o.scaleBits != scaleBits) {
            return false;
        }
        for (Channel c : Channel.ALL) {
            if (!Arrays.equals(array(c), o.array(c))) {
                return false;
            }
        }
        return totalSamples == o.totalSamples && totalContributions == o.totalContributions
                && rejectedSamples == o.rejectedSamples;
    }

    @Override
    public void clear() {
        super.clear();
        saturatedAdds = 0;
    }

    @Override
    public String toString() {
        return "Film[" + width + "x" + height + ", scale 2^-" + scaleBits + ", " + totalSamples + " samples]";
    }
}

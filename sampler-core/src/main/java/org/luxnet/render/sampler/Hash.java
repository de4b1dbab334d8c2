package org.luxnet.render.sampler;

/**
 * Integer hashes used to derive seeds and independent uniform numbers. Fast, stateless and
 * identical on every JVM (the GPU kernel implements the same functions).
 */
public final class Hash {
    private Hash() {
    }

    /** A 32-bit finalizer with low bias (Wellons' "lowbias32"). */
    public static int mix32(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }

    /** Combines a seed with a value (boost-style hash_combine over mix32). */
    public static int combine(int seed, int v) {
        return mix32(seed ^ (v + 0x9e3779b9 + (seed << 6) + (seed >>> 2)));
    }

    /** 64-bit finalizer (SplitMix64), used to fold a 64-bit stream seed. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A 32-bit seed from a 64-bit stream seed. */
    public static int fold(long seed) {
        long m = mix64(seed);
        return (int) (m ^ (m >>> 32));
    }

    /** The top 24 bits of {@code x} as a float in [0, 1). */
    public static float toUnit(int x) {
        return (x >>> 8) * 0x1p-24f;
    }

    /**
     * A stream seed for device {@code device} of node {@code node} in a render with session seed
     * {@code sessionSeed}: distinct for every (node, device) pair, so no two samplers in a render
     * share samples.
     */
    public static long streamSeed(long sessionSeed, int node, int device) {
        return mix64(mix64(sessionSeed ^ 0x5851f42d4c957f2dL) + ((long) node << 20) + device + 1);
    }
}

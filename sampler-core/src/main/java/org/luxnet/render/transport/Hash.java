package org.luxnet.render.transport;

/**
 * Host-side 64-bit hashes that derive each device's stream seed from the session seed. The 32-bit
 * hashes that draw sample numbers from a stream are light-transport code and live in {@link
 * SampleKernel} ({@link SampleKernel#mix32}, {@link SampleKernel#combine}, {@link
 * SampleKernel#toUnit}).
 */
public final class Hash {
    private Hash() {
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

    /**
     * A stream seed for device {@code device} of node {@code node} in a render with session seed
     * {@code sessionSeed}: distinct for every (node, device) pair, so no two samplers in a render
     * share samples.
     */
    public static long streamSeed(long sessionSeed, int node, int device) {
        return mix64(mix64(sessionSeed ^ 0x5851f42d4c957f2dL) + ((long) node << 20) + device + 1);
    }
}

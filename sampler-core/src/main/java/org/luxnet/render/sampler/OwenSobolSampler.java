package org.luxnet.render.sampler;

/**
 * Low-discrepancy sampler: Owen-scrambled, shuffled 4D Sobol points padded per 4D chunk (Burley,
 * "Practical Hash-based Owen Scrambling", JCGT 2020). Each pixel scrambles its own copy of the
 * sequence, so its first 2^k samples are a well-stratified net in every chunk; each chunk shuffles
 * the sample order independently, which decorrelates chunks. Every value is a pure function of
 * (seed, pixel, index, dimension) and no state carries between samples, so any sample index can be
 * rendered on its own (progressive passes, other devices, other servers).
 *
 * <p>The camera and the first {@link #LD_BOUNCES} bounces are low-discrepancy; deeper bounces,
 * whose contribution to the error is small, use independent hashed numbers, which are cheaper.
 */
public final class OwenSobolSampler implements Sampler {
    /** Bounces that get stratified numbers; later ones are independent uniform numbers. */
    public static final int LD_BOUNCES = 4;
    /**
     * Bit-reversed Sobol matrices of dimensions 1 to 3 as byte tables: entry {@code 256 * k + v} is
     * the XOR of the columns selected by byte value {@code v} in byte {@code k} of the index. Shuffled
     * indices use all 32 bits, so four table lookups replace a 32-step loop.
     */
    private static final int[] T1 = byteTables(1), T2 = byteTables(2), T3 = byteTables(3);

    private int pixelSeed;
    private int index;
    private int sampleSeed;
    private final float[] camera = new float[4];
    private final float[] bounce = new float[8];

    @Override
    public void startSample(long streamSeed, int pixel, int sampleIndex) {
        pixelSeed = Hash.combine(Hash.fold(streamSeed), pixel);
        index = sampleIndex;
        sampleSeed = Hash.combine(pixelSeed, sampleIndex);
        chunk(0, camera, 0);
    }

    @Override
    public float cameraU() {
        return camera[0];
    }

    @Override
    public float cameraV() {
        return camera[1];
    }

    @Override
    public float lensU() {
        return camera[2];
    }

    @Override
    public float lensV() {
        return camera[3];
    }

    @Override
    public void startBounce(int b) {
        if (b < LD_BOUNCES) {
            chunk(1 + 2 * b, bounce, 0);
            chunk(2 + 2 * b, bounce, 4);
        } else {
            int s = Hash.combine(sampleSeed, b);
            for (int i = 0; i < 8; i++) {
                bounce[i] = Hash.toUnit(Hash.mix32(s + i * 0x9e3779b9));
            }
        }
    }

    @Override
    public float get(int slot) {
        return bounce[slot];
    }

    /** Fills out[off..off+3] with the scrambled 4D point of this sample in chunk {@code c}. */
    private void chunk(int c, float[] out, int off) {
        int seed = Hash.combine(pixelSeed, c);
        int i = nestedUniformScramble(index, Hash.mix32(seed ^ 0x68bc21eb));
        // Dimension 0 in the bit-reversed domain is the index itself.
        out[off] = Hash.toUnit(Integer.reverse(laineKarras(i, Hash.combine(seed, 0))));
        out[off + 1] = Hash.toUnit(Integer.reverse(laineKarras(reversedPoint(i, T1), Hash.combine(seed, 1))));
        out[off + 2] = Hash.toUnit(Integer.reverse(laineKarras(reversedPoint(i, T2), Hash.combine(seed, 2))));
        out[off + 3] = Hash.toUnit(Integer.reverse(laineKarras(reversedPoint(i, T3), Hash.combine(seed, 3))));
    }

    /** The Sobol point of index {@code i}, bit-reversed, from a dimension's byte tables. */
    private static int reversedPoint(int i, int[] t) {
        return t[i & 0xff] ^ t[256 + ((i >>> 8) & 0xff)] ^ t[512 + ((i >>> 16) & 0xff)] ^ t[768 + (i >>> 24)];
    }

    private static int[] byteTables(int dim) {
        int[] rev = SobolMatrices.reversedColumns(dim);
        int[] t = new int[4 * 256];
        for (int k = 0; k < 4; k++) {
            for (int v = 0; v < 256; v++) {
                int x = 0;
                for (int bit = 0; bit < 8; bit++) {
                    if ((v & (1 << bit)) != 0) {
                        x ^= rev[8 * k + bit];
                    }
                }
                t[256 * k + v] = x;
            }
        }
        return t;
    }

    /**
     * Burley's improved Laine-Karras permutation: in the bit-reversed domain, each output bit depends
     * only on the seed and the input bits below it, which is exactly a nested uniform (Owen) scramble.
     */
    static int laineKarras(int x, int seed) {
        x += seed;
        x ^= x * 0x6c50b47c;
        x ^= x * 0xb82f1e52;
        x ^= x * 0xc7afe638;
        x ^= x * 0x8d22f6e6;
        return x;
    }

    /** Owen scramble of a 32-bit fraction (or, used on an index, a shuffle that keeps 2^k prefixes). */
    static int nestedUniformScramble(int x, int seed) {
        return Integer.reverse(laineKarras(Integer.reverse(x), seed));
    }
}

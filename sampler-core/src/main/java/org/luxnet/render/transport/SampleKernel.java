package org.luxnet.render.transport;

import com.aparapi.Kernel;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * Bottom layer of the light transport: the sample numbers. Any dimension of any sample is a pure
 * function of (stream, pixel, sample index): the camera and the first {@link #LD_BOUNCES} bounces
 * draw from an Owen-scrambled Sobol sequence (Burley 2020: nested uniform scrambling by a
 * Laine-Karras permutation, with a per-pixel seed; the generator matrices come from Commons Math,
 * see {@link SobolMatrices}), deeper bounces and the "random" sampler from a hash. Every device, CPU
 * threads and OpenCL alike, draws the same numbers for the same stream.
 *
 * <p>The light transport is one class hierarchy (this class, {@link TraceKernel}, {@link
 * WarpKernel}, {@link BsdfKernel}, {@link LightKernel}, {@link CameraKernel}, {@link
 * MediumKernel}, {@link PathTraceKernel}), split into layers only to keep files small. It is the one source of every
 * sample's value: CPU render threads call {@link PathTraceKernel#renderSample} directly, one
 * instance per thread, and the OpenCL device runs the same methods through Aparapi, which translates
 * the methods of the whole class hierarchy that {@code run()} reaches into one OpenCL program.
 * Everything that decides a sample's value therefore has to be written as kernel code. Methods not reached from {@code run()} (constructors, the {@code setup}
 * methods) are host code and may use anything. Kernel code keeps to what Aparapi 3.0.2 translates
 * correctly; besides its documented rules (primitive fields and arrays only, no objects, no {@code
 * break}, no recursion, {@code Kernel}'s float maths instead of {@code java.lang.Math}) these were
 * found while writing it:
 *
 * <ul>
 *   <li>array parameters are always declared {@code __global}, so a local (private) array, such
 *       as a traversal stack, can only be used by the method that declares it;
 *   <li>the classes need their local variable tables (javac {@code -g}, Maven's default): Aparapi
 *       reads parameter names from them and loops forever without them;
 *   <li>no method named {@code get}/{@code put}/{@code getX}/{@code setX}: Aparapi takes them for
 *       bean accessors;
 *   <li>no if-else chain whose branch ends in another if-else ("child list broken"): write guarded
 *       steps one after the other instead;
 *   <li>Aparapi orders the OpenCL functions with a heuristic that can define a function after its
 *       first call, which OpenCL C rejects. It is right when every method that calls others is
 *       reached from {@code run()} along paths of one length only; methods that call nothing may be
 *       called from anywhere. Hence the scratch slots are indexed directly rather than through
 *       accessors, small helpers are written out, and {@code KernelTranslationTest} checks the order.
 * </ul>
 */
abstract class SampleKernel extends Kernel {
    /** Sampler kinds, as {@link #samplerKind}. */
    static final int LOW_DISCREPANCY = 0, INDEPENDENT = 1;
    /** Stride of one dimension's byte tables in {@link #sobolTables}. */
    private static final int TABLE = 1024;
    /** Bounces whose numbers are low-discrepancy (two 4D Sobol chunks each); deeper ones are hashed. */
    public static final int LD_BOUNCES = 4;

    // The 8 numbers of one path vertex, as vertexSample's slot. The two pairs that matter most for
    // noise (position on the light, BSDF direction) sit on the first two dimensions of their 4D chunk.
    /** Bounce slots: position on the light. */
    static final int LIGHT_U = 0, LIGHT_V = 1;
    /** Bounce slot: which light to sample. */
    static final int LIGHT_SELECT = 2;
    /** Bounce slot: which BSDF lobe, or reflection vs refraction. */
    static final int BSDF_LOBE = 3;
    /** Bounce slots: direction from the BSDF. */
    static final int BSDF_U = 4, BSDF_V = 5;
    /** Bounce slot: Russian roulette. */
    static final int ROULETTE = 6;

    /**
     * Byte tables of Sobol dimensions 1 to 3, {@link #TABLE} ints each: entry {@code 256 k + v} is the
     * XOR of the bit-reversed generator columns selected by byte {@code k} of an index having value v.
     */
    int[] sobolTables = new int[3 * TABLE];
    /** {@link #LOW_DISCREPANCY} or {@link #INDEPENDENT}. */
    int samplerKind;
    /** {@link Hash#fold} of the device's stream seed. */
    int streamKey;

    /** Host side: sets the sampler kind and the stream. */
    void setupSampler(RenderSettings.SamplerKind kind, long streamSeed) {
        samplerKind = kind == RenderSettings.SamplerKind.INDEPENDENT ? INDEPENDENT : LOW_DISCREPANCY;
        streamKey = Hash.fold(streamSeed);
        for (int d = 1; d <= 3; d++) {
            int[] rev = SobolMatrices.reversedColumns(d);
            for (int k = 0; k < 4; k++) {
                for (int v = 0; v < 256; v++) {
                    int x = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        if ((v & (1 << bit)) != 0) {
                            x ^= rev[8 * k + bit];
                        }
                    }
                    sobolTables[(d - 1) * TABLE + 256 * k + v] = x;
                }
            }
        }
    }

    /** A 32-bit finalizer with low bias (Wellons' "lowbias32"): the hash every stream is built on. */
    public static int mix32(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }

    /** Combines a seed with a value (boost-style hash_combine over {@link #mix32}). */
    public static int combine(int seed, int v) {
        return mix32(seed ^ (v + 0x9e3779b9 + (seed << 6) + (seed >>> 2)));
    }

    /** The top 24 bits of {@code x} as a float in [0, 1). */
    public static float toUnit(int x) {
        return (x >>> 8) * 0x1p-24f;
    }

    /** {@link Integer#reverse}, which OpenCL C lacks. */
    static int reverseBits(int x) {
        x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
        x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
        x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
        x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
        return (x >>> 16) | (x << 16);
    }

    /** Burley's Laine-Karras permutation: a hash that only lets higher bits depend on lower ones. */
    static int laineKarras(int x, int seed) {
        x += seed;
        x ^= x * 0x6c50b47c;
        x ^= x * 0xb82f1e52;
        x ^= x * 0xc7afe638;
        x ^= x * 0x8d22f6e6;
        return x;
    }

    static int nestedUniformScramble(int x, int seed) {
        return reverseBits(laineKarras(reverseBits(x), seed));
    }

    /** The bit-reversed Sobol point of index {@code i} in dimension {@code dim} (1 to 3). */
    int reversedPoint(int i, int dim) {
        int o = (dim - 1) * TABLE;
        return sobolTables[o + (i & 0xff)] ^ sobolTables[o + 256 + ((i >>> 8) & 0xff)]
                ^ sobolTables[o + 512 + ((i >>> 16) & 0xff)] ^ sobolTables[o + 768 + (i >>> 24)];
    }

    /**
     * The seed of one draw of a sample's numbers: for the low-discrepancy sampler that of its 4D chunk
     * ({@code combine(pixelSeed, chunk)}), otherwise the hash seed of the vertex. A path computes it
     * (and {@link #chunkIndex}) once per chunk, not once per number.
     */
    int chunkSeed(int pixelSeed, int index, int chunk, int hashed, int bounce) {
        int s = 0;
        if (hashed != 0) {
            s = combine(combine(pixelSeed, index), bounce);
        } else {
            s = combine(pixelSeed, chunk);
        }
        return s;
    }

    /** The Owen-scrambled index of sample {@code index} in the chunk of seed {@code chunkSeed}. */
    int chunkIndex(int chunkSeed, int index) {
        return nestedUniformScramble(index, mix32(chunkSeed ^ 0x68bc21eb));
    }

    /**
     * Dimension {@code d} (0 to 3) of a 4D chunk, Owen-scrambled: seed and scrambled index from
     * {@link #chunkSeed} and {@link #chunkIndex}.
     */
    float chunkDim(int chunkSeed, int scrambledIndex, int d) {
        int x = scrambledIndex;
        if (d > 0) {
            x = reversedPoint(scrambledIndex, d);
        }
        // combine(chunkSeed, d), written out: this method calls leaves only (see the class notes).
        int dimSeed = mix32(chunkSeed ^ (d + 0x9e3779b9 + (chunkSeed << 6) + (chunkSeed >>> 2)));
        return toUnit(reverseBits(laineKarras(x, dimSeed)));
    }

    /** The seed of one pixel in this stream. */
    int pixelSeed(int pixel) {
        return combine(streamKey, pixel);
    }

    /** The chunk of the time sample (see {@link #timeSeed}). */
    static final int TIME_CHUNK = 0x7fff;
    /** The time's dimension for {@link #cameraSample}: chunk dimension 0 (4 & 3), hash dimension 4. */
    static final int TIME_DIMENSION = 4;

    /** Camera dimension {@code d}: 0, 1 film position, 2, 3 lens (4: time, see {@link #timeSeed}); seed and index from {@link #cameraSeed} and {@link #chunkIndex}. */
    float cameraSample(int pixelSeed, int index, int seed, int scrambledIndex, int d) {
        float v = 0f;
        if (samplerKind == INDEPENDENT) {
            v = toUnit(mix32(combine(combine(pixelSeed, index), d)));
        } else {
            v = chunkDim(seed, scrambledIndex, d & 3);
        }
        return v;
    }

    /** The seed of the camera's chunk (chunk 0). */
    int cameraSeed(int pixelSeed) {
        return combine(pixelSeed, 0);
    }

    /**
     * The seed of the chunk of a moving scene's time sample: a chunk no other number uses (the camera
     * has chunk 0, the bounces 1 to {@code 2 LD_BOUNCES}), whose dimension 0 is the time (drawn with
     * {@link #cameraSample} as dimension {@link #TIME_DIMENSION}, which the hashed sampler keeps apart
     * from the camera's four).
     */
    int timeSeed(int pixelSeed) {
        return combine(pixelSeed, TIME_CHUNK);
    }

    /** 1 when path vertex {@code bounce} draws hashed numbers rather than low-discrepancy ones. */
    int hashedBounce(int bounce) {
        int h = 0;
        if (samplerKind == INDEPENDENT || bounce >= LD_BOUNCES) {
            h = 1;
        }
        return h;
    }

    /**
     * The vertex seed of path vertex {@code bounce}'s first ({@code second} 0: slots 0 to 3) or second
     * ({@code second} 1: slots 4 to 7) chunk; for hashed vertices both halves share one seed.
     */
    int vertexSeed(int pixelSeed, int index, int bounce, int second) {
        int hashBounce = bounce;
        if (samplerKind == INDEPENDENT) {
            hashBounce = 0x10000 + bounce;
        }
        return chunkSeed(pixelSeed, index, 1 + 2 * bounce + second, hashedBounce(bounce), hashBounce);
    }

    /**
     * Slot {@code slot} ({@link #LIGHT_U} to {@link #ROULETTE}) of a path vertex whose chunks have the
     * seeds and scrambled indices given ({@link #vertexSeed}, {@link #chunkIndex}; the indices are
     * unused when {@code hashed} is 1).
     */
    float vertexSample(int hashed, int seedA, int indexA, int seedB, int indexB, int slot) {
        float v = 0f;
        if (hashed != 0) {
            v = toUnit(mix32(seedA + slot * 0x9e3779b9));
        } else if (slot < 4) {
            v = chunkDim(seedA, indexA, slot);
        } else {
            v = chunkDim(seedB, indexB, slot & 3);
        }
        return v;
    }

    /** Host side, for tests: camera dimension {@code d} of sample {@code index}, as {@code startPath} draws it. */
    float cameraDimension(int pixelSeed, int index, int d) {
        int seed = cameraSeed(pixelSeed);
        return cameraSample(pixelSeed, index, seed, chunkIndex(seed, index), d);
    }

    /** Host side, for tests: slot {@code slot} of path vertex {@code bounce}, as {@code tracePath} draws it. */
    float bounceDimension(int pixelSeed, int index, int bounce, int slot) {
        int hashed = hashedBounce(bounce);
        int seedA = vertexSeed(pixelSeed, index, bounce, 0), seedB = vertexSeed(pixelSeed, index, bounce, 1);
        return vertexSample(hashed, seedA, chunkIndex(seedA, index), seedB, chunkIndex(seedB, index), slot);
    }
}

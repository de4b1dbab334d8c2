package org.luxnet.scene.compile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.SceneFile;

/**
 * pbrt-v3's tabulated BSDF files (materials/fourier.cpp, FourierBSDFTable::Read: the "SCATFUN" format of
 * Jakob et al. 2014's layer laboratory), read into the flat arrays the kernel reads
 * ({@code CompiledScene#fourierData} and {@code #fourierInfo}; FourierKernel). The reader takes what
 * FourierBSDFTable::Read takes (a 64-byte little-endian header "SCATFUN" version 1, flags 1, 1 or 3 channels,
 * one basis; then mu[nMu], cdf[nMu^2], (offset, length)[nMu^2], a[nCoeffs]) and checks what Read does not,
 * so that a hostile or truncated file is an error naming the file and what is wrong, never an
 * out-of-memory or an index out of bounds: the counts are checked against the file's size before anything is
 * allocated, the mu grid must be finite and strictly increasing, every series must lie inside a[] and be at
 * most mMax long, the values must be finite and eta positive.
 *
 * <p>Layout of one table: in fourierInfo at {@code i0} (the material's FR_TABLE slot): the table's first
 * float in fourierData, nMu, mMax, nChannels, then aOffset[nMu^2] (absolute indices into fourierData), then
 * m[nMu^2]; in fourierData: eta, mu[nMu], cdf[nMu^2], a0[nMu^2], recip[mMax] (1 / k; recip[0], which
 * pbrt-v3 leaves infinite and never reads, 0), a[nCoeffs]. Cells are indexed {@code o * nMu + i} (o: the mu of wo, i: the mu of -wi), as GetAk.
 */
final class FourierTables {
    /** Header ints after the 8-byte identifier: flags, nMu, nCoeffs, mMax, nChannels, nBases, 3 unused. */
    static final int HEADER_BYTES = 64;
    /** fourierInfo entries before aOffset. */
    static final int INFO_HEAD = 4;
    /** The material row keeps the table's fourierInfo offset as a float, exact below 2^24. */
    private static final int MAX_INFO = 1 << 24;

    private final FloatList data = new FloatList();
    private final IntList info = new IntList();
    private final Map<String, Integer> byName = new HashMap<>();

    /**
     * The fourierInfo offset of {@code file}'s table, read once per file name.
     *
     * @param at where the scene names the file ("bsdffile"), for errors
     * @throws SceneException naming {@code at}, the file and what is wrong with it
     */
    int add(SceneFile file, FileLoc at) {
        Integer known = byName.get(file.name());
        if (known != null) {
            return known;
        }
        Table t = read(file.name(), file.bytes(), at);
        long floats = data.size() + 1L + t.nMu + 2L * t.nMu * t.nMu + t.mMax + t.a.length;
        long ints = info.size() + INFO_HEAD + 2L * t.nMu * t.nMu;
        if (floats > Integer.MAX_VALUE - 16 || ints > MAX_INFO) {
            throw new SceneException(at, "tabulated BSDF file '" + file.name() + "': the scene's tabulated BSDFs"
                    + " exceed what the renderer can index (" + floats + " values, " + ints + " table entries)");
        }
        int i0 = info.size();
        int fb = data.size();
        int n2 = t.nMu * t.nMu;
        int aStart = fb + 1 + t.nMu + 2 * n2 + t.mMax;
        info.add(fb);
        info.add(t.nMu);
        info.add(t.mMax);
        info.add(t.nChannels);
        for (int i = 0; i < n2; i++) {
            info.add(aStart + t.aOffset[i]);
        }
        for (int i = 0; i < n2; i++) {
            info.add(t.m[i]);
        }
        data.add(t.eta);
        for (float v : t.mu) {
            data.add(v);
        }
        for (float v : t.cdf) {
            data.add(v);
        }
        for (int i = 0; i < n2; i++) {
            data.add(t.m[i] > 0 ? t.a[t.aOffset[i]] : 0f);
        }
        for (int k = 0; k < t.mMax; k++) {
            data.add(k == 0 ? 0f : 1 / (float) k);
        }
        for (float v : t.a) {
            data.add(v);
        }
        byName.put(file.name(), i0);
        return i0;
    }

    float[] data() {
        return data.toArray();
    }

    int[] info() {
        return info.toArray();
    }

    /** One file's table as FourierBSDFTable holds it (offsets relative to a[]). */
    record Table(float eta, int nMu, int mMax, int nChannels, float[] mu, float[] cdf, int[] aOffset, int[] m,
                 float[] a) {
    }

    /**
     * FourierBSDFTable::Read of {@code bytes}, with the checks of the class comment.
     *
     * @throws SceneException at {@code at}: "tabulated BSDF file 'name': what"
     */
    static Table read(String name, byte[] bytes, FileLoc at) {
        String what = "tabulated BSDF file '" + name + "': ";
        byte[] magic = {'S', 'C', 'A', 'T', 'F', 'U', 'N'};
        for (int i = 0; i < magic.length; i++) {
            if (i >= bytes.length || bytes[i] != magic[i]) {
                throw new SceneException(at, what + "not a pbrt-v3 tabulated BSDF (it does not begin with \"SCATFUN\")");
            }
        }
        if (bytes.length < 8 || bytes[7] != 1) {
            throw new SceneException(at, what + (bytes.length < 8 ? "truncated in its header"
                    : "version " + (bytes[7] & 0xff) + "; only version 1 is read (as pbrt-v3)"));
        }
        if (bytes.length < HEADER_BYTES) {
            throw new SceneException(at, what + "truncated: " + bytes.length + " bytes, shorter than its "
                    + HEADER_BYTES + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        int flags = b.getInt(), nMu = b.getInt(), nCoeffs = b.getInt(), mMax = b.getInt(), nChannels = b.getInt();
        int nBases = b.getInt();
        b.getInt();
        b.getInt();
        b.getInt();
        float eta = b.getFloat();
        if (flags != 1) {
            throw new SceneException(at, what + "flags " + flags + "; pbrt-v3 reads only a plain BSDF (flags 1: no"
                    + " harmonic extrapolation)");
        }
        if (nChannels != 1 && nChannels != 3) {
            throw new SceneException(at, what + nChannels + " channels; pbrt-v3 reads 1 (luminance) or 3 (Y, R, B)");
        }
        if (nBases != 1) {
            throw new SceneException(at, what + nBases + " bases; pbrt-v3 reads only untextured tables (1 basis)");
        }
        if (nMu < 2 || mMax < 1 || nCoeffs < 1) {
            throw new SceneException(at, what + "invalid sizes (nMu " + nMu + ", mMax " + mMax + ", nCoeffs " + nCoeffs
                    + "): nMu must be at least 2, mMax and nCoeffs at least 1");
        }
        if (mMax > nCoeffs) {
            throw new SceneException(at, what + "mMax " + mMax + " exceeds its " + nCoeffs + " coefficients");
        }
        if (!(eta > 0) || Float.isInfinite(eta)) {
            throw new SceneException(at, what + "eta " + eta + " is not a positive number");
        }
        long n2 = (long) nMu * nMu;
        // Exact: nMu^2 alone may exceed what a long holds four times over.
        java.math.BigInteger need = java.math.BigInteger.valueOf(n2).multiply(java.math.BigInteger.valueOf(3))
                .add(java.math.BigInteger.valueOf((long) nMu + nCoeffs)).shiftLeft(2)
                .add(java.math.BigInteger.valueOf(HEADER_BYTES));
        if (need.compareTo(java.math.BigInteger.valueOf(bytes.length)) > 0) {
            throw new SceneException(at, what + "truncated: nMu " + nMu + " and nCoeffs " + nCoeffs + " need " + need
                    + " bytes, the file has " + bytes.length);
        }
        b.position(HEADER_BYTES);
        float[] mu = floats(b, nMu);
        float[] cdf = floats(b, (int) n2);
        int[] aOffset = new int[(int) n2];
        int[] m = new int[(int) n2];
        for (int i = 0; i < n2; i++) {
            aOffset[i] = b.getInt();
            m[i] = b.getInt();
        }
        float[] a = floats(b, nCoeffs);
        for (int i = 0; i < nMu; i++) {
            if (!Float.isFinite(mu[i]) || (i > 0 && !(mu[i] > mu[i - 1]))) {
                throw new SceneException(at, what + "its mu grid is not finite and strictly increasing (entry " + i
                        + ": " + mu[i] + ")");
            }
        }
        checkFinite(cdf, "cdf", what, at);
        checkFinite(a, "coefficient", what, at);
        for (int i = 0; i < n2; i++) {
            long end = aOffset[i] + (long) m[i] * nChannels;
            if (m[i] < 0 || m[i] > mMax || aOffset[i] < 0 || (m[i] > 0 && end > nCoeffs)) {
                throw new SceneException(at, what + "series " + i + " (offset " + aOffset[i] + ", length " + m[i]
                        + ") does not fit: lengths are at most mMax " + mMax + " and " + nChannels
                        + " channel(s) of it must lie within the " + nCoeffs + " coefficients");
            }
        }
        return new Table(eta, nMu, mMax, nChannels, mu, cdf, aOffset, m, a);
    }

    private static float[] floats(ByteBuffer b, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = b.getFloat();
        }
        return f;
    }

    private static void checkFinite(float[] v, String name, String what, FileLoc at) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new SceneException(at, what + name + " " + i + " is " + v[i]);
            }
        }
    }
}

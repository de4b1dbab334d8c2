package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.TextureLayout;

/**
 * LuxRender 1.x's Blender textures and the Blender noise library they use (LuxRender/Lux
 * textures/blender_noiselib.cpp, blender_texlib.cpp, blender_base.h) in the kernel, against values
 * worked out by hand where they have a closed form and against {@link BlenderReference}, a plain
 * double-precision transcription of the C, everywhere else.
 */
class BlenderTexturesKernelTest extends TextureProbe {
    private static final String LUX = "SurfaceIntegrator \"path\"\nFilm \"fleximage\"";
    private static final float[][] POINTS = {{0.3f, 0.7f, 0.1f}, {1.37f, -2.61f, 0.45f}, {-3.2f, 4.05f, 7.7f},
        {12.5f, 0.01f, -0.93f}, {0.05f, 0.95f, 2.5f}, {-0.41f, -0.77f, -5.3f}, {100.3f, -57.2f, 33.9f}};
    private static final int[] BASES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 14};
    private static final double TOL = 2e-5;
    /**
     * Crackle is 10 (F2 - F1): ten times the float rounding of the point (the C's floats as much as the
     * kernel's) against the double transcription, at coordinates in the hundreds.
     */
    private static final double CRACKLE_TOL = 2e-3;

    private static double tol(int basis, double t) {
        return basis == 8 ? Math.max(t, CRACKLE_TOL) : t;
    }

    private final BlenderReference ref = new BlenderReference();
    private PathTraceKernel k;

    @BeforeEach
    void kernelWithTheTables() throws IOException {
        k = kernel("Texture \"b\" \"float\" \"blender_clouds\"\n"
                + "Texture \"m\" \"color\" \"mix\" \"color tex1\" [0 0 0] \"color tex2\" [1 1 1] \"texture amount\" \"b\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\""), LUX);
    }

    @Test
    void tablesAreBlendersOwn() {
        // hash[]: a permutation of 0..255 written twice; hashvectf: unit vectors; hashpntf: points in the unit cube.
        int[] seen = new int[256];
        for (int i = 0; i < 256; i++) {
            seen[k.blHash[i]]++;
            assertEquals(k.blHash[i], k.blHash[i + 256]);
        }
        for (int c : seen) {
            assertEquals(1, c);
        }
        for (int i = 0; i < 256; i++) {
            float x = k.blVec[3 * i], y = k.blVec[3 * i + 1], z = k.blVec[3 * i + 2];
            assertEquals(1, Math.sqrt(x * x + y * y + z * z), 1e-4, "hashvectf row " + i);
        }
        for (float p : k.blPnt) {
            assertTrue(p > 0 && p < 1);
        }
        // Entries as read in blender_noiselib.cpp.
        assertEquals(0xA2, k.blHash[0]);
        assertEquals(0x5D, k.blHash[255]);
        assertEquals(0.33783f, k.blVec[0]);
        assertEquals(-0.082764f, k.blVec[767]);
        assertEquals(0.536902f, k.blPnt[0]);
        assertEquals(0.951333f, k.blPnt[767]);
    }

    @Test
    void latticePointsHaveTheClosedForms() {
        // At integer points the cubic weights leave only corner 0, whose dot product with (0, 0, 0) is 0:
        // orgBlenderNoise is 0.5, both Perlin noises 0.
        for (int[] p : new int[][] {{0, 0, 0}, {3, -2, 7}, {-11, 5, 40}}) {
            assertEquals(0.5f, k.blOrgNoise(p[0], p[1], p[2]), 1e-7);
            assertEquals(0f, k.blNewPerlin(p[0], p[1], p[2]), 1e-7);
            assertEquals(0f, k.blOrgPerlin(p[0], p[1], p[2]), 1e-7);
        }
        // cellNoiseU of cell (0, 0, 0): n = 0, so 1376312589 / 2^32; of cell (i, 0, 0): n = i ^ (i << 13), then
        // n (n^2 15731 + 789221) + 1376312589 mod 2^32, worked out here in 64 bits.
        assertEquals(1376312589 / 4294967296.0, k.blCellU(0.5f, 0.25f, 0.75f), 1e-7);
        boolean high = false;
        for (long i = 1; i <= 20; i++) {
            long n = i ^ (i << 13);
            long m = (n * (n * n * 15731 + 789221) + 1376312589) & 0xFFFFFFFFL;
            high |= m > 0x7FFFFFFFL;
            assertEquals((float) m / 4294967296.0, k.blCellU(i + 0.5f, 0.5f, 0.5f), 1e-7, "cell " + i);
        }
        assertTrue(high, "some cell's hash has the top bit set (the unsigned conversion)");
        // Voronoi F1 at a feature point is 0: the point of cell (2, 3, 4) is hashpntf[HASHPNT(2, 3, 4)] + (2, 3, 4).
        int h = 3 * k.blHash[(k.blHash[(k.blHash[4] + 3) & 255] + 2) & 255];
        float fx = k.blPnt[h] + 2, fy = k.blPnt[h + 1] + 3, fz = k.blPnt[h + 2] + 4;
        assertEquals(0f, k.blVoronoi(fx, fy, fz, 1f, 0, 0, 1, 0, 0, 0), 1e-6);
        assertEquals(0f, k.blNoiseU(3, fx, fy, fz), 1e-6);
    }

    @Test
    void everyBasisMatchesTheTranscription() {
        for (int b : BASES) {
            for (float[] p : POINTS) {
                String at = "basis " + b + " at " + p[0] + "," + p[1] + "," + p[2];
                assertEquals(ref.noiseU(b, p[0], p[1], p[2]), k.blNoiseU(b, p[0], p[1], p[2]), TOL, "unsigned " + at);
                assertEquals(ref.noiseS(b, p[0], p[1], p[2]), k.blNoiseS(b, p[0], p[1], p[2]), TOL, "signed " + at);
            }
        }
    }

    @Test
    void voronoiMetricsAndCellColoursMatchTheTranscription() {
        for (int metric = 0; metric <= 6; metric++) {
            for (float[] p : POINTS) {
                double[] da = new double[4], pa = new double[12];
                ref.voronoi(p[0], p[1], p[2], da, pa, 2.5, metric);
                for (int f = 0; f < 4; f++) {
                    float[] w = new float[4];
                    w[f] = 1;
                    assertEquals(da[f], k.blVoronoi(p[0], p[1], p[2], 2.5f, metric, 0, w[0], w[1], w[2], w[3]),
                            1e-4 * Math.max(1, da[f]), "F" + (f + 1) + " metric " + metric);
                }
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    double[] aw = {0.5, 1, 0.25, 2};
                    for (int i = 0; i < 4; i++) {
                        int row = ref.hashpnt((int) Math.floor(pa[3 * i]), (int) Math.floor(pa[3 * i + 1]),
                                (int) Math.floor(pa[3 * i + 2]));
                        sum += aw[i] * ref.hashpntf[row + c];
                    }
                    assertEquals(sum, k.blVoronoi(p[0], p[1], p[2], 2.5f, metric, c + 1, -0.5f, 1, 0.25f, -2), TOL);
                }
            }
        }
    }

    @Test
    void noiseAndTurbulenceMatchTheTranscription() {
        for (int b : BASES) {
            for (float[] p : POINTS) {
                for (int hard = 0; hard <= 1; hard++) {
                    for (float size : new float[] {0.25f, 0.7f, 0f}) {
                        assertEquals(ref.gNoise(size, p[0], p[1], p[2], hard, b), k.blGNoise(size, p[0], p[1], p[2], hard, b),
                                tol(b, TOL), "gNoise basis " + b);
                        for (int oct = 0; oct <= 3; oct++) {
                            assertEquals(ref.gTurbulence(size, p[0], p[1], p[2], oct, hard, b),
                                    k.blGTurbulence(size, p[0], p[1], p[2], oct, hard, b), tol(b, 1e-4), "gTurbulence basis " + b);
                        }
                    }
                }
            }
        }
    }

    @Test
    void musgraveAndDistortedNoiseMatchTheTranscription() {
        for (int b : BASES) {
            for (float[] p : POINTS) {
                double x = p[0], y = p[1], z = p[2];
                for (float octs : new float[] {2f, 3.5f}) {
                    double[] expect = {ref.multiFractal(x, y, z, 0.8, 2.1, octs, b),
                        ref.ridgedMultiFractal(x, y, z, 0.8, 2.1, octs, 1.1, 1.7, b),
                        ref.hybridMultiFractal(x, y, z, 0.8, 2.1, octs, 1.1, 1.7, b), ref.fBm(x, y, z, 0.8, 2.1, octs, b),
                        ref.heteroTerrain(x, y, z, 0.8, 2.1, octs, 1.1, b)};
                    for (int kind = 0; kind < 5; kind++) {
                        assertEquals(expect[kind], k.blMusgrave(kind, p[0], p[1], p[2], 0.8f, 2.1f, octs, 1.1f, 1.7f, b),
                                tol(b, 1e-4) * Math.max(1, Math.abs(expect[kind])), "musgrave " + kind + " basis " + b);
                    }
                }
                assertEquals(ref.vlNoise(x, y, z, 1.3, b, 2), k.blVlNoise(p[0], p[1], p[2], 1.3f, b, 2), tol(b, 1e-4));
                assertEquals(ref.vlNoise(x, y, z, 0.6, 1, b), k.blVlNoise(p[0], p[1], p[2], 0.6f, 1, b), tol(b, 1e-4));
            }
        }
    }

    /** blenderValue for kind with the BL_ parameters 18..31 given in order, at p. */
    private float value(int kind, float[] q, float[] p) {
        return k.blenderValue(kind, q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11], q[12],
                q[13], p[0], p[1], p[2]);
    }

    @Test
    void blendProgressionsHaveTheirClosedForms() {
        // blend(): lin (1 + x) / 2, quad its square (0 below), ease 3t^2 - 2t^3, diag (2 + x + y) / 4,
        // sphere 1 - |p|, halo its square, radial atan2(y, x) / 2pi + 1/2; flipxy swaps x and y.
        float[] p = {0.2f, 0.4f, 0f};
        float[][] cases = {{0, 0.6f}, {1, 0.36f}, {2, 0.648f}, {3, 0.65f}, {4, 1 - (float) Math.sqrt(0.2)},
            {5, (1 - (float) Math.sqrt(0.2)) * (1 - (float) Math.sqrt(0.2))},
            {6, (float) (Math.atan2(0.4, 0.2) / (2 * Math.PI) + 0.5)}};
        for (float[] c : cases) {
            assertEquals(c[1], value(TextureLayout.BL_BLEND, blend((int) c[0], 0, 1, 1), p), 1e-6, "blend type " + c[0]);
        }
        assertEquals(0f, value(TextureLayout.BL_BLEND, blend(1, 0, 1, 1), new float[] {-3, 0, 0}), 1e-7);
        assertEquals(0.7f, value(TextureLayout.BL_BLEND, blend(0, 1, 1, 1), p), 1e-6, "flipxy: (1 + y) / 2");
        assertEquals(0.5f, value(TextureLayout.BL_BLEND, blend(6, 1, 1, 1), new float[] {0, 1, 0}), 1e-6);
        // BRICONT: (0.6 - 0.5) 2 + 1.2 - 0.5 = 0.9; clamped at 1 and 0.
        assertEquals(0.9f, value(TextureLayout.BL_BLEND, blend(0, 0, 1.2f, 2), p), 1e-6);
        assertEquals(1f, value(TextureLayout.BL_BLEND, blend(0, 0, 2, 1), p), 0);
        assertEquals(0f, value(TextureLayout.BL_BLEND, blend(0, 0, 0.1f, 5), new float[] {-0.5f, 0, 0}), 0);
    }

    private static float[] blend(int type, int flip, float bright, float contrast) {
        return new float[] {type, 0, flip, 0, 0, 0, 0, bright, contrast, 0, 0, 0, 0, 0};
    }

    @Test
    void waveformsHaveTheirClosedForms() {
        // tex_sin 1/2 + sin(a) / 2, tex_saw a mod 2pi over 2pi (C's truncation, then + 2pi below 0), tex_tri
        // 1 - 2 |round(a / 2pi) - a / 2pi|.
        float pi = (float) Math.PI;
        assertEquals(1f, k.blWave(0, pi / 2), 1e-6);
        assertEquals(0.5f, k.blWave(1, pi), 1e-6);
        assertEquals(0.75f, k.blWave(1, -pi / 2), 1e-6);
        assertEquals(0.25f, k.blWave(1, 4.5f * pi), 1e-6);
        assertEquals(1f, k.blWave(2, 0), 1e-6);
        assertEquals(0f, k.blWave(2, pi), 1e-6);
        assertEquals(0.5f, k.blWave(2, pi / 2), 1e-6);
        assertEquals(0.5f, k.blWave(7, 0), 1e-6, "an unknown waveform is sin, as wood_int checks");
        // Wood "bands" with the saw: (x + y + z) 10 = pi gives 1/2; "rings" with tri: |p| 20 = pi gives 0.
        assertEquals(0.5f, value(TextureLayout.BL_WOOD, new float[] {0, 0, 1, 0.25f, 0, 0, 5, 1, 1, 0, 0, 0, 0, 0},
                new float[] {pi / 10, pi / 40, -pi / 40}), 1e-5);
        assertEquals(0f, value(TextureLayout.BL_WOOD, new float[] {1, 0, 2, 0.25f, 0, 0, 5, 1, 1, 0, 0, 0, 0, 0},
                new float[] {0, pi / 20 * 0.6f, pi / 20 * 0.8f}), 1e-5);
        // Magic of depth 0, turbulence 5 (amplitude 1): (1/2 - sin(5 s) / 2, 1/2 - cos(..) / 2, 1/2 + cos(..) / 2).
        float[] p = {0.1f, 0.2f, 0.05f};
        double r = 0.5 - Math.sin(5 * 0.35) / 2, g = 0.5 - Math.cos(5 * 0.05) / 2, b = 0.5 + Math.cos(5 * -0.25) / 2;
        assertEquals(Math.min(1, 0.35 * r + 0.45 * g + 0.2 * b),
                value(TextureLayout.BL_MAGIC, new float[] {0, 0, 0, 0, 0, 0, 5, 1, 1, 0, 0, 0, 0, 0}, p), 1e-5);
    }

    @Test
    void everyTextureMatchesTheTranscription() {
        int[] hardness = {0, 1};
        for (float[] p : POINTS) {
            double[] pd = {p[0], p[1], p[2]};
            for (int b : BASES) {
                for (int hard : hardness) {
                    for (int type = 0; type <= 1; type++) {
                        assertEquals(ref.clouds(pd, type, 0.4, 3, hard, b, 1.1, 0.9), value(TextureLayout.BL_CLOUDS,
                                new float[] {type, b, 0, 0.4f, hard, 3, 0, 1.1f, 0.9f, 0, 0, 0, 0, 0}, p), tol(b, 1e-4), "clouds");
                    }
                    for (int type = 0; type <= 3; type++) {
                        int wf = (type + b) % 3;
                        assertEquals(ref.wood(pd, type, wf, 0.3, hard, b, 4, 1, 1.3), value(TextureLayout.BL_WOOD,
                                new float[] {type, b, wf, 0.3f, hard, 0, 4, 1, 1.3f, 0, 0, 0, 0, 0}, p), tol(b, 2e-4), "wood");
                    }
                    for (int type = 0; type <= 2; type++) {
                        int wf = (type + b) % 3;
                        assertEquals(ref.marble(pd, type, wf, 0.3, 2, hard, b, 3, 0.95, 1.2), value(TextureLayout.BL_MARBLE,
                                new float[] {type, b, wf, 0.3f, hard, 2, 3, 0.95f, 1.2f, 0, 0, 0, 0, 0}, p), tol(b, 2e-4), "marble");
                        assertEquals(ref.stucci(pd, type, 0.3, hard, b, 40), value(TextureLayout.BL_STUCCI,
                                new float[] {type, b, 0, 0.3f, hard, 0, 40, 1, 1, 0, 0, 0, 0, 0}, p), tol(b, 1e-4), "stucci");
                    }
                }
                for (int type = 0; type <= 4; type++) {
                    assertEquals(ref.musgrave(pd, type, 0.5, 0.9, 2, 3.5, 1, 1.5, 0.7, b, 1, 1), value(TextureLayout.BL_MUSGRAVE,
                            new float[] {type, b, 0, 0.5f, 0, 0, 0.7f, 1, 1, 0.9f, 2, 3.5f, 1, 1.5f}, p), tol(b, 2e-4), "musgrave");
                }
                assertEquals(ref.distortedNoise(pd, 0.5, 1.4, b, 2, 1, 1), value(TextureLayout.BL_DISTNOISE,
                        new float[] {0, b, 2, 0.5f, 0, 0, 0, 1, 1, 1.4f, 0, 0, 0, 0}, p), tol(b, 1e-4), "distortednoise");
            }
            for (int depth = 0; depth <= 11; depth++) {
                assertEquals(BlenderReference.magic(pd, depth, 3, 1.05, 0.9), value(TextureLayout.BL_MAGIC,
                        new float[] {0, 0, 0, 0, 0, depth, 3, 1.05f, 0.9f, 0, 0, 0, 0, 0}, p), 1e-5, "magic " + depth);
            }
            for (int metric = 0; metric <= 6; metric++) {
                for (int col = 0; col <= 3; col++) {
                    double[] w = {1, -0.6, 0.3, 0.1};
                    assertEquals(ref.voronoiTex(pd, 0.5, metric, col, 2.5, 1.2, w, 1, 1), value(TextureLayout.BL_VORONOI,
                            new float[] {metric, 0, col, 0.5f, 0, 0, 1.2f, 1, 1, 1, -0.6f, 0.3f, 0.1f, 2.5f}, p),
                            2e-4, "voronoi metric " + metric + " coltype " + col);
                }
            }
        }
    }

    @Test
    void noiseTextureIsAFixedGrainOfBase4Products() {
        // texnoise: val / 3^(depth + 1), val a product of base-4 digits, so in [0, 1] with 3^(depth + 1) val an integer.
        for (float[] p : POINTS) {
            for (int depth = 0; depth <= 4; depth++) {
                float f = value(TextureLayout.BL_NOISE, new float[] {0, 0, 0, 0, 0, depth, 0, 1, 1, 0, 0, 0, 0, 0}, p);
                double scaled = f * Math.pow(3, depth + 1);
                assertEquals(Math.rint(scaled), scaled, 1e-3);
                assertEquals(f, value(TextureLayout.BL_NOISE, new float[] {0, 0, 0, 0, 0, depth, 0, 1, 1, 0, 0, 0, 0, 0}, p));
            }
        }
    }

    @Test
    void theNodeLerpsTex1AndTex2ThroughTheMapping() throws IOException {
        // BlenderTexture3D::Evaluate: Lerp(f, tex1, tex2) at TextureMapping3D's point, (p - translate) / scale.
        PathTraceKernel kk = kernel("Texture \"b\" \"float\" \"blender_blend\" \"string type\" \"quad\""
                + " \"vector scale\" [2 2 2] \"vector translate\" [0.5 0 0] \"float tex1\" 0.2 \"float tex2\" 0.8\n"
                + "Texture \"m\" \"color\" \"mix\" \"color tex1\" [0 0 0] \"color tex2\" [1 1 1] \"texture amount\" \"b\"\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\""), LUX);
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
        for (float x : new float[] {0.1f, 0.5f, 0.9f}) {
            double t = (1 + (x - 0.5) / 2) / 2;
            double f = t * t;
            float v = (float) (0.2 * (1 - f) + 0.8 * f);
            assertArrayEquals(new float[] {v, v, v}, shadeAt(kk, x, 0.5f, MaterialLayout.KD), 1e-5f);
        }
    }
}

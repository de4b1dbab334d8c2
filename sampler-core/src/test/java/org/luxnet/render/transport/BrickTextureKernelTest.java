package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's brick texture (LuxRender/Lux textures/brick.h as read): the kernel's brick-or-mortar
 * decision against {@link #luxBrick}, an independent transcription of BrickTexture3D (constructor,
 * Evaluate and the bond functions) in this test, at points spread over a tilted plane, for every
 * bond; "brickmodtex" evaluated at the brick's index; the float variant; the defaults.
 */
class BrickTextureKernelTest extends TextureProbe {
    private static final String LUX = "SurfaceIntegrator \"path\"\nFilm \"fleximage\"";
    private static final float[] BRICK = {0.9f, 0.3f, 0.2f}, MORTAR = {0.1f, 0.15f, 0.12f};
    /** A plane z = 0.31 x + 0.17 y + 0.05 over [-2, 2]^2, so that rays along +z meet points of every height. */
    private static final String TILTED = "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" ["
            + tilted(-2, -2) + tilted(2, -2) + tilted(2, 2) + tilted(-2, 2) + "]";

    private static String tilted(float x, float y) {
        return x + " " + y + " " + (0.31f * x + 0.17f * y + 0.05f) + " ";
    }

    /**
     * brick.h's BrickTexture3D for one point, transcribed from the C++ in this test's own words: the
     * constructor's bond rules, Evaluate's normalization, and RunningAlternate, Basket, Herringbone,
     * Running, English. Returns {1 in a brick else 0, brickIndex.x, .y, .z}.
     */
    static float[] luxBrick(String bondName, float bw, float bh, float bd, float mortar, float run, float x, float y,
            float z) {
        // Constructor.
        String bond;
        float offX = 0, offY = 0;
        switch (bondName) {
            case "stacked" -> {
                bond = "running";
                run = 0;
            }
            case "english" -> {
                bond = "english";
                run = 0.25f;
            }
            case "chain link" -> {
                bond = "chain";
                run = 1.25f;
                offX = 0.25f;
                offY = -1;
            }
            case "flemish", "herringbone", "basket" -> bond = bondName;
            default -> {
                bond = "running";
                offY = -0.5f;
            }
        }
        float proportion = 0, invproportion = 0;
        if (bond.equals("herringbone") || bond.equals("basket")) {
            proportion = (float) Math.floor(bw / bh);
            bh = bw;
            bd = bw;
            invproportion = 1f / proportion;
        }
        float mortarwidth = mortar / bw, mortarheight = mortar / bh, mortardepth = mortar / bd;
        // Evaluate.
        float offs = 1e-3f + mortar;
        float px = (x + offs) / bw + offX, py = (y + offs) / bd + offY, pz = (z + offs) / bh;
        float ix = 0, iy = 0, iz = 0;
        boolean b;
        if (bond.equals("flemish") || bond.equals("chain")) {
            int nWhole = bond.equals("flemish") ? 1 : 2;
            float sub = nWhole + 0.5f, rsub = (float) Math.ceil(sub);
            iz = (float) Math.floor(pz);
            float ux = (px + iz * run) / sub, uy = (py + iz * run) / sub;
            ix = (float) Math.floor(ux);
            iy = (float) Math.floor(uy);
            ux = (ux - ix) * sub;
            uy = (uy - iy) * sub;
            float uz = (pz - iz) * sub;
            ix += (float) Math.floor(ux) / rsub;
            iy += (float) Math.floor(uy) / rsub;
            ux -= (float) Math.floor(ux);
            uy -= (float) Math.floor(uy);
            b = uz > mortarheight && uy > mortardepth && ux > mortarwidth;
        } else if (bond.equals("basket")) {
            ix = (float) Math.floor(px);
            iy = (float) Math.floor(py);
            float ux = px - ix, uy = py - iy;
            ix += iy - 2f * (float) Math.floor(0.5f * iy);
            boolean split = ix - 2f * (float) Math.floor(0.5f * ix) < 1f;
            if (split) {
                ux = ux % invproportion;
                ix = (float) Math.floor(proportion * px) * invproportion;
            } else {
                uy = uy % invproportion;
                iy = (float) Math.floor(proportion * py) * invproportion;
            }
            b = uy > mortardepth && ux > mortarwidth;
        } else if (bond.equals("herringbone")) {
            iy = (float) Math.floor(proportion * py);
            float hx = px + iy * invproportion;
            ix = (float) Math.floor(hx);
            float ux = 2f * (0.5f * hx - (float) Math.floor(hx * 0.5f));
            float uy = (proportion * py - (float) Math.floor(proportion * py)) * invproportion;
            if (ux > 1f + invproportion) {
                ux = proportion * (ux - 1f);
                iy -= (float) Math.floor(ux - 1f);
                ux -= (float) Math.floor(ux);
                ux *= invproportion;
                uy = 1f;
            } else if (ux > 1f) {
                ux = proportion * (ux - 1f);
                iy -= (float) Math.floor(ux - 1f);
                ux -= (float) Math.floor(ux);
                ux *= invproportion;
            }
            b = uy > mortarheight && ux > mortarwidth;
        } else {
            iz = (float) Math.floor(pz);
            float ux = px + iz * run, uy = py - iz * run;
            ix = (float) Math.floor(ux);
            iy = (float) Math.floor(uy);
            float uz = pz - iz;
            if (bond.equals("english")) {
                float divider = (float) Math.floor(Math.abs(iz) % 2f) + 1f;
                ux = (divider * ux - (float) Math.floor(divider * ux)) / divider;
                uy = (divider * uy - (float) Math.floor(divider * uy)) / divider;
            } else {
                ux -= ix;
                uy -= iy;
            }
            b = uz > mortarheight && uy > mortardepth && ux > mortarwidth;
        }
        return new float[] {b ? 1 : 0, ix, iy, iz};
    }

    private PathTraceKernel brickScene(String params) throws IOException {
        return kernel("Texture \"b\" \"color\" \"brick\" " + params + " \"color bricktex\" [" + BRICK[0] + " " + BRICK[1]
                + " " + BRICK[2] + "] \"color mortartex\" [" + MORTAR[0] + " " + MORTAR[1] + " " + MORTAR[2] + "]\n"
                + "Material \"matte\" \"texture Kd\" \"b\"\n" + TILTED, LUX);
    }

    /** Shades the ray along +z through (x, y); returns {value's red, hit x, y, z}. */
    private float[] probe(PathTraceKernel k, float x, float y) {
        float[] v = shadeAlong(k, x, y, -5, 0, 0, 1, MaterialLayout.KD);
        float t = k.hitDistance();
        return new float[] {v[0], x, y, -5 + t};
    }

    private void bondAgrees(String bond, float bw, float bh, float bd, float mortar, float run, String extra)
            throws IOException {
        PathTraceKernel k = brickScene("\"string brickbond\" \"" + bond + "\" \"float brickwidth\" " + bw
                + " \"float brickheight\" " + bh + " \"float brickdepth\" " + bd + " \"float mortarsize\" " + mortar
                + " \"float brickrun\" " + run + extra);
        assertTrue(last.warnings().isEmpty(), bond + ": " + last.warnings());
        int bricks = 0, mortars = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                float[] p = probe(k, -1.5f + 3f * (i + 0.37f) / 40, -1.5f + 3f * (j + 0.61f) / 40);
                float[] ref = luxBrick(bond, bw, bh, bd, mortar, run, p[1], p[2], p[3]);
                float expect = ref[0] != 0 ? BRICK[0] : MORTAR[0];
                assertEquals(expect, p[0], 0f, bond + " at " + p[1] + ", " + p[2] + ", " + p[3]);
                if (ref[0] != 0) {
                    bricks++;
                } else {
                    mortars++;
                }
            }
        }
        // Both sides of the decision are met.
        assertTrue(bricks > 100 && mortars > 40, bond + ": " + bricks + " brick, " + mortars + " mortar points");
    }

    @Test
    void runningAndStackedBondsDecideAsBrickH() throws IOException {
        bondAgrees("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, "");
        bondAgrees("running", 0.25f, 0.08f, 0.2f, 0.02f, 0.3f, "");
        bondAgrees("stacked", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, "");
    }

    @Test
    void flemishEnglishAndChainLinkDecideAsBrickH() throws IOException {
        bondAgrees("flemish", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, "");
        bondAgrees("english", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, "");
        bondAgrees("chain link", 0.3f, 0.1f, 0.15f, 0.015f, 0.5f, "");
    }

    @Test
    void herringboneAndBasketDecideAsBrickH() throws IOException {
        bondAgrees("herringbone", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, "");
        bondAgrees("basket", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, "");
        bondAgrees("herringbone", 0.4f, 0.1f, 0.15f, 0.012f, 0.5f, "");
    }

    @Test
    void theReferenceMeetsHandWorkedPoints() {
        // Running, defaults (0.3, 0.1, 0.15, mortar 0.01, run 0.5): (0.05, 0, 0.05) normalizes to
        // (0.061 / 0.3, 0.011 / 0.15 - 0.5, 0.061 / 0.1) = (0.2033, -0.4267, 0.61): row 0, fractions
        // (0.2033, 0.5733, 0.61) all above the mortar's (0.0333, 0.0667, 0.1): a brick, index (0, -1, 0).
        assertArrayEquals(new float[] {1, 0, -1, 0}, luxBrick("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, 0.05f, 0, 0.05f));
        // z = -0.002: (z + 0.011) / 0.1 = 0.09, below the mortar's 0.1: mortar.
        assertEquals(0, luxBrick("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, 0.05f, 0, -0.002f)[0]);
        // Row 1 (z = 0.15, pz = 1.61) shifts x by the run: x = 0.139 gives 0.5 + 0.5 = 1.0 + 0.0 -> fraction
        // 0.0 (mortar); x = 0.16 gives 0.57 + 0.5, fraction 0.07 > 0.0333: a brick.
        assertEquals(0, luxBrick("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, 0.139f, 0, 0.15f)[0]);
        assertEquals(1, luxBrick("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, 0.16f, 0, 0.15f)[0]);
    }

    @Test
    void brickModulationIsEvaluatedAtTheBricksIndex() throws IOException {
        // brick.h: tex1(dg) * tex3(dgb), dgb.p = brickIndex. A 3D checkerboard as brickmodtex alternates
        // with the parity of the running brick's integer index; scaling the brick by a 3D checkerboard of the
        // hit point shows the program is back at the hit point afterwards.
        PathTraceKernel k = kernel("Texture \"m\" \"color\" \"checkerboard\" \"integer dimension\" 3"
                + " \"color tex1\" [1 1 1] \"color tex2\" [0.5 0.25 0.125]\n"
                + "Texture \"w\" \"color\" \"checkerboard\" \"integer dimension\" 3 \"vector scale\" [2 2 2]"
                + " \"color tex1\" [1 1 1] \"color tex2\" [0.2 0.2 0.2]\n"
                + "Texture \"b\" \"color\" \"brick\" \"color bricktex\" [0.8 0.8 0.8] \"color mortartex\" [0.1 0.1 0.1]"
                + " \"texture brickmodtex\" \"m\"\n"
                + "Texture \"s\" \"color\" \"scale\" \"texture tex1\" \"b\" \"texture tex2\" \"w\"\n"
                + "Material \"matte\" \"texture Kd\" \"s\"\n" + TILTED, LUX);
        assertTrue(last.warnings().isEmpty(), last.warnings().toString());
        int odd = 0, even = 0;
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                float x = -1.5f + 3f * (i + 0.37f) / 30, y = -1.5f + 3f * (j + 0.61f) / 30;
                float[] v = shadeAlong(k, x, y, -5, 0, 0, 1, MaterialLayout.KD);
                float z = -5 + k.hitDistance();
                float[] ref = luxBrick("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, x, y, z);
                // "w": LuxRender's 3D mapping takes Scale(1 / "scale"): cells of 2 world units, parity of floor(p / 2).
                boolean wEven = (((int) Math.floor(0.5f * x) + (int) Math.floor(0.5f * y) + (int) Math.floor(0.5f * z)) & 1)
                        == 0;
                float wv = wEven ? 1 : 0.2f;
                float[] expect = {0.1f * wv, 0.1f * wv, 0.1f * wv};
                if (ref[0] != 0) {
                    boolean mEven = (((int) ref[1] + (int) ref[2] + (int) ref[3]) & 1) == 0;
                    expect = mEven ? new float[] {0.8f * wv, 0.8f * wv, 0.8f * wv}
                            : new float[] {0.4f * wv, 0.2f * wv, 0.1f * wv};
                    if (mEven) {
                        even++;
                    } else {
                        odd++;
                    }
                }
                assertArrayEquals(expect, v, 1e-6f, "at " + x + ", " + y + ", " + z);
            }
        }
        assertTrue(odd > 50 && even > 50, odd + " odd, " + even + " even bricks");
    }

    @Test
    void floatBrickAndDefaults() throws IOException {
        // CreateFloatTexture: bricktex 1, mortartex 0.2, brickmodtex 1 by default; float values.
        PathTraceKernel k = kernel("Texture \"f\" \"float\" \"brick\"\n"
                + "Texture \"c\" \"color\" \"scale\" \"texture tex1\" \"f\" \"color tex2\" [1 1 1]\n"
                + "Material \"matte\" \"texture Kd\" \"c\"\n" + TILTED, LUX);
        assertTrue(last.warnings().isEmpty(), last.warnings().toString());
        int bricks = 0;
        for (int i = 0; i < 20; i++) {
            float x = -1.5f + 3f * (i + 0.37f) / 20, y = 0.3f;
            float[] v = shadeAlong(k, x, y, -5, 0, 0, 1, MaterialLayout.KD);
            float[] ref = luxBrick("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, x, y, -5 + k.hitDistance());
            float e = ref[0] != 0 ? 1 : 0.2f;
            bricks += ref[0] != 0 ? 1 : 0;
            assertArrayEquals(new float[] {e, e, e}, v, 0f);
        }
        assertTrue(bricks > 5 && bricks < 20, bricks + " bricks");
    }

    @Test
    void anUnknownBondIsRunningWithAWarning() throws IOException {
        kernel("Texture \"b\" \"color\" \"brick\" \"string brickbond\" \"flemmish\"\n"
                + "Material \"matte\" \"texture Kd\" \"b\"\n" + TILTED, LUX);
        String w = last.warnings().stream().map(x -> x.loc() + ": " + x.message()).collect(Collectors.joining("\n"));
        assertEquals(1, last.warnings().size(), w);
        assertTrue(w.contains(":7:") && w.contains("brickbond \"flemmish\" is not known"), w);
    }

    @Test
    void brickModulationInNormalCoordinatesKeepsTheHitsNormal() throws IOException {
        // brick.h copies dg to dgb and moves only p: a "globalnormal" brickmodtex sees the hit's normal
        // (on a unit sphere at the origin, the hit point itself), not the normal at the brick's index.
        PathTraceKernel k = kernel("Texture \"m\" \"color\" \"checkerboard\" \"integer dimension\" 3"
                + " \"string coordinates\" \"globalnormal\" \"color tex1\" [1 1 1] \"color tex2\" [0.5 0.25 0.125]\n"
                + "Texture \"b\" \"color\" \"brick\" \"color bricktex\" [0.8 0.8 0.8] \"color mortartex\" [0.1 0.1 0.1]"
                + " \"texture brickmodtex\" \"m\"\n"
                + "Material \"matte\" \"texture Kd\" \"b\"\nShape \"sphere\" \"float radius\" 1", LUX);
        assertTrue(last.warnings().isEmpty(), last.warnings().toString());
        int odd = 0, even = 0;
        for (int i = 0; i < 24; i++) {
            for (int j = 0; j < 24; j++) {
                float x = -0.7f + 1.4f * (i + 0.37f) / 24, y = -0.7f + 1.4f * (j + 0.61f) / 24;
                float[] v = shadeAlong(k, x, y, -5, 0, 0, 1, MaterialLayout.KD);
                float z = -5 + k.hitDistance();
                float[] ref = luxBrick("running", 0.3f, 0.1f, 0.15f, 0.01f, 0.5f, x, y, z);
                if (ref[0] == 0) {
                    assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, v, 1e-6f);
                    continue;
                }
                double len = Math.sqrt(x * x + y * y + z * z);
                boolean nEven = (((int) Math.floor(x / len) + (int) Math.floor(y / len) + (int) Math.floor(z / len)) & 1) == 0;
                float[] expect = nEven ? new float[] {0.8f, 0.8f, 0.8f} : new float[] {0.4f, 0.2f, 0.1f};
                if (nEven) {
                    even++;
                } else {
                    odd++;
                }
                assertArrayEquals(expect, v, 1e-5f, "at " + x + ", " + y + ", " + z);
            }
        }
        assertTrue(odd > 50 && even > 50, odd + " odd, " + even + " even octants");
    }

    @Test
    void everyParameterLuxBlendWritesIsRead() throws IOException {
        // A brick, multimix and uvmask with all their parameters and mappings: no warning (the classes were
        // refused as "not supported" before, and no parameter is left unused).
        kernel("Texture \"mod\" \"float\" \"fbm\"\n"
                + "Texture \"b\" \"float\" \"brick\" \"string brickbond\" \"basket\" \"float brickbevel\" 0.01"
                + " \"float brickrun\" 0.75 \"float mortarsize\" 0.02 \"float brickwidth\" 0.4 \"float brickdepth\" 0.2"
                + " \"float brickheight\" 0.1 \"float bricktex\" 0.9 \"float mortartex\" 0.1 \"texture brickmodtex\" \"mod\""
                + " \"string coordinates\" \"local\" \"vector translate\" [0 0 0.5] \"vector rotate\" [0 0 45]"
                + " \"vector scale\" [1 1 2]\n"
                + "Texture \"u\" \"float\" \"uvmask\" \"string mapping\" \"uv\" \"float uscale\" 2 \"float vscale\" 2"
                + " \"float udelta\" 0.1 \"float vdelta\" 0.1 \"texture innertex\" \"b\" \"float outertex\" 0.3\n"
                + "Texture \"m\" \"color\" \"multimix\" \"float weights\" [0.5 0.5] \"color tex1\" [1 0 0]"
                + " \"color tex2\" [0 0 1]\n"
                + "Texture \"s\" \"color\" \"scale\" \"texture tex1\" \"u\" \"texture tex2\" \"m\"\n"
                + "Material \"matte\" \"texture Kd\" \"s\"\n" + TILTED, LUX);
        assertTrue(last.warnings().isEmpty(), last.warnings().toString());
    }
}

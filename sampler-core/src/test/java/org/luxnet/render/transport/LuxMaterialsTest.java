package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * The LuxRender 1.x materials as LuxRender's sources compute them: carpaint's preset table reaches
 * the BSDF exactly, and carpaint, glossy, shinymetal and velvet give LuxRender's value at angles
 * where it has a closed form. Each expected value is written out here from the cited source, not
 * from the code under test.
 */
class LuxMaterialsTest {
    static final String[] MATERIALS = {
        "\"carpaint\" \"string name\" [\"ford f8\"]",
        "\"carpaint\" \"string name\" [\"polaris silber\"]",
        "\"carpaint\" \"string name\" [\"opel titan\"]",
        "\"carpaint\" \"string name\" [\"bmw339\"]",
        "\"carpaint\" \"string name\" [\"2k acrylack\"]",
        "\"carpaint\" \"string name\" [\"white\"]",
        "\"carpaint\" \"string name\" [\"blue\"]",
        "\"carpaint\" \"string name\" [\"blue matte\"]",
        "\"carpaint\" \"color Ka\" [0.4 0.2 0.1] \"float d\" [0.3] \"float M2\" [0]",
        "\"glossy\" \"color Kd\" [0.5 0.3 0.2] \"color Ks\" [0.06 0.05 0.04] \"float uroughness\" [0.2]"
            + " \"float vroughness\" [0.2] \"color Ka\" [0.3 0.2 0.1] \"float d\" [0.4]",
        "\"shinymetal\" \"color Ks\" [0.8 0.6 0.3] \"color Kr\" [0.7 0.5 0.2] \"float uroughness\" [0.2] \"float vroughness\" [0.2]",
        "\"velvet\" \"color Kd\" [0.5 0.4 0.6] \"float p1\" [-3] \"float p2\" [15] \"float p3\" [1] \"float thickness\" [0.2]",
        "\"roughglass\" \"color Kr\" [0.9 0.8 0.7] \"color Kt\" [0.8 0.9 0.7] \"float uroughness\" [0.2]"
            + " \"float vroughness\" [0.2] \"float cauchyb\" [0.01]",
        "\"metal2\" \"float fresnel\" [2.5] \"float uroughness\" [0.3] \"float vroughness\" [0.1]",
        "\"glass\" \"float index\" [1.5] \"float cauchyb\" [0.01] \"color Kt\" [0.9 0.8 0.7]",
        "\"glossy_lossy\" \"color Kd\" [0.6 0.4 0.2] \"color Ks\" [0.1 0.08 0.06] \"float uroughness\" [0.2]"
            + " \"float vroughness\" [0.2] \"color Ka\" [0.2 0.3 0.4] \"float d\" [0.3]",
        "\"glossytranslucent\" \"color Kd\" [0.4 0.3 0.2] \"color Kt\" [0.6 0.7 0.5] \"color Ks\" [0.05 0.04 0.03]"
            + " \"float uroughness\" [0.2] \"float vroughness\" [0.2]",
        "\"carpaint\" \"string name\" [\"red metallic\"]",
        "\"shinymetal\" \"float film\" [300]",
    };
    static final int CUSTOM_PAINT = 8, GLOSSY = 9, SHINY = 10, VELVET = 11, ROUGH_GLASS = 12, METAL2 = 13, DISPERSIVE = 14, LOSSY = 15, TRANSLUCENT = 16;
    static CompiledRender compiled;
    static CompiledScene scene;
    static PathTraceKernel k;

    @BeforeAll
    static void compile(@TempDir Path tmp) throws IOException {
        compiled = BsdfConsistencyTest.spheres(tmp, "lux-materials.lxs", MATERIALS);
        scene = compiled.scene();
        k = RenderSupport.transport(compiled);
    }

    private float param(int m, int slot) {
        return scene.matParams[m * MaterialLayout.STRIDE + slot];
    }

    private void assertRgb(float[] expected, int m, int slot) {
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], param(m, slot + c), 0f, MATERIALS[m] + " slot " + (slot + c));
        }
    }

    /** carpaint.h carpaintdata: three presets' rows, as written there. */
    @Test
    void carPaintPresetsAreCarpaintDataExactly() {
        for (int m = 0; m < 8; m++) {
            assertEquals(MaterialLayout.CARPAINT, scene.matType[m]);
        }
        // {"polaris silber", {0.0550f, 0.0630f, 0.0710f}, {0.0650f, 0.0820f, 0.0880f}, {0.1100f, 0.1100f, 0.1300f},
        //  {0.0080f, 0.0130f, 0.0150f}, 1.0000f, 0.9200f, 0.9000f, 0.3800f, 0.1700f, 0.0130f}
        assertRgb(new float[] {0.0550f, 0.0630f, 0.0710f}, 1, MaterialLayout.CP_KD);
        assertRgb(new float[] {0.0650f, 0.0820f, 0.0880f}, 1, MaterialLayout.CP_KS1);
        assertRgb(new float[] {0.1100f, 0.1100f, 0.1300f}, 1, MaterialLayout.CP_KS2);
        assertRgb(new float[] {0.0080f, 0.0130f, 0.0150f}, 1, MaterialLayout.CP_KS3);
        assertRgb(new float[] {1.0000f, 0.9200f, 0.9000f}, 1, MaterialLayout.CP_R1);
        assertRgb(new float[] {0.3800f, 0.1700f, 0.0130f}, 1, MaterialLayout.CP_M1);
        // {"white", {0.6100f, 0.6300f, 0.5500f}, {2.6e-06f, 0.00031f, 3.1e-08f}, ..., 0.0490f, 0.4500f, 0.1700f, 1.0000f, 0.1500f, 0.0150f}
        assertRgb(new float[] {0.6100f, 0.6300f, 0.5500f}, 5, MaterialLayout.CP_KD);
        assertRgb(new float[] {2.6e-06f, 0.00031f, 3.1e-08f}, 5, MaterialLayout.CP_KS1);
        assertRgb(new float[] {0.0490f, 0.4500f, 0.1700f}, 5, MaterialLayout.CP_R1);
        assertRgb(new float[] {1.0000f, 0.1500f, 0.0150f}, 5, MaterialLayout.CP_M1);
        // {"2k acrylack", {0.4200f, 0.3200f, 0.1000f}, {0.0000f, 0.0000f, 0.0000f}, ...}: no first lobe.
        assertRgb(new float[] {0.4200f, 0.3200f, 0.1000f}, 4, MaterialLayout.CP_KD);
        assertRgb(new float[] {0, 0, 0}, 4, MaterialLayout.CP_KS1);
        // Without a name every parameter defaults to Ford F8 (CarPaint::CreateMaterial's def_* arrays).
        assertRgb(new float[] {0.0012f, 0.0015f, 0.0018f}, CUSTOM_PAINT, MaterialLayout.CP_KD);
        assertRgb(new float[] {0.0070f, 0.0065f, 0.0077f}, CUSTOM_PAINT, MaterialLayout.CP_KS3);
        assertRgb(new float[] {0.1500f, 0.0870f, 0.9000f}, CUSTOM_PAINT, MaterialLayout.CP_R1);
        assertRgb(new float[] {0.4f, 0.2f, 0.1f}, CUSTOM_PAINT, MaterialLayout.CP_KA);
    }

    @Test
    void unknownPresetAndThinFilmWarnWithTheirPlace() {
        List<String> w = compiled.warnings().stream().map(Object::toString).toList();
        assertTrue(w.stream().anyMatch(s -> s.contains("lux-materials.lxs:") && s.contains("\"red metallic\" is not a preset")
                && s.contains("blue matte")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("lux-materials.lxs:") && s.contains("thin-film")), w.toString());
        assertRgb(new float[] {0.0012f, 0.0015f, 0.0018f}, MATERIALS.length - 2, MaterialLayout.CP_KD);
    }

    private float[] eval(int m, float[] wo, float[] wi) {
        k.shadeMaterial(0, 0, m, 0, 0, 0);
        k.evalBsdf(0, m, wo[0], wo[1], wo[2], wi[0], wi[1], wi[2]);
        return new float[] {k.scratch[Scratch.BS_R], k.scratch[Scratch.BS_G], k.scratch[Scratch.BS_B]};
    }

    private static final float[] NORMAL = {0, 0, 1};

    /**
     * Carpaint seen and lit along the normal: h = n, so each MicrofacetReflection lobe (microfacet.cpp
     * MicrofacetReflection::F, SchlickDistribution(m^2): D = Z / pi = 1 / (pi m^2), G = 1; FresnelSlick at
     * cos 1 = R) adds Ks R / (4 pi m^2), over the SchlickBRDF base Kd / pi (carpaint.cpp GetBSDF).
     */
    @Test
    void carPaintAlongTheNormalIsItsLobesPeaksOverTheBase() {
        double[][] ks = {{0.0049, 0.0076, 0.0120}, {0.0100, 0.0130, 0.0180}, {0.0070, 0.0065, 0.0077}};
        double[] r = {0.15, 0.087, 0.9}, mm = {0.32, 0.11, 0.013}, kd = {0.0012, 0.0015, 0.0018};
        float[] f = eval(0, NORMAL, NORMAL);
        for (int c = 0; c < 3; c++) {
            double expected = kd[c] / Math.PI;
            for (int l = 0; l < 3; l++) {
                expected += ks[l][c] * r[l] / (4 * Math.PI * mm[l] * mm[l]);
            }
            assertEquals(expected, f[c], 2e-5 * expected, "ford f8 channel " + c);
        }
        // Absorption: the base is Kd exp(-Ka d (1/cos_i + 1/cos_o)) / pi; lobe 2 is gone with M2 = 0.
        float s = (float) Math.sqrt(0.5);
        float[] wo = {s, 0, s}, wi = {-s, 0, s};
        float[] g = eval(CUSTOM_PAINT, wo, wi);
        double h = 1; // h = n again, cos_h = wi.h = sqrt(0.5)
        double[] ka = {0.4, 0.2, 0.1};
        for (int c = 0; c < 3; c++) {
            double expected = kd[c] * Math.exp(-ka[c] * 0.3 * (2 / s + 0)) / Math.PI;
            for (int l = 0; l < 3; l += 2) {
                double rr = mm[l] * mm[l];
                double gg = Math.pow(s / (s * (1 - rr) + rr), 2);
                double fr = r[l] + (1 - r[l]) * Math.pow(1 - s, 5);
                expected += ks[l][c] * fr * (h / (Math.PI * rr)) * gg / (4 * s * s);
            }
            assertEquals(expected, g[c], 2e-4 * expected, "custom carpaint channel " + c);
        }
    }

    /**
     * LuxRender glossy along the normal (glossy2.cpp, SchlickBSDF::F): S = Ks, the coating
     * S D G / (4 cos_i cos_o) with D = 1 / (pi u v), G = 1, plus (1 - S) Kd exp(-2 Ka d) / pi.
     */
    @Test
    void luxGlossyAlongTheNormal() {
        assertEquals(MaterialLayout.LUX_GLOSSY, scene.matType[GLOSSY]);
        double[] kd = {0.5, 0.3, 0.2}, ks = {0.06, 0.05, 0.04}, ka = {0.3, 0.2, 0.1};
        float[] f = eval(GLOSSY, NORMAL, NORMAL);
        for (int c = 0; c < 3; c++) {
            double expected = ks[c] / (4 * Math.PI * 0.04) + (1 - ks[c]) * kd[c] * Math.exp(-ka[c] * 0.4 * 2) / Math.PI;
            assertEquals(expected, f[c], 2e-5 * expected, "channel " + c);
        }
    }

    /**
     * Shinymetal's mirror half (shinymetal.cpp: SpecularReflection with FresnelGeneral of
     * FresnelApproxEta/K(Kr)) at normal incidence: weight 2 F, F = ((n-1)^2 + k^2) / ((n+1)^2 + k^2).
     */
    @Test
    void shinyMetalMirrorUsesTheApproximateConductorOfKr() {
        k.shadeMaterial(0, 0, SHINY, 0, 0, 0);
        assertTrue(k.sampleBsdf(0, SHINY, 0, 0, 1, 0.5f, 0.5f, 0.25f));
        assertTrue(k.scratch[Scratch.BS_SPECULAR] != 0);
        double[] kr = {0.7, 0.5, 0.2};
        for (int c = 0; c < 3; c++) {
            double sq = Math.sqrt(kr[c]);
            double n = (1 + sq) / (1 - sq), kk = 2 * Math.sqrt(kr[c] / (1 - kr[c]));
            double fr = ((n - 1) * (n - 1) + kk * kk) / ((n + 1) * (n + 1) + kk * kk);
            assertEquals(2 * fr, k.scratch[Scratch.BS_R + c], 1e-5, "channel " + c);
        }
    }

    /**
     * Velvet as asperity.cpp Asperity::F computes it, called by LuxRender's path integrator as F(light,
     * eye) (F = f |cos wi|, wi the light's side): c = -wo.wi, p = (1 + p1 c + p2 (3c^2 - 1)/2 + p3 (5c^3 -
     * 3c)/2) / 4pi, F = Kd clamp(p thickness / |cos wo|, 0, 1). The last case reaches the clamp, where it
     * matters that the eye's cosine, not the light's, divides p.
     */
    @Test
    void velvetIsAsperityScattering() {
        double[] kd = {0.5, 0.4, 0.6};
        float[][] wos = {{0.5f, 0, (float) Math.sqrt(0.75)}, {0.8f, 0, 0.6f}, {0, 0, 1},
            {(float) Math.sqrt(0.99), 0, 0.1f}};
        float[][] wis = {{-0.6f, 0, 0.8f}, {0.6f, 0, 0.8f}, {0.28f, 0.96f, 0}, {(float) Math.sqrt(0.75), 0, 0.5f}};
        for (int t = 0; t < wos.length; t++) {
            float[] wo = wos[t], wi = wis[t].clone();
            if (wi[2] == 0) {
                wi = new float[] {0.28f * 0.6f, 0.96f * 0.6f, 0.8f};
            }
            double c = -(wo[0] * wi[0] + wo[1] * wi[1] + wo[2] * wi[2]);
            double p = (1 - 3 * c + 15 * 0.5 * (3 * c * c - 1) + 0.5 * (5 * c * c * c - 3 * c)) / (4 * Math.PI);
            double big = Math.max(0, Math.min(1, p * 0.2 / wo[2])) / wi[2];
            if (t == 3) {
                assertTrue(p * 0.2 / wo[2] > 1 && p * 0.2 / wi[2] < 1, "the clamp by the eye's cosine alone");
            }
            float[] f = eval(VELVET, wo, wi);
            for (int ch = 0; ch < 3; ch++) {
                assertEquals(kd[ch] * big, f[ch], 1e-5 * Math.max(1e-3, kd[ch] * big), "case " + t + " channel " + ch);
            }
        }
    }

    /**
     * Roughglass along the normal (roughglass.cpp, microfacet.cpp MicrofacetReflection/Transmission::F
     * with SchlickDistribution(u v): D = 1 / (pi u v), G = 1; FresnelCauchy's index + cauchyb / (0.38 *
     * 0.72 um^2)): reflection Kr F D / 4, transmission Kt (1 - F) D / (1 - index)^2, radiance scaled by 1 / index^2.
     */
    @Test
    void roughGlassAlongTheNormal() {
        assertEquals(MaterialLayout.ROUGHGLASS, scene.matType[ROUGH_GLASS]);
        double ior = 1.5 + 0.01 / (0.38 * 0.72);
        double f = Math.pow((ior - 1) / (ior + 1), 2), d = 1 / (Math.PI * 0.04);
        double[] kr = {0.9, 0.8, 0.7}, kt = {0.8, 0.9, 0.7};
        float[] r = eval(ROUGH_GLASS, NORMAL, NORMAL);
        float[] t = eval(ROUGH_GLASS, NORMAL, new float[] {0, 0, -1});
        for (int c = 0; c < 3; c++) {
            assertEquals(kr[c] * f * d / 4, r[c], 2e-5 * r[c], "reflection, channel " + c);
            assertEquals(kt[c] * (1 - f) * d / ((1 - ior) * (1 - ior)), t[c], 2e-5 * t[c], "transmission, channel " + c);
        }
    }

    /**
     * metal2 along the normal (metal2.cpp: MicrofacetReflection(1, FresnelGeneral, SchlickDistribution(u v)):
     * D = 1 / (pi u v), G = 1, F of a real index 2.5 at normal incidence ((n - 1) / (n + 1))^2.
     */
    @Test
    void metal2AlongTheNormal() {
        assertEquals(MaterialLayout.METAL2, scene.matType[METAL2]);
        double expected = Math.pow(1.5 / 3.5, 2) / (4 * Math.PI * 0.03);
        float[] f = eval(METAL2, NORMAL, NORMAL);
        for (int c = 0; c < 3; c++) {
            assertEquals(expected, f[c], 2e-5 * expected, "channel " + c);
        }
    }

    /**
     * glass.cpp with cauchyb: FresnelCauchy's index + cauchyb / l^2 (l in um, cb * 1e6 over nm^2); in
     * RGB each sample refracts one colour by Snell's law with that colour's index, weight 3 Kt / eta^2.
     */
    @Test
    void dispersiveGlassRefractsEachColourByItsCauchyIndex() {
        assertEquals(MaterialLayout.DISPERSIVE_GLASS, scene.matType[DISPERSIVE]);
        assertTrue(compiled.warnings().stream().anyMatch(w -> w.message().contains("approximated in RGB")));
        double[] lambda = {0.612, 0.549, 0.465}, kt = {0.9, 0.8, 0.7};
        float[] uLobe = {0.05f, 0.5f, 0.85f};
        for (int c = 0; c < 3; c++) {
            k.shadeMaterial(0, 0, DISPERSIVE, 0, 0, 0);
            assertTrue(k.sampleBsdf(0, DISPERSIVE, 0.6f, 0, 0.8f, 0.5f, 0.5f, uLobe[c]));
            double eta = 1.5 + 0.01 / (lambda[c] * lambda[c]);
            assertTrue(k.scratch[Scratch.BS_TRANSMISSION] != 0 && k.scratch[Scratch.BS_SPECULAR] != 0);
            assertEquals(-0.6 / eta, k.scratch[Scratch.BS_WX], 1e-6, "Snell for colour " + c);
            assertEquals(-Math.sqrt(1 - 0.36 / (eta * eta)), k.scratch[Scratch.BS_WZ], 1e-6);
            for (int ch = 0; ch < 3; ch++) {
                double expected = ch == c ? 3 * kt[c] / (eta * eta) : 0;
                assertEquals(expected, k.scratch[Scratch.BS_R + ch], 1e-5, "weight of channel " + ch + " for colour " + c);
            }
        }
    }

    /**
     * glossy_lossy along the normal (fresnelblend.cpp FresnelBlend::F): 28/(23 pi) (1 - 0.5^5)^2 exp(-2 Ka d)
     * Rd (1 - Rs) + D Rs / 4 with D = 1 / (pi u v).
     */
    @Test
    void glossyLossyAlongTheNormal() {
        assertEquals(MaterialLayout.GLOSSY_LOSSY, scene.matType[LOSSY]);
        double[] kd = {0.6, 0.4, 0.2}, ks = {0.1, 0.08, 0.06}, ka = {0.2, 0.3, 0.4};
        float[] f = eval(LOSSY, NORMAL, NORMAL);
        for (int c = 0; c < 3; c++) {
            double expected = 28 / (23 * Math.PI) * Math.pow(1 - Math.pow(0.5, 5), 2) * Math.exp(-2 * ka[c] * 0.3)
                    * kd[c] * (1 - ks[c]) + ks[c] / (4 * Math.PI * 0.04);
            assertEquals(expected, f[c], 2e-5 * expected, "channel " + c);
        }
    }

    /**
     * glossytranslucent along the normal (schlickbrdf.cpp SchlickDoubleSidedBRDF::F: Kd (1 - S) / pi +
     * S G Z / (4 pi), S = Ks, Z = 1 / (u v), G = 1) and straight through (schlicktranslucentbtdf.cpp:
     * Kt (1 - Kd) (1 - S1)(1 - S2) / (1 - (S1 + S2)/2) / pi with S1 = S2 = Ks on a one-sided material).
     */
    @Test
    void glossyTranslucentAlongTheNormal() {
        assertEquals(MaterialLayout.GLOSSY_TRANSLUCENT, scene.matType[TRANSLUCENT]);
        double[] kd = {0.4, 0.3, 0.2}, kt = {0.6, 0.7, 0.5}, ks = {0.05, 0.04, 0.03};
        float[] r = eval(TRANSLUCENT, NORMAL, NORMAL);
        float[] t = eval(TRANSLUCENT, NORMAL, new float[] {0, 0, -1});
        for (int c = 0; c < 3; c++) {
            double refl = kd[c] * (1 - ks[c]) / Math.PI + ks[c] / (4 * Math.PI * 0.04);
            double trans = kt[c] * (1 - kd[c]) * (1 - ks[c]) * (1 - ks[c]) / (1 - ks[c]) / Math.PI;
            assertEquals(refl, r[c], 2e-5 * refl, "reflection, channel " + c);
            assertEquals(trans, t[c], 2e-5 * trans, "transmission, channel " + c);
        }
    }

    private static final String MIXES = """
            Camera "perspective"
            Film "fleximage" "integer xresolution" [8] "integer yresolution" [8]
            WorldBegin
            MakeNamedMaterial "red" "string type" ["matte"] "color Kd" [0.8 0.1 0.1]
            MakeNamedMaterial "paint" "string type" ["carpaint"] "string name" ["blue"]
            MakeNamedMaterial "inner" "string type" ["mix"] "string namedmaterial1" ["red"] "string namedmaterial2" ["paint"] "float amount" [0.25]
            Material "mix" "string namedmaterial1" ["inner"] "string namedmaterial2" ["red"] "float amount" [0.6]
            Shape "sphere"
            WorldEnd
            """;

    /**
     * mixmaterial.cpp MixMaterial::GetBSDF weights namedmaterial1 by 1 - amount and namedmaterial2 by
     * amount: compiled as the shared mix type with namedmaterial2 first, a hit takes it below amount,
     * and a nested mix decides on the rescaled number (LobeKernel.resolveMix).
     */
    @Test
    void mixChoosesItsComponentsByAmount(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("mix.lxs");
        Files.writeString(f, MIXES);
        CompiledRender cr = RenderSupport.compile(f);
        CompiledScene s = cr.scene();
        PathTraceKernel kernel = RenderSupport.transport(cr);
        int outer = s.sphereMaterial[0];
        assertEquals(MaterialLayout.MIX, s.matType[outer]);
        int red = (int) s.matParams[outer * MaterialLayout.STRIDE + MaterialLayout.MIX_FIRST];
        int inner = (int) s.matParams[outer * MaterialLayout.STRIDE + MaterialLayout.MIX_SECOND];
        int paint = (int) s.matParams[inner * MaterialLayout.STRIDE + MaterialLayout.MIX_FIRST];
        assertEquals(MaterialLayout.MATTE, s.matType[red]);
        assertEquals(MaterialLayout.MIX, s.matType[inner]);
        assertEquals(MaterialLayout.CARPAINT, s.matType[paint]);
        assertEquals(red, (int) s.matParams[inner * MaterialLayout.STRIDE + MaterialLayout.MIX_SECOND]);
        // u < 0.6: the second (red); above, inner decides on (u - 0.6) / 0.4 against its 0.25.
        float[] u = {0.1f, 0.59f, 0.65f, 0.69f, 0.71f, 0.99f};
        int[] expected = {red, red, paint, paint, red, red};
        for (int i = 0; i < u.length; i++) {
            assertEquals(expected[i], kernel.resolveMix(0, 0, outer, 0, 0, 0, u[i], 1f), "u = " + u[i]);
        }
        // The chosen component's parameters are what the BSDF reads next.
        int chosen = kernel.resolveMix(0, 0, outer, 0, 0, 0, 0.65f, 1f);
        kernel.shadeMaterial(0, 0, chosen, 0, 0, 0);
        assertEquals(0.0079f, kernel.shade[kernel.shadeAt[0] + MaterialLayout.CP_KD], 0f, "the \"blue\" preset's Kd");
    }

    /**
     * doubleside.cpp's DoubleSideBSDF picks by Dot(wo, ng) > 0: the kernel takes the front row for a
     * positive cosine of the reversed ray with the geometric normal, the back one otherwise, whatever
     * the sample number (no random choice, weight 1).
     */
    @Test
    void doublesideChoosesBySideAlone(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("doubleside.lxs");
        Files.writeString(f, """
                Camera "perspective"
                Film "fleximage" "integer xresolution" [8] "integer yresolution" [8]
                WorldBegin
                LightSource "infinite" "color L" [1 1 1]
                MakeNamedMaterial "red" "string type" ["matte"] "color Kd" [0.8 0.1 0.1]
                MakeNamedMaterial "blue" "string type" ["matte"] "color Kd" [0.1 0.2 0.9]
                Material "doubleside" "string frontnamedmaterial" ["red"] "string backnamedmaterial" ["blue"]
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        CompiledScene s = cr.scene();
        PathTraceKernel kernel = RenderSupport.transport(cr);
        int two = s.sphereMaterial[0];
        assertEquals(MaterialLayout.DOUBLESIDE, s.matType[two]);
        int red = (int) s.matParams[two * MaterialLayout.STRIDE + MaterialLayout.DBL_FRONT];
        int blue = (int) s.matParams[two * MaterialLayout.STRIDE + MaterialLayout.DBL_BACK];
        assertEquals(0.8f, s.matParams[red * MaterialLayout.STRIDE + MaterialLayout.KD]);
        assertEquals(0.9f, s.matParams[blue * MaterialLayout.STRIDE + MaterialLayout.KD + 2]);
        for (float u : new float[] {0f, 0.3f, 0.99f}) {
            assertEquals(red, kernel.resolveMix(0, 0, two, 0, 0, 0, u, 0.5f), "front, u " + u);
            assertEquals(blue, kernel.resolveMix(0, 0, two, 0, 0, 0, u, -0.5f), "back, u " + u);
            assertEquals(u, kernel.scratch[Scratch.MIX_U * kernel.capacity], 0f, "the sample number is left as it is");
            assertEquals(1f, kernel.scratch[Scratch.MIX_R * kernel.capacity], 0f, "weight 1");
        }
    }

    @Test
    void mixOfAnUndefinedMaterialWarnsAtItsPlace(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("badmix.lxs");
        Files.writeString(f, MIXES.replace("[\"paint\"] \"float amount\" [0.25]", "[\"pain\"] \"float amount\" [0.25]"));
        CompiledRender r = RenderSupport.compile(f);
        assertTrue(r.warnings().stream().anyMatch(w -> w.toString().contains("badmix.lxs:6:")
                && w.toString().contains("\"pain\" is not a named material")), "warnings: " + r.warnings());
    }

    @Test
    void mixesNestedTooDeepAreAnErrorAndGlass2WarnsAtItsPlace(@TempDir Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder("Camera \"perspective\"\nFilm \"fleximage\"\nWorldBegin\n"
                + "MakeNamedMaterial \"m0\" \"string type\" [\"matte\"]\n");
        for (int i = 1; i <= MaterialLayout.MAX_MIX_DEPTH + 1; i++) {
            sb.append("MakeNamedMaterial \"m").append(i).append("\" \"string type\" [\"mix\"] \"string namedmaterial1\" [\"m")
                    .append(i - 1).append("\"] \"string namedmaterial2\" [\"m0\"]\n");
        }
        String deep = sb.toString() + "NamedMaterial \"m" + (MaterialLayout.MAX_MIX_DEPTH + 1) + "\"\nShape \"sphere\"\nWorldEnd\n";
        Path f = tmp.resolve("deep.lxs");
        Files.writeString(f, deep);
        SceneException e = assertThrows(SceneException.class, () -> RenderSupport.compile(f));
        assertTrue(e.getMessage().contains("deep.lxs:13:") && e.getMessage().contains("nest 9 deep"), e.getMessage());
        Path g = tmp.resolve("glass2.lxs");
        Files.writeString(g, "Camera \"perspective\"\nFilm \"fleximage\"\nWorldBegin\nMaterial \"glass2\"\nShape \"sphere\"\nWorldEnd\n");
        List<String> w = RenderSupport.compile(g).warnings().stream().map(Object::toString).toList();
        assertTrue(w.stream().anyMatch(s -> s.contains("glass2.lxs:4:") && s.contains("glass2 takes its index")), w.toString());
    }
}

package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * What pbrt-v3's "subsurface" and "kdsubsurface" compile to (SubsurfaceMaterials): a GLASS or ROUGH_GLASS
 * boundary row whose inside is a medium row of the material's own, with pbrt-v3's parameter names and
 * defaults (materials/subsurface.cpp, kdsubsurface.cpp), its named media (core/medium.cpp's
 * SubsurfaceParameterTable, transcribed here), kdsubsurface's coefficients from SubsurfaceFromDiffuse (the
 * albedos computed by a separate C++ transcription of core/bssrdf.cpp, see BeamDiffusionTest), and one
 * warning per material saying how it is rendered.
 */
class SubsurfaceMaterialTest {
    @TempDir
    Path dir;

    private CompiledRender compile(String body) throws IOException {
        Path f = dir.resolve("sss.pbrt");
        Files.writeString(f, "Integrator \"volpath\"\nCamera \"perspective\"\nWorldBegin\nLightSource \"point\"\n" + body);
        return RenderSupport.compile(f);
    }

    private static float medium(CompiledRender cr, int row, int slot) {
        return cr.scene().mediaParams[row * MediumLayout.STRIDE + slot];
    }

    private static void assertMedium(CompiledRender cr, int row, double[] sa, double[] ss, double g, double tol) {
        for (int c = 0; c < 3; c++) {
            assertEquals(sa[c], medium(cr, row, MediumLayout.SIGMA_A + c), tol * Math.max(1, sa[c]), "sigma_a " + c);
            assertEquals(ss[c], medium(cr, row, MediumLayout.SIGMA_S + c), tol * Math.max(1, ss[c]), "sigma_s " + c);
            assertEquals(g, medium(cr, row, MediumLayout.PHASE_G + c), 1e-7, "g");
        }
        assertEquals(MediumLayout.HENYEY_GREENSTEIN, medium(cr, row, MediumLayout.PHASE));
        assertEquals(1, medium(cr, row, MediumLayout.SUBSURFACE));
        assertEquals(1, medium(cr, row, MediumLayout.SCATTERS));
    }

    /** The warnings that say how a subsurface material is rendered. */
    private static List<SceneWarning> walkWarnings(CompiledRender cr) {
        return cr.warnings().stream().filter(w -> w.message().contains("volumetric random walk")).toList();
    }

    /**
     * kdsubsurface's defaults: Kd .5 and mfp .5 (CreateKdSubsurfaceMaterial gives mfp Kd's default),
     * eta 1.33, Kr = Kt = 1, smooth: GLASS; SubsurfaceFromDiffuse's albedo of .5 is 0.969530889703165, so
     * sigma_s = albedo / mfp, sigma_a = (1 - albedo) / mfp. One warning, at the Material's line, and no
     * other.
     */
    @Test
    void kdSubsurfaceDefaults() throws IOException {
        CompiledRender cr = compile("Material \"kdsubsurface\"\nShape \"sphere\"\n");
        float[] p = cr.scene().matParams;
        assertEquals(MaterialLayout.GLASS, cr.scene().matType[0]);
        assertEquals(1f, p[MaterialLayout.KS], 0);
        assertEquals(1f, p[MaterialLayout.KT + 2], 0);
        assertEquals(1.33f, p[MaterialLayout.ETA], 0);
        assertEquals(1f, p[MaterialLayout.VOL_IN], 0);
        assertEquals(0f, p[MaterialLayout.VOL_EX], 0);
        assertEquals(1f, p[MaterialLayout.VOL_MEDIA], 0);
        double rho = 0.969530889703165;
        assertMedium(cr, 1, new double[] {(1 - rho) / 0.5, (1 - rho) / 0.5, (1 - rho) / 0.5},
                new double[] {rho / 0.5, rho / 0.5, rho / 0.5}, 0, 1e-5);
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
        String w = cr.warnings().get(0).toString();
        assertTrue(w.contains("sss.pbrt:5:") && w.contains("\"kdsubsurface\"") && w.contains("random walk (exact")
                && w.contains("photon beam diffusion BSSRDF") && w.contains("smooth") && w.contains("point, spot"), w);
    }

    /**
     * kdsubsurface per channel: Kd (.05, .2, .8), mfp 2 times scale .5; a rough boundary (uroughness .1,
     * remapped as TrowbridgeReitzDistribution::RoughnessToAlpha) is ROUGH_GLASS; Kr and Kt scale it.
     */
    @Test
    void kdSubsurfacePerChannelAndRough() throws IOException {
        CompiledRender cr = compile("Material \"kdsubsurface\" \"rgb Kd\" [ 0.05 0.2 0.8 ] \"float mfp\" [ 2 ]"
                + " \"float scale\" [ 0.5 ] \"float uroughness\" [ 0.1 ] \"float vroughness\" [ 0.1 ]"
                + " \"rgb Kr\" [ 0.5 0.5 0.5 ] \"rgb Kt\" [ 0.9 0.8 0.7 ]\nShape \"sphere\"\n");
        double[] rho = {0.420714118801831, 0.818249656559013, 0.99658161862073};
        assertMedium(cr, 1, new double[] {1 - rho[0], 1 - rho[1], 1 - rho[2]}, rho, 0, 2e-5);
        float[] p = cr.scene().matParams;
        assertEquals(MaterialLayout.ROUGH_GLASS, cr.scene().matType[0]);
        double x = Math.log(0.1);
        double alpha = 1.62142 + 0.819955 * x + 0.1734 * x * x + 0.0171201 * x * x * x + 0.000640711 * x * x * x * x;
        assertEquals(alpha, p[MaterialLayout.ALPHA_U], 1e-5);
        assertEquals(alpha, p[MaterialLayout.ALPHA_V], 1e-5);
        assertEquals(0.5f, p[MaterialLayout.KS], 0);
        assertEquals(0.7f, p[MaterialLayout.KT + 2], 0);
        assertEquals(1, walkWarnings(cr).size(), cr.warnings().toString());
        assertTrue(walkWarnings(cr).get(0).message().contains("rough"), cr.warnings().toString());
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
    }

    /**
     * subsurface: defaults (.0011, .0024, .014) and (2.55, 3.21, 3.77), g; named media from pbrt-v3's table
     * (g forced to 0), times scale; an unknown name warns as pbrt-v3 does and keeps the defaults.
     */
    @Test
    void subsurfaceCoefficientsAndNamedMedia() throws IOException {
        CompiledRender cr = compile("""
                Material "subsurface" "float g" [ 0.4 ] "float scale" [ 2 ]
                Shape "sphere"
                Material "subsurface" "string name" "Skin1" "float scale" [ 10 ] "float g" [ 0.7 ]
                Shape "sphere"
                Material "subsurface" "string name" "Ketchup"
                Shape "sphere"
                Material "subsurface" "string name" "Espresso" "float eta" [ 1.5 ]
                Shape "sphere"
                Material "subsurface" "string name" "Regular Milk"
                Shape "sphere"
                Material "subsurface" "string name" "Marmite" "rgb sigma_s" [ 1 2 3 ]
                Shape "sphere"
                """);
        // core/medium.cpp: {name, sigma_prime_s, sigma_a} in mm^-1.
        assertMedium(cr, 1, new double[] {0.0022, 0.0048, 0.028}, new double[] {5.1, 6.42, 7.54}, 0.4, 1e-6);
        assertMedium(cr, 2, new double[] {0.32, 1.7, 4.8}, new double[] {7.4, 8.8, 10.1}, 0, 1e-6);
        assertMedium(cr, 3, new double[] {0.061, 0.97, 1.45}, new double[] {0.18, 0.07, 0.03}, 0, 1e-6);
        assertMedium(cr, 4, new double[] {4.7984, 6.5751, 8.8493}, new double[] {0.72378, 0.84557, 1.0247}, 0, 1e-6);
        assertMedium(cr, 5, new double[] {0.0015333, 0.0046, 0.019933}, new double[] {4.5513, 5.8294, 7.136}, 0, 1e-6);
        assertMedium(cr, 6, new double[] {0.0011, 0.0024, 0.014}, new double[] {1, 2, 3}, 0, 1e-6);
        assertEquals(1.5f, cr.scene().matParams[3 * MaterialLayout.STRIDE + MaterialLayout.ETA], 0);
        for (int m = 0; m < 6; m++) {
            assertEquals(m + 1, cr.scene().matParams[m * MaterialLayout.STRIDE + MaterialLayout.VOL_IN], 0);
        }
        assertTrue(cr.warnings().stream().anyMatch(w -> w.toString().contains("sss.pbrt:15:")
                && w.message().contains("named material \"Marmite\" not found")), cr.warnings().toString());
        assertEquals(1, walkWarnings(cr).size(), "folded into one: " + cr.warnings());
        assertEquals(6, walkWarnings(cr).get(0).count());
        assertEquals(2, cr.warnings().size(), cr.warnings().toString());
        assertTrue(cr.warnings().stream().noneMatch(w -> w.message().contains("not rendered")), cr.warnings().toString());
    }

    /**
     * The boundary's outside is the shape's MediumInterface outside medium (its inside medium is not used:
     * the material's own takes its place); with pbrt-v3's "path" integrator, which ignores media, the
     * outside is vacuum, but the material still has its interior (pbrt-v3's path integrator renders BSSRDFs).
     */
    @Test
    void outsideMediumFromTheMediumInterface() throws IOException {
        String body = """
                MakeNamedMedium "fog" "string type" "homogeneous" "rgb sigma_a" [ 0.1 0.1 0.1 ] "rgb sigma_s" [ 0.2 0.2 0.2 ]
                MakeNamedMedium "jam" "string type" "homogeneous" "rgb sigma_a" [ 1 1 1 ] "rgb sigma_s" [ 0 0 0 ]
                MediumInterface "jam" "fog"
                Material "subsurface"
                Shape "sphere"
                """;
        CompiledRender cr = compile(body);
        float[] p = cr.scene().matParams;
        int in = (int) p[MaterialLayout.VOL_IN], ex = (int) p[MaterialLayout.VOL_EX];
        assertEquals(0.2f, medium(cr, ex, MediumLayout.SIGMA_S), 1e-7, "fog outside");
        assertEquals(1, medium(cr, in, MediumLayout.SUBSURFACE), "its own inside");
        assertEquals(2.55f, medium(cr, in, MediumLayout.SIGMA_S), 1e-7);
        assertEquals(3, cr.scene().mediaParams.length / MediumLayout.STRIDE, "vacuum, the interior and the fog");

        Path f = dir.resolve("path.pbrt");
        Files.writeString(f, "Integrator \"path\"\nCamera \"perspective\"\nWorldBegin\nLightSource \"point\"\n" + body);
        CompiledRender path = RenderSupport.compile(f);
        float[] q = path.scene().matParams;
        assertEquals(0f, q[MaterialLayout.VOL_EX], 0);
        assertEquals(1, medium(path, (int) q[MaterialLayout.VOL_IN], MediumLayout.SUBSURFACE));
        assertTrue(path.warnings().stream().anyMatch(w -> w.message().contains("\"path\" integrator does not render")),
                path.warnings().toString());
    }

    /**
     * A textured coefficient: a constant texture's value as it is, no warning; a checkerboard of 1 and 0
     * (4 x 4 checks over (u, v)) its mean .5, with a warning at the parameter: then Kd .5 gives the
     * default's coefficients.
     */
    @Test
    void texturedCoefficientsUseTheirValueOrMean() throws IOException {
        CompiledRender cr = compile("""
                Texture "c" "spectrum" "constant" "rgb value" [ 3 2 1 ]
                Texture "ch" "spectrum" "checkerboard" "rgb tex1" [ 1 1 1 ] "rgb tex2" [ 0 0 0 ]
                    "float uscale" [ 4 ] "float vscale" [ 4 ]
                Material "subsurface" "texture sigma_s" "c"
                Shape "sphere"
                Material "kdsubsurface" "texture Kd" "ch"
                Shape "sphere"
                """);
        assertMedium(cr, 1, new double[] {0.0011, 0.0024, 0.014}, new double[] {3, 2, 1}, 0, 1e-6);
        double rho = 0.969530889703165;
        assertMedium(cr, 2, new double[] {2 * (1 - rho), 2 * (1 - rho), 2 * (1 - rho)},
                new double[] {2 * rho, 2 * rho, 2 * rho}, 0, 1e-5);
        List<SceneWarning> tex = cr.warnings().stream().filter(w -> w.message().contains("textured")).toList();
        assertEquals(1, tex.size(), cr.warnings().toString());
        assertTrue(tex.get(0).toString().contains("sss.pbrt:10:") && tex.get(0).message().contains("\"Kd\"")
                && tex.get(0).message().contains("mean"), tex.toString());
        assertEquals(3, cr.warnings().size(), cr.warnings().toString());
    }
}

package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "fourier" is not rendered: it says so once, at its line, naming its fallback (grey
 * matte), and its other parameters raise no further "unused parameter" warnings ("hair" is rendered:
 * HairMaterialTest).
 */
class UnsupportedPbrtMaterialsTest {
    @TempDir
    Path dir;

    @Test
    void fourierWarnsOnceAndRendersAsMatte() throws IOException {
        Path f = dir.resolve("fourier.pbrt");
        Files.writeString(f, """
                Camera "perspective"
                WorldBegin
                LightSource "point"
                Material "fourier" "string bsdffile" "paint.bsdf"
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
        assertEquals(f + ":4: warning: material \"fourier\" (tabulated BSDF file) is not supported; rendered as grey"
                + " matte (Kd 0.5)", cr.warnings().get(0).toString());
        assertEquals(MaterialLayout.MATTE, cr.scene().matType[0]);
        assertEquals(0.5f, cr.scene().matParams[MaterialLayout.KD], 0);
    }

    /**
     * kdsubsurface and subsurface are not rendered as subsurface transport: one warning each, and uber
     * with their colour instead of grey: kdsubsurface's Kd, subsurface's dipole reflectance (Jensen et
     * al. 2001) of its coefficients, computed here; the boundary's Kr is a specular lobe when smooth and
     * a microfacet one when rough; no transmission.
     */
    @Test
    void subsurfaceMaterialsKeepTheirColourUnderTheirBoundary() throws IOException {
        Path f = dir.resolve("sss.pbrt");
        Files.writeString(f, """
                Camera "perspective"
                WorldBegin
                LightSource "point"
                Material "kdsubsurface" "rgb Kd" [ 0.8 0.4 0.2 ] "float mfp" [ 0.5 ] "float eta" [ 1.4 ]
                Shape "sphere"
                Material "subsurface" "rgb sigma_a" [ 0.01 0.1 1 ] "rgb sigma_s" [ 1 1 1 ] "float uroughness" [ 0.2 ]
                  "float vroughness" [ 0.2 ] "float scale" [ 10 ]
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(2, cr.warnings().size(), cr.warnings().toString());
        String w0 = cr.warnings().get(0).toString(), w1 = cr.warnings().get(1).toString();
        org.junit.jupiter.api.Assertions.assertTrue(w0.contains(":4:") && w0.contains("kdsubsurface")
                && w0.contains("not rendered") && w0.contains("specular"), w0);
        org.junit.jupiter.api.Assertions.assertTrue(w1.contains(":6:") && w1.contains("\"subsurface\"")
                && w1.contains("dipole") && w1.contains("rough"), w1);
        int s = MaterialLayout.STRIDE;
        float[] p = cr.scene().matParams;
        assertEquals(MaterialLayout.UBER, cr.scene().matType[0]);
        assertEquals(0.8f, p[MaterialLayout.KD], 0);
        assertEquals(0.2f, p[MaterialLayout.KD + 2], 0);
        assertEquals(1f, p[MaterialLayout.UBER_KR], 0);
        assertEquals(0f, p[MaterialLayout.KS], 0);
        assertEquals(0f, p[MaterialLayout.KT], 0);
        assertEquals(1.4f, p[MaterialLayout.ETA], 0);
        assertEquals(MaterialLayout.UBER, cr.scene().matType[1]);
        double eta = 1.33, fdr = -1.440 / (eta * eta) + 0.710 / eta + 0.668 + 0.0636 * eta, a = (1 + fdr) / (1 - fdr);
        double[] sa = {0.01, 0.1, 1};
        for (int c = 0; c < 3; c++) {
            double alpha = 1 / (1 + sa[c]);
            double root = Math.sqrt(3 * (1 - alpha));
            double rd = alpha / 2 * (1 + Math.exp(-4.0 / 3.0 * a * root)) * Math.exp(-root);
            assertEquals(rd, p[s + MaterialLayout.KD + c], 1e-6);
        }
        org.junit.jupiter.api.Assertions.assertTrue(p[s + MaterialLayout.KD] > p[s + MaterialLayout.KD + 2],
                "less absorption in red gives a redder colour");
        assertEquals(1f, p[s + MaterialLayout.KS], 0);
        assertEquals(0f, p[s + MaterialLayout.UBER_KR], 0);
    }
}

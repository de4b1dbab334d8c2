package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * End to end: a large disney quad under a constant environment L = 1, seen by an orthographic camera
 * at 45 degrees, one bounce (maxdepth 1). Every pixel's radiance is then the integral of f(wo, wi)
 * |cos(theta_i)| over the whole sphere (reflection above, transmission below the quad), which the test
 * computes by quadrature of {@link DisneyReference}, pbrt-v3's BSDF written out in double precision.
 */
class DisneyEnvironmentTest {
    @TempDir
    Path tmp;

    /** ∫ f(wo, wi) |cos theta_i| dwi by the midpoint rule in (cos theta, phi), finer near the poles of cos. */
    static double albedo(DisneyReference ref, double[] wo) {
        int nz = 1600, np = 720;
        double sum = 0;
        for (int a = 0; a < nz; a++) {
            double z = -1 + (a + 0.5) * 2.0 / nz;
            double s = Math.sqrt(Math.max(0, 1 - z * z));
            for (int b = 0; b < np; b++) {
                double phi = (b + 0.5) * 2 * Math.PI / np;
                double[] wi = {s * Math.cos(phi), s * Math.sin(phi), z};
                sum += ref.f(wo, wi)[1] * Math.abs(z);
            }
        }
        return sum * (2.0 / nz) * (2 * Math.PI / np);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void quadUnderConstantSkyConvergesToTheIntegralOfFCos(boolean thin) throws IOException {
        String params = "\"rgb color\" [0.7 0.5 0.3] \"float metallic\" [0.2] \"float roughness\" [0.5] \"float sheen\" [0.6]"
                + " \"float clearcoat\" [0.5] \"float clearcoatgloss\" [0] \"float spectrans\" [0.3] \"float eta\" [1.4]"
                + (thin ? " \"bool thin\" \"true\" \"float flatness\" [0.5] \"float difftrans\" [0.6]" : "");
        DisneyReference ref = new DisneyReference();
        ref.color = new double[] {0.7, 0.5, 0.3};
        ref.metallic = 0.2;
        ref.roughness = 0.5;
        ref.sheen = 0.6;
        ref.clearcoat = 0.5;
        ref.clearcoatGloss = 0;
        ref.specTrans = 0.3;
        ref.eta = 1.4;
        ref.thin = thin;
        ref.flatness = 0.5;
        ref.diffTrans = thin ? 0.6 : 1;
        String scene = String.join("\n",
                "Integrator \"path\" \"integer maxdepth\" [ 1 ]",
                "Sampler \"random\" \"integer pixelsamples\" [ 1 ]",
                "Film \"image\" \"integer xresolution\" [ 8 ] \"integer yresolution\" [ 8 ]",
                "LookAt 0 -3 3  0 0 0  0 1 0",
                "Camera \"orthographic\" \"float screenwindow\" [ -1 1 -1 1 ]",
                "WorldBegin",
                "LightSource \"infinite\" \"rgb L\" [ 1 1 1 ]",
                "Material \"disney\" " + params,
                "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ] \"point P\" [ -50 -50 0 50 -50 0 50 50 0 -50 50 0 ]"
                    + " \"normal N\" [ 0 0 1 0 0 1 0 0 1 0 0 1 ]",
                "WorldEnd", "");
        Path f = tmp.resolve("disney-sky.pbrt");
        Files.writeString(f, scene);
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        assertEquals(MaterialLayout.DISNEY, cr.scene().matType[0]);
        Film film = RenderSupport.render(cr, 1024, 2, 17);
        float[] rgb = film.toRgb();
        int n = film.pixelCount();
        double s = 0, s2 = 0;
        for (int p = 0; p < n; p++) {
            double g = rgb[3 * p + 1];
            s += g;
            s2 += g * g;
        }
        double mean = s / n, se = Math.sqrt(Math.max(0, s2 / n - mean * mean) / n);
        // wo towards the camera, 45 degrees from the normal; the material is isotropic, so its azimuth is free.
        double h = Math.sqrt(0.5);
        double expected = albedo(ref, new double[] {h, 0, h});
        System.out.printf("disney thin=%b: rendered %.5f +- %.5f, integral %.5f%n", thin, mean, se, expected);
        assertTrue(expected > 0.3 && expected < 1, "integral " + expected);
        assertEquals(expected, mean, Math.max(4 * se, 0.002 * expected), "mean radiance of the disney quad");
        assertTrue(se < 0.005 * expected, "standard error " + se);
    }
}

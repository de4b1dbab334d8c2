package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3's materials against pbrt-v3's own image of features/materials.pbrt (256x192, 4096 spp):
 * uber (Kd + rough Ks + specular Kr), anisotropic substrate, translucent, gold metal, plastic, rough
 * glass and a mix of red plastic (amount 0.3) and silver metal (0.7), under a dim overhead light and a
 * rim light. The whole image and each sphere's patch (a box inside the sphere, clear of the others)
 * are compared: a wrong lobe, Fresnel term, roughness remap or mix weighting moves a patch's mean far
 * beyond the noise of 16 spp.
 *
 * <p>pbrt-v3 itself at 64 spp is at clamped RMSE 0.0288 from the reference (features/README.md: rough
 * glass and the rim light are noisy), so about 0.06 at 16 spp. Measured here at 16 spp (about 10 s on 2
 * threads): mean ratio 1.0000, clamped RMSE 0.0344; per patch mean ratio within 0.011 of 1 (uber 1.0075,
 * substrate 1.0081, translucent 0.9903, metal 0.9951, plastic 1.0026, rough glass 1.0107, mix 1.0009),
 * patch RMSE 0.013 to 0.091 (rough glass).
 */
class MaterialsReferenceTest {
    private static final Path DIR = Path.of("src", "test", "resources", "features");
    private static final int W = 256;
    /** Patches: name, x0, y0, x1, y1 (pixels, top row 0; from the camera's projection of each sphere). */
    private static final Object[][] PATCHES = {
        {"uber", 49, 73, 69, 82}, {"substrate", 95, 73, 115, 82}, {"translucent", 141, 73, 161, 82},
        {"metal", 187, 73, 207, 82}, {"plastic", 56, 94, 84, 118}, {"glass", 114, 94, 142, 118},
        {"mix", 172, 94, 200, 118},
    };

    @Test
    void pbrtMaterialsMatchPbrtV3() throws Exception {
        CompiledRender cr = RenderSupport.compile(DIR.resolve("materials.pbrt"));
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        Film film = RenderSupport.render(cr, 16, 2, 1);
        float[] img = film.toRgb();
        float[] ref = RenderSupport.readPfm(DIR.resolve("materials.ref.pfm")).rgb();
        assertEquals(ref.length, img.length, "same size as the reference");
        double ratio = RenderSupport.meanRatio(img, ref), rmse = RenderSupport.clampedRmse(img, ref);
        System.out.printf("materials at 16 spp: mean ratio %.4f, clamped RMSE %.4f%n", ratio, rmse);
        StringBuilder failures = new StringBuilder();
        for (Object[] p : PATCHES) {
            float[] a = patch(img, p), b = patch(ref, p);
            double pr = RenderSupport.meanRatio(a, b), pe = RenderSupport.clampedRmse(a, b);
            System.out.printf("  %-12s mean ratio %.4f (ref mean %.4f), clamped RMSE %.4f%n", p[0], pr,
                    mean(b), pe);
            if (Math.abs(pr - 1) > 0.04 || pe > 0.12) {
                failures.append(p[0]).append(String.format(" (ratio %.4f, RMSE %.4f) ", pr, pe));
            }
        }
        assertEquals(1.0, ratio, 0.02, "mean brightness against pbrt-v3");
        assertTrue(rmse < 0.045, "clamped RMSE " + rmse);
        assertEquals("", failures.toString(), "patches off pbrt-v3");
    }

    private static float[] patch(float[] rgb, Object[] p) {
        int x0 = (int) p[1], y0 = (int) p[2], x1 = (int) p[3], y1 = (int) p[4];
        float[] out = new float[3 * (x1 - x0) * (y1 - y0)];
        int k = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int c = 0; c < 3; c++) {
                    out[k++] = rgb[3 * (y * W + x) + c];
                }
            }
        }
        return out;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }
}

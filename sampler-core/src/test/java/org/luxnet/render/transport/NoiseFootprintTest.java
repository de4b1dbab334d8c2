package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's FBm and Turbulence limit their octaves by the footprint (IdentityMapping3D's dpdx, dpdy in
 * texture space): n = clamp(-1 - log2(len2) / 2, 0, octaves), the fractional octave faded in by
 * SmoothStep(0.3, 0.7, .), Turbulence adding 0.2 per octave left out. Worked here from single octaves
 * of the kernel's own Noise.
 */
class NoiseFootprintTest extends TextureProbe {
    private static final float EPS = 1e-5f;

    /** pbrt-v3 Noise(x, y, z): one octave of the kernel's sum without a footprint. */
    private static double noise(PathTraceKernel k, double x, double y, double z) {
        return k.noiseSum((float) x, (float) y, (float) z, 1f, 1, 0, 0f);
    }

    /** Red of Kd at (x, y, 0) on the quad with dpdx = (d, 0, 0), dpdy = 0. */
    private float shade(PathTraceKernel k, float x, float y, float d) {
        k.scratch[Scratch.DPDX_X * k.capacity] = d;
        k.shadeMaterial(0, 0, last.scene().triMaterial[0], x, y, 0);
        return k.shade[k.shadeAt[0] + MaterialLayout.KD];
    }

    @Test
    void fbmKeepsTheOctavesTheFootprintResolves() throws IOException {
        PathTraceKernel k = kernel(quad("Texture \"f\" \"spectrum\" \"fbm\" \"integer octaves\" 8 \"float roughness\" 0.5\n"
                + "Material \"matte\" \"texture Kd\" \"f\""));
        int checked = 0;
        for (int i = 0; i < 100; i++) {
            float x = 0.05f + 0.1f * (i % 10), y = 0.05f + 0.1f * (i / 10);
            double n0 = noise(k, x, y, 0), n1 = noise(k, 1.99 * x, 1.99 * y, 0), n2 = noise(k, 1.99 * 1.99 * x, 1.99 * 1.99 * y, 0);
            // len2 = 2^-5: n = 1.5, one octave and half of SmoothStep at 0.5 (0.5) of the second, weight 0.5.
            double half = n0 + 0.5 * 0.5 * n1;
            // len2 = 2^-8: n = 3, three whole octaves.
            double three = n0 + 0.5 * n1 + 0.25 * n2;
            if (half > 0.02 && three > 0.02) {
                assertEquals(half, shade(k, x, y, (float) Math.sqrt(1 / 32.0)), EPS);
                assertEquals(three, shade(k, x, y, (float) Math.pow(2, -4)), EPS);
                checked++;
            }
        }
        assertTrue(checked >= 2, "points with a positive sum: " + checked);
    }

    @Test
    void turbulenceFillsTheOctavesLeftOutWithPointTwo() throws IOException {
        PathTraceKernel k = kernel(quad("Texture \"w\" \"spectrum\" \"wrinkled\" \"integer octaves\" 8 \"float roughness\" 0.5\n"
                + "Material \"matte\" \"texture Kd\" \"w\""));
        float x = 0.3f, y = 0.6f;
        double n0 = Math.abs(noise(k, x, y, 0)), n1 = Math.abs(noise(k, 1.99 * x, 1.99 * y, 0));
        // n = 1.5: |N(p)| + 0.5 Lerp(0.5, 0.2, |N(1.99 p)|) + 0.2 (0.5 + 0.25 + ... + 0.5^7).
        double expected = n0 + 0.5 * (0.5 * 0.2 + 0.5 * n1) + 0.2 * (1 - Math.pow(0.5, 7));
        assertEquals(expected, shade(k, x, y, (float) Math.sqrt(1 / 32.0)), EPS);
        // No footprint: all 8 octaves and 0.2 x 0.5^8 (as before the clamp).
        double all = 0, o = 1;
        for (int i = 0; i < 8; i++) {
            all += o * Math.abs(noise(k, Math.pow(1.99, i) * x, Math.pow(1.99, i) * y, 0));
            o *= 0.5;
        }
        assertEquals(all + 0.2 * o, shade(k, x, y, 0), 1e-4);
    }

    @Test
    void luxRenderMarbleIgnoresTheFootprintAndPbrtsDoesNot() throws IOException {
        String tex = "Texture \"m\" \"color\" \"marble\" \"integer octaves\" 2 \"float variation\" 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"m\"");
        PathTraceKernel lux = kernel(tex, "SurfaceIntegrator \"path\"\nFilm \"fleximage\"");
        float x = 0.3f, y = 0.6f, d = (float) Math.sqrt(1 / 32.0);
        double n0 = noise(lux, x, y, 0), n1 = noise(lux, 1.99 * x, 1.99 * y, 0);
        assertTrue(Math.abs(n1) > 0.02, "the second octave " + n1);
        // LuxRender's MarbleTexture calls FBm(P, 0, 0, ...): both octaves at any footprint.
        float luxFull = TextureKernelTest.marble(y + n0 + 0.5 * n1, true)[0];
        assertEquals(luxFull, shade(lux, x, y, d), EPS);
        assertEquals(luxFull, shade(lux, x, y, 0), EPS);
        // pbrt-v3's passes scale dpdx, scale dpdy: len2 = 2^-5 keeps 1.5 octaves, as its fbm does.
        PathTraceKernel pbrt = kernel(tex.replace("\"color\"", "\"spectrum\""));
        float pbrtHalf = TextureKernelTest.marble(y + n0 + 0.25 * n1, false)[0];
        assertEquals(pbrtHalf, shade(pbrt, x, y, d), 2e-4 * Math.max(1, Math.abs(pbrtHalf)));
        assertEquals(TextureKernelTest.marble(y + n0 + 0.5 * n1, false)[0], shade(pbrt, x, y, 0),
                2e-4 * Math.max(1, Math.abs(pbrtHalf)));
    }
}

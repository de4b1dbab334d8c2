package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * {@link HostTextures}, the compiler's texture entry point (LuxRender's displacement maps), gives
 * what the kernel's shading gives at a hit: a program past others in the table (start above 0),
 * procedural noise and an image read back the same.
 */
class HostTexturesTest extends TextureProbe {
    @Test
    void theHostEvaluatesAProgramAsTheKernelShadesIt() throws Exception {
        PathTraceKernel k = kernel("Texture \"c\" \"spectrum\" \"checkerboard\" \"float uscale\" 3 \"float vscale\" 3\n"
                + "Material \"matte\" \"texture Kd\" \"c\"\nShape \"sphere\" \"float radius\" 0.1\n"
                + "Texture \"w\" \"float\" \"wrinkled\" \"integer octaves\" 4 \"float roughness\" 0.6\n"
                + "Texture \"s\" \"spectrum\" \"scale\" \"texture tex1\" \"w\" \"rgb tex2\" [2 2 2]\n"
                + quad("Material \"matte\" \"texture Kd\" \"s\""));
        CompiledScene s = last.scene();
        int quadMat = s.triMaterial[0];
        int start = s.matTexStart[quadMat * MaterialLayout.STRIDE + MaterialLayout.KD];
        int root = s.matTexRoot[quadMat * MaterialLayout.STRIDE + MaterialLayout.KD];
        assertTrue(start > 0, "the quad's program follows the sphere's: " + start);
        HostTextures h = new HostTextures(s.texType, s.texChild, s.texParams, s.texTexels, s.texImageInfo);
        int differ = 0;
        float lo = Float.MAX_VALUE, hi = 0;
        for (float x = 0.3f; x < 0.95f; x += 0.1f) {
            for (float y = 0.3f; y < 0.95f; y += 0.13f) {
                float kernel = shadeAt(k, x, y, MaterialLayout.KD)[0];
                float host = h.evalFloat(start, root, x, y, x, y, 0);
                lo = Math.min(lo, host);
                hi = Math.max(hi, host);
                // The kernel clamps a colour at 0 and its (u, v) at the hit is interpolated in float.
                assertEquals(kernel, Math.max(0, host), 1e-5f, "at (" + x + ", " + y + ")");
                differ += Math.abs(host - 2 * h.evalFloat(start, start, x, y, x, y, 0)) < 1e-6 ? 0 : 1;
            }
        }
        assertTrue(hi - lo > 0.1f, "the noise varies: " + lo + " .. " + hi);
        assertEquals(0, differ, "the root is 2 x its first node (wrinkled), the first node alone evaluable");
    }
}

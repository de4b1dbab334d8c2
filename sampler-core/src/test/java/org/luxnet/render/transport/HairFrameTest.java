package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Hair's local x is the fibre's direction with its sign: the scales tilt theta_i towards the root, so
 * HairBSDF::f is not even in x as the microfacet distributions are. The path tracer builds the frame
 * along dp/du for hair (its row's unequal ALPHA_U, ALPHA_V), and BumpKernel#shadingTangent gives
 * +dp/du, not -dp/du: a quad whose u runs along +x or -x, and a sphere (pbrt-v3's dp/du = phiMax
 * (-y, x, 0)).
 */
class HairFrameTest {
    @TempDir
    Path dir;

    private PathTraceKernel kernel(String shape) throws IOException {
        Path f = dir.resolve("frame.pbrt");
        Files.writeString(f, "LookAt 0 0 -3  0 0 0  0 1 0\nCamera \"perspective\"\n"
                + "Film \"image\" \"integer xresolution\" [4] \"integer yresolution\" [4]\nWorldBegin\n"
                + "LightSource \"point\" \"point from\" [0 0 -2]\nMaterial \"hair\"\n" + shape + "\nWorldEnd\n");
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(java.util.List.of(), cr.warnings());
        float[] p = cr.scene().matParams;
        assertTrue(p[MaterialLayout.ALPHA_U] != p[MaterialLayout.ALPHA_V], "hair asks for the dp/du frame");
        return RenderSupport.transport(cr);
    }

    private static float[] tangentAt(PathTraceKernel k, float x, float y) {
        int prim = k.closestHit(x, y, -5, 0, 0, 1, Float.POSITIVE_INFINITY);
        assertTrue(prim >= 0, "the ray misses");
        float z = -5 + k.hitDistance();
        // The shading normal here faces the ray (-z) for the quad; the sphere's is its outward normal.
        float nx = 0, ny = 0, nz = -1;
        if (prim >= k.triangleCount) {
            float l = (float) Math.sqrt(x * x + y * y + z * z);
            nx = x / l;
            ny = y / l;
            nz = z / l;
        }
        assertTrue(k.shadingTangent(0, prim, x, y, z, nx, ny, nz, false), "a tangent");
        return new float[] {k.scratch[Scratch.VEC_X * k.capacity], k.scratch[Scratch.VEC_Y * k.capacity],
            k.scratch[Scratch.VEC_Z * k.capacity]};
    }

    @Test
    void quadTangentIsPlusDpDu() throws IOException {
        String quad = "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-1 -1 0 1 -1 0 1 1 0 -1 1 0]";
        float[] t = tangentAt(kernel(quad + " \"float uv\" [0 0 1 0 1 1 0 1]"), 0.3f, -0.2f);
        assertEquals(1f, t[0], 1e-5f, java.util.Arrays.toString(t));
        // u mirrored: dp/du is -x.
        t = tangentAt(kernel(quad + " \"float uv\" [1 0 0 0 0 1 1 1]"), 0.3f, -0.2f);
        assertEquals(-1f, t[0], 1e-5f, java.util.Arrays.toString(t));
        // u along y.
        t = tangentAt(kernel(quad + " \"float uv\" [0 0 0 1 1 1 1 0]"), -0.4f, 0.5f);
        assertEquals(1f, t[1], 1e-5f, java.util.Arrays.toString(t));
    }

    @Test
    void sphereTangentIsPlusDpDu() throws IOException {
        // At (0.5, 0, -sqrt(.75)) dp/du = phiMax (-y, x, 0) = +y.
        float[] t = tangentAt(kernel("Shape \"sphere\""), 0.5f, 0f);
        assertEquals(1f, t[1], 1e-5f, java.util.Arrays.toString(t));
        // At (-0.5, 0, ...): -y.
        t = tangentAt(kernel("Shape \"sphere\""), -0.5f, 0f);
        assertEquals(-1f, t[1], 1e-5f, java.util.Arrays.toString(t));
    }
}

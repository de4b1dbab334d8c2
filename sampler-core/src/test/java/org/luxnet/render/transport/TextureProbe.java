package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;

/**
 * What the texture tests share: a scene of a camera at (0.5, 0.5, -3) looking along +z and the
 * given world; a ray along +z through (x, y) hits a surface and {@link TextureKernel#shadeMaterial}
 * leaves the material's parameters, textures evaluated, in the work item's shade row.
 */
abstract class TextureProbe {
    static final double EPS = 1e-5;

    @TempDir
    Path dir;

    int scenes;
    CompiledRender last;

    PathTraceKernel kernel(String world) throws IOException {
        return kernel(world, "Film \"image\"");
    }

    PathTraceKernel kernel(String world, String film) throws IOException {
        Path f = dir.resolve("t" + (scenes++) + ".pbrt");
        Files.writeString(f, "LookAt 0.5 0.5 -3  0.5 0.5 0  0 1 0\nCamera \"perspective\"\n"
                + film + " \"integer xresolution\" [4] \"integer yresolution\" [4]\nWorldBegin\n"
                + "LightSource \"point\" \"point from\" [0 0 -2]\n" + world + "\nWorldEnd\n");
        last = RenderSupport.compile(f);
        return RenderSupport.transport(last);
    }

    /** The slot's three values after a hit along +z through (x, y) on the first textured surface. */
    float[] shadeAt(PathTraceKernel k, float x, float y, int slot) {
        return shadeAlong(k, x, y, -1, 0, 0, 1, slot);
    }

    float[] shadeAlong(PathTraceKernel k, float ox, float oy, float oz, float dx, float dy, float dz, int slot) {
        int prim = k.closestHit(ox, oy, oz, dx, dy, dz, Float.POSITIVE_INFINITY);
        assertTrue(prim >= 0, "the ray misses");
        float t = k.hitDistance();
        var s = last.scene();
        int mat = prim < s.triangleCount ? s.triMaterial[prim] : s.sphereMaterial[prim - s.triangleCount];
        k.shadeMaterial(0, prim, mat, ox + t * dx, oy + t * dy, oz + t * dz);
        int o = k.shadeAt[0] + slot;
        return new float[] {k.shade[o], k.shade[o + 1], k.shade[o + 2]};
    }

    static String quad(String material) {
        return material + "\nShape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [0 0 0 1 0 0 1 1 0 0 1 0]"
                + " \"float uv\" [0 0 1 0 1 1 0 1]";
    }

    static void near(float[] expected, float[] actual) {
        assertArrayEquals(expected, actual, (float) EPS);
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The shading frame follows dp/du as pbrt-v3's BSDF builds it (ss = Normalize(shading.dpdu), ts =
 * Cross(ns, ss)): {@link BumpKernel#shadingTangent} against closed forms for triangles with and
 * without (u, v), with vertex normals, instanced, and for a rotated sphere; and a rendered check that
 * anisotropic roughness turns with the (u, v) mapping.
 */
class ShadingTangentTest {
    private static final float EPS = 1e-5f;

    @TempDir
    Path dir;

    private int scenes;
    private CompiledRender last;

    private PathTraceKernel kernel(String world) throws IOException {
        Path f = dir.resolve("t" + (scenes++) + ".pbrt");
        Files.writeString(f, "LookAt 0 0 -3  0 0 0  0 1 0\nCamera \"perspective\"\n"
                + "Film \"image\" \"integer xresolution\" [4] \"integer yresolution\" [4]\nWorldBegin\n"
                + "LightSource \"point\" \"point from\" [0 0 -2]\n" + world + "\nWorldEnd\n");
        last = RenderSupport.compile(f);
        assertEquals(java.util.List.of(), last.warnings(), "warnings");
        return RenderSupport.transport(last);
    }

    /** The kernel's tangent for the hit along +z through (x, y), with shading normal n. */
    private static float[] tangentAt(PathTraceKernel k, float x, float y, float[] n) {
        int prim = k.closestHit(x, y, -5, 0, 0, 1, Float.POSITIVE_INFINITY);
        assertTrue(prim >= 0, "the ray misses");
        float z = -5 + k.hitDistance();
        assertTrue(k.shadingTangent(0, prim, x, y, z, n[0], n[1], n[2], false), "a tangent");
        return new float[] {k.scratch[Scratch.VEC_X * k.capacity], k.scratch[Scratch.VEC_Y * k.capacity],
            k.scratch[Scratch.VEC_Z * k.capacity]};
    }

    /** a is parallel to the unit vector b (either sign: the microfacet distributions are even in s). */
    private static void assertAxis(double[] b, float[] a, String what) {
        double l = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        double dot = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / l;
        assertEquals(1.0, Math.abs(dot), EPS, what + ": " + java.util.Arrays.toString(a));
        assertEquals(1.0, Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]), EPS, what + " is unit");
    }

    private static final float[] MINUS_Z = {0, 0, -1};

    @Test
    void triangleTangentIsDpduFromItsUv() throws IOException {
        // (u, v) = (c x + s y, -s x + c y) / 2 at 30 degrees, so x = 2 (c u - s v), y = 2 (s u + c v): dp/du ~ (c, s, 0).
        double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
        double[][] p = {{-1, -1}, {1, -1}, {0, 1}};
        StringBuilder uv = new StringBuilder();
        for (double[] q : p) {
            uv.append((c * q[0] + s * q[1]) / 2).append(' ').append((-s * q[0] + c * q[1]) / 2).append(' ');
        }
        PathTraceKernel k = kernel("Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [-1 -1 0 1 -1 0 0 1 0]"
                + " \"float uv\" [" + uv + "]");
        assertAxis(new double[] {c, s, 0}, tangentAt(k, 0.1f, -0.2f, MINUS_Z), "dp/du from uv");
        // Swapping u and v in the mapping turns the tangent by 90 degrees.
        StringBuilder vu = new StringBuilder();
        for (double[] q : p) {
            vu.append((-s * q[0] + c * q[1]) / 2).append(' ').append((c * q[0] + s * q[1]) / 2).append(' ');
        }
        k = kernel("Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [-1 -1 0 1 -1 0 0 1 0]"
                + " \"float uv\" [" + vu + "]");
        assertAxis(new double[] {-s, c, 0}, tangentAt(k, 0.1f, -0.2f, MINUS_Z), "dp/du with u and v swapped");
    }

    @Test
    void triangleWithoutUvUsesPbrtsDefaultUv() throws IOException {
        // pbrt's default (0, 0), (1, 0), (1, 1): dp/du = p1 - p0.
        PathTraceKernel k = kernel("Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [-1 -1 0 1 0 0 -1 1 0]");
        assertAxis(new double[] {2, 1, 0}, tangentAt(k, -0.5f, 0f, MINUS_Z), "p1 - p0");
    }

    @Test
    void degenerateUvFallsBackToPbrtsCoordinateSystem() throws IOException {
        // All (u, v) equal: CoordinateSystem(ng) with ng = +-z: |x| > |y| is false, so (0, z, -y) = (0, +-1, 0).
        PathTraceKernel k = kernel("Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [-1 -1 0 1 -1 0 0 1 0]"
                + " \"float uv\" [0.5 0.5 0.5 0.5 0.5 0.5]");
        assertAxis(new double[] {0, 1, 0}, tangentAt(k, 0f, -0.2f, MINUS_Z), "CoordinateSystem");
    }

    @Test
    void vertexNormalsGetDpduMadePerpendicular() throws IOException {
        // dp/du = (1, 0, 0); a shading normal n tilted in x: ss = cross(cross(n, dpdu), n) normalized = dpdu - n (n.dpdu).
        PathTraceKernel k = kernel("Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [-1 -1 0 1 -1 0 -1 1 0]"
                + " \"float uv\" [0 0 1 0 0 1]");
        double l = Math.sqrt(0.09 + 1);
        float[] n = {(float) (0.3 / l), 0f, (float) (-1 / l)};
        float[] t = tangentAt(k, -0.5f, -0.5f, n);
        assertAxis(new double[] {1 - n[0] * n[0], 0, -n[0] * n[2]}, t, "dpdu without its normal part");
        assertEquals(0, t[0] * n[0] + t[1] * n[1] + t[2] * n[2], EPS, "perpendicular to n");
    }

    @Test
    void instancedTriangleTangentIsTransformed() throws IOException {
        // Object dp/du = (1, 0, 0), instanced under a 90 degree turn about z: (0, 1, 0) in the world.
        PathTraceKernel k = kernel("ObjectBegin \"o\"\nShape \"trianglemesh\" \"integer indices\" [0 1 2]"
                + " \"point P\" [-1 -1 0 1 -1 0 -1 1 0] \"float uv\" [0 0 1 0 0 1]\nObjectEnd\n"
                + "AttributeBegin\nRotate 90 0 0 1\nObjectInstance \"o\"\nAttributeEnd");
        assertTrue(k.closestHit(0.5f, -0.5f, -5, 0, 0, 1, Float.POSITIVE_INFINITY) >= 0);
        assertTrue(k.hitInstance() >= 0, "an instance");
        assertAxis(new double[] {0, 1, 0}, tangentAt(k, 0.5f, -0.5f, MINUS_Z), "turned dp/du");
    }

    @Test
    void sphereTangentIsPbrtsDpduInItsObjectFrame() throws IOException {
        // Object (-y, x, 0); under Rotate 90 about x, object (x, y, z) is world (x, -z, y), so world dp/du ~ (-pz, 0, px).
        PathTraceKernel k = kernel("AttributeBegin\nRotate 90 1 0 0\nShape \"sphere\"\nAttributeEnd");
        float x = 0.3f, y = 0.2f;
        float z = (float) -Math.sqrt(1 - x * x - y * y);
        float[] n = {x, y, z};
        assertAxis(new double[] {-z, 0, x}, tangentAt(k, x, y, n), "rotated sphere");
        k = kernel("Shape \"sphere\"");
        assertAxis(new double[] {-y, x, 0}, tangentAt(k, x, y, n), "sphere");
    }

    /**
     * A metal quad seen at a grazing angle, mirroring a small light into a streak: uroughness 0.02 and
     * vroughness 0.3 stretch the highlight along one surface direction. Turning the (u, v) mapping by 90
     * degrees and swapping the two roughnesses gives the same image; turning the mapping alone does not.
     */
    @Test
    void anisotropicRoughnessTurnsWithTheUvMapping() throws IOException {
        String uv = "0 0 1 0 1 1 0 1";
        String turned = "1 0 1 1 0 1 0 0"; // (u, v) -> (v, 1 - u) at each corner: dp/du of one is dp/dv of the other
        Film a = render(uv, 0.02, 0.3);
        Film swapped = render(turned, 0.3, 0.02);
        Film turnedOnly = render(turned, 0.02, 0.3);
        float[] fa = blocks(a), fs = blocks(swapped), ft = blocks(turnedOnly);
        double same = rmse(fa, fs), differ = rmse(fa, ft);
        System.out.printf("anisotropy: rmse %.5f with the roughness swapped, %.5f without (mean %.5f)%n", same, differ,
                mean(fa));
        assertTrue(differ > 0.1 * mean(fa), "turning the mapping turns the highlight: " + differ);
        assertTrue(same < 0.25 * differ, "swapping u and v roughness undoes the turn: " + same + " vs " + differ);
    }

    private Film render(String uv, double uRough, double vRough) throws IOException {
        Path f = dir.resolve("aniso" + (scenes++) + ".pbrt");
        Files.writeString(f, """
                LookAt 0 1.2 -3  0 0 0.5  0 1 0
                Camera "perspective" "float fov" [ 40 ]
                Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 32 ]
                Sampler "sobol" "integer pixelsamples" [ 64 ]
                Integrator "path" "integer maxdepth" [ 2 ]
                WorldBegin
                AttributeBegin
                  AreaLightSource "diffuse" "rgb L" [ 40 40 40 ]
                  Translate 0 1.2 3
                  Shape "sphere" "float radius" [ 0.15 ]
                AttributeEnd
                Material "metal" "float uroughness" [ %s ] "float vroughness" [ %s ] "bool remaproughness" "false"
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -3 0 -2 3 0 -2 3 0 6 -3 0 6 ]
                  "float uv" [ %s ]
                WorldEnd
                """.formatted(uRough, vRough, uv));
        CompiledRender cr = RenderSupport.compile(f);
        return RenderSupport.render(cr, 64, 2, 5);
    }

    /** Luminance-ish sums over 4x4 pixel blocks (less noise than single pixels). */
    private static float[] blocks(Film film) {
        float[] rgb = film.toRgb();
        int w = 32, b = 4;
        float[] out = new float[(w / b) * (w / b)];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                out[(y / b) * (w / b) + x / b] += (rgb[i] + rgb[i + 1] + rgb[i + 2]) / (3f * b * b);
            }
        }
        return out;
    }

    private static double rmse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    private static double mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3's curve shape (shapes/curve.cpp) in the kernel ({@link CurveKernel}): closed forms for
 * straight and quadratic curves seen head-on (where they are hit, u, v, the normals of flat, cylinder and
 * ribbon curves, dpdu, the ray offset), and the BVH of pieces against an independent port of pbrt's
 * Curve::Intersect / recursiveIntersect on random curves and rays.
 */
class CurveIntersectTest {
    private static final float EPS = 1e-5f;

    @TempDir
    Path dir;

    private int scenes;

    private PathTraceKernel kernel(String world) throws IOException {
        Path f = dir.resolve("c" + (scenes++) + ".pbrt");
        Files.writeString(f, "LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\n"
                + "Film \"image\" \"integer xresolution\" [4] \"integer yresolution\" [4]\nWorldBegin\n"
                + "LightSource \"point\" \"point from\" [0 0 9]\n" + world
                + "\nWorldEnd\n");
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(List.of(), cr.warnings(), "warnings");
        return RenderSupport.transport(cr);
    }

    private static float hitU(PathTraceKernel k) {
        return k.scratch[Scratch.HIT_U * k.capacity];
    }

    private static float hitV(PathTraceKernel k) {
        return k.scratch[Scratch.HIT_V * k.capacity];
    }

    /** The straight curve from (-1, 0, 0) to (1, 0, 0), its control points evenly spaced (so u = (x + 1) / 2). */
    private static final String STRAIGHT = "Shape \"curve\" \"point P\" [-1 0 0  -0.3333333 0 0  0.3333333 0 0  1 0 0]"
            + " \"float width0\" [0.2] \"float width1\" [0.4]";

    @Test
    void aStraightFlatCurveSeenHeadOnIsTheQuadOfItsInterpolatedWidth() throws IOException {
        PathTraceKernel k = kernel(STRAIGHT + " \"string type\" \"flat\"");
        for (float x = -0.95f; x < 0.96f; x += 0.1f) {
            float u = (x + 1) / 2, w = 0.2f + 0.2f * u;
            for (float f : new float[] {-0.98f, -0.5f, 0f, 0.3f, 0.98f}) {
                float y = f * w / 2;
                int p = k.closestHit(x, y, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
                assertTrue(p >= 0, "inside at x " + x + " y " + y);
                assertEquals(5f, k.hitDistance(), EPS);
                assertEquals(u, hitU(k), 1e-5f, "u at x " + x);
                // Curve's v for this frame (LookAt up = d x (p3 - p0) = -y): 0.5 - y / w, read off the leaf test.
                assertEquals(0.5f - y / w, hitV(k), 1e-4f, "v at x " + x + " y " + y);
            }
            for (float f : new float[] {-1.02f, 1.02f, 1.5f}) {
                assertEquals(-1, k.closestHit(x, f * w / 2, 5, 0, 0, -1, Float.POSITIVE_INFINITY),
                        "outside at x " + x + " y " + f * w / 2);
                assertTrue(!k.blocked(x, f * w / 2, 5, 0, 0, -1, Float.POSITIVE_INFINITY));
            }
            assertTrue(k.blocked(x, 0, 5, 0, 0, -1, 5.01f));
            assertTrue(!k.blocked(x, 0, 5, 0, 0, -1, 4.99f), "tMax before the curve");
        }
        // Beyond the ends (the perpendiculars to the tangents there) nothing is hit.
        assertEquals(-1, k.closestHit(-1.02f, 0, 5, 0, 0, -1, Float.POSITIVE_INFINITY));
        assertEquals(-1, k.closestHit(1.02f, 0, 5, 0, 0, -1, Float.POSITIVE_INFINITY));
    }

    @Test
    void normalsOfFlatCylinderAndReversedCurves() throws IOException {
        PathTraceKernel flat = kernel(STRAIGHT + " \"string type\" \"flat\"");
        PathTraceKernel cyl = kernel(STRAIGHT + " \"string type\" \"cylinder\"");
        PathTraceKernel rev = kernel("ReverseOrientation\n" + STRAIGHT + " \"string type\" \"flat\"");
        float x = 0.2f, u = 0.6f, w = 0.2f + 0.2f * u;
        for (float f : new float[] {-0.9f, -0.4f, 0f, 0.5f, 0.9f}) {
            float y = f * w / 2;
            // Flat: Normalize(Cross(dpdu, dpdv)), dpdv = (-dpdu.y, dpdu.x, 0) in the ray frame: along the ray.
            int p = flat.closestHit(x, y, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
            assertNormal(flat, p, new double[] {0, 0, -1}, "flat");
            // Ray offset: Dot(Abs(n), pError), pError = 2 hitWidth.
            assertEquals(2 * w, flat.curveNormal(p, hitU(flat), hitV(flat), 0, 0, -1, 3), 1e-5f);
            p = rev.closestHit(x, y, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
            assertNormal(rev, p, new double[] {0, 0, 1}, "reversed");
            // Cylinder: dpdv turned by -Lerp(v, -90, 90) degrees about dpdu (+x): n = (0, sin a, -cos a), a = 180 y / w.
            p = cyl.closestHit(x, y, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
            double a = Math.PI * y / w;
            assertNormal(cyl, p, new double[] {0, Math.sin(a), -Math.cos(a)}, "cylinder at y " + y);
        }
    }

    @Test
    void aMirroringTransformGivesPbrtsObjectSpaceVAndNormal() throws IOException {
        // Scale -1 1 1: in object space the ray through world (x, y) is at (-x, y), so u = (1 - x) / 2 and
        // v = 0.5 - y / w as above; the normal, along the object ray and flipped for the mirroring
        // (SurfaceInteraction: transformSwapsHandedness), is +z in world space.
        PathTraceKernel k = kernel("Scale -1 1 1\n" + STRAIGHT + " \"string type\" \"flat\"");
        float x = 0.3f, u = (1 - x) / 2, w = 0.2f + 0.2f * u;
        for (float f : new float[] {-0.8f, 0.4f}) {
            float y = f * w / 2;
            int p = k.closestHit(x, y, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
            assertTrue(p >= 0);
            assertEquals(u, hitU(k), 1e-5f);
            assertEquals(0.5f - y / w, hitV(k), 1e-4f);
            assertNormal(k, p, new double[] {0, 0, 1}, "mirrored");
        }
    }

    @Test
    void anInstancedCurveIsHitInItsObjectSpaceAsPbrtsTransformedPrimitive() throws IOException {
        // Object: the straight curve. Instance: Translate 0 0 1, Scale 1 3 2. The ray enters object space, so
        // across (y) the width is 3 times the object's, along x nothing changes, and t = 5 - 1.
        PathTraceKernel k = kernel("ObjectBegin \"c\"\n" + STRAIGHT + " \"string type\" \"flat\"\nObjectEnd\n"
                + "AttributeBegin\nTranslate 0 0 1\nScale 1 3 2\nObjectInstance \"c\"\nAttributeEnd\n");
        for (float x = -0.9f; x < 0.95f; x += 0.3f) {
            float u = (x + 1) / 2, w = 3 * (0.2f + 0.2f * u);
            for (float f : new float[] {-0.9f, 0.2f, 0.9f}) {
                float y = f * w / 2;
                int p = k.closestHit(x, y, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
                assertTrue(p >= 0, "inside at x " + x + " y " + y);
                assertEquals(0, k.hitInstance());
                assertEquals(4f, k.hitDistance(), EPS);
                assertEquals(u, hitU(k), 1e-5f);
                assertEquals(0.5f - y / w, hitV(k), 1e-4f);
                // The object-space normal (0, 0, -1) by the inverse transpose: still -z.
                for (int a = 0; a < 3; a++) {
                    assertEquals(a == 2 ? -1 : 0, k.curveHitNormal(0, p, 0, 0, -1, a), 1e-5);
                }
                // The offset 2 hitWidth (object space) grows with the instance's scale bound.
                assertTrue(k.curveHitNormal(0, p, 0, 0, -1, 3) > 2 * w / 3);
            }
            assertEquals(-1, k.closestHit(x, 1.03f * w / 2, 5, 0, 0, -1, Float.POSITIVE_INFINITY));
            assertTrue(!k.blocked(x, -1.03f * w / 2, 5, 0, 0, -1, Float.POSITIVE_INFINITY));
            assertTrue(k.blocked(x, 0, 5, 0, 0, -1, Float.POSITIVE_INFINITY));
        }
    }

    @Test
    void shadowRaysPassThroughANullMaterialCurve() throws IOException {
        PathTraceKernel k = kernel("Material \"none\"\n" + STRAIGHT + "\nMaterial \"matte\"\n"
                + "Shape \"curve\" \"point P\" [-1 0 -1  -0.3333333 0 -1  0.3333333 0 -1  1 0 -1] \"float width\" [0.1]");
        int p = k.closestHit(0, 0, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
        assertTrue(p >= 0);
        assertEquals(5f, k.hitDistance(), EPS, "the nearer, null curve is what a camera ray meets");
        assertTrue(!k.blocked(0, 0, 5, 0, 0, -1, 5.5f), "a shadow ray passes the null curve");
        assertTrue(k.blocked(0, 0, 5, 0, 0, -1, 6.5f), "and stops at the matte one");
    }

    private static void assertNormal(PathTraceKernel k, int p, double[] n, String what) {
        assertTrue(p >= 0, what + ": the ray misses");
        float u = hitU(k), v = hitV(k);
        for (int a = 0; a < 3; a++) {
            assertEquals(n[a], k.curveNormal(p, u, v, 0, 0, -1, a), 2e-4, what + " axis " + a);
        }
    }

    @Test
    void aRibbonFollowsItsInterpolatedNormalAndNarrowsWithIt() throws IOException {
        // n0 faces the camera (+z), n1 is +y: nHit = cos(u pi/2) n0 + sin(u pi/2) n1 (sin((1 - u) a) / sin a, a = 90).
        PathTraceKernel k = kernel(STRAIGHT + " \"string type\" \"ribbon\" \"normal N\" [0 0 1  0 1 0]");
        for (float x = -0.9f; x < 0.8f; x += 0.2f) {
            float u = (x + 1) / 2;
            double c = Math.cos(u * Math.PI / 2), s = Math.sin(u * Math.PI / 2);
            // The width seen along -z: hitWidth |nHit . d|.
            float w = (float) ((0.2f + 0.2f * u) * c);
            int p = k.closestHit(x, 0.9f * w / 2, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
            assertTrue(p >= 0, "inside at x " + x);
            for (int a = 0; a < 3; a++) {
                assertEquals(new double[] {0, s, c}[a], k.curveNormal(p, hitU(k), hitV(k), 0, 0, -1, a), 1e-4);
            }
            assertEquals(-1, k.closestHit(x, 1.05f * w / 2, 5, 0, 0, -1, Float.POSITIVE_INFINITY), "outside at x " + x);
        }
    }

    @Test
    void dpduIsTheBezierDerivativeAndTheShadingTangentFollowsIt() throws IOException {
        // Quadratic Bezier (-1, 0), (0, 1), (1, 0), elevated to degree 3 as pbrt does: dp/du = 2 (1 - u) (1, 1) + 2 u (1, -1).
        PathTraceKernel k = kernel("Shape \"curve\" \"integer degree\" [2] \"point P\" [-1 0 0  0 1 0  1 0 0]"
                + " \"float width\" [0.05] \"string type\" \"cylinder\"");
        for (float u = 0.1f; u < 0.95f; u += 0.2f) {
            float px = -1 + 2 * u, py = 2 * u * (1 - u);
            int p = k.closestHit(px, py, 5, 0, 0, -1, Float.POSITIVE_INFINITY);
            assertTrue(p >= 0, "on the parabola at u " + u);
            assertEquals(u, hitU(k), 2e-3, "u");
            // pbrt refines until the curve is within eps = width / 20 of its pieces' approximation: v within 1/20.
            assertEquals(0.5, hitV(k), 0.05, "v on the centre line");
            float cu = hitU(k);
            assertEquals(2, k.curveTangent(p, cu, 0), 1e-5);
            assertEquals(2 * (1 - cu) - 2 * cu, k.curveTangent(p, cu, 1), 1e-5);
            assertEquals(0, k.curveTangent(p, cu, 2), 1e-6);
            assertTrue(k.shadingTangent(0, p, px, py, 0, 0, 0, 1, false));
            double l = Math.hypot(2, 2 - 4 * cu);
            assertEquals(2 / l, k.scratch[Scratch.VEC_X * k.capacity], 1e-5);
            assertEquals((2 - 4 * cu) / l, k.scratch[Scratch.VEC_Y * k.capacity], 1e-5);
        }
    }

    // ---- the BVH of pieces against pbrt's recursion

    /** One Curve of pbrt-v3 (CreateCurve): its common segment's control points and widths, and its u range. */
    private record Curve(float[] cp, float w0, float w1, float uMin, float uMax) {
    }

    @Test
    void theBvhOfPiecesFindsWhatPbrtsRecursionFinds() throws IOException {
        Random r = new Random(11);
        StringBuilder b = new StringBuilder();
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            float[] cp = new float[12];
            float cx = r.nextFloat() * 4 - 2, cy = r.nextFloat() * 4 - 2, cz = r.nextFloat() * 4 - 2;
            for (int k = 0; k < 12; k++) {
                cp[k] = (k % 3 == 0 ? cx : k % 3 == 1 ? cy : cz) + r.nextFloat() * 2 - 1;
            }
            float w0 = 0.01f + 0.2f * r.nextFloat(), w1 = 0.01f + 0.2f * r.nextFloat();
            int sd = r.nextInt(3);
            b.append("Shape \"curve\" \"string type\" \"").append(i % 2 == 0 ? "flat" : "cylinder")
                    .append("\" \"integer splitdepth\" [").append(sd).append("] \"float width0\" [")
                    .append(w0).append("] \"float width1\" [").append(w1).append("] \"point P\" [");
            for (float c : cp) {
                b.append(' ').append(String.format(Locale.ROOT, "%.9g", c));
            }
            b.append("]\n");
            for (int s = 0; s < 1 << sd; s++) {
                curves.add(new Curve(cp, w0, w1, s / (float) (1 << sd), (s + 1) / (float) (1 << sd)));
            }
        }
        PathTraceKernel k = kernel(b.toString());
        int hits = 0, disagree = 0, folded = 0;
        for (int i = 0; i < 4000; i++) {
            float[] o = {r.nextFloat() * 12 - 6, r.nextFloat() * 12 - 6, r.nextFloat() * 12 - 6};
            // Aim at a point near a random curve's point.
            Curve c = curves.get(r.nextInt(curves.size()));
            float ua = r.nextFloat();
            float[] at = new float[3];
            for (int a = 0; a < 3; a++) {
                at[a] = bezier(c.cp, a, ua) + (r.nextFloat() - 0.5f) * 0.3f;
            }
            double x = at[0] - o[0], y = at[1] - o[1], z = at[2] - o[2], l = Math.sqrt(x * x + y * y + z * z);
            float[] d = {(float) (x / l), (float) (y / l), (float) (z / l)};
            // pbrt's answer, and the nearest leaf hit of every Curve (pbrt keeps the last in u within one).
            double expected = Double.POSITIVE_INFINITY, nearest = Double.POSITIVE_INFINITY;
            for (Curve cv : curves) {
                double[] t = pbrtIntersect(cv, o, d);
                expected = Math.min(expected, t[0]);
                nearest = Math.min(nearest, t[1]);
            }
            int p = k.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], Float.POSITIVE_INFINITY);
            boolean same = (p >= 0) == Double.isFinite(nearest)
                    && (p < 0 || Math.abs(k.hitDistance() - nearest) <= 1e-4 * Math.max(1, nearest));
            if (!same) {
                disagree++;
            }
            if (nearest != expected) {
                folded++;
            }
            if (p >= 0) {
                hits++;
                assertEquals(p >= 0, k.blocked(o[0], o[1], o[2], d[0], d[1], d[2], k.hitDistance() * 1.001f));
            }
        }
        assertTrue(hits > 400, "enough hits to mean anything: " + hits);
        // Rounding at a piece's edge functions or width may flip a grazing ray; nothing more.
        assertTrue(disagree <= 2, disagree + " of 4000 rays disagree with pbrt's recursion (" + hits + " hits)");
        // The one known difference: where one Curve crosses a ray twice, pbrt keeps the later leaf in u.
        assertTrue(folded < hits / 50, folded + " rays cross one Curve twice");
    }

    private static float lerp(float t, float a, float b) {
        return (1 - t) * a + t * b;
    }

    private static float bezier(float[] cp, int a, float u) {
        float a0 = lerp(u, cp[a], cp[3 + a]), a1 = lerp(u, cp[3 + a], cp[6 + a]), a2 = lerp(u, cp[6 + a], cp[9 + a]);
        return lerp(u, lerp(u, a0, a1), lerp(u, a1, a2));
    }

    private static float blossom(float[] cp, int a, float u0, float u1, float u2) {
        float a0 = lerp(u0, cp[a], cp[3 + a]), a1 = lerp(u0, cp[3 + a], cp[6 + a]), a2 = lerp(u0, cp[6 + a], cp[9 + a]);
        return lerp(u2, lerp(u1, a0, a1), lerp(u1, a1, a2));
    }

    /**
     * pbrt-v3 Curve::Intersect for a flat or cylinder Curve (the same hit either way): t (+inf on a miss),
     * and the nearest of its leaves' hits.
     */
    private static double[] pbrtIntersect(Curve c, float[] o, float[] d) {
        float[] cpObj = new float[12];
        for (int a = 0; a < 3; a++) {
            cpObj[a] = blossom(c.cp, a, c.uMin, c.uMin, c.uMin);
            cpObj[3 + a] = blossom(c.cp, a, c.uMin, c.uMin, c.uMax);
            cpObj[6 + a] = blossom(c.cp, a, c.uMin, c.uMax, c.uMax);
            cpObj[9 + a] = blossom(c.cp, a, c.uMax, c.uMax, c.uMax);
        }
        // LookAt(o, o + d, d x (cp3 - cp0)): rows right, newUp, dir.
        double[] chord = {cpObj[9] - cpObj[0], cpObj[10] - cpObj[1], cpObj[11] - cpObj[2]};
        double[] up = cross(new double[] {d[0], d[1], d[2]}, chord);
        double[] dir = norm(new double[] {d[0], d[1], d[2]});
        double[] right = norm(cross(norm(up), dir));
        double[] newUp = cross(dir, right);
        float[] cp = new float[12];
        for (int i = 0; i < 4; i++) {
            double[] q = {cpObj[3 * i] - o[0], cpObj[3 * i + 1] - o[1], cpObj[3 * i + 2] - o[2]};
            cp[3 * i] = (float) dot(right, q);
            cp[3 * i + 1] = (float) dot(newUp, q);
            cp[3 * i + 2] = (float) dot(dir, q);
        }
        float l0 = 0;
        for (int i = 0; i < 2; i++) {
            for (int a = 0; a < 3; a++) {
                l0 = Math.max(l0, Math.abs(cp[3 * i + a] - 2 * cp[3 * (i + 1) + a] + cp[3 * (i + 2) + a]));
            }
        }
        float eps = Math.max(c.w0, c.w1) * .05f;
        float v = 1.41421356237f * 6.f * l0 / (8.f * eps);
        int log2 = v < 1 ? 0 : (Float.floatToIntBits(v) >>> 23) - 127 + ((Float.floatToIntBits(v) & (1 << 22)) != 0 ? 1 : 0);
        int maxDepth = Math.max(0, Math.min(10, log2 / 2));
        double[] tHit = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        recursive(c, cp, c.uMin, c.uMax, maxDepth, tHit);
        return tHit;
    }

    /** recursiveIntersect (the ray is unit length, tMax infinite): the last leaf that hits sets tHit, as in pbrt. */
    private static void recursive(Curve c, float[] cp, float u0, float u1, int depth, double[] tHit) {
        if (depth > 0) {
            float[] s = new float[21];
            for (int a = 0; a < 3; a++) {
                float p0 = cp[a], p1 = cp[3 + a], p2 = cp[6 + a], p3 = cp[9 + a];
                s[a] = p0;
                s[3 + a] = (p0 + p1) / 2;
                s[6 + a] = (p0 + 2 * p1 + p2) / 4;
                s[9 + a] = (p0 + 3 * p1 + 3 * p2 + p3) / 8;
                s[12 + a] = (p1 + 2 * p2 + p3) / 4;
                s[15 + a] = (p2 + p3) / 2;
                s[18 + a] = p3;
            }
            float[] u = {u0, (u0 + u1) / 2, u1};
            for (int seg = 0; seg < 2; seg++) {
                float[] cps = java.util.Arrays.copyOfRange(s, 9 * seg, 9 * seg + 12);
                float maxWidth = Math.max(lerp(u[seg], c.w0, c.w1), lerp(u[seg + 1], c.w0, c.w1));
                boolean skip = false;
                for (int a = 0; a < 3; a++) {
                    float mx = Math.max(Math.max(cps[a], cps[3 + a]), Math.max(cps[6 + a], cps[9 + a]));
                    float mn = Math.min(Math.min(cps[a], cps[3 + a]), Math.min(cps[6 + a], cps[9 + a]));
                    skip |= mx + 0.5 * maxWidth < 0 || (a < 2 && mn - 0.5 * maxWidth > 0);
                }
                if (!skip) {
                    recursive(c, cps, u[seg], u[seg + 1], depth - 1, tHit);
                }
            }
            return;
        }
        float edge = (cp[4] - cp[1]) * -cp[1] + cp[0] * (cp[0] - cp[3]);
        if (edge < 0) {
            return;
        }
        edge = (cp[7] - cp[10]) * -cp[10] + cp[9] * (cp[9] - cp[6]);
        if (edge < 0) {
            return;
        }
        float sx = cp[9] - cp[0], sy = cp[10] - cp[1];
        float denom = sx * sx + sy * sy;
        if (denom == 0) {
            return;
        }
        float w = (-cp[0] * sx - cp[1] * sy) / denom;
        float u = Math.min(Math.max(lerp(w, u0, u1), u0), u1);
        float hitWidth = lerp(u, c.w0, c.w1);
        float wc = Math.min(Math.max(w, 0), 1);
        float pcx = bezier(cp, 0, wc), pcy = bezier(cp, 1, wc), pcz = bezier(cp, 2, wc);
        if (pcx * pcx + pcy * pcy > hitWidth * hitWidth * .25f || pcz < 0) {
            return;
        }
        tHit[0] = pcz;
        tHit[1] = Math.min(tHit[1], pcz);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] norm(double[] a) {
        double l = Math.sqrt(dot(a, a));
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.TextureLayout;

/**
 * Bump and normal maps against closed forms, on the kernel's own shading normal ({@link
 * BumpKernel#bumpNormal} after {@link TextureKernel#shadeMaterial}). The quad lies in z = 0 with
 * (u, v) = (x / w, y), so dp/du = (w, 0, 0), dp/dv = (0, 1, 0) and the geometric normal is +z.
 */
class BumpKernelTest {
    private static final float EPS = 2e-4f;

    @TempDir
    Path dir;

    private int scenes;
    private CompiledRender last;

    private PathTraceKernel kernel(String film, String world) throws IOException {
        Path f = dir.resolve("b" + (scenes++) + ".scene");
        Files.writeString(f, "LookAt 0.5 0.5 -3  0.5 0.5 0  0 1 0\nCamera \"perspective\"\n"
                + film + " \"integer xresolution\" [4] \"integer yresolution\" [4]\nWorldBegin\n"
                + "LightSource \"point\" \"point from\" [0 0 -2]\n" + world + "\nWorldEnd\n");
        last = RenderSupport.compile(f);
        assertEquals(java.util.List.of(), last.warnings(), "warnings");
        return RenderSupport.transport(last);
    }

    private PathTraceKernel pbrt(String world) throws IOException {
        return kernel("Film \"image\"", world);
    }

    private PathTraceKernel lux(String world) throws IOException {
        return kernel("Film \"fleximage\"", world);
    }

    /** A quad of width w in z = 0 with u = x / w, v = y. */
    private static String quad(float w, String material) {
        return material + "\nShape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [0 0 0 " + w + " 0 0 "
                + w + " 1 0 0 1 0] \"float uv\" [0 0 1 0 1 1 0 1]";
    }

    /** The kernel's shading normal after the bump, for the hit along +z through (x, y). */
    private float[] normalAt(PathTraceKernel k, float x, float y) {
        return normalAt(k, x, y, -1);
    }

    /** The same from (x, y, z0). */
    private float[] normalAt(PathTraceKernel k, float x, float y, float z0) {
        int prim = k.closestHit(x, y, z0, 0, 0, 1, Float.POSITIVE_INFINITY);
        assertTrue(prim >= 0 && prim < last.scene().triangleCount, "the ray misses the quad");
        float t = k.hitDistance();
        var s = last.scene();
        int mat = s.triMaterial[prim];
        float nx = s.triNg[3 * prim], ny = s.triNg[3 * prim + 1], nz = s.triNg[3 * prim + 2];
        k.shadeMaterial(0, prim, mat, x, y, z0 + t);
        float[] n = {nx, ny, nz};
        if (k.bumpNormal(0, prim, mat, x, y, z0 + t, nx, ny, nz, nx, ny, nz)) {
            n = new float[] {k.scratch[Scratch.VEC_X * k.capacity], k.scratch[Scratch.VEC_Y * k.capacity],
                k.scratch[Scratch.VEC_Z * k.capacity]};
        }
        return n;
    }

    /** A float ramp d = slope u (bilerp v10 = v11 = slope), as the bump of a matte material. */
    private static String ramp(float slope) {
        return "Texture \"ramp\" \"float\" \"bilerp\" \"float v00\" 0 \"float v01\" 0 \"float v10\" " + slope
                + " \"float v11\" " + slope + "\nMaterial \"matte\" \"texture bumpmap\" \"ramp\"";
    }

    private static float[] tilted(double angle) {
        return new float[] {(float) -Math.sin(angle), 0, (float) Math.cos(angle)};
    }

    /**
     * pbrt-v3 Material::Bump on a plane: dp/du' = dp/du + (d(u + du) - d(u)) / du n, so a ramp of slope
     * k per unit u on a quad of width w tilts the normal by atan(k / w) away from +u. The slope is per
     * unit of u, not of length: doubling the width halves the tilt.
     */
    @Test
    void pbrtRampTiltsTheNormalByAtanOfTheSlope() throws IOException {
        PathTraceKernel k = pbrt(quad(1, ramp(0.5f)) + "\nTranslate 0 0 1\n" + quad(2, ""));
        assertArrayEquals(tilted(Math.atan(0.5)), normalAt(k, 0.3f, 0.6f), EPS);
        // The quad behind: u = x / 2, so the slope per unit length is 0.25.
        assertArrayEquals(tilted(Math.atan(0.25)), normalAt(k, 0.6f, 0.6f, 0.5f), EPS);
    }

    /**
     * pbrt-v3 Triangle::Intersect with vertex normals: the shading tangents are unit vectors, ts =
     * normalize(cross(dp/du, ns)) and ss = cross(ts, ns), which point along -u and -v. So on a quad
     * with normals the ramp's slope is per unit of u whatever the width (atan(0.5) on a quad 2 wide,
     * not atan(0.25)), and the tilt is towards +u: pbrt-v3's code as read, quirk kept.
     */
    @Test
    void pbrtVertexNormalsUseUnitTangentsAsPbrtDoes() throws IOException {
        PathTraceKernel k = pbrt(quad(2, ramp(0.5f)) + " \"normal N\" [0 0 1 0 0 1 0 0 1 0 0 1]");
        float[] n = normalAt(k, 0.6f, 0.6f);
        double a = Math.atan(0.5);
        assertArrayEquals(new float[] {(float) Math.sin(a), 0, (float) Math.cos(a)}, n, EPS);
    }

    /** The v direction: a ramp in v (bilerp v01 = v11 = k) tilts the normal away from +v by atan(k). */
    @Test
    void pbrtRampInVTiltsAwayFromV() throws IOException {
        PathTraceKernel k = pbrt("Texture \"ramp\" \"float\" \"bilerp\" \"float v00\" 0 \"float v01\" 0.3"
                + " \"float v10\" 0 \"float v11\" 0.3\n" + quad(1, "Material \"plastic\" \"texture bumpmap\" \"ramp\""));
        double a = Math.atan(0.3);
        assertArrayEquals(new float[] {0, (float) -Math.sin(a), (float) Math.cos(a)}, normalAt(k, 0.4f, 0.5f), EPS);
    }

    /**
     * LuxRender (core/material.cpp Material::Bump, Texture::GetDuv): the same ramp gives the same tilt
     * (no d dn/du term on a plane either way), but its finite-difference step is
     * "bumpmapsampledistance" in world units (uu = delta / |dp/du|), where pbrt steps .0005 in u. On a
     * quad 10 wide with a height step at u = 0.5, a hit at u = 0.49985 (0.0015 short of the step in
     * length) sees the step under pbrt's rule (du = .0005 is 0.005 in length) and not under
     * LuxRender's default (0.001); a "bumpmapsampledistance" of 0.002 reaches it.
     */
    @Test
    void luxRenderStepsInWorldUnits() throws IOException {
        String step = "Texture \"step\" \"float\" \"checkerboard\" \"float uscale\" 2 \"float vscale\" 1"
                + " \"float tex1\" 0 \"float tex2\" 0.01\n";
        float x = 4.9985f;
        PathTraceKernel k = pbrt(step + quad(10, "Material \"matte\" \"texture bumpmap\" \"step\""));
        assertTrue(normalAt(k, x, 0.5f)[2] < 0.9f, "pbrt's step in u crosses the edge");
        k = lux(step + quad(10, "Material \"matte\" \"texture bumpmap\" \"step\""));
        assertArrayEquals(new float[] {0, 0, 1}, normalAt(k, x, 0.5f), EPS);
        k = lux(step + quad(10, "Material \"matte\" \"texture bumpmap\" \"step\" \"float bumpmapsampledistance\" 0.002"));
        assertTrue(normalAt(k, x, 0.5f)[2] < 0.9f, "a 0.002 world step crosses the edge");
        // A linear ramp: the same tilt as pbrt's.
        k = lux(quad(2, ramp(0.5f)));
        assertArrayEquals(tilted(Math.atan(0.25)), normalAt(k, 0.6f, 0.6f), EPS);
    }

    /**
     * The shading normal for the hit along +z through (x, y) when the hit's texture footprint is
     * (dudx, dvdx, dudy, dvdy), as CameraKernel.footprint leaves it in the DUDX..DVDY slots.
     */
    private float[] normalWithFootprint(PathTraceKernel k, float x, float y, float dudx, float dvdx, float dudy,
                                        float dvdy) {
        int c = k.capacity;
        k.scratch[Scratch.DUDX * c] = dudx;
        k.scratch[Scratch.DVDX * c] = dvdx;
        k.scratch[Scratch.DUDY * c] = dudy;
        k.scratch[Scratch.DVDY * c] = dvdy;
        return normalAt(k, x, y);
    }

    /**
     * pbrt-v3 Material::Bump's step: du = .5 (|dudx| + |dudy|), dv = .5 (|dvdx| + |dvdy|), .0005 where
     * that is 0. A height d = (a u)^2 (a bilerp ramp squared by "scale") makes the finite difference
     * depend on the step: (d(u + du) - d(u)) / du = a^2 (2u + du), so on the unit quad (dp/du = +x,
     * dp/dv = +y) the normal is normalize(-a^2 (2u + du), 0, 1); likewise in v.
     */
    @Test
    void pbrtStepIsHalfTheFootprint() throws IOException {
        float a = 1f, b = 0.8f;
        PathTraceKernel ku = pbrt(squared("0", "0", "" + a, "" + a));
        PathTraceKernel kv = pbrt(squared("0", "" + b, "0", "" + b));
        float u = 0.3f, v = 0.6f;
        // A footprint: du = .5 (0.2 + 0.1) = 0.15, dv = .5 (0.04 + 0.3) = 0.17 (signs do not count).
        float[] expected = unit(-a * a * (2 * u + 0.15), 0, 1);
        float[] got = normalWithFootprint(ku, u, v, -0.2f, 0.04f, 0.1f, -0.3f);
        assertArrayEquals(expected, got, EPS);
        assertArrayEquals(unit(0, -b * b * (2 * v + 0.17), 1), normalWithFootprint(kv, u, v, -0.2f, 0.04f, 0.1f, -0.3f),
                EPS);
        // No footprint: .0005 both ways.
        float[] fallback = unit(-a * a * (2 * u + 0.0005), 0, 1);
        assertArrayEquals(fallback, normalWithFootprint(ku, u, v, 0, 0, 0, 0), EPS);
        assertArrayEquals(unit(0, -b * b * (2 * v + 0.0005), 1), normalWithFootprint(kv, u, v, 0, 0, 0, 0), EPS);
        // A footprint in u only: dv falls back to .0005 on its own.
        assertArrayEquals(unit(0, -b * b * (2 * v + 0.0005), 1), normalWithFootprint(kv, u, v, 0.2f, 0, 0.1f, 0), EPS);
        assertArrayEquals(unit(-a * a * (2 * u + 0.1), 0, 1), normalWithFootprint(ku, u, v, 0.2f, 0, 0, 0), EPS);
        assertTrue(Math.abs(expected[0] - fallback[0]) > 0.02, "the two steps give different normals");
    }

    /** A matte quad (unit width) bumped by the square of the bilerp (v00, v01, v10, v11). */
    private static String squared(String v00, String v01, String v10, String v11) {
        return "Texture \"r\" \"float\" \"bilerp\" \"float v00\" " + v00 + " \"float v01\" " + v01
                + " \"float v10\" " + v10 + " \"float v11\" " + v11
                + "\nTexture \"r2\" \"float\" \"scale\" \"texture tex1\" \"r\" \"texture tex2\" \"r\"\n"
                + quad(1, "Material \"matte\" \"texture bumpmap\" \"r2\"");
    }

    /** LuxRender's step is "bumpmapsampledistance" in world units (Texture::GetDuv), whatever the footprint. */
    @Test
    void luxRenderStepIgnoresTheFootprint() throws IOException {
        String world = "Texture \"ru\" \"float\" \"bilerp\" \"float v00\" 0 \"float v01\" 0 \"float v10\" 1"
                + " \"float v11\" 1\nTexture \"u2\" \"float\" \"scale\" \"texture tex1\" \"ru\" \"texture tex2\" \"ru\"\n"
                + quad(1, "Material \"matte\" \"texture bumpmap\" \"u2\" \"float bumpmapsampledistance\" 0.01");
        PathTraceKernel k = lux(world);
        float u = 0.3f;
        float[] expected = unit(-(2 * u + 0.01), 0, 1);
        assertArrayEquals(expected, normalWithFootprint(k, u, 0.5f, 0.2f, 0, 0.1f, 0), EPS);
        assertArrayEquals(expected, normalWithFootprint(k, u, 0.5f, 0, 0, 0, 0), EPS);
    }

    private static float[] unit(double x, double y, double z) {
        double l = Math.sqrt(x * x + y * y + z * z);
        return new float[] {(float) (x / l), (float) (y / l), (float) (z / l)};
    }

    /** Writes a 1x1 PFM of colour c (linear, no gamma). */
    private Path pfm(String name, float r, float g, float b) throws IOException {
        byte[] head = "PF\n1 1\n-1\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(head.length + 12).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(head).putFloat(r).putFloat(g).putFloat(b);
        Path p = dir.resolve(name);
        Files.write(p, buf.array());
        return p;
    }

    private static String normalMap(Path file) {
        return "Texture \"nm\" \"float\" \"normalmap\" \"string filename\" \"" + file.getFileName() + "\"\n"
                + "Material \"matte\" \"texture bumpmap\" \"nm\"";
    }

    /**
     * LuxRender normalmap (textures/imagemap.cpp NormalMapTexture::GetDuv, then Material::Bump): the
     * colour c is the normal 2c - 1 in the frame (tangent, bitangent, n), which on a shape without
     * vertex normals is (dp/du, dp/dv, n) not normalized (core/geometry/raydifferential.cpp). (0.5,
     * 0.5, 1) leaves the normal as it is; (0.5 + sin(a) / 2, 0.5, 0.5 + cos(a) / 2) turns it towards
     * dp/du, by a where |dp/du| = 1 and by atan(3 tan a) on a quad 3 wide (|dp/du| = 3). With vertex
     * normals the tangents are unit and the bitangent's sign is -1 (MeshBaryTriangle
     * ::GetShadingGeometry), so green tilts towards -v.
     */
    @Test
    void normalMapIsATangentSpaceNormal() throws IOException {
        PathTraceKernel k = lux(normalMap(pfm("flat.pfm", 0.5f, 0.5f, 1f)) + "\n" + quad(3, ""));
        assertEquals(MaterialLayout.BUMP_NORMAL_MAP, (int) last.scene().matParams[MaterialLayout.BUMP_MODE]);
        assertArrayEquals(new float[] {0, 0, 1}, normalAt(k, 1.2f, 0.4f), EPS);
        double a = Math.toRadians(30);
        Path tilt = pfm("tilt.pfm", (float) (0.5 + 0.5 * Math.sin(a)), 0.5f, (float) (0.5 + 0.5 * Math.cos(a)));
        k = lux(normalMap(tilt) + "\n" + quad(1, ""));
        assertArrayEquals(new float[] {(float) Math.sin(a), 0, (float) Math.cos(a)}, normalAt(k, 0.2f, 0.4f), EPS);
        k = lux(normalMap(tilt) + "\n" + quad(3, ""));
        double b = Math.atan(3 * Math.tan(a));
        assertArrayEquals(new float[] {(float) Math.sin(b), 0, (float) Math.cos(b)}, normalAt(k, 1.2f, 0.4f), EPS);
        // Along dp/dv (green).
        tilt = pfm("tiltv.pfm", 0.5f, (float) (0.5 + 0.5 * Math.sin(a)), (float) (0.5 + 0.5 * Math.cos(a)));
        k = lux(normalMap(tilt) + "\n" + quad(1, ""));
        assertArrayEquals(new float[] {0, (float) Math.sin(a), (float) Math.cos(a)}, normalAt(k, 0.2f, 0.4f), EPS);
        k = lux(normalMap(tilt) + "\n" + quad(3, "") + " \"normal N\" [0 0 1 0 0 1 0 0 1 0 0 1]");
        assertArrayEquals(new float[] {0, (float) -Math.sin(a), (float) Math.cos(a)}, normalAt(k, 1.2f, 0.4f), EPS);
    }

    /**
     * A normalmap texture anywhere but as a bumpmap itself is 0, as LuxRender's NormalMapTexture::Evaluate
     * returns, and the scene is told so once.
     */
    @Test
    void normalMapElsewhereIsZeroAndSaid() throws IOException {
        pfm("n.pfm", 0.5f, 0.5f, 1f);
        Path f = dir.resolve("elsewhere.lxs");
        Files.writeString(f, "LookAt 0.5 0.5 -3  0.5 0.5 0  0 1 0\nCamera \"perspective\"\nFilm \"fleximage\"\nWorldBegin\nLightSource \"point\"\n"
                + "Texture \"nm\" \"float\" \"normalmap\" \"string filename\" \"n.pfm\" \"float gamma\" 1\n"
                + "Texture \"c\" \"color\" \"scale\" \"texture tex1\" \"nm\" \"color tex2\" [1 1 1]\n"
                + quad(1, "Material \"matte\" \"texture Kd\" \"c\"") + "\nWorldEnd\n");
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
        assertTrue(cr.warnings().get(0).message().contains("normalmap texture \"nm\" is supported only as a material's"),
                cr.warnings().toString());
        var s = cr.scene();
        int start = s.matTexStart[MaterialLayout.KD];
        assertEquals(TextureLayout.CONSTANT, s.texType[start], "the normalmap's node");
        assertEquals(0f, s.texParams[start * TextureLayout.NODE_STRIDE + TextureLayout.VALUE]);
    }

    /** Without a bumpmap the kernel leaves the normal alone, and a bump replaces the old "unsupported" warning. */
    @Test
    void noBumpNoChange() throws IOException {
        PathTraceKernel k = pbrt(quad(1, "Material \"matte\""));
        int prim = k.closestHit(0.5f, 0.5f, -1, 0, 0, 1, Float.POSITIVE_INFINITY);
        assertFalse(k.bumpNormal(0, prim, last.scene().triMaterial[prim], 0.5f, 0.5f, 0, 0, 0, 1, 0, 0, 1));
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Texture footprints beyond the uv mapping at the first hit, against pbrt-v3 worked in closed form:
 * PlanarMapping2D, SphericalMapping2D and CylindricalMapping2D::Map (dstdx, dstdy from dpdx, dpdy),
 * seen through the trilinear MIP lookup whose level they choose; and the ray differential that
 * SamplerIntegrator::SpecularReflect and SpecularTransmit carry through a mirror and a glass slab.
 */
class SpecularFootprintTest extends TextureProbe {
    private static final float EPS = 1e-5f;

    @BeforeEach
    void writeImage() throws IOException {
        // The 4x4 image of 2x2 cells of ImageFilterKernelTest: at (0.125, 0.125) level 0 is white (1),
        // level 1 (a 2x2 checker, bilinear) 0.625 and level 2 grey (0.5).
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, ((x / 2 + (3 - y) / 2) & 1) == 0 ? 0xffffff : 0);
            }
        }
        ImageIO.write(img, "png", dir.resolve("cells.png").toFile());
    }

    /** MIPMap::Lookup(st, width) at (0.125, 0.125) of the cells image: width = 2 x the largest derivative. */
    private static double trilinear(double maxDerivative) {
        double level = 2 + Math.log(2 * maxDerivative) / Math.log(2);
        double v = 1;
        if (level >= 0 && level < 1) {
            v = 1 - level * 0.375;
        } else if (level >= 1) {
            v = 0.625 - (level - 1) * 0.125;
        }
        return v;
    }

    /** Red of the textured quad's Kd at world point p with offsets dpdx = a, dpdy = 0. */
    private float shadeWithOffset(PathTraceKernel k, double[] p, double[] a) {
        k.scratch[Scratch.DPDX_X * k.capacity] = (float) a[0];
        k.scratch[Scratch.DPDX_Y * k.capacity] = (float) a[1];
        k.scratch[Scratch.DPDX_Z * k.capacity] = (float) a[2];
        int mat = last.scene().triMaterial[0];
        k.shadeMaterial(0, 0, mat, (float) p[0], (float) p[1], (float) p[2]);
        return k.shade[k.shadeAt[0] + org.luxnet.scene.compiled.MaterialLayout.KD];
    }

    private PathTraceKernel mapped(String mapping) throws IOException {
        return kernel("Texture \"i\" \"spectrum\" \"imagemap\" \"string filename\" \"cells.png\" \"bool gamma\" \"false\""
                + " \"bool trilinear\" \"true\" " + mapping + "\n" + quad("Material \"matte\" \"texture Kd\" \"i\""));
    }

    @Test
    void planarMappingProjectsTheOffsetsOnItsAxes() throws IOException {
        // PlanarMapping2D: s = ds + p.vs, t = dt + p.vt; dsdx = dpdx.vs, dtdx = dpdx.vt.
        PathTraceKernel k = mapped("\"string mapping\" \"planar\" \"vector v1\" [0.5 0 0] \"vector v2\" [0 0.25 0]"
                + " \"float udelta\" -0.125 \"float vdelta\" 0");
        double[] p = {0.5, 0.5, 0};
        // (s, t) = (0.125, 0.125); dpdx = (0.6, 0.2, 0): dsdx 0.3, dtdx 0.05.
        assertEquals(trilinear(0.3), shadeWithOffset(k, p, new double[] {0.6, 0.2, 0}), EPS);
        // Along y only: dtdx = 0.25 x 1.3.
        assertEquals(trilinear(0.325), shadeWithOffset(k, p, new double[] {0, 1.3, 0}), EPS);
        // No offsets, no footprint: level 0.
        assertEquals(1, shadeWithOffset(k, p, new double[] {0, 0, 0}), EPS);
    }

    @Test
    void sphericalMappingDifferencesTheMappingAtATenthOfTheOffset() throws IOException {
        // SphericalMapping2D: (s, t) = (theta / pi, phi / 2 pi) of p; dstdx = (st(p + 0.1 dpdx) - st(p)) / 0.1.
        PathTraceKernel k = mapped("\"string mapping\" \"spherical\"");
        double theta = Math.PI / 8, phi = Math.PI / 4;
        double[] p = {Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)};
        // Along phi's direction (-sin phi, cos phi, 0), length 0.4: only t changes.
        double[] a = {-0.4 * Math.sin(phi), 0.4 * Math.cos(phi), 0};
        double[] q = {p[0] + 0.1 * a[0], p[1] + 0.1 * a[1], p[2]};
        double dtdx = (Math.atan2(q[1], q[0]) - phi) / (2 * Math.PI) / 0.1;
        double dsdx = (Math.acos(q[2] / Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2])) - theta) / Math.PI / 0.1;
        assertEquals(0.4 / Math.sin(theta) / (2 * Math.PI), dtdx, 0.02 * dtdx); // about the analytic derivative
        assertEquals(trilinear(Math.max(Math.abs(dsdx), Math.abs(dtdx))), shadeWithOffset(k, p, a), 1e-4);
        // Along theta's direction: s = theta / pi changes by |dpdx| / pi.
        double[] b = {0.9 * Math.cos(theta) * Math.cos(phi), 0.9 * Math.cos(theta) * Math.sin(phi), -0.9 * Math.sin(theta)};
        double[] r = {p[0] + 0.1 * b[0], p[1] + 0.1 * b[1], p[2] + 0.1 * b[2]};
        double dsdxB = (Math.acos(r[2] / Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2])) - theta) / Math.PI / 0.1;
        assertEquals(0.9 / Math.PI, dsdxB, 0.02);
        assertEquals(trilinear(Math.abs(dsdxB)), shadeWithOffset(k, p, b), 1e-4);
    }

    @Test
    void cylindricalMappingDifferencesTheMappingAtAHundredthOfTheOffset() throws IOException {
        // CylindricalMapping2D: (s, t) = ((pi + atan2(y, x)) / 2 pi, z); delta 0.01.
        PathTraceKernel k = mapped("\"string mapping\" \"cylindrical\"");
        double ang = -0.75 * Math.PI; // s = 0.125
        double[] p = {Math.cos(ang), Math.sin(ang), 0.125};
        // Round the axis, length 1.5: ds = 1.5 / 2 pi (to first order).
        double[] a = {-1.5 * Math.sin(ang), 1.5 * Math.cos(ang), 0};
        double dsdx = (Math.atan2(p[1] + 0.01 * a[1], p[0] + 0.01 * a[0]) - ang) / (2 * Math.PI) / 0.01;
        assertEquals(1.5 / (2 * Math.PI), dsdx, 1e-3);
        assertEquals(trilinear(dsdx), shadeWithOffset(k, p, a), 1e-4);
        // Along the axis: dtdx = dpdx.z.
        assertEquals(trilinear(0.4), shadeWithOffset(k, p, new double[] {0, 0, 0.4}), 1e-4);
    }

    @Test
    void aMirrorAt45DegreesGivesTheFootprintOfTheMirroredDistance() throws IOException {
        // The camera (0.5, 0.5, -3) looks along +z at a mirror through (0.5, 0.5, 0) with normal (0, 1, -1) / sqrt 2,
        // which sends it up (+y) to a textured plane at y = 2.5, u along x, v along z, 8 units a uv range of 1.
        // Reflection is an isometry: the footprint is that of the camera mirrored to (0.5, -2.5, 0) looking along
        // +y at the plane 5 units away, camera x along world x and camera y along world z.
        PathTraceKernel k = kernel("Material \"mirror\"\nShape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3]"
                + " \"point P\" [-1 -1 -1.5 2 -1 -1.5 2 2 1.5 -1 2 1.5]\n"
                + "Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-3.5 2.5 -4 4.5 2.5 -4 4.5 2.5 4 -3.5 2.5 4]"
                + " \"float uv\" [0 0 1 0 1 1 0 1]",
                "Integrator \"path\" \"integer maxdepth\" [1]\nFilm \"image\"");
        int pixel = 2 * 4 + 1, index = 3;
        k.startPath(0, k.pixelSeed(pixel), index, 1, 2);
        float fx = k.scratch[Scratch.CAM_FX * k.capacity], fy = k.scratch[Scratch.CAM_FY * k.capacity];
        // maxdepth 1: the path ends at the textured plane, whose footprint the slots keep.
        k.renderSample(0, pixel, index);
        double[] d0 = dir(k, fx, fy), dx = dir(k, fx + 1, fy), dy = dir(k, fx, fy + 1);
        double[] ox = offset(d0, dx, 5), oy = offset(d0, dy, 5);
        assertEquals(Math.abs(ox[0]) / 8, Math.abs(k.scratch[Scratch.DUDX * k.capacity]), EPS);
        assertEquals(Math.abs(ox[1]) / 8, Math.abs(k.scratch[Scratch.DVDX * k.capacity]), EPS);
        assertEquals(Math.abs(oy[0]) / 8, Math.abs(k.scratch[Scratch.DUDY * k.capacity]), EPS);
        assertEquals(Math.abs(oy[1]) / 8, Math.abs(k.scratch[Scratch.DVDY * k.capacity]), EPS);
        assertTrue(Math.abs(ox[0]) > 0.5 && Math.abs(oy[1]) > 0.5);
    }

    @Test
    void aGlassSlabRefractsTheDifferentialAndReturnsItsDirection() throws IOException {
        // The centre ray (along +z) through a glass slab (index 1.5) from z = 0 to z = 1, then 2 units of air to a
        // uv quad. SpecularTransmit at normal incidence, with the unscaled differential direction (ex, 0, ez),
        // delta = (ex, 0, ez - 1): eta = 1 / 1.5 on entry gives the direction wi + (eta ex, 0, eta^2 (ez - 1)), the
        // exit (eta 1.5) returns it to (ex, 0, ez); the offset grows by 3 ex / ez to the slab, by
        // eta ex / (1 + eta^2 (ez - 1)) per unit inside it and by ex / ez per unit after it.
        PathTraceKernel k = kernel("Material \"glass\" \"float index\" 1.5\n" + quad("") + "\nAttributeBegin\nTranslate 0 0 1\n"
                + quad("") + "\nAttributeEnd\nAttributeBegin\nTranslate 0 0 3\n"
                + quad("Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"") + "\nAttributeEnd");
        k.scratch[Scratch.CAM_FX * k.capacity] = 2;
        k.scratch[Scratch.CAM_FY * k.capacity] = 2;
        k.scratch[Scratch.CAM_LU * k.capacity] = 0.5f;
        k.scratch[Scratch.CAM_LV * k.capacity] = 0.5f;
        int front = k.closestHit(0.5f, 0.5f, -3, 0, 0, 1, Float.POSITIVE_INFINITY);
        int back = k.closestHit(0.5f, 0.5f, 0.5f, 0, 0, 1, Float.POSITIVE_INFINITY);
        k.specularDifferentials(0, 1, front, 0.5f, 0.5f, 0, 0, 0, -1, 0, 0, -1, 0, 0, 1, 0, 0, 1, 1, 2.25f);
        k.specularDifferentials(0, 2, back, 0.5f, 0.5f, 1, 0, 0, -1, 0, 0, -1, 0, 0, 1, 0, 0, 1, 1, 1 / 2.25f);
        int plane = k.closestHit(0.5f, 0.5f, 2, 0, 0, 1, Float.POSITIVE_INFINITY);
        k.footprint(0, 2, plane, last.scene().triMaterial[plane], 0.5f, 0.5f, 3, 0, 0, -1);
        double ex = 0.125 / Math.sqrt(1.25), ez = 0.75 + 0.25 / Math.sqrt(1.25), eta = 1 / 1.5;
        assertEquals(ex, k.scratch[Scratch.RX_DX * k.capacity], EPS);
        assertEquals(ez, k.scratch[Scratch.RX_DZ * k.capacity], EPS);
        double expected = 3 * ex / ez + eta * ex / (1 + eta * eta * (ez - 1)) + 2 * ex / ez;
        assertEquals(expected, Math.abs(k.scratch[Scratch.DUDX * k.capacity]), EPS);
        assertEquals(expected, Math.abs(k.scratch[Scratch.DVDY * k.capacity]), EPS);
        assertEquals(0, k.scratch[Scratch.DVDX * k.capacity], EPS);
        // Through 6 units of air the footprint would be 6 ex / ez: the glass makes it smaller.
        assertTrue(expected < 6 * ex / ez - 0.02);
    }

    /**
     * The centre ray (along +z) meets a convex mirror head on at (0.5, 0.5, 0), normal (0, 0, -1), whose
     * normal turns by dndx = dpdx / R (a sphere of radius R, or vertex normals (k (x - 0.5), 0, -1) with
     * k = 1 / R). Linearizing r = d - 2 (d.n) n: the differential direction (ex, 0, ez) leaves as
     * (ex + 2 a / R, 0, -ez) from h + (a, 0, 0), a = 3 ex / ez the offset on the mirror (a convex
     * mirror's focal length R / 2); on a uv plane at z = -1 the footprint is a + (ex + 2 a / R) / ez.
     */
    private void assertConvexMirror(PathTraceKernel k, int mirror, float radius) {
        k.scratch[Scratch.CAM_FX * k.capacity] = 2;
        k.scratch[Scratch.CAM_FY * k.capacity] = 2;
        k.scratch[Scratch.CAM_LU * k.capacity] = 0.5f;
        k.scratch[Scratch.CAM_LV * k.capacity] = 0.5f;
        k.scratch[Scratch.HIT_INST * k.capacity] = -1;
        k.specularDifferentials(0, 1, mirror, 0.5f, 0.5f, 0, 0, 0, -1, 0, 0, -1, 0, 0, 1, 0, 0, -1, 0, 1);
        double ex = 0.125 / Math.sqrt(1.25), ez = 0.75 + 0.25 / Math.sqrt(1.25), a = 3 * ex / ez;
        assertEquals(0.5 + a, k.scratch[Scratch.RX_OX * k.capacity], EPS);
        assertEquals(ex + 2 * a / radius, k.scratch[Scratch.RX_DX * k.capacity], EPS);
        assertEquals(0, k.scratch[Scratch.RX_DY * k.capacity], EPS);
        assertEquals(-ez, k.scratch[Scratch.RX_DZ * k.capacity], EPS);
        // Raster y runs down the world's y.
        assertEquals(-(ex + 2 * a / radius), k.scratch[Scratch.RY_DY * k.capacity], EPS);
        int plane = 0;
        k.footprint(0, 2, plane, last.scene().triMaterial[plane], 0.5f, 0.5f, -1, 0, 0, 1);
        double expected = a + (ex + 2 * a / radius) / ez;
        assertEquals(expected, Math.abs(k.scratch[Scratch.DUDX * k.capacity]), EPS);
        assertEquals(expected, Math.abs(k.scratch[Scratch.DVDY * k.capacity]), EPS);
        assertEquals(0, k.scratch[Scratch.DVDX * k.capacity], EPS);
    }

    private static final String UV_PLANE = "AttributeBegin\nTranslate 0 0 -1\n"
            + quad("Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"") + "\nAttributeEnd\n";

    @Test
    void aMirrorSphereSpreadsTheDifferentialByTwiceItsCurvature() throws IOException {
        PathTraceKernel k = kernel(UV_PLANE + "AttributeBegin\nMaterial \"mirror\"\nTranslate 0.5 0.5 2\n"
                + "Shape \"sphere\" \"float radius\" 2\nAttributeEnd");
        assertConvexMirror(k, last.scene().triangleCount, 2);
    }

    @Test
    void vertexNormalsTurnTheDifferentialAsTheirInterpolationTurns() throws IOException {
        // A flat mirror quad with unit vertex normals (-+sn, 0, -cs): the (unnormalized) interpolation
        // ((2 x - 1) sn, 0, -cs) turns by dndx = (2 sn a, 0, 0) along x (pbrt-v3's Triangle dndu from the vertex
        // normals' differences), not at all along y; the shading normal at the centre is (0, 0, -1), so the
        // reflected differential direction is (ex + 2 (2 sn a), 0, -ez) in x and stays (0, ey, -ez) in y.
        double sn = 0.3, cs = Math.sqrt(1 - sn * sn);
        String m = " 0 -" + cs + " ";
        PathTraceKernel k = kernel(UV_PLANE + "Material \"mirror\"\nShape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3]"
                + " \"point P\" [0 0 0 1 0 0 1 1 0 0 1 0] \"normal N\" [-" + sn + m + sn + m + sn + m + "-" + sn + m + "]");
        int mirror = k.closestHit(0.5f, 0.5f, -0.5f, 0, 0, 1, Float.POSITIVE_INFINITY);
        assertTrue(mirror >= 2, "the ray meets the mirror");
        k.scratch[Scratch.CAM_FX * k.capacity] = 2;
        k.scratch[Scratch.CAM_FY * k.capacity] = 2;
        k.scratch[Scratch.CAM_LU * k.capacity] = 0.5f;
        k.scratch[Scratch.CAM_LV * k.capacity] = 0.5f;
        k.scratch[Scratch.HIT_INST * k.capacity] = -1;
        k.specularDifferentials(0, 1, mirror, 0.5f, 0.5f, 0, 0, 0, -1, 0, 0, -1, 0, 0, 1, 0, 0, -1, 0, 1);
        double ex = 0.125 / Math.sqrt(1.25), ez = 0.75 + 0.25 / Math.sqrt(1.25), a = 3 * ex / ez;
        assertEquals(ex + 4 * sn * a, k.scratch[Scratch.RX_DX * k.capacity], EPS);
        assertEquals(-ez, k.scratch[Scratch.RX_DZ * k.capacity], EPS);
        assertEquals(-ex, k.scratch[Scratch.RY_DY * k.capacity], EPS);
        assertEquals(0, k.scratch[Scratch.RY_DX * k.capacity], EPS);
    }

    @Test
    void aDiffuseBounceDropsTheDifferential() throws IOException {
        // A matte quad in front of the mirror scene's plane: after it, a textured hit has no footprint.
        PathTraceKernel k = kernel("Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-9 -9 0 9 -9 0 9 9 0 -9 9 0]"
                + " \"float uv\" [0 0 1 0 1 1 0 1]\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-9 -9 -9 -9 9 -9 9 9 -9 9 -9 -9]"
                + " \"float uv\" [0 0 1 0 1 1 0 1]",
                "Integrator \"path\" \"integer maxdepth\" [1]\nFilm \"image\"");
        k.renderSample(0, 5, 0);
        assertEquals(0, k.scratch[Scratch.DUDX * k.capacity]);
        assertEquals(0, k.scratch[Scratch.DVDY * k.capacity]);
        assertEquals(0, k.scratch[Scratch.DPDX_X * k.capacity]);
    }

    /** The camera-space unit direction through raster (fx, fy). */
    private static double[] dir(PathTraceKernel k, float fx, float fy) {
        double sx = k.screenX0 + (fx + k.rasterX0) * k.screenXScale, sy = k.screenY0 + (fy + k.rasterY0) * k.screenYScale;
        double l = Math.sqrt(sx * sx + sy * sy + 1);
        return new double[] {sx / l, sy / l, 1 / l};
    }

    /** The offset on the plane z = depth from d0's hit to that of d0 + (d1 - d0) / 4 (16 spp). */
    private static double[] offset(double[] d0, double[] d1, double depth) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = d0[i] + 0.25 * (d1[i] - d0[i]);
        }
        return new double[] {depth * r[0] / r[2] - depth * d0[0] / d0[2], depth * r[1] / r[2] - depth * d0[1] / d0[2]};
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.TextureLayout;

/**
 * Image filtering in {@link ImageKernel} against pbrt-v3 core/mipmap.h (MIPMap::Lookup, triangle,
 * EWA) and LuxRender core/mipmap.h (MIPMapFastImpl::Nearest) worked by hand on a 4x4 image of 2x2
 * cells, whose level 1 is a 2x2 checker and level 2 grey; and the footprint {@link
 * CameraKernel#footprint} gives at the first hit (pbrt-v3 Camera::GenerateRayDifferential, the 1/sqrt(spp)
 * scale, SurfaceInteraction::ComputeDifferentials) on a quad and a sphere seen head on.
 */
class ImageFilterKernelTest extends TextureProbe {
    private static final float EPS = 1e-5f;

    @BeforeEach
    void writeImage() throws IOException {
        // Image row y becomes texture row 3 - y; texture texel (x, y) is white when x / 2 + y / 2 is even.
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, ((x / 2 + (3 - y) / 2) & 1) == 0 ? 0xffffff : 0);
            }
        }
        ImageIO.write(img, "png", dir.resolve("cells.png").toFile());
    }

    private PathTraceKernel pbrt(String filter) throws IOException {
        return kernel("Texture \"i\" \"spectrum\" \"imagemap\" \"string filename\" \"cells.png\" \"bool gamma\" \"false\" "
                + filter + "\n" + quad("Material \"matte\" \"texture Kd\" \"i\""));
    }

    /** Red of image 0 looked up at (s, t) over the footprint (dsdx, dtdx), (dsdy, dtdy). */
    private static float lookup(PathTraceKernel k, int filter, float s, float t, float a0, float a1, float b0, float b1) {
        k.imageLookup(0, 0, 0, TextureLayout.WRAP_REPEAT, filter, 8, s, t, a0, a1, b0, b1);
        return k.texRegs[0];
    }

    @Test
    void trilinearPicksAndBlendsLevelsByWidth() throws IOException {
        PathTraceKernel k = pbrt("\"bool trilinear\" \"true\"");
        int f = TextureLayout.FILTER_TRILINEAR;
        // Lookup(st, width): level = 2 + log2(width), width = 2 x the largest derivative.
        // Level 0 at (0.125, 0.125) is texel (0, 0), white.
        assertEquals(1, lookup(k, f, 0.125f, 0.125f, 1e-7f, 0, 0, 0), EPS);
        // Level 1 (width 0.5): (s 2 - 0.5, t 2 - 0.5) = (-0.25, -0.25): weights 0.5625 on white (0, 0),
        // 0.0625 on white (1, 1) (wrapped), 0.1875 on each black neighbour.
        assertEquals(0.625f, lookup(k, f, 0.125f, 0.125f, 0.25f, 0, 0, 0), EPS);
        // Level 1.5: the mean of level 1 and level 2 (grey 0.5).
        assertEquals(0.5625f, lookup(k, f, 0.125f, 0.125f, 0, (float) (0.25 * Math.sqrt(2)), 0, 0), EPS);
        // Beyond the top: the single texel of level 2.
        assertEquals(0.5f, lookup(k, f, 0.125f, 0.125f, 0, 0, 1, 0), EPS);
    }

    @Test
    void ewaWeighsTexelsInsideTheEllipseByTheGaussianTable() throws IOException {
        PathTraceKernel k = pbrt("");
        int f = TextureLayout.FILTER_EWA;
        // Axes (0.5, 0) and (0, 0.5): lod = 2 + log2(0.5) = 1; at level 1 the ellipse is r2 = (ds^2 + dt^2) / 2
        // texels around texel (0, 0)'s centre: itself (r2 0, white) and its four black neighbours (r2 0.5,
        // table entry 64 of 128), weights exp(-2 i / 127) - exp(-2).
        double w0 = 1 - Math.exp(-2), w1 = Math.exp(-2 * 64 / 127.0) - Math.exp(-2);
        assertEquals((float) (w0 / (w0 + 4 * w1)), lookup(k, f, 0.25f, 0.25f, 0.5f, 0, 0, 0.5f), EPS);
        // A zero minor axis: bilinear at level 0 (white texel (0, 0)).
        assertEquals(1, lookup(k, f, 0.125f, 0.125f, 0.5f, 0, 0, 0), EPS);
        // A minor axis past the top level: its single grey texel.
        assertEquals(0.5f, lookup(k, f, 0.125f, 0.125f, 4, 0, 0, 4), EPS);
    }

    @Test
    void luxRenderNearestAndBilinear() throws IOException {
        PathTraceKernel k = kernel("Texture \"i\" \"color\" \"imagemap\" \"string filename\" \"cells.png\""
                + " \"string filtertype\" \"nearest\"\n" + quad("Material \"matte\" \"texture Kd\" \"i\""),
                "SurfaceIntegrator \"path\"\nFilm \"fleximage\"");
        // MIPMapFastImpl::Nearest: floor(s w - 0.5), floor(t h - 0.5) = (1, -1), wrapped to texel (1, 3): black.
        assertEquals(0, lookup(k, TextureLayout.FILTER_NEAREST, 0.49f, 0.1f, 0, 0, 0, 0), EPS);
        // Bilinear there: 0.54 x 0.9 on white (1, 0) and 0.46 x 0.1 on white (2, 3).
        assertEquals(0.54f * 0.9f + 0.46f * 0.1f, lookup(k, TextureLayout.FILTER_BILINEAR, 0.49f, 0.1f, 0, 0, 0, 0), EPS);
    }

    /** (dudx, dvdx, dudy, dvdy) at the hit of the camera ray through the film's centre. */
    private float[] centreFootprint(PathTraceKernel k, float hz) {
        k.scratch[Scratch.CAM_FX * k.capacity] = 2;
        k.scratch[Scratch.CAM_FY * k.capacity] = 2;
        k.scratch[Scratch.CAM_LU * k.capacity] = 0.5f;
        k.scratch[Scratch.CAM_LV * k.capacity] = 0.5f;
        int prim = k.closestHit(0.5f, 0.5f, -3, 0, 0, 1, Float.POSITIVE_INFINITY);
        assertEquals(hz, -3 + k.hitDistance(), 1e-5f);
        var sc = last.scene();
        int mat = prim < sc.triangleCount ? sc.triMaterial[prim] : sc.sphereMaterial[prim - sc.triangleCount];
        k.footprint(0, 1, prim, mat, 0.5f, 0.5f, hz, 0, 0, -1);
        return new float[] {k.scratch[Scratch.DUDX * k.capacity], k.scratch[Scratch.DVDX * k.capacity],
            k.scratch[Scratch.DUDY * k.capacity], k.scratch[Scratch.DVDY * k.capacity]};
    }

    @Test
    void theFootprintIsAPixelScaledByOneOverRootSppInUv() throws IOException {
        // fov 90 over 4 pixels: the ray one pixel over has direction (0.5, 0, 1) / |.|; 16 spp (pbrt's
        // default) scale the differential by 1/4 as RayDifferential::ScaleDifferentials does, lerping the
        // unit directions: d = (0.25 x 0.5 / sqrt(1.25), 0, 0.75 + 0.25 / sqrt(1.25)), met at distance 3.
        float ex = (float) (0.125 / Math.sqrt(1.25)), ez = (float) (0.75 + 0.25 / Math.sqrt(1.25));
        float[] quad = centreFootprint(kernel(quad("Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"")),
                0);
        float px = 3 * ex / ez; // uv = xy on the quad
        assertEquals(px, Math.abs(quad[0]), EPS);
        assertEquals(0, quad[1], EPS);
        assertEquals(0, quad[2], EPS);
        assertEquals(px, Math.abs(quad[3]), EPS);
        // A sphere of radius 0.5 with its poles along y, met head on at distance 2.5 on its equator:
        // u = phi / 2 pi changes by 1 / (2 pi r) per unit, v = 1 - theta / pi by 1 / (pi r).
        float[] sphere = centreFootprint(kernel("AttributeBegin\nTranslate 0.5 0.5 0\nRotate -90 1 0 0\n"
                + "Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"\n"
                + "Shape \"sphere\" \"float radius\" 0.5\nAttributeEnd"), -0.5f);
        float ps = 2.5f * ex / ez;
        assertEquals(ps / (float) Math.PI, Math.abs(sphere[0]), EPS);
        assertEquals(0, sphere[1], EPS);
        assertEquals(0, sphere[2], EPS);
        assertEquals(2 * ps / (float) Math.PI, Math.abs(sphere[3]), EPS);
    }

    @Test
    void closedFormCheckerboardBoxFiltersTheFootprint() throws IOException {
        // pbrt-v3 Checkerboard2DTexture "closedform": (1 - area2) tex1 + area2 tex2 with area2 from the
        // odd-cell fractions of [s - ds, s + ds] and [t - dt, t + dt]; "none" point samples.
        PathTraceKernel k = kernel("Texture \"c\" \"spectrum\" \"checkerboard\" \"rgb tex1\" [1 0 0] \"rgb tex2\" [0 0 1]\n"
                + "Texture \"n\" \"spectrum\" \"checkerboard\" \"string aamode\" \"none\" \"rgb tex1\" [1 0 0] \"rgb tex2\" [0 0 1]\n"
                + quad("Material \"matte\" \"texture Kd\" \"c\"") + "\nTranslate 0 0 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"n\""));
        k.scratch[Scratch.DUDX * k.capacity] = 0.5f;
        k.scratch[Scratch.DVDY * k.capacity] = 0.25f;
        // s in [0.25, 1.25]: a quarter odd; t in [0.25, 0.75]: none; area2 = 0.25.
        near(new float[] {0.75f, 0, 0.25f}, shadeAt(k, 0.75f, 0.5f, org.luxnet.scene.compiled.MaterialLayout.KD));
        near(new float[] {1, 0, 0}, shadeAlong(k, 0.75f, 0.5f, 0.5f, 0, 0, 1, org.luxnet.scene.compiled.MaterialLayout.KD));
        // Both ranges half odd: area2 = 0.5 + 0.5 - 2 x 0.25.
        k.scratch[Scratch.DVDY * k.capacity] = 0.5f;
        near(new float[] {0.5f, 0, 0.5f}, shadeAt(k, 0.999f, 0.999f, org.luxnet.scene.compiled.MaterialLayout.KD));
    }

    @Test
    void luxRenderLooksUpWithoutDifferentialsInItsKeptLevels() throws IOException {
        // LuxRender 1.x ImageSpectrumTexture::Evaluate calls LookupSpectrum(sw, s, t) with width 0, so
        // its mipmap filters read level 0 bilinearly; "discardmipmaps" 1 makes that the 2x2 checker.
        PathTraceKernel k = kernel("Texture \"i\" \"color\" \"imagemap\" \"string filename\" \"cells.png\""
                + " \"string filtertype\" \"mipmap_ewa\" \"integer discardmipmaps\" 1\n"
                + quad("Material \"matte\" \"texture Kd\" \"i\""), "SurfaceIntegrator \"path\"\nFilm \"fleximage\"");
        float[] fp = centreFootprint(k, 0);
        assertEquals(0, fp[0] * fp[0] + fp[1] * fp[1] + fp[2] * fp[2] + fp[3] * fp[3]);
        near(new float[] {0.625f, 0.625f, 0.625f}, shadeAt(k, 0.125f, 0.125f, org.luxnet.scene.compiled.MaterialLayout.KD));
    }

    @Test
    void aRenderedSampleCarriesItsFootprintToTheFirstHit() throws IOException {
        // renderSample: the camera sample's film position goes through startPath to the first hit's
        // footprint; the bounce ray escapes (nothing else in the scene), so the slots keep it. The quad
        // is head on, 8 units wide for a uv range of 1 so that it fills the view.
        PathTraceKernel k = kernel("AttributeBegin\nTranslate -3.5 -3.5 0\nScale 8 8 1\n"
                + quad("Texture \"u\" \"spectrum\" \"uv\"\nMaterial \"matte\" \"texture Kd\" \"u\"") + "\nAttributeEnd");
        int pixel = 2 * 4 + 1, index = 3;
        k.startPath(0, k.pixelSeed(pixel), index, 1, 2);
        float fx = k.scratch[Scratch.CAM_FX * k.capacity], fy = k.scratch[Scratch.CAM_FY * k.capacity];
        k.renderSample(0, pixel, index);
        // pbrt-v3 by hand, in camera space: unit directions through the film point and one raster unit
        // over, the differential lerped a quarter of the way (16 spp), both met on the plane at depth 3.
        double[] d0 = dir(k, fx, fy), dx = dir(k, fx + 1, fy), dy = dir(k, fx, fy + 1);
        double[] ox = offset(d0, dx), oy = offset(d0, dy);
        assertEquals(Math.abs(ox[0]) / 8, Math.abs(k.scratch[Scratch.DUDX * k.capacity]), 1e-5);
        assertEquals(Math.abs(ox[1]) / 8, Math.abs(k.scratch[Scratch.DVDX * k.capacity]), 1e-5);
        assertEquals(Math.abs(oy[0]) / 8, Math.abs(k.scratch[Scratch.DUDY * k.capacity]), 1e-5);
        assertEquals(Math.abs(oy[1]) / 8, Math.abs(k.scratch[Scratch.DVDY * k.capacity]), 1e-5);
        assertEquals(true, Math.abs(ox[0]) > 0.3 && Math.abs(oy[1]) > 0.3);
    }

    /** The camera-space unit direction through raster (fx, fy). */
    private static double[] dir(PathTraceKernel k, float fx, float fy) {
        double sx = k.screenX0 + (fx + k.rasterX0) * k.screenXScale, sy = k.screenY0 + (fy + k.rasterY0) * k.screenYScale;
        double l = Math.sqrt(sx * sx + sy * sy + 1);
        return new double[] {sx / l, sy / l, 1 / l};
    }

    /** The offset on the plane z = 3 from d0's hit to that of d0 + (d1 - d0) / 4 (RayDifferential::ScaleDifferentials). */
    private static double[] offset(double[] d0, double[] d1) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = d0[i] + 0.25 * (d1[i] - d0[i]);
        }
        return new double[] {3 * r[0] / r[2] - 3 * d0[0] / d0[2], 3 * r[1] / r[2] - 3 * d0[1] / d0[2]};
    }
}

package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's hit point textures (LuxRender/Lux textures/hitpointcolor.h and .cpp) over the vertex
 * colours of its meshes (shapes/mesh.cpp "float C", "float A", "float gamma"; shapes/plymesh.cpp
 * red, green, blue, alpha), against values worked out by hand from that code. The textures read
 * Mesh*Triangle::GetShadingInformation: the three vertices' colours weighted by the hit's barycentrics,
 * colour 1 and alpha 1 where the mesh has none and on every other shape (Primitive's default).
 *
 * <p>Each probe triangle is (0,0,0) (1,0,0) (0,1,0), moved along z; a ray along +z through (x, y)
 * meets it at barycentrics b1 = x (vertex 1), b2 = y (vertex 2), b0 = 1 - x - y.
 */
class VertexColourTexturesTest extends TextureProbe {
    private static final String LUX = "SurfaceIntegrator \"path\"\nFilm \"fleximage\"";
    private static final String TRI = "Shape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [0 0 0 1 0 0 0 1 0]";
    /** Colours of the grey tests: rgb at v0, v1, v2. */
    private static final String C3 = " \"float C\" [0.2 0.4 0.6  0.8 0.1 0.3  0.5 0.9 0.7]";

    /** The probe's KD through (x, y) on the triangle at z = layer (shot from just before it). */
    private float[] kd(PathTraceKernel k, int layer, float x, float y) {
        return shadeAlong(k, x, y, layer - 0.5f, 0, 0, 1, MaterialLayout.KD);
    }

    /** A matte whose Kd is the float texture {@code f} as a grey colour (a mix of black and white by it). */
    private static String greyMatte(String name, String f) {
        return "Texture \"" + name + "\" \"color\" \"mix\" \"color tex1\" [0 0 0] \"color tex2\" [1 1 1] \"texture amount\" \""
                + f + "\"\nMaterial \"matte\" \"texture Kd\" \"" + name + "\"\n";
    }

    private static float[] grey(double v) {
        return new float[] {(float) v, (float) v, (float) v};
    }

    @Test
    void hitpointcolorInterpolatesTheVertexColoursByBarycentrics() throws IOException {
        PathTraceKernel k = kernel("Texture \"vc\" \"color\" \"hitpointcolor\"\nMaterial \"matte\" \"texture Kd\" \"vc\"\n"
                + TRI + " \"float C\" [1 0 0  0 1 0  0 0 1]", LUX);
        // b = (0.5, 0.2, 0.3): red at v0, green at v1, blue at v2.
        near(new float[] {0.5f, 0.2f, 0.3f}, kd(k, 0, 0.2f, 0.3f));
        near(new float[] {0.1f, 0.8f, 0.1f}, kd(k, 0, 0.8f, 0.1f));
        near(new float[] {0.25f, 0.25f, 0.5f}, kd(k, 0, 0.25f, 0.5f));
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
    }

    @Test
    void hitpointgreyPicksAChannelOrTheLuminance() throws IOException {
        // At b = (0.5, 0.2, 0.3) the colour of C3 is (0.41, 0.49, 0.57) (by hand: 0.5 0.2 + 0.2 0.8 + 0.3 0.5 ...).
        // HitPointGreyTexture::Evaluate: channel > 2 (CreateFloatTexture maps all but 0, 1, 2 there) gives
        // RGBColor::Y() = 0.212671 r + 0.715160 g + 0.072169 b.
        StringBuilder w = new StringBuilder();
        String[] channels = {"0", "1", "2", "-1", "7", null};
        for (int i = 0; i < channels.length; i++) {
            w.append("Texture \"g").append(i).append("\" \"float\" \"hitpointgrey\"")
                    .append(channels[i] == null ? "" : " \"integer channel\" [" + channels[i] + "]").append('\n');
            w.append(greyMatte("m" + i, "g" + i)).append("AttributeBegin\nTranslate 0 0 ").append(i).append('\n')
                    .append(TRI).append(C3).append("\nAttributeEnd\n");
        }
        PathTraceKernel k = kernel(w.toString(), LUX);
        double luminance = 0.212671 * 0.41 + 0.715160 * 0.49 + 0.072169 * 0.57;
        assertEquals(0.47875984, luminance, 1e-8);
        double[] expected = {0.41, 0.49, 0.57, luminance, luminance, luminance};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], kd(k, i, 0.2f, 0.3f)[0], EPS, "channel " + channels[i]);
        }
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
    }

    @Test
    void hitpointalphaInterpolatesTheVertexAlphas() throws IOException {
        PathTraceKernel k = kernel("Texture \"a\" \"float\" \"hitpointalpha\"\n" + greyMatte("m", "a")
                + TRI + " \"float A\" [0.1 0.5 0.9]", LUX);
        near(grey(0.5 * 0.1 + 0.2 * 0.5 + 0.3 * 0.9), kd(k, 0, 0.2f, 0.3f)); // 0.42
        near(grey(0.42), kd(k, 0, 0.2f, 0.3f));
        near(grey(0.1 * 0.1 + 0.1 * 0.5 + 0.8 * 0.9), kd(k, 0, 0.1f, 0.8f));
    }

    @Test
    void shapesWithoutColoursGiveColourOneAndAlphaOne() throws IOException {
        // Mesh::GetShadingInformation: no cols, colour 1; no alphas, alpha 1. Spheres: Primitive's 1 and 1.
        PathTraceKernel k = kernel("Texture \"vc\" \"color\" \"hitpointcolor\"\nTexture \"a\" \"float\" \"hitpointalpha\"\n"
                + "Texture \"g\" \"float\" \"hitpointgrey\" \"integer channel\" [1]\n"
                + "Texture \"s\" \"color\" \"scale\" \"texture tex1\" \"vc\" \"color tex2\" [0.5 0.5 0.5]\n"
                + "Material \"matte\" \"texture Kd\" \"s\"\n" + TRI + "\n"
                + "AttributeBegin\nTranslate 0 0 1\n" + greyMatte("ma", "a") + TRI + " \"float C\" [0 0 0 0 0 0 0 0 0]\nAttributeEnd\n"
                + "AttributeBegin\nTranslate 0 0 2\n" + greyMatte("mg", "g") + TRI + " \"float A\" [0 0 0]\nAttributeEnd\n"
                + "AttributeBegin\nTranslate 0.3 0.3 3.5\nMaterial \"matte\" \"texture Kd\" \"s\"\n"
                + "Shape \"sphere\" \"float radius\" [0.25]\nAttributeEnd", LUX);
        near(grey(0.5), kd(k, 0, 0.2f, 0.3f)); // no colours at all: 1 x 0.5
        near(grey(1), kd(k, 1, 0.2f, 0.3f)); // colours but no alphas
        near(grey(1), kd(k, 2, 0.2f, 0.3f)); // alphas but no colours
        near(grey(0.5), kd(k, 3, 0.3f, 0.3f)); // a sphere
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
    }

    @Test
    void gammaUndoesTheColoursGammaAndWrongCountsAreIgnoredWithAWarning() throws IOException {
        // Mesh::Mesh: cols[i] = powf(C[i], colorGamma) unless "float gamma" is 1; CreateShape drops a "C" or
        // an "A" whose count does not match "P" (an error in its log), so the texture sees 1.
        PathTraceKernel k = kernel("Texture \"vc\" \"color\" \"hitpointcolor\"\nMaterial \"matte\" \"texture Kd\" \"vc\"\n"
                + TRI + " \"float C\" [0.5 0.25 1  0.5 0.25 1  0.5 0.25 1] \"float gamma\" [2.2]\n"
                + "Translate 0 0 1\n" + TRI + " \"float C\" [0.5 0.25 1  0.5 0.25 1]", LUX);
        near(new float[] {(float) Math.pow(0.5, 2.2), (float) Math.pow(0.25, 2.2), 1}, kd(k, 0, 0.2f, 0.3f));
        near(grey(1), kd(k, 1, 0.2f, 0.3f));
        assertEquals(1, last.warnings().size(), "warnings: " + last.warnings());
        assertTrue(last.warnings().get(0).toString().contains("\"C\" has 6 values but \"P\" has 3 points"),
                last.warnings().get(0).toString());
    }

    @Test
    void eachTextureHasOnlyTheValueTypeLuxRenderRegisters() throws IOException {
        // hitpointcolor.cpp registers hitpointcolor for colours only, hitpointalpha and hitpointgrey for floats.
        kernel("Texture \"a\" \"float\" \"hitpointcolor\"\nTexture \"b\" \"color\" \"hitpointgrey\"\n"
                + "Texture \"c\" \"color\" \"hitpointalpha\"\n"
                + "Material \"matte\" \"texture Kd\" \"b\"\n" + TRI + C3
                + "\nTranslate 0 0 1\nMaterial \"matte\" \"texture Kd\" \"c\"\n" + TRI + C3
                + "\nTranslate 0 0 1\n" + greyMatte("m", "a") + TRI + C3, LUX);
        String all = last.warnings().toString();
        assertTrue(all.contains("\"hitpointcolor\" has colour values only"), all);
        assertTrue(all.contains("\"hitpointgrey\" has float values only"), all);
        assertTrue(all.contains("\"hitpointalpha\" has float values only"), all);
    }

    @Test
    void instancesCarryTheirObjectsColours() throws IOException {
        PathTraceKernel k = kernel("Texture \"vc\" \"color\" \"hitpointcolor\"\nObjectBegin \"o\"\n"
                + "Material \"matte\" \"texture Kd\" \"vc\"\n" + TRI + " \"float C\" [1 0 0  0 1 0  0 0 1]\nObjectEnd\n"
                + "AttributeBegin\nTranslate 0 0 2\nObjectInstance \"o\"\nAttributeEnd\n"
                + "AttributeBegin\nTranslate 0 0 4\nObjectInstance \"o\"\nAttributeEnd", LUX);
        assertTrue(last.scene().instanceCount == 2, "two instances");
        near(new float[] {0.5f, 0.2f, 0.3f}, kd(k, 2, 0.2f, 0.3f));
        near(new float[] {0.1f, 0.8f, 0.1f}, kd(k, 4, 0.8f, 0.1f));
    }

    @Test
    void plyColoursAreUcharOver255OrFloatsAsTheyAre() throws IOException {
        // plymesh.cpp ColorCB/AlphaCB: PLY_UCHAR values / 255, any other type unscaled.
        Files.writeString(dir.resolve("uchar.ply"), """
                ply
                format ascii 1.0
                element vertex 3
                property float x
                property float y
                property float z
                property uchar red
                property uchar green
                property uchar blue
                property uchar alpha
                element face 1
                property list uchar int vertex_indices
                end_header
                0 0 0 255 0 0 51
                1 0 0 0 255 0 102
                0 1 0 0 0 255 255
                3 0 1 2
                """);
        ByteBuffer b = ByteBuffer.allocate(3 * 6 * 4 + 13).order(ByteOrder.LITTLE_ENDIAN);
        float[][] v = {{0, 0, 0, 0.25f, 2, 0}, {1, 0, 0, 0.5f, 0, 0}, {0, 1, 0, 1, 0, 4}};
        for (float[] row : v) {
            for (float f : row) {
                b.putFloat(f);
            }
        }
        b.put((byte) 3).putInt(0).putInt(1).putInt(2);
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nproperty float red\nproperty float green\nproperty float blue\nelement face 1\n"
                + "property list uchar int vertex_indices\nend_header\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + b.capacity()];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b.array(), 0, all, h.length, b.capacity());
        Files.write(dir.resolve("float.ply"), all);
        PathTraceKernel k = kernel("Texture \"vc\" \"color\" \"hitpointcolor\"\nTexture \"a\" \"float\" \"hitpointalpha\"\n"
                + "Material \"matte\" \"texture Kd\" \"vc\"\nShape \"plymesh\" \"string filename\" \"uchar.ply\"\n"
                + "AttributeBegin\nTranslate 0 0 1\n" + greyMatte("m", "a")
                + "Shape \"plymesh\" \"string filename\" \"uchar.ply\"\nAttributeEnd\n"
                + "AttributeBegin\nTranslate 0 0 2\nShape \"plymesh\" \"string filename\" \"float.ply\"\nAttributeEnd", LUX);
        near(new float[] {0.5f, 0.2f, 0.3f}, kd(k, 0, 0.2f, 0.3f));
        // alpha (0.5 51 + 0.2 102 + 0.3 255) / 255 = 122.4 / 255 = 0.48
        near(grey(0.48), kd(k, 1, 0.2f, 0.3f));
        // (0.5 (0.25, 2, 0) + 0.2 (0.5, 0, 0) + 0.3 (1, 0, 4)) = (0.525, 1, 1.2)
        near(new float[] {0.525f, 1f, 1.2f}, kd(k, 2, 0.2f, 0.3f));
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
    }

    @Test
    void plyUint8ColoursAreNotScaled() throws IOException {
        // rply's type list has "uint8" (PLY_UINT8) apart from "uchar" (PLY_UCHAR); ColorCB divides only
        // PLY_UCHAR values by 255, so "uint8" colours arrive as they are.
        Files.writeString(dir.resolve("u8.ply"), "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\n"
                + "property float y\nproperty float z\nproperty uint8 red\nproperty uint8 green\nproperty uint8 blue\n"
                + "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0 1 0 2\n1 0 0 1 0 2\n"
                + "0 1 0 1 0 2\n3 0 1 2\n");
        PathTraceKernel k = kernel("Texture \"vc\" \"color\" \"hitpointcolor\"\nMaterial \"matte\" \"texture Kd\" \"vc\"\n"
                + "Shape \"plymesh\" \"string filename\" \"u8.ply\"", LUX);
        near(new float[] {1, 0, 2}, kd(k, 0, 0.2f, 0.3f));
    }

    @Test
    void pbrtPlyMeshesIgnoreTheFilesColoursWithoutAWord() throws IOException {
        // pbrt-v3's plymesh reads no vertex colours; an inline "C" is an unused parameter as ever.
        Files.writeString(dir.resolve("c.ply"), "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\n"
                + "property float y\nproperty float z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\n"
                + "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0 1 2 3\n1 0 0 1 2 3\n"
                + "0 1 0 1 2 3\n3 0 1 2\n");
        kernel("Material \"matte\"\nShape \"plymesh\" \"string filename\" \"c.ply\"\nTranslate 0 0 1\n" + TRI + C3);
        assertEquals(0, last.scene().triColourData.length, "pbrt keeps no colours");
        assertEquals(1, last.warnings().size(), "warnings: " + last.warnings());
        assertTrue(last.warnings().get(0).toString().contains("float C"), last.warnings().toString());
    }

    @Test
    void aHitPointBumpMapHasNoSlope() throws IOException {
        // hitpointcolor.h: every hit point texture's GetDuv gives du = dv = 0, so as a bump map it leaves
        // the normal as it is, however steeply its vertex alphas change across the triangle.
        PathTraceKernel k = kernel("Texture \"a\" \"float\" \"hitpointalpha\"\n"
                + "Material \"matte\" \"color Kd\" [0.5 0.5 0.5] \"texture bumpmap\" \"a\"\n"
                + TRI + " \"float A\" [0 50 -20]", LUX);
        int prim = k.closestHit(0.2f, 0.3f, -1, 0, 0, 1, Float.POSITIVE_INFINITY);
        var s = last.scene();
        float nx = s.triNg[3 * prim], ny = s.triNg[3 * prim + 1], nz = s.triNg[3 * prim + 2];
        k.shadeMaterial(0, prim, s.triMaterial[prim], 0.2f, 0.3f, 0);
        float[] n = {nx, ny, nz};
        if (k.bumpNormal(0, prim, s.triMaterial[prim], 0.2f, 0.3f, 0, nx, ny, nz, nx, ny, nz)) {
            n = new float[] {k.scratch[Scratch.VEC_X * k.capacity], k.scratch[Scratch.VEC_Y * k.capacity],
                k.scratch[Scratch.VEC_Z * k.capacity]};
        }
        near(new float[] {nx, ny, nz}, n);
    }

    @Test
    void scenesWithoutVertexColoursStoreNone() throws IOException {
        kernel(quad("Material \"matte\""), LUX);
        assertEquals(0, last.scene().triColour.length);
        assertEquals(0, last.scene().triColourData.length);
    }
}

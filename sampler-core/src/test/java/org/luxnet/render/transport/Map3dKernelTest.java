package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.Transform;

/**
 * LuxRender's 3D texture "coordinates" (core/texture.cpp TextureMapping3D::Create: GlobalMapping3D,
 * LocalMapping3D, UVMapping3D, GlobalNormalMapping3D, LocalNormalMapping3D) against their closed
 * forms: a "local" checkerboard 3D on a moved, turned and scaled shape, in the world and through an
 * instance, is the pattern of the shape untransformed at the origin; "uv" is (u, v, 0); the normal
 * coordinates on a sphere are its normal, "localnormal" on a turned sphere the unturned one.
 */
class Map3dKernelTest extends TextureProbe {
    private static final String LUX = "SurfaceIntegrator \"path\"\nFilm \"fleximage\"";
    /** The shape's CTM in the scenes below: Translate 0.3 0.2 1, Rotate 25 about z, Scale 1.5. */
    private static final String MOVE = "Translate 0.3 0.2 1\nRotate 25 0 0 1\nScale 1.5 1.5 1.5\n";
    private static final Transform M = Transform.translate(0.3, 0.2, 1).compose(Transform.rotate(25, 0, 0, 1))
            .compose(Transform.scale(1.5, 1.5, 1.5));
    private static final String BIG_QUAD = "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3]"
            + " \"point P\" [-2 -2 0.1 2 -2 0.1 2 2 0.1 -2 2 0.1]";

    /** A float checkerboard 3D (0.2 on even cells, 0.9 on odd) of cell 0.25 in the given coordinates, as Kd. */
    private static String checker(String coords) {
        return "Texture \"c\" \"float\" \"checkerboard\" \"integer dimension\" [3] \"float tex1\" [0.2] \"float tex2\" [0.9]"
                + " \"vector scale\" [0.25 0.25 0.25] \"string coordinates\" \"" + coords + "\"\n"
                + "Texture \"m\" \"color\" \"mix\" \"color tex1\" [0 0 0] \"color tex2\" [1 1 1] \"texture amount\" \"c\"\n";
    }

    /** The checkerboard's value at texture-space point q (q = mapped point / 0.25), or NaN on a cell border. */
    private static double checkerAt(double[] p) {
        int sum = 0;
        for (double c : p) {
            double q = c / 0.25;
            if (Math.abs(q - Math.rint(q)) < 1e-3) {
                return Double.NaN;
            }
            sum += (int) Math.floor(q);
        }
        return (sum & 1) == 0 ? 0.2 : 0.9;
    }

    private static double[] apply(Transform t, double x, double y, double z) {
        double[] out = new double[3];
        t.applyPoint(x, y, z, out, 0);
        return out;
    }

    /** Kd's first channel along +z through (x, y) from z = -1. */
    private float kd(PathTraceKernel k, float x, float y) {
        return shadeAt(k, x, y, MaterialLayout.KD)[0];
    }

    /**
     * Over a grid of rays hitting the plane z = 1.15 (the quad at z = 0.1 moved by M), Kd against the
     * checkerboard at the point worldToLocal maps the hit to;
     * returns how many rays differ from the global mapping's pattern there.
     */
    private int compareGrid(PathTraceKernel k, Transform worldToLocal) {
        int checked = 0, differs = 0;
        Transform identity = Transform.scale(1, 1, 1);
        for (int i = 0; i < 15; i++) {
            for (int j = 0; j < 15; j++) {
                float x = -0.9f + 0.173f * i, y = -0.8f + 0.161f * j;
                double want = checkerAt(apply(worldToLocal, x, y, 1.15));
                double global = checkerAt(apply(identity, x, y, 1.15));
                if (Double.isNaN(want)) {
                    continue;
                }
                assertEquals(want, kd(k, x, y), 1e-5, "Kd at (" + x + ", " + y + ")");
                checked++;
                if (!Double.isNaN(global) && global != want) {
                    differs++;
                }
            }
        }
        assertTrue(checked > 150, "rays checked " + checked);
        return differs;
    }

    @Test
    void localIsTheShapesOwnSpace() throws IOException {
        PathTraceKernel k = kernel(checker("local") + "AttributeBegin\n" + MOVE + "Material \"matte\" \"texture Kd\" \"m\"\n"
                + BIG_QUAD + "\nAttributeEnd", LUX);
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
        assertTrue(compareGrid(k, M.inverse()) > 40, "local differs from global");
    }

    @Test
    void globalIsTheWorldPoint() throws IOException {
        PathTraceKernel k = kernel(checker("global") + "AttributeBegin\n" + MOVE + "Material \"matte\" \"texture Kd\" \"m\"\n"
                + BIG_QUAD + "\nAttributeEnd", LUX);
        assertEquals(0, compareGrid(k, Transform.scale(1, 1, 1)));
        assertEquals(0, last.scene().primLocal.length, "a scene without local coordinates stores no object spaces");
    }

    @Test
    void localInAnInstanceIsTheInstancesSpace() throws IOException {
        PathTraceKernel k = kernel(checker("local") + "ObjectBegin \"q\"\nMaterial \"matte\" \"texture Kd\" \"m\"\n" + BIG_QUAD
                + "\nObjectEnd\nAttributeBegin\n" + MOVE + "ObjectInstance \"q\"\nAttributeEnd", LUX);
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
        shadeAt(k, 0.1f, 0.1f, MaterialLayout.KD);
        assertEquals(0, k.hitInstance(), "the ray hits the instance");
        assertTrue(compareGrid(k, M.inverse()) > 40);
    }

    /**
     * Inside ObjectBegin a mesh's own CTM is not its local space: LuxRender's instance of an aggregate
     * (any object but one quadric) has GetLocalToWorld = InstanceToWorld, the object's definition space.
     */
    @Test
    void localInAnInstanceIgnoresTheMeshsTransformInTheObject() throws IOException {
        PathTraceKernel k = kernel(checker("local") + "ObjectBegin \"q\"\nMaterial \"matte\" \"texture Kd\" \"m\"\n"
                + "AttributeBegin\nTranslate 0.11 0.07 0.45\n" + BIG_QUAD + "\nAttributeEnd\nObjectEnd\n"
                + "AttributeBegin\nTranslate 0 0 -0.675\n" + MOVE + "ObjectInstance \"q\"\nAttributeEnd", LUX);
        // The object's plane z = 0.55 goes by M and -0.675 in z to z = 1.15.
        Transform inst = Transform.translate(0, 0, -0.675).compose(M);
        compareGrid(k, inst.inverse());
    }

    @Test
    void uvIsTheSurfaceParameters() throws IOException {
        PathTraceKernel k = kernel(checker("uv").replace("[0.25 0.25 0.25]", "[1 1 1]") + "Material \"matte\" \"texture Kd\" \"m\"\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [0 0 1 1 0 1 1 1 1 0 1 1]"
                + " \"float uv\" [0 0 3 0 3 2 0 2]", LUX);
        int odd = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                float x = 0.05f + 0.1f * i + 0.013f, y = 0.05f + 0.1f * j + 0.007f;
                int cell = (int) Math.floor(3 * x) + (int) Math.floor(2 * y);
                double want = (cell & 1) == 0 ? 0.2 : 0.9;
                assertEquals(want, kd(k, x, y), 1e-5, "(u, v) = (" + 3 * x + ", " + 2 * y + ")");
                odd += cell & 1;
            }
        }
        assertTrue(odd > 20, "the global mapping would give 0.2 everywhere on [0, 1)^2 x {1}");
    }

    /** The point each coordinates kind gives, before the texture's own mapping, straight from the kernel. */
    private float[] mapped(PathTraceKernel k, int kind, float x, float y) {
        int prim = k.closestHit(x, y, -1, 0, 0, 1, Float.POSITIVE_INFINITY);
        assertTrue(prim >= 0, "the ray misses");
        float z = -1 + k.hitDistance();
        float[] out = new float[3];
        for (int c = 0; c < 3; c++) {
            out[c] = k.coordinates3d(0, prim, kind, c, 0.25f, 0.75f, x, y, z);
        }
        return out;
    }

    @Test
    void normalCoordinatesOnASphereAreItsNormal() throws IOException {
        Transform s = Transform.translate(0.5, 0.5, 2).compose(Transform.rotate(40, 1, 1, 0));
        PathTraceKernel k = kernel(checker("localnormal") + "AttributeBegin\nTranslate 0.5 0.5 2\nRotate 40 1 1 0\n"
                + "Material \"matte\" \"texture Kd\" \"m\"\nShape \"sphere\" \"float radius\" [0.8]\nAttributeEnd", LUX);
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
        Transform w2o = s.inverse();
        for (float[] xy : new float[][] {{0.5f, 0.5f}, {0.1f, 0.7f}, {0.9f, 0.2f}, {0.45f, 1.1f}, {-0.1f, 0.3f}}) {
            int prim = k.closestHit(xy[0], xy[1], -1, 0, 0, 1, Float.POSITIVE_INFINITY);
            float z = -1 + k.hitDistance();
            double nx = xy[0] - 0.5, ny = xy[1] - 0.5, nz = z - 2;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            float[] g = mapped(k, TextureLayout.MAP3D_GLOBALNORMAL, xy[0], xy[1]);
            assertEquals(nx / len, g[0], 1e-5);
            assertEquals(ny / len, g[1], 1e-5);
            assertEquals(nz / len, g[2], 1e-5);
            // localnormal: the unturned sphere's normal, its object-space point over the radius.
            double[] o = apply(w2o, xy[0], xy[1], z);
            float[] l = mapped(k, TextureLayout.MAP3D_LOCALNORMAL, xy[0], xy[1]);
            for (int c = 0; c < 3; c++) {
                assertEquals(o[c] / 0.8, l[c], 1e-5, "localnormal " + c);
            }
            // local: the object-space point itself; uv: (u, v, 0) as given.
            float[] p = mapped(k, TextureLayout.MAP3D_LOCAL, xy[0], xy[1]);
            for (int c = 0; c < 3; c++) {
                assertEquals(o[c], p[c], 1e-5, "local " + c);
            }
            float[] uv = mapped(k, TextureLayout.MAP3D_UV, xy[0], xy[1]);
            assertEquals(0.25f, uv[0]);
            assertEquals(0.75f, uv[1]);
            assertEquals(0f, uv[2]);
            assertTrue(prim >= 0);
        }
    }

    /**
     * An object of one sphere: LuxRender instances the sphere itself (ObjectInstance builds an aggregate
     * only for more, or for shapes that refine), so local is InstanceToWorld times the sphere's CTM.
     */
    @Test
    void localInAnInstanceOfOneSphereIsTheSpheresSpace() throws IOException {
        PathTraceKernel k = kernel(checker("local") + "ObjectBegin \"s\"\nMaterial \"matte\" \"texture Kd\" \"m\"\n"
                + "Translate 0.2 -0.1 0.3\nRotate 30 0 1 0\nShape \"sphere\" \"float radius\" [0.7]\nObjectEnd\n"
                + "AttributeBegin\nTranslate 0.5 0.5 2\nScale 1.2 1.2 1.2\nObjectInstance \"s\"\nAttributeEnd", LUX);
        assertTrue(last.warnings().isEmpty(), "warnings: " + last.warnings());
        Transform w2o = Transform.translate(0.5, 0.5, 2).compose(Transform.scale(1.2, 1.2, 1.2))
                .compose(Transform.translate(0.2, -0.1, 0.3)).compose(Transform.rotate(30, 0, 1, 0)).inverse();
        for (float[] xy : new float[][] {{0.7f, 0.4f}, {0.3f, 0.9f}, {0.9f, 0.6f}}) {
            int prim = k.closestHit(xy[0], xy[1], -1, 0, 0, 1, Float.POSITIVE_INFINITY);
            assertTrue(prim >= 0 && k.hitInstance() == 0, "the ray hits the instance");
            float z = -1 + k.hitDistance();
            double[] o = apply(w2o, xy[0], xy[1], z);
            float[] p = mapped(k, TextureLayout.MAP3D_LOCAL, xy[0], xy[1]);
            for (int c = 0; c < 3; c++) {
                assertEquals(o[c], p[c], 1e-5, "local " + c);
            }
            // On the tessellated sphere: about its radius from the origin of its own space.
            assertEquals(0.7, Math.sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]), 0.02);
        }
    }

    @Test
    void normalCoordinatesOnAnInstancedSmoothMeshInterpolateItsNormals() throws IOException {
        // A quad whose vertex normals lean in x: n(x) = normalize(lerp of (-0.5, 0, -1), (0.5, 0, -1)), turned by 90 about z.
        PathTraceKernel k = kernel(checker("localnormal") + "ObjectBegin \"q\"\nMaterial \"matte\" \"texture Kd\" \"m\"\n"
                + "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-2 -2 0 2 -2 0 2 2 0 -2 2 0]"
                + " \"normal N\" [-0.5 0 -1 0.5 0 -1 0.5 0 -1 -0.5 0 -1]\nObjectEnd\n"
                + "AttributeBegin\nTranslate 0 0 1\nRotate 90 0 0 1\nObjectInstance \"q\"\nAttributeEnd", LUX);
        for (float y : new float[] {-1.3f, -0.4f, 0.2f, 1.1f}) {
            // World (x, y) is object (y, -x): the normal's object x component is lerp(-0.5, 0.5, (y + 2) / 4).
            double ox = -0.5 + (y + 2) / 4.0;
            double len = Math.sqrt(ox * ox + 1);
            float[] l = mapped(k, TextureLayout.MAP3D_LOCALNORMAL, 0.3f, y);
            assertEquals(ox / len, l[0], 1e-5);
            assertEquals(0, l[1], 1e-5);
            assertEquals(-1 / len, l[2], 1e-5);
            // globalnormal: that normal turned by 90 degrees about z, (x, y) -> (-y, x).
            float[] g = mapped(k, TextureLayout.MAP3D_GLOBALNORMAL, 0.3f, y);
            assertEquals(0, g[0], 1e-5);
            assertEquals(ox / len, g[1], 1e-5);
            assertEquals(-1 / len, g[2], 1e-5);
        }
    }
}

package org.luxnet.scene.compile;

import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * pbrt's {@code bilinearmesh} (pbrt-v4 shapes.cpp; pbrt-v3 has no such shape) as triangles: each
 * patch of four vertices p00, p10, p01, p11 is the surface (1-u)(1-v) p00 + u(1-v) p10 + (1-u)v p01 +
 * uv p11. A planar patch is exactly its two triangles; a curved one is sampled on a {@link #GRID} x
 * {@link #GRID} grid with the patch's own normal, normalize(dp/du x dp/dv), or the bilinearly
 * interpolated "N" when given.
 */
final class BilinearPatches {
    /** Cells per side of a curved patch. */
    static final int GRID = 16;

    private BilinearPatches() {
    }

    /**
     * The patches as a triangle mesh: positions, normals, indices.
     *
     * @param normals per-vertex "N", or null
     */
    static LoopSubdivision.Mesh tessellate(float[] p, int[] indices, float[] normals, FileLoc loc) {
        int nv = p.length / 3;
        if (indices == null) {
            if (nv != 4) {
                throw new SceneException(loc, "bilinearmesh needs \"integer indices\" (4 per patch) unless it has exactly 4 points, it has " + nv);
            }
            indices = new int[] {0, 1, 2, 3};
        }
        if (indices.length % 4 != 0 || indices.length == 0) {
            throw new SceneException(loc, "bilinearmesh \"indices\" must be a non-empty multiple of 4 values, got " + indices.length);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= nv) {
                throw new SceneException(loc, "bilinearmesh index " + indices[i] + " (entry " + i + ") is out of range: the mesh has "
                        + nv + " vertices");
            }
        }
        if (normals != null && normals.length != p.length) {
            throw new SceneException(loc, "bilinearmesh \"N\" has " + normals.length / 3 + " normals but \"P\" has " + nv + " points");
        }
        int patches = indices.length / 4;
        if ((long) patches * (GRID + 1) * (GRID + 1) > LoopSubdivision.MAX_TRIANGLES) {
            throw new SceneException(loc, "bilinearmesh with " + patches + " patches is too large to tessellate");
        }
        FloatList pos = new FloatList();
        FloatList nrm = new FloatList();
        IntList tri = new IntList();
        for (int q = 0; q < patches; q++) {
            int[] c = {indices[4 * q], indices[4 * q + 1], indices[4 * q + 2], indices[4 * q + 3]};
            int n = planar(p, c) ? 1 : GRID;
            int base = pos.size() / 3;
            for (int j = 0; j <= n; j++) {
                for (int i = 0; i <= n; i++) {
                    double u = (double) i / n, v = (double) j / n;
                    double[] w = {(1 - u) * (1 - v), u * (1 - v), (1 - u) * v, u * v};
                    double[] dpdu = new double[3], dpdv = new double[3], nn = new double[3];
                    for (int k = 0; k < 3; k++) {
                        double x = 0;
                        for (int m = 0; m < 4; m++) {
                            x += w[m] * p[3 * c[m] + k];
                            if (normals != null) {
                                nn[k] += w[m] * normals[3 * c[m] + k];
                            }
                        }
                        pos.add((float) x);
                        dpdu[k] = (1 - v) * (p[3 * c[1] + k] - p[3 * c[0] + k]) + v * (p[3 * c[3] + k] - p[3 * c[2] + k]);
                        dpdv[k] = (1 - u) * (p[3 * c[2] + k] - p[3 * c[0] + k]) + u * (p[3 * c[3] + k] - p[3 * c[1] + k]);
                    }
                    if (normals == null) {
                        nn[0] = dpdu[1] * dpdv[2] - dpdu[2] * dpdv[1];
                        nn[1] = dpdu[2] * dpdv[0] - dpdu[0] * dpdv[2];
                        nn[2] = dpdu[0] * dpdv[1] - dpdu[1] * dpdv[0];
                    }
                    nrm.add((float) nn[0], (float) nn[1], (float) nn[2]);
                }
            }
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int a = base + j * (n + 1) + i, b = a + 1, cc = a + n + 1, d = cc + 1;
                    tri.add(a);
                    tri.add(b);
                    tri.add(d);
                    tri.add(a);
                    tri.add(d);
                    tri.add(cc);
                }
            }
        }
        return new LoopSubdivision.Mesh(pos.toArray(), nrm.toArray(), tri.toArray());
    }

    /** True when p11 lies in the plane of p00, p10, p01 (relative tolerance 1e-6). */
    private static boolean planar(float[] p, int[] c) {
        double[] e1 = new double[3], e2 = new double[3], e3 = new double[3];
        for (int k = 0; k < 3; k++) {
            e1[k] = p[3 * c[1] + k] - p[3 * c[0] + k];
            e2[k] = p[3 * c[2] + k] - p[3 * c[0] + k];
            e3[k] = p[3 * c[3] + k] - p[3 * c[0] + k];
        }
        double vol = e3[0] * (e1[1] * e2[2] - e1[2] * e2[1]) + e3[1] * (e1[2] * e2[0] - e1[0] * e2[2])
                + e3[2] * (e1[0] * e2[1] - e1[1] * e2[0]);
        double scale = len(e1) * len(e2) * len(e3);
        return Math.abs(vol) <= 1e-6 * scale;
    }

    private static double len(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }
}

package org.luxnet.scene.compile;

import org.luxnet.render.transport.HostTextures;

/**
 * LuxRender's "microdisplacement" subdivision scheme (shapes/meshmicrodisplacementtriangle.cpp),
 * tessellated at compile time. LuxRender splits each triangle into an N x N grid of micro-triangles
 * (N = nsubdivlevels) over its barycentric coordinates, each corner at the triangle's point p plus n
 * (clamp(texture, -1, 1) dmscale + dmoffset) with n the normalized interpolated vertex normal (the
 * face normal without "normal N") and the texture evaluated at p and the interpolated uv (0.5, 0.5
 * without uv: MeshMicroDisplacementTriangle::GetUVs), and marches rays through that grid
 * (MeshMicroDisplacementTriangle::Intersect); the micro-triangles it hits are the ones built here, so
 * the surface is the same. Vertex order follows the constructor: swapped by ReverseOrientation xor a
 * mirroring transform, swapped back when all three vertex normals oppose the face normal. Each
 * triangle is its own grid, as in LuxRender (without normals, neighbouring grids may part).
 *
 * <p>Shading: flat, as LuxRender's hit, unless "bool dmnormalsmooth" and the mesh has normals: then
 * LuxRender bump-maps the interpolated normal by the texture's slopes (GetShadingGeometry, GetDuv);
 * here each micro vertex gets the mean normal of its micro-triangles, the same surface's normal
 * sampled on the grid (the caller warns).
 */
final class LuxMicroDisplacement {
    /** Micro-triangles one mesh may make; more lowers N (the caller warns). */
    static final long MAX_TRIANGLES = 1L << 24;

    private LuxMicroDisplacement() {
    }

    /** The largest grid size at most {@code levels} that keeps {@code triangles} x N^2 within the limit. */
    static int gridSize(int triangles, int levels) {
        long n = levels;
        while (n > 1 && (long) triangles * n * n > MAX_TRIANGLES) {
            n--;
        }
        return (int) n;
    }

    /**
     * The tessellated mesh.
     *
     * @param wp      world-space points
     * @param wn      world-space unit normals ("normal N"), or null
     * @param uv      2 floats per point, or null
     * @param ro      ReverseOrientation (LuxRender negates the normals)
     * @param flip    ReverseOrientation xor a mirroring transform
     * @param n       the grid size N (at least 1)
     * @param smooth  dmnormalsmooth: shading normals when the mesh has normals
     */
    static LuxSubdivision.Result tessellate(float[] wp, int[] indices, float[] wn, float[] uv, boolean ro, boolean flip,
                                            int n, HostTextures tex, int[] prog, float scale, float offset,
                                            boolean smooth) {
        int tris = indices.length / 3;
        int perTri = (n + 1) * (n + 2) / 2;
        float[] pos = new float[3 * perTri * tris];
        float[] tuv = new float[2 * perTri * tris];
        int[] out = new int[3 * n * n * tris];
        boolean shade = smooth && wn != null;
        float[] nrm = shade ? new float[pos.length] : null;
        int nv = 0, ni = 0;
        int[] id = new int[(n + 1) * (n + 1)];
        for (int t = 0; t < tris; t++) {
            int[] v = {indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]};
            boolean swapped = flip;
            if (flip) {
                v = new int[] {v[0], v[2], v[1]};
            }
            double[] fn = faceNormal(wp, v[0], v[1], v[2]);
            if (fn == null) {
                continue; // LuxRender's isDegenerate: not refined
            }
            double[][] vn = new double[3][];
            for (int c = 0; c < 3; c++) {
                vn[c] = wn == null ? fn : new double[] {ro ? -wn[3 * v[c]] : wn[3 * v[c]],
                        ro ? -wn[3 * v[c] + 1] : wn[3 * v[c] + 1], ro ? -wn[3 * v[c] + 2] : wn[3 * v[c] + 2]};
            }
            if (wn != null && dot(fn, vn[0]) < 0 && dot(fn, vn[1]) < 0 && dot(fn, vn[2]) < 0) {
                v = new int[] {v[0], v[2], v[1]};
                double[] tmp = vn[1];
                vn[1] = vn[2];
                vn[2] = tmp;
                swapped = !swapped;
            }
            int first = nv;
            // Grid corners (i, j, k), i + j + k = N: weights i/N, j/N, k/N of v[0], v[1], v[2].
            for (int j = 0; j <= n; j++) {
                for (int k = 0; j + k <= n; k++) {
                    float bu = (float) (n - j - k) / n, bv = (float) j / n, bw = (float) k / n;
                    double[] p = new double[3], d = new double[3];
                    for (int c = 0; c < 3; c++) {
                        p[c] = bu * wp[3 * v[0] + c] + bv * wp[3 * v[1] + c] + bw * wp[3 * v[2] + c];
                        d[c] = bu * vn[0][c] + bv * vn[1][c] + bw * vn[2][c];
                    }
                    double len = Math.sqrt(dot(d, d));
                    float su = 0.5f, sv = 0.5f;
                    if (uv != null) {
                        su = bu * uv[2 * v[0]] + bv * uv[2 * v[1]] + bw * uv[2 * v[2]];
                        sv = bu * uv[2 * v[0] + 1] + bv * uv[2 * v[1] + 1] + bw * uv[2 * v[2] + 1];
                    }
                    if (len > 0) {
                        // The normal of "globalnormal"/"localnormal" 3D texture coordinates: the displacement's direction.
                        tex.normal((float) (d[0] / len), (float) (d[1] / len), (float) (d[2] / len));
                    }
                    float h = tex.evalFloat(prog[0], prog[1], su, sv, (float) p[0], (float) p[1], (float) p[2]);
                    double k2 = len > 0 ? (Math.max(-1f, Math.min(1f, h)) * scale + offset) / len : 0;
                    for (int c = 0; c < 3; c++) {
                        pos[3 * nv + c] = (float) (p[c] + k2 * d[c]);
                    }
                    tuv[2 * nv] = su;
                    tuv[2 * nv + 1] = sv;
                    id[j * (n + 1) + k] = nv++;
                }
            }
            // Lower micro-triangles (i + j + k = N - 1) and upper ones (= N - 2), wound as v[0], v[1], v[2]
            // (then as the mesh's own order).
            int firstIndex = ni;
            for (int j = 0; j < n; j++) {
                for (int k = 0; j + k < n; k++) {
                    ni = put(out, ni, swapped, id[j * (n + 1) + k], id[(j + 1) * (n + 1) + k], id[j * (n + 1) + k + 1]);
                    if (j + k < n - 1) {
                        ni = put(out, ni, swapped, id[j * (n + 1) + k + 1], id[(j + 1) * (n + 1) + k],
                                id[(j + 1) * (n + 1) + k + 1]);
                    }
                }
            }
            if (shade) {
                meanNormals(pos, out, firstIndex, ni, nrm, first, nv, flip);
            }
        }
        return new LuxSubdivision.Result(java.util.Arrays.copyOf(pos, 3 * nv),
                nrm == null ? null : java.util.Arrays.copyOf(nrm, 3 * nv), java.util.Arrays.copyOf(tuv, 2 * nv),
                java.util.Arrays.copyOf(out, ni));
    }

    private static int put(int[] out, int at, boolean swapped, int a, int b, int c) {
        out[at] = a;
        out[at + 1] = swapped ? c : b;
        out[at + 2] = swapped ? b : c;
        return at + 3;
    }

    /** Unit normals of vertices first..end: the sum of their triangles' (area-weighted) winding normals, turned by flip. */
    private static void meanNormals(float[] pos, int[] idx, int from, int to, float[] nrm, int first, int end,
                                    boolean flip) {
        double[] acc = new double[3 * (end - first)];
        for (int i = from; i < to; i += 3) {
            int a = idx[i], b = idx[i + 1], c = idx[i + 2];
            double ex = pos[3 * b] - pos[3 * a], ey = pos[3 * b + 1] - pos[3 * a + 1], ez = pos[3 * b + 2] - pos[3 * a + 2];
            double fx = pos[3 * c] - pos[3 * a], fy = pos[3 * c + 1] - pos[3 * a + 1], fz = pos[3 * c + 2] - pos[3 * a + 2];
            double nx = ey * fz - ez * fy, ny = ez * fx - ex * fz, nz = ex * fy - ey * fx;
            for (int v : new int[] {a, b, c}) {
                acc[3 * (v - first)] += nx;
                acc[3 * (v - first) + 1] += ny;
                acc[3 * (v - first) + 2] += nz;
            }
        }
        double sign = flip ? -1 : 1;
        for (int v = 0; v < end - first; v++) {
            double l = Math.sqrt(acc[3 * v] * acc[3 * v] + acc[3 * v + 1] * acc[3 * v + 1] + acc[3 * v + 2] * acc[3 * v + 2]);
            double k = l > 0 ? sign / l : 0;
            for (int c = 0; c < 3; c++) {
                nrm[3 * (first + v) + c] = (float) (acc[3 * v + c] * k);
            }
        }
    }

    private static double[] faceNormal(float[] wp, int a, int b, int c) {
        double ex = wp[3 * b] - wp[3 * a], ey = wp[3 * b + 1] - wp[3 * a + 1], ez = wp[3 * b + 2] - wp[3 * a + 2];
        double fx = wp[3 * c] - wp[3 * a], fy = wp[3 * c + 1] - wp[3 * a + 1], fz = wp[3 * c + 2] - wp[3 * a + 2];
        double nx = ey * fz - ez * fy, ny = ez * fx - ex * fz, nz = ex * fy - ey * fx;
        double l = Math.sqrt(nx * nx + ny * ny + nz * nz);
        return l > 0 && Double.isFinite(l) ? new double[] {nx / l, ny / l, nz / l} : null;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}

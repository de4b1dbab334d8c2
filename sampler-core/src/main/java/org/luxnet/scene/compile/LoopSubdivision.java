package org.luxnet.scene.compile;

import java.util.HashMap;
import java.util.Map;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * pbrt-v3's {@code loopsubdiv} shape (src/shapes/loopsubdiv.cpp) as a triangle mesh: Loop's rules
 * applied {@code levels} times (even vertices by the one-ring rule with beta = 3/16 at valence 3 and
 * 3/(8n) otherwise, 1/16 at regular ones; odd vertices 3/8, 3/8, 1/8, 1/8; boundaries by the 1/8 cubic
 * B-spline and edge midpoints), then every vertex pushed to its limit position (gamma weights, 1/5 on
 * boundaries) with the limit normal from the two limit tangents, as pbrt computes them (its sign
 * included). Faces are index triples with neighbour links, as pbrt's SDFace pointers.
 */
final class LoopSubdivision {
    /** More triangles than this is refused: a typo in "levels" must not exhaust memory. */
    static final int MAX_TRIANGLES = 1 << 24;

    /** The limit surface as a mesh: positions and normals (3 floats per vertex), triangles. */
    record Mesh(float[] positions, float[] normals, int[] indices) {
    }

    private int nv;
    private int nf;
    private double[] p;
    private int[] startFace;
    private boolean[] boundary;
    private boolean[] regular;
    private int[] fv;
    private int[] ff;
    private final FileLoc loc;

    private LoopSubdivision(FileLoc loc) {
        this.loc = loc;
    }

    /**
     * Subdivides the control mesh {@code positions} / {@code indices} {@code levels} times.
     *
     * @throws SceneException at {@code loc} for bad indices, unused vertices, a mesh that is not a
     *     consistently oriented manifold, or a result over {@link #MAX_TRIANGLES}
     */
    static Mesh subdivide(float[] positions, int[] indices, int levels, FileLoc loc) {
        LoopSubdivision s = new LoopSubdivision(loc);
        s.init(positions, indices, levels);
        for (int i = 0; i < levels; i++) {
            s.refine();
        }
        return s.limit();
    }

    private void init(float[] positions, int[] indices, int levels) {
        nv = positions.length / 3;
        nf = indices.length / 3;
        if (indices.length % 3 != 0 || nf == 0) {
            throw new SceneException(loc, "loopsubdiv \"indices\" must be a non-empty multiple of 3 values, got " + indices.length);
        }
        if (levels < 0) {
            throw new SceneException(loc, "loopsubdiv \"levels\" must be 0 or more, got " + levels);
        }
        if (levels > 12 || (long) nf << (2 * levels) > MAX_TRIANGLES) {
            throw new SceneException(loc, "loopsubdiv with " + nf + " triangles and " + levels + " levels would make "
                    + nf + " x 4^" + levels + " triangles, more than the limit of " + MAX_TRIANGLES);
        }
        p = new double[3 * nv];
        for (int i = 0; i < p.length; i++) {
            p[i] = positions[i];
        }
        fv = indices.clone();
        ff = new int[3 * nf];
        startFace = new int[nv];
        java.util.Arrays.fill(startFace, -1);
        for (int i = 0; i < fv.length; i++) {
            if (fv[i] < 0 || fv[i] >= nv) {
                throw new SceneException(loc, "loopsubdiv index " + fv[i] + " (entry " + i + ") is out of range: the mesh has "
                        + nv + " vertices");
            }
            startFace[fv[i]] = i / 3;
        }
        for (int v = 0; v < nv; v++) {
            if (startFace[v] < 0) {
                throw new SceneException(loc, "loopsubdiv vertex " + v + " is used by no triangle (pbrt-v3 cannot subdivide it either)");
            }
        }
        // Neighbour links: the second face on an edge links with the first, as pbrt's edge set does.
        java.util.Arrays.fill(ff, -1);
        Map<Long, Integer> open = new HashMap<>();
        for (int f = 0; f < nf; f++) {
            for (int e = 0; e < 3; e++) {
                long key = edgeKey(fv[3 * f + e], fv[3 * f + next(e)]);
                Integer first = open.remove(key);
                if (first == null) {
                    open.put(key, 3 * f + e);
                } else {
                    ff[first] = f;
                    ff[3 * f + e] = first / 3;
                }
            }
        }
        boundary = new boolean[nv];
        regular = new boolean[nv];
        for (int v = 0; v < nv; v++) {
            int f = startFace[v];
            int steps = 0;
            do {
                f = nextFace(f, v);
                checkSteps(++steps, v);
            } while (f >= 0 && f != startFace[v]);
            boundary[v] = f < 0;
            int val = valence(v);
            regular[v] = boundary[v] ? val == 4 : val == 6;
        }
    }

    /** One level of Loop subdivision: 4 children per face, even vertices keep their index. */
    private void refine() {
        Map<Long, Integer> edgeVert = new HashMap<>();
        int newNv = nv;
        for (int f = 0; f < nf; f++) {
            for (int k = 0; k < 3; k++) {
                long key = edgeKey(fv[3 * f + k], fv[3 * f + next(k)]);
                if (!edgeVert.containsKey(key)) {
                    edgeVert.put(key, newNv++);
                }
            }
        }
        double[] np = new double[3 * newNv];
        int[] nStart = new int[newNv];
        boolean[] nBoundary = new boolean[newNv];
        boolean[] nRegular = new boolean[newNv];
        // Even vertices: one-ring rule inside, boundary rule on the boundary.
        for (int v = 0; v < nv; v++) {
            if (!boundary[v]) {
                weightOneRing(v, regular[v] ? 1.0 / 16 : beta(valence(v)), np);
            } else {
                weightBoundary(v, 1.0 / 8, np);
            }
            nBoundary[v] = boundary[v];
            nRegular[v] = regular[v];
            nStart[v] = 4 * startFace[v] + vnum(startFace[v], v);
        }
        // Odd vertices, created once per edge from the first face that reaches it.
        boolean[] done = new boolean[newNv];
        for (int f = 0; f < nf; f++) {
            for (int k = 0; k < 3; k++) {
                int a = fv[3 * f + k], b = fv[3 * f + next(k)];
                int ov = edgeVert.get(edgeKey(a, b));
                if (done[ov]) {
                    continue;
                }
                done[ov] = true;
                nRegular[ov] = true;
                nBoundary[ov] = ff[3 * f + k] < 0;
                nStart[ov] = 4 * f + 3;
                for (int c = 0; c < 3; c++) {
                    if (nBoundary[ov]) {
                        np[3 * ov + c] = 0.5 * p[3 * a + c] + 0.5 * p[3 * b + c];
                    } else {
                        np[3 * ov + c] = 3.0 / 8 * p[3 * a + c] + 3.0 / 8 * p[3 * b + c]
                                + 1.0 / 8 * p[3 * otherVert(f, a, b) + c] + 1.0 / 8 * p[3 * otherVert(ff[3 * f + k], a, b) + c];
                    }
                }
            }
        }
        // Children: 0..2 at the corners, 3 in the middle; neighbours and vertices as pbrt links them.
        int[] nfv = new int[12 * nf];
        int[] nff = new int[12 * nf];
        for (int f = 0; f < nf; f++) {
            for (int j = 0; j < 3; j++) {
                int v = fv[3 * f + j];
                nff[3 * (4 * f + 3) + j] = 4 * f + next(j);
                nff[3 * (4 * f + j) + next(j)] = 4 * f + 3;
                int f2 = ff[3 * f + j];
                nff[3 * (4 * f + j) + j] = f2 >= 0 ? 4 * f2 + vnum(f2, v) : -1;
                f2 = ff[3 * f + prev(j)];
                nff[3 * (4 * f + j) + prev(j)] = f2 >= 0 ? 4 * f2 + vnum(f2, v) : -1;
                int ov = edgeVert.get(edgeKey(v, fv[3 * f + next(j)]));
                nfv[3 * (4 * f + j) + j] = v;
                nfv[3 * (4 * f + j) + next(j)] = ov;
                nfv[3 * (4 * f + next(j)) + j] = ov;
                nfv[3 * (4 * f + 3) + j] = ov;
            }
        }
        nv = newNv;
        nf = 4 * nf;
        p = np;
        startFace = nStart;
        boundary = nBoundary;
        regular = nRegular;
        fv = nfv;
        ff = nff;
    }

    /** Limit positions, then limit normals from the tangents at those positions. */
    private Mesh limit() {
        double[] lp = new double[3 * nv];
        for (int v = 0; v < nv; v++) {
            if (boundary[v]) {
                weightBoundary(v, 1.0 / 5, lp);
            } else {
                weightOneRing(v, gamma(valence(v)), lp);
            }
        }
        p = lp;
        float[] pos = new float[3 * nv];
        float[] nrm = new float[3 * nv];
        for (int v = 0; v < nv; v++) {
            int val = valence(v);
            double[] ring = oneRing(v, val);
            double[] s = new double[3], t = new double[3];
            for (int c = 0; c < 3; c++) {
                double pc = p[3 * v + c];
                if (!boundary[v]) {
                    for (int j = 0; j < val; j++) {
                        s[c] += Math.cos(2 * Math.PI * j / val) * ring[3 * j + c];
                        t[c] += Math.sin(2 * Math.PI * j / val) * ring[3 * j + c];
                    }
                } else {
                    s[c] = ring[3 * (val - 1) + c] - ring[c];
                    if (val == 2) {
                        t[c] = ring[c] + ring[3 + c] - 2 * pc;
                    } else if (val == 3) {
                        t[c] = ring[3 + c] - pc;
                    } else if (val == 4) {
                        t[c] = -ring[c] + 2 * ring[3 + c] + 2 * ring[6 + c] - ring[9 + c] - 2 * pc;
                    } else {
                        double theta = Math.PI / (val - 1);
                        t[c] = Math.sin(theta) * (ring[c] + ring[3 * (val - 1) + c]);
                        for (int k = 1; k < val - 1; k++) {
                            t[c] += (2 * Math.cos(theta) - 2) * Math.sin(k * theta) * ring[3 * k + c];
                        }
                        t[c] = -t[c];
                    }
                }
                pos[3 * v + c] = (float) pc;
            }
            nrm[3 * v] = (float) (s[1] * t[2] - s[2] * t[1]);
            nrm[3 * v + 1] = (float) (s[2] * t[0] - s[0] * t[2]);
            nrm[3 * v + 2] = (float) (s[0] * t[1] - s[1] * t[0]);
        }
        return new Mesh(pos, nrm, fv);
    }

    private void weightOneRing(int v, double beta, double[] out) {
        int val = valence(v);
        double[] ring = oneRing(v, val);
        for (int c = 0; c < 3; c++) {
            double sum = (1 - val * beta) * p[3 * v + c];
            for (int i = 0; i < val; i++) {
                sum += beta * ring[3 * i + c];
            }
            out[3 * v + c] = sum;
        }
    }

    private void weightBoundary(int v, double beta, double[] out) {
        int val = valence(v);
        double[] ring = oneRing(v, val);
        for (int c = 0; c < 3; c++) {
            out[3 * v + c] = (1 - 2 * beta) * p[3 * v + c] + beta * ring[c] + beta * ring[3 * (val - 1) + c];
        }
    }

    /** The neighbours of {@code v} in pbrt's order (boundary: from one boundary edge to the other). */
    private double[] oneRing(int v, int val) {
        double[] ring = new double[3 * val];
        int n = 0;
        int f = startFace[v];
        if (!boundary[v]) {
            do {
                n = put(ring, n, nextVert(f, v));
                f = nextFace(f, v);
            } while (f != startFace[v]);
        } else {
            int f2;
            while ((f2 = nextFace(f, v)) >= 0) {
                f = f2;
            }
            n = put(ring, n, nextVert(f, v));
            do {
                n = put(ring, n, prevVert(f, v));
                f = prevFace(f, v);
            } while (f >= 0);
        }
        return ring;
    }

    private int put(double[] ring, int n, int vertex) {
        if (3 * n + 2 >= ring.length) {
            throw notManifold(vertex);
        }
        ring[3 * n] = p[3 * vertex];
        ring[3 * n + 1] = p[3 * vertex + 1];
        ring[3 * n + 2] = p[3 * vertex + 2];
        return n + 1;
    }

    private int valence(int v) {
        int f = startFace[v];
        int n = 1;
        if (!boundary[v]) {
            while ((f = nextFace(f, v)) != startFace[v]) {
                checkSteps(++n, v);
            }
            return n;
        }
        while ((f = nextFace(f, v)) >= 0) {
            checkSteps(++n, v);
        }
        f = startFace[v];
        while ((f = prevFace(f, v)) >= 0) {
            checkSteps(++n, v);
        }
        return n + 1;
    }

    /** A walk around a vertex longer than the mesh has faces never closes: bad topology, not a hang. */
    private void checkSteps(int steps, int v) {
        if (steps > nf + 1) {
            throw notManifold(v);
        }
    }

    private SceneException notManifold(int v) {
        return new SceneException(loc, "loopsubdiv mesh is not a consistently oriented manifold around vertex " + v
                + " (each edge must be shared by at most two triangles, wound in opposite directions)");
    }

    private int vnum(int f, int v) {
        for (int i = 0; i < 3; i++) {
            if (fv[3 * f + i] == v) {
                return i;
            }
        }
        throw notManifold(v);
    }

    private int nextFace(int f, int v) {
        return ff[3 * f + vnum(f, v)];
    }

    private int prevFace(int f, int v) {
        return ff[3 * f + prev(vnum(f, v))];
    }

    private int nextVert(int f, int v) {
        return fv[3 * f + next(vnum(f, v))];
    }

    private int prevVert(int f, int v) {
        return fv[3 * f + prev(vnum(f, v))];
    }

    private int otherVert(int f, int a, int b) {
        for (int i = 0; i < 3; i++) {
            int x = fv[3 * f + i];
            if (x != a && x != b) {
                return x;
            }
        }
        throw notManifold(a);
    }

    private static double beta(int valence) {
        return valence == 3 ? 3.0 / 16 : 3.0 / (8.0 * valence);
    }

    private static double gamma(int valence) {
        return 1 / (valence + 3 / (8 * beta(valence)));
    }

    private static long edgeKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    private static int next(int i) {
        return (i + 1) % 3;
    }

    private static int prev(int i) {
        return (i + 2) % 3;
    }
}

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
    /** LuxRender only: uv (and vertex colours, alphas) per face corner ({@link #width} per corner), or null. */
    private double[] cuv;
    /** Floats per corner in {@link #cuv}: 2 for uv; 6 with LuxRender's vertex colour and alpha after them. */
    private int width = 2;
    /**
     * The attribute groups of a corner, as channel ranges [groups[i], groups[i + 1]): uv, colour, alpha.
     * LoopSubdiv::weightOneRing and weightBoundary decide a seam for each group on its own.
     */
    private int[] groups = {0, 2};
    /** LuxRender only: "bool dmsharpboundary": boundary vertices keep their place, uv included. */
    private boolean sharp;

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

    /** LuxRender's Loop subdivision (see {@link LuxSubdivision}): positions, limit normals, and uv per face corner. */
    record LuxMesh(float[] positions, float[] normals, int[] indices, float[] cornerUv) {
    }

    /**
     * LuxRender's variant (shapes/loopsubdiv.cpp): the same rules and limit on a mesh whose vertices are
     * one per position, with uv carried per face corner as LuxRender carries each vertex copy's uv (null
     * when the mesh has none) and, when {@code sharpBoundary}, boundary vertices held in place.
     *
     * <p>uv rules (LoopSubdiv::weightOneRing, weightBoundary, Refine): a vertex whose corners, or whose
     * neighbours' corners on the faces around it, do not all have the same uv (a seam) keeps each
     * corner's own uv; otherwise its uv follows the position's weights. An edge point takes 3/8, 3/8,
     * 1/8, 1/8 of the uvs when both faces agree on the uvs of the edge's ends, else the midpoint of each
     * face's own two uvs (and so one vertex per side); on a boundary the midpoint.
     *
     * @param cornerUv 6 floats per face (the uv of its three corners), or null
     */
    static LuxMesh subdivideLux(float[] positions, int[] indices, float[] cornerUv, boolean sharpBoundary, int levels,
                                FileLoc loc) {
        return subdivideLux(positions, indices, cornerUv, 2, new int[] {0, 2}, sharpBoundary, levels, loc, null);
    }

    /**
     * {@link #subdivideLux(float[], int[], float[], boolean, int, FileLoc)} for corners of {@code width}
     * attributes in {@code groups} (channel ranges, see {@link #groups}): uv, then LuxRender's vertex
     * colour (3) and alpha (1), which loopsubdiv.cpp carries exactly as uv, a seam decided per attribute
     * at vertices (colSplit, alphaSplit) and for all of them at once at edges.
     */
    static LuxMesh subdivideLux(float[] positions, int[] indices, float[] cornerUv, int width, int[] groups,
                                boolean sharpBoundary, int levels, FileLoc loc) {
        return subdivideLux(positions, indices, cornerUv, width, groups, sharpBoundary, levels, loc, null);
    }

    /** Moves the limit vertices: returns 3 coordinates per vertex (LuxSubdivision's displacement map). */
    interface Displace {
        /**
         * @param limit    the limit mesh, normals unnormalized (pbrt's tangent order)
         * @param cornerUv the limit attributes per face corner, uv first, or null
         * @param width    floats per corner in {@code cornerUv}
         */
        double[] displace(Mesh limit, float[] cornerUv, int width);
    }

    /**
     * The above, then, when {@code displace} is not null, the limit vertices moved by it and the normals
     * recomputed from the moved positions with the same tangents (LoopSubdiv::Refine calls
     * GenerateNormals again after ApplyDisplacementMap).
     */
    static LuxMesh subdivideLux(float[] positions, int[] indices, float[] cornerUv, int width, int[] groups,
                                boolean sharpBoundary, int levels, FileLoc loc, Displace displace) {
        LoopSubdivision s = new LoopSubdivision(loc);
        s.init(positions, indices, levels);
        s.sharp = sharpBoundary;
        s.width = width;
        s.groups = groups.clone();
        if (cornerUv != null) {
            s.cuv = new double[cornerUv.length];
            for (int i = 0; i < cornerUv.length; i++) {
                s.cuv[i] = cornerUv[i];
            }
        }
        for (int i = 0; i < levels; i++) {
            s.refine();
        }
        double[] uvLimit = s.cuv == null ? null : s.evenUv(gammaWeights(s), 1.0 / 5);
        Mesh m = s.limit();
        float[] fu = null;
        if (uvLimit != null) {
            fu = new float[uvLimit.length];
            for (int i = 0; i < fu.length; i++) {
                fu[i] = (float) uvLimit[i];
            }
        }
        if (displace != null) {
            s.p = displace.displace(m, fu, s.width);
            m = s.atPositions();
        }
        return new LuxMesh(m.positions(), m.normals(), m.indices(), fu);
    }

    private static double[] gammaWeights(LoopSubdivision s) {
        double[] w = new double[s.nv];
        for (int v = 0; v < s.nv; v++) {
            w[v] = s.boundary[v] ? 0 : gamma(s.valence(v));
        }
        return w;
    }

    private double cu(int f, int k, int c) {
        return cuv[3 * width * f + width * k + c];
    }

    /** Corner k of face f and corner kg of face g agree on every attribute. */
    private boolean sameUv(int f, int k, int g, int kg) {
        boolean same = true;
        for (int c = 0; c < width; c++) {
            same &= cu(f, k, c) == cu(g, kg, c);
        }
        return same;
    }

    /** The two corners agree on attribute group {@code gi} (its channels, see {@link #groups}). */
    private boolean sameGroup(int f, int k, int g, int kg, int gi) {
        boolean same = true;
        for (int c = groups[gi]; c < groups[gi + 1]; c++) {
            same &= cu(f, k, c) == cu(g, kg, c);
        }
        return same;
    }

    /** Marks, for each attribute group where corner k of f and corner kg of g differ, vertex v's seam. */
    private void markSplit(boolean[] split, int v, int f, int k, int g, int kg) {
        int ng = groups.length - 1;
        for (int gi = 0; gi < ng; gi++) {
            split[v * ng + gi] |= !sameGroup(f, k, g, kg, gi);
        }
    }

    /** The attribute group of channel c. */
    private int groupOf(int c) {
        int gi = 0;
        while (c >= groups[gi + 1]) {
            gi++;
        }
        return gi;
    }

    /**
     * The uv of every face corner after moving the even vertices: one-ring weights {@code interior[v]}
     * inside, {@code boundaryBeta} on the boundary, each corner's own uv at seams and (sharp) boundaries.
     */
    private double[] evenUv(double[] interior, double boundaryBeta) {
        int ng = groups.length - 1;
        double[] wuv = new double[width * nv];
        boolean[] split = new boolean[ng * nv];
        boolean[] seen = new boolean[nv];
        for (int f0 = 0; f0 < nf; f0++) {
            for (int k0 = 0; k0 < 3; k0++) {
                int v = fv[3 * f0 + k0];
                if (seen[v]) {
                    continue;
                }
                seen[v] = true;
                int start = startFace[v];
                int ks = vnum(start, v);
                if (!boundary[v]) {
                    int val = valence(v);
                    double beta = interior[v];
                    for (int c = 0; c < width; c++) {
                        wuv[width * v + c] = (1 - val * beta) * cu(start, ks, c);
                    }
                    int f = start;
                    do {
                        int k = vnum(f, v);
                        markSplit(split, v, f, k, start, ks);
                        int kn = next(k);
                        for (int c = 0; c < width; c++) {
                            wuv[width * v + c] += beta * cu(f, kn, c);
                        }
                        int g = nextFace(f, v);
                        int nb = fv[3 * f + kn];
                        markSplit(split, v, f, kn, g, vnum(g, nb));
                        f = g;
                    } while (f != start);
                } else if (sharp) {
                    for (int gi = 0; gi < ng; gi++) {
                        split[v * ng + gi] = true;
                    }
                } else {
                    int f = start, f2;
                    while ((f2 = nextFace(f, v)) >= 0) {
                        f = f2;
                    }
                    int k = vnum(f, v);
                    for (int c = 0; c < width; c++) {
                        wuv[width * v + c] = boundaryBeta * cu(f, next(k), c);
                    }
                    while (true) {
                        k = vnum(f, v);
                        markSplit(split, v, f, k, start, ks);
                        int kp = prev(k);
                        int g = prevFace(f, v);
                        if (g < 0) {
                            for (int c = 0; c < width; c++) {
                                wuv[width * v + c] += boundaryBeta * cu(f, kp, c);
                            }
                            break;
                        }
                        int nb = fv[3 * f + kp];
                        markSplit(split, v, f, kp, g, vnum(g, nb));
                        f = g;
                    }
                    for (int c = 0; c < width; c++) {
                        wuv[width * v + c] += (1 - 2 * boundaryBeta) * cu(start, ks, c);
                    }
                }
            }
        }
        double[] out = new double[3 * width * nf];
        for (int f = 0; f < nf; f++) {
            for (int k = 0; k < 3; k++) {
                int v = fv[3 * f + k];
                for (int c = 0; c < width; c++) {
                    out[3 * width * f + width * k + c] = split[v * ng + groupOf(c)] ? cu(f, k, c) : wuv[width * v + c];
                }
            }
        }
        return out;
    }

    /** The uv of edge {@code e}'s new point as face {@code f} sees it (see {@link #subdivideLux}). */
    private double[] oddUv(int f, int e) {
        int a = fv[3 * f + e], b = fv[3 * f + next(e)];
        int g = ff[3 * f + e];
        double[] uv = new double[width];
        boolean smooth = g >= 0 && sameUv(f, e, g, vnum(g, a)) && sameUv(f, next(e), g, vnum(g, b));
        for (int c = 0; c < width; c++) {
            if (smooth) {
                int og = 0;
                while (fv[3 * g + og] == a || fv[3 * g + og] == b) {
                    og++;
                }
                uv[c] = 3.0 / 8 * (cu(f, e, c) + cu(f, next(e), c)) + 1.0 / 8 * (cu(f, prev(e), c) + cu(g, og, c));
            } else {
                uv[c] = 0.5 * (cu(f, e, c) + cu(f, next(e), c));
            }
        }
        return uv;
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
        double[] ncuv = null;
        if (cuv != null) {
            // Corner uvs of the children (LuxRender): child j keeps corner j's even uv and takes the edge
            // points of edges j and prev(j); the middle child takes the three edge points.
            double[] interior = new double[nv];
            for (int v = 0; v < nv; v++) {
                interior[v] = boundary[v] ? 0 : regular[v] ? 1.0 / 16 : beta(valence(v));
            }
            double[] even = evenUv(interior, 1.0 / 8);
            int w = width, fw = 3 * width;
            ncuv = new double[4 * fw * nf];
            for (int f = 0; f < nf; f++) {
                double[][] odd = {oddUv(f, 0), oddUv(f, 1), oddUv(f, 2)};
                for (int j = 0; j < 3; j++) {
                    for (int c = 0; c < w; c++) {
                        ncuv[fw * (4 * f + j) + w * j + c] = even[fw * f + w * j + c];
                        ncuv[fw * (4 * f + j) + w * next(j) + c] = odd[j][c];
                        ncuv[fw * (4 * f + j) + w * prev(j) + c] = odd[prev(j)][c];
                        ncuv[fw * (4 * f + 3) + w * j + c] = odd[j][c];
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
        cuv = ncuv;
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
        return atPositions();
    }

    /** The mesh at the current positions, with the limit normals from the tangents there (GenerateNormals). */
    private Mesh atPositions() {
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
        if (sharp) {
            System.arraycopy(p, 3 * v, out, 3 * v, 3);
            return;
        }
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

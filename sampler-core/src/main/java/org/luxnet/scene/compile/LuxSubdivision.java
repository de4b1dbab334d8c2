package org.luxnet.scene.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ShapeDesc;

/**
 * LuxRender's subdivided meshes: {@code Shape "mesh"} (and its other names) with {@code "string
 * subdivscheme"} (default "loop") and {@code "integer nsubdivlevels"} (default {@code "integer
 * nlevels"}, default 0, negative counts as 0), as shapes/mesh.cpp reads them.
 *
 * <p>LuxRender's "loop" scheme (shapes/loopsubdiv.cpp, LoopSubdiv::Refine) has pbrt-v3's rules and
 * limit, which {@link LoopSubdivision} implements: the same beta (3/16 at valence 3, else 3/(8n)),
 * 1/16 at regular vertices, 3/8-1/8 edge points, the 1/8 boundary rule and midpoints on boundary
 * edges, the gamma / 1/5 limit weights, and with "bool dmnormalsmooth" (default true) the limit
 * normals from the same two tangents (GenerateNormals); without it the mesh has no normals. It differs
 * from pbrt's in four ways, followed here:
 * <ul>
 * <li>it subdivides the world-space points (Mesh::Mesh transforms P first);</li>
 * <li>its edges and one-rings compare vertex positions, not indices (SDEdge::operator&lt;,
 * SDFace::vnum), so vertices an exporter duplicated at a uv or normal seam are one vertex and the
 * seam is not a boundary: here such vertices are merged before subdividing;</li>
 * <li>it carries uv through the same weights, per vertex copy: a vertex at a seam (its copies, or
 * its neighbours' copies around it, differ in uv) keeps each copy's uv, an edge whose two faces
 * disagree on the uv of its ends gets one point per side at the midpoint of that side's uvs, and
 * elsewhere uv follows the position's rules ({@link LoopSubdivision#subdivideLux}); the result has
 * one vertex per triangle corner; vertex colours ("float C") and alphas ("float A") go the same way,
 * each with its own seams at vertices, and an edge is a seam when any of uv, colour, alpha differs;</li>
 * <li>"bool dmsharpboundary" (default false; LoopSubdiv::weightBoundary) holds boundary vertices in
 * place, with or without a displacement map.</li>
 * <li>"bool dmnormalsplit" (default false) on a mesh with "normal N": its edges compare the ends'
 * normals too (SDEdge::operator&lt;), so vertices at one place with different normals stay apart and
 * the edges between them are boundaries; after a displacement the normals are not recomputed
 * (Refine).</li>
 * </ul>
 * The normals are turned to agree with the winding (LuxRender's triangles take their side from it,
 * flipped by ReverseOrientation or a mirroring transform). A "string displacementmap" (with "float
 * dmscale", default 0.1, and "float dmoffset", default 0) moves the limit vertices as {@link
 * LuxDisplacement} says, before the normals are computed; without subdivision levels it does nothing,
 * as in LuxRender (mesh.cpp: only Refine's LoopSubdiv displaces).
 * "microdisplacement" (with a displacementmap) is tessellated by {@link LuxMicroDisplacement}; without
 * one the plain mesh is rendered, as LuxRender does. A mesh LuxRender cannot subdivide
 * (inconsistent winding, a non-manifold edge) is rendered unsubdivided with a warning, as LuxRender
 * logs an error and keeps it.
 */
final class LuxSubdivision {
    /** The subdivided world-space mesh; normals, uv, colours and alphas may be null. */
    record Result(float[] positions, float[] normals, float[] uv, int[] indices, float[] colours, float[] alphas) {
        Result(float[] positions, float[] normals, float[] uv, int[] indices) {
            this(positions, normals, uv, indices, null, null);
        }
    }

    private LuxSubdivision() {
    }

    /**
     * Reads the subdivision parameters of a mesh (marking them used) and returns the subdivided mesh, or
     * null when the mesh is to be rendered as given.
     *
     * @param wp   world-space points
     * @param flip ReverseOrientation xor a mirroring transform
     */
    static Result apply(ShapeDesc shape, float[] wp, int[] indices, float[] uv, boolean flip, List<SceneWarning> warnings) {
        return apply(shape, wp, indices, null, uv, null, null, flip, warnings, null);
    }

    /**
     * {@link #apply(ShapeDesc, float[], int[], float[], boolean, List)} for a mesh with LuxRender vertex
     * colours {@code col} (3 per vertex) and alphas {@code alpha} (1 per vertex), either may be null:
     * loopsubdiv.cpp carries them through the same weights as uv (see {@link LoopSubdivision#subdivideLux}),
     * a missing one as 1 (its SDVertex default), and returns them only when the mesh had them.
     */
    static Result apply(ShapeDesc shape, float[] wp, int[] indices, float[] uv, float[] col, float[] alpha, boolean flip,
                        List<SceneWarning> warnings) {
        return apply(shape, wp, indices, null, uv, col, alpha, flip, warnings, null);
    }

    /**
     * The above, with "string displacementmap" applied through {@code displacement} (null: warned about
     * and not applied).
     *
     * @param wn world-space unit normals ("normal N", for "microdisplacement" and "dmnormalsplit"), or null
     */
    static Result apply(ShapeDesc shape, float[] wp, int[] indices, float[] wn, float[] uv, float[] col, float[] alpha,
                        boolean flip, List<SceneWarning> warnings, LuxDisplacement displacement) {
        ParamSet ps = shape.params();
        if (!ps.has("subdivscheme") && !ps.has("nsubdivlevels") && !ps.has("nlevels") && !ps.has("displacementmap")) {
            return null;
        }
        String scheme = ps.getString("subdivscheme", "loop");
        int nlevels = ps.getInt("nlevels", 0);
        int levels = Math.max(0, ps.has("nsubdivlevels") ? ps.getInt("nsubdivlevels", 0) : nlevels);
        String dm = ps.getString("displacementmap", "");
        float dmScale = (float) ps.getFloat("dmscale", 0.1);
        float dmOffset = (float) ps.getFloat("dmoffset", 0);
        boolean smooth = ps.getBool("dmnormalsmooth", true);
        // LoopSubdiv::weightBoundary: boundary vertices stay where they are (uv too), displacement or not.
        boolean sharp = ps.getBool("dmsharpboundary", false);
        boolean split = ps.getBool("dmnormalsplit", false);
        if (levels == 0) {
            return null; // LuxRender: mustSubdivide = nSubdivLevels > 0; nothing else is done
        }
        if (scheme.equals("microdisplacement")) {
            return micro(shape, wp, indices, wn, uv, flip, levels, smooth, dmScale, dmOffset, warnings, displacement);
        }
        if (!scheme.equals("loop")) {
            warnings.add(new SceneWarning(ps.get("subdivscheme").loc(), "subdivscheme \"" + scheme + "\" is unknown;"
                    + " using \"loop\" as LuxRender does"));
        }
        LoopSubdivision.Displace displace = null;
        if (!dm.isEmpty() && displacement == null) {
            warnings.add(new SceneWarning(ps.get("displacementmap").loc(), "displacementmap \"" + dm + "\" is not"
                    + " applied here; the mesh is subdivided without displacement"));
        } else if (!dm.isEmpty()) {
            // An unknown texture: the compiler warns, and LuxRender too subdivides without displacement.
            int[] prog = displacement.program(ps.get("displacementmap"));
            displace = prog == null ? null : displacement.loop(prog, dmScale, dmOffset);
        }
        // LoopSubdiv: normalSplit = dmnormalsplit && N; its SDEdge then also compares the ends' normals, so
        // vertices at one place with different normals are not joined (the edge is a boundary).
        boolean byNormal = split && wn != null;
        LoopSubdivision.Displace keep = displace;
        float[][] before = new float[1][];
        if (byNormal && displace != null) {
            // Refine: with normalSplit, GenerateNormals is not called again after the displacement.
            displace = (lm, cuv, width) -> {
                before[0] = lm.normals();
                return keep.displace(lm, cuv, width);
            };
        }
        // Merge vertices by position (and normal, with the split), as LuxRender's edges compare them; drop unused ones.
        Map<Long, Integer> byPos = new HashMap<>();
        int[] remap = new int[wp.length / 3];
        java.util.Arrays.fill(remap, -1);
        int[] used = new int[wp.length / 3];
        for (int i : indices) {
            used[i] = 1;
        }
        int n = 0;
        float[] mp = new float[wp.length];
        int[] firstOf = new int[remap.length];
        for (int v = 0; v < remap.length; v++) {
            if (used[v] == 0) {
                continue;
            }
            float x = wp[3 * v] + 0f, y = wp[3 * v + 1] + 0f, z = wp[3 * v + 2] + 0f; // -0 is 0, as C's ==
            long key = ((long) Float.floatToIntBits(x) * 31 + Float.floatToIntBits(y)) * 31 + Float.floatToIntBits(z);
            if (byNormal) {
                key = ((key * 31 + Float.floatToIntBits(wn[3 * v] + 0f)) * 31 + Float.floatToIntBits(wn[3 * v + 1] + 0f))
                        * 31 + Float.floatToIntBits(wn[3 * v + 2] + 0f);
            }
            Integer at = byPos.get(key);
            while (at != null && !(mp[3 * at] == x && mp[3 * at + 1] == y && mp[3 * at + 2] == z
                    && (!byNormal || sameNormal(wn, v, firstOf[at])))) {
                key++;
                at = byPos.get(key);
            }
            if (at == null) {
                at = n++;
                byPos.put(key, at);
                mp[3 * at] = x;
                mp[3 * at + 1] = y;
                mp[3 * at + 2] = z;
                firstOf[at] = v;
            }
            remap[v] = at;
        }
        float[] cp = java.util.Arrays.copyOf(mp, 3 * n);
        int[] ci = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            ci[i] = remap[indices[i]];
        }
        float[] cornerUv = null;
        if (uv != null) {
            cornerUv = new float[2 * indices.length];
            for (int i = 0; i < indices.length; i++) {
                cornerUv[2 * i] = uv[2 * indices[i]];
                cornerUv[2 * i + 1] = uv[2 * indices[i] + 1];
            }
        }
        boolean coloured = col != null || alpha != null;
        LoopSubdivision.LuxMesh m;
        try {
            m = coloured ? LoopSubdivision.subdivideLux(cp, ci, cornerColours(indices, uv, col, alpha), COLOURED_WIDTH,
                    COLOURED_GROUPS, sharp, levels, shape.loc(), displace)
                    : LoopSubdivision.subdivideLux(cp, ci, cornerUv, 2, new int[] {0, 2}, sharp, levels, shape.loc(),
                    displace);
        } catch (SceneException e) {
            warnings.add(new SceneWarning(shape.loc(), "mesh not subdivided (LuxRender aborts its subdivision too): "
                    + e.getMessage().replaceFirst("^.*?: loopsubdiv ", "")));
            return null;
        }
        float[] normals = null;
        if (smooth) {
            // LoopSubdivision's limit normals point against counter-clockwise winding (pbrt's tangent
            // order); turn them to the winding's side, then to ReverseOrientation's.
            normals = (before[0] != null ? before[0] : m.normals()).clone();
            double sign = flip ? 1 : -1;
            for (int v = 0; v < normals.length; v += 3) {
                double l = Math.sqrt(normals[v] * normals[v] + normals[v + 1] * normals[v + 1] + normals[v + 2] * normals[v + 2]);
                double k = l > 0 ? sign / l : 0;
                normals[v] *= (float) k;
                normals[v + 1] *= (float) k;
                normals[v + 2] *= (float) k;
            }
        }
        if (m.cornerUv() == null) {
            return new Result(m.positions(), normals, null, m.indices());
        }
        if (coloured) {
            return splitColours(m, normals, uv != null, col != null, alpha != null);
        }
        // uv per face corner (seams keep theirs): one vertex per corner.
        int[] mi = m.indices();
        float[] pos = new float[3 * mi.length], nrm = normals == null ? null : new float[3 * mi.length];
        int[] seq = new int[mi.length];
        for (int i = 0; i < mi.length; i++) {
            System.arraycopy(m.positions(), 3 * mi[i], pos, 3 * i, 3);
            if (nrm != null) {
                System.arraycopy(normals, 3 * mi[i], nrm, 3 * i, 3);
            }
            seq[i] = i;
        }
        return new Result(pos, nrm, m.cornerUv(), seq);
    }

    /** Corner attributes of a coloured mesh: u, v, r, g, b, alpha. */
    private static final int COLOURED_WIDTH = 6;
    /** Their groups, each with its own seams at vertices (LoopSubdiv::weightOneRing's uvSplit, colSplit, alphaSplit). */
    private static final int[] COLOURED_GROUPS = {0, 2, 5, 6};

    /**
     * Per face corner: uv (0 without, as LoopSubdiv's SDVertex), colour (1 without) and alpha (1 without).
     */
    private static float[] cornerColours(int[] indices, float[] uv, float[] col, float[] alpha) {
        float[] out = new float[COLOURED_WIDTH * indices.length];
        for (int i = 0; i < indices.length; i++) {
            int v = indices[i], o = COLOURED_WIDTH * i;
            out[o] = uv == null ? 0f : uv[2 * v];
            out[o + 1] = uv == null ? 0f : uv[2 * v + 1];
            for (int c = 0; c < 3; c++) {
                out[o + 2 + c] = col == null ? 1f : col[3 * v + c];
            }
            out[o + 5] = alpha == null ? 1f : alpha[v];
        }
        return out;
    }

    /** The subdivided coloured mesh, one vertex per corner, with uv, colours and alphas where the mesh had them. */
    private static Result splitColours(LoopSubdivision.LuxMesh m, float[] normals, boolean hasUv, boolean hasCol,
                                       boolean hasAlpha) {
        int[] mi = m.indices();
        float[] attrs = m.cornerUv();
        int n = mi.length;
        float[] pos = new float[3 * n], nrm = normals == null ? null : new float[3 * n];
        float[] uv = hasUv ? new float[2 * n] : null, col = hasCol ? new float[3 * n] : null;
        float[] alpha = hasAlpha ? new float[n] : null;
        int[] seq = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m.positions(), 3 * mi[i], pos, 3 * i, 3);
            if (nrm != null) {
                System.arraycopy(normals, 3 * mi[i], nrm, 3 * i, 3);
            }
            if (uv != null) {
                System.arraycopy(attrs, COLOURED_WIDTH * i, uv, 2 * i, 2);
            }
            if (col != null) {
                System.arraycopy(attrs, COLOURED_WIDTH * i + 2, col, 3 * i, 3);
            }
            if (alpha != null) {
                alpha[i] = attrs[COLOURED_WIDTH * i + 5];
            }
            seq[i] = i;
        }
        return new Result(pos, nrm, uv, seq, col, alpha);
    }

    /** The "microdisplacement" scheme ({@link LuxMicroDisplacement}); null for the mesh as given. */
    private static Result micro(ShapeDesc shape, float[] wp, int[] indices, float[] wn, float[] uv, boolean flip,
                                int levels, boolean smooth, float scale, float offset, List<SceneWarning> warnings,
                                LuxDisplacement displacement) {
        ParamSet ps = shape.params();
        if (!ps.has("displacementmap") || ps.getString("displacementmap", "").isEmpty()) {
            // mesh.cpp: "No displacement map for microdisplacement, disabling" (plain triangles).
            warnings.add(new SceneWarning(ps.get("subdivscheme").loc(), "subdivscheme \"microdisplacement\" without a"
                    + " displacementmap: the mesh is rendered as given, as LuxRender does"));
            return null;
        }
        int[] prog = displacement == null ? null : displacement.program(ps.get("displacementmap"));
        if (prog == null) {
            if (displacement == null) {
                warnings.add(new SceneWarning(ps.get("displacementmap").loc(), "displacementmap is not applied here;"
                        + " the mesh is rendered as given"));
            }
            return null;
        }
        int tris = indices.length / 3;
        int n = LuxMicroDisplacement.gridSize(tris, levels);
        if (n < levels) {
            warnings.add(new SceneWarning(ps.get("nsubdivlevels") != null ? ps.get("nsubdivlevels").loc() : shape.loc(),
                    "microdisplacement: " + tris + " triangles x " + levels + "^2 micro-triangles is over "
                    + LuxMicroDisplacement.MAX_TRIANGLES + "; each triangle is split " + n + " x " + n + " instead"));
        }
        if (smooth && wn != null) {
            warnings.add(new SceneWarning(ps.has("dmnormalsmooth") ? ps.get("dmnormalsmooth").loc() : shape.loc(),
                    "microdisplacement with dmnormalsmooth: shading normals are the micro-grid's mean normals, not"
                    + " LuxRender's interpolated normals bumped by the displacement's slopes"));
        }
        return LuxMicroDisplacement.tessellate(wp, indices, wn, uv, shape.reverseOrientation(), flip, n,
                displacement.host(), prog, scale, offset, smooth);
    }

    /** Whether vertices a and b have the same normal (C's == on each coordinate). */
    private static boolean sameNormal(float[] n, int a, int b) {
        return n[3 * a] == n[3 * b] && n[3 * a + 1] == n[3 * b + 1] && n[3 * a + 2] == n[3 * b + 2];
    }
}

package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Turns {@code Shape} statements into world-space triangles and spheres. Triangle meshes are
 * transformed as given; a full sphere under a similarity transform stays an analytic sphere; partial
 * spheres, spheres under non-uniform scales, disks and pbrt-v3's other quadrics (cylinder, cone,
 * paraboloid, hyperboloid: {@link Quadrics}) are tessellated finely with smooth normals and pbrt's uv;
 * heightfields, NURBS surfaces ({@link NurbsShapes}), LuxRender quads and subdivided meshes
 * ({@link LuxSubdivision}) become triangles; pbrt-v3 curves become curve pieces ({@link CurveCompiler}).
 * Shapes the renderer does not know give one warning per statement, identical for a
 * type so that they fold into one counted line, and are skipped whole.
 */
final class ShapeCompiler {
    /** Azimuthal and polar segments of a tessellated sphere; disk rings use the azimuthal count. */
    static final int SEGMENTS_PHI = 96, SEGMENTS_THETA = 48;

    private final GeometryBuilder geo;
    private final List<SceneWarning> warnings;
    private final boolean analyticSpheres;
    private final boolean luxRender;
    private LuxDisplacement displacement;

    /**
     * @param analyticSpheres false for the geometry of an instanced object: an instance transform may
     *                        scale non-uniformly, so every sphere there is tessellated
     * @param luxRender       a LuxRender scene: its meshes (also "trianglemesh" and "loopsubdiv", which
     *                        LuxRender's shapes/mesh.cpp registers under the same class) read its
     *                        subdivision parameters ({@link LuxSubdivision}); pbrt's do not have them
     */
    ShapeCompiler(GeometryBuilder geo, List<SceneWarning> warnings, boolean analyticSpheres, boolean luxRender) {
        this.geo = geo;
        this.warnings = warnings;
        this.analyticSpheres = analyticSpheres;
        this.luxRender = luxRender;
    }

    /** LuxRender meshes' "string displacementmap" evaluates its texture through {@code d} (see {@link LuxDisplacement}). */
    void displacement(LuxDisplacement d) {
        this.displacement = d;
    }

    /**
     * Adds the shape's geometry with the given material and emitter group.
     *
     * @return the world-space surface area added (0 when the shape was skipped)
     */
    double add(ShapeDesc shape, int material, int emitter) {
        String type = shape.type();
        if (luxRender) {
            shape.params().get("name"); // LuxRender's Shape::name: for its log lines only
        }
        switch (type) {
            case "trianglemesh":
            case "mesh":
                return mesh(shape, material, emitter);
            case "sphere":
                return sphere(shape, material, emitter);
            case "disk":
                return disk(shape, material, emitter);
            case "loopsubdiv":
                // LuxRender's "loopsubdiv" is its mesh (nlevels default 0, vertices merged by position).
                return luxRender ? mesh(shape, material, emitter) : loopSubdiv(shape, material, emitter);
            case "bilinearmesh":
                return bilinear(shape, material, emitter);
            case "cylinder":
            case "cone":
            case "paraboloid":
            case "hyperboloid":
                return quadric(shape, material, emitter);
            case "heightfield":
                return heightfield(shape, material, emitter);
            case "nurbs":
                return NurbsShapes.add(shape, geo, warnings, luxRender, material, emitter);
            case "curve":
                return CurveCompiler.add(shape, material, emitter, geo, warnings);
            default:
                // The whole shape is skipped: its parameters are not reported one by one as well, so a
                // hair scene's thousands of "curve" statements give one line (counted) per shape type.
                for (org.luxnet.scene.desc.Param p : shape.params().all()) {
                    shape.params().get(p.name());
                }
                warnings.add(new SceneWarning(shape.loc(), "shape \"" + type + "\""
                        + " is not supported and was skipped (supported: " + SUPPORTED + ")"));
                return 0;
        }
    }

    static final String SUPPORTED = "trianglemesh, mesh, plymesh, loopsubdiv, bilinearmesh, sphere, disk, cylinder,"
            + " cone, paraboloid, hyperboloid, heightfield, nurbs, curve";

    private double mesh(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        float[] p = ps.getPoints("P");
        if (p == null) {
            throw new SceneException(shape.loc(), "trianglemesh needs \"point P\"");
        }
        int nv = p.length / 3;
        Transform t = shape.objectToWorld();
        float[] wp = transformPoints(t, p);
        float[] uv = ps.getFloats("uv");
        if (uv == null) {
            uv = ps.getFloats("st");
        }
        if (uv != null && uv.length != 2 * nv) {
            warnings.add(new SceneWarning(shape.loc(), "\"uv\" has " + uv.length / 2 + " pairs but \"P\" has " + nv
                    + " points; uv ignored"));
            uv = null;
        }
        int[] indices = ps.getInts("indices");
        int[] tri = ps.getInts("triindices");
        int[] quads = ps.getInts("quadindices");
        if (indices == null) {
            indices = tri;
        }
        if (quads != null) {
            for (int i = 0; i < quads.length; i++) {
                if (quads[i] < 0 || quads[i] >= nv) {
                    throw new SceneException(ps.get("quadindices").loc(), "mesh quad index " + quads[i] + " (entry " + i
                            + ") is out of range: the mesh has " + nv + " vertices");
                }
            }
            indices = appendQuads(indices, quads, wp, uv, shape);
        }
        if (indices == null) {
            if (nv == 3) {
                indices = new int[] {0, 1, 2};
            } else {
                throw new SceneException(shape.loc(), "trianglemesh needs \"integer indices\" (it has " + nv + " vertices)");
            }
        }
        if (indices.length % 3 != 0) {
            throw new SceneException(shape.loc(), "trianglemesh \"indices\" must be a multiple of 3 values, got " + indices.length);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= nv) {
                throw new SceneException(shape.loc(), "trianglemesh index " + indices[i] + " (entry " + i
                        + ") is out of range: the mesh has " + nv + " vertices");
            }
        }
        float[] n = ps.getNormals("N");
        if (luxRender && fromPlyFile(shape)) {
            // shapes/plymesh.cpp: "if (smooth || plyNbVerts != plyNbNormals)" the file's normals (if any)
            // are replaced by generated ones, so LuxRender renders a PLY without normals smooth.
            boolean smooth = ps.getBool("smooth", false);
            if (smooth || n == null) {
                n = luxPlyNormals(p, indices);
            }
        }
        if (n != null && n.length != p.length) {
            throw new SceneException(ps.get("N").loc(), "\"N\" has " + n.length / 3 + " normals but \"P\" has " + nv + " points");
        }
        ps.get("S"); // tangents: not needed, read so they are not reported as unsupported
        boolean flip = shape.reverseOrientation() ^ t.swapsHandedness();
        float[][] colours = luxRender ? vertexColours(shape, nv) : plyColoursIgnored(shape);
        float[] wn = n == null ? null : transformNormals(t, n);
        if (!luxRender) {
            pbrtMirrored(wn, t);
        }
        LuxSubdivision.Result sub = !luxRender ? null : LuxSubdivision.apply(shape, wp, indices, wn, uv,
                colours == null ? null : colours[0], colours == null ? null : colours[1], flip, warnings, displacement);
        if (sub != null) {
            int before = geo.triangleCount();
            geo.addMesh(sub.positions(), sub.indices(), sub.normals(), sub.uv(), sub.colours(), sub.alphas(), flip,
                    material, emitter);
            return areaSince(before);
        }
        int before = geo.triangleCount();
        int skipped = geo.degenerate;
        geo.addMesh(wp, indices, wn, uv, colours == null ? null : colours[0], colours == null ? null : colours[1], flip,
                material, emitter);
        if (geo.degenerate > skipped) {
            warnings.add(new SceneWarning(shape.loc(), (geo.degenerate - skipped) + " degenerate triangle(s) skipped"));
        }
        return areaSince(before);
    }

    /**
     * LuxRender's vertex colours of a mesh (shapes/mesh.cpp CreateShape and Mesh::Mesh): "float C" (3 per
     * vertex) and "float A" (1 per vertex), each dropped with an error when its count does not match
     * "P"'s, and "float gamma" (default 1): colours other than at gamma 1 become pow(C, gamma). Returns
     * {colours, alphas} (either may be null), or null when the mesh has neither. A PLY file's red, green,
     * blue and alpha arrive here as "C" and "A" (see PlyShapes).
     */
    private float[][] vertexColours(ShapeDesc shape, int nv) {
        ParamSet ps = shape.params();
        float gamma = (float) ps.getFloat("gamma", 1);
        float[] c = floatsOnly(ps, "C", 3 * nv, nv, "colour");
        float[] a = floatsOnly(ps, "A", nv, nv, "alpha");
        if (c != null && gamma != 1f) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) Math.pow(c[i], gamma); // powf(C[i], colorGamma)
            }
        }
        return c == null && a == null ? null : new float[][] {c, a};
    }

    /**
     * A "float" parameter of {@code count} values, or null: LuxRender's ParamSet::FindFloat sees only
     * "float" parameters (another type stays unused and is reported), and a wrong count is its error.
     */
    private float[] floatsOnly(ParamSet ps, String name, int count, int nv, String what) {
        org.luxnet.scene.desc.Param p = null;
        for (org.luxnet.scene.desc.Param q : ps.all()) {
            if (q.name().equals(name)) {
                p = q;
            }
        }
        if (p == null || p.type() != org.luxnet.scene.desc.ParamType.FLOAT) {
            return null;
        }
        float[] v = ps.getFloats(name);
        if (v.length != count) {
            warnings.add(new SceneWarning(p.loc(), "\"" + name + "\" has " + v.length + " values but \"P\" has " + nv
                    + " points (" + count + " " + what + " values expected); ignored, as LuxRender does"));
            return null;
        }
        return v.clone();
    }

    /** Whether the mesh was read from a PLY file: PlyShapes places the file's "P" at the Shape statement. */
    private static boolean fromPlyFile(ShapeDesc shape) {
        for (org.luxnet.scene.desc.Param q : shape.params().all()) {
            if (q.name().equals("P")) {
                return q.loc().equals(shape.loc());
            }
        }
        return false;
    }

    /**
     * LuxRender's plymesh normals (shapes/plymesh.cpp PlyMesh::CreateShape): each vertex gets the mean of
     * the unit normals Normalize(Cross(p1 - p2, p1 - p0)) of the triangles around it, one per triangle
     * whatever its area or angle there (a quad counts as its two triangles (0 1 2) and (0 2 3), which is
     * how the PLY reader splits it). Mesh::Mesh normalises them after the transform. A degenerate
     * triangle, whose normal LuxRender makes NaN, is left out; a vertex of none gets (0, 0, 0).
     */
    static float[] luxPlyNormals(float[] p, int[] indices) {
        double[] sum = new double[p.length];
        int[] count = new int[p.length / 3];
        for (int f = 0; f + 2 < indices.length; f += 3) {
            int a = indices[f], b = indices[f + 1], c = indices[f + 2];
            double e12x = p[3 * b] - p[3 * c], e12y = p[3 * b + 1] - p[3 * c + 1], e12z = p[3 * b + 2] - p[3 * c + 2];
            double e10x = p[3 * b] - p[3 * a], e10y = p[3 * b + 1] - p[3 * a + 1], e10z = p[3 * b + 2] - p[3 * a + 2];
            double nx = e12y * e10z - e12z * e10y, ny = e12z * e10x - e12x * e10z, nz = e12x * e10y - e12y * e10x;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (!(len > 0)) {
                continue;
            }
            for (int v : new int[] {a, b, c}) {
                sum[3 * v] += nx / len;
                sum[3 * v + 1] += ny / len;
                sum[3 * v + 2] += nz / len;
                count[v]++;
            }
        }
        float[] n = new float[p.length];
        for (int v = 0; v < count.length; v++) {
            for (int k = 0; k < 3 && count[v] > 0; k++) {
                n[3 * v + k] = (float) (sum[3 * v + k] / count[v]);
            }
        }
        return n;
    }

    /**
     * pbrt-v3's plymesh reads no vertex colours: the "C" and "A" a PLY file gave (placed at the Shape
     * statement by PlyShapes) are dropped without a word; a "C" or "A" written in the statement stays
     * unused and is reported. Returns null.
     */
    private static float[][] plyColoursIgnored(ShapeDesc shape) {
        for (org.luxnet.scene.desc.Param q : shape.params().all()) {
            if ((q.name().equals("C") || q.name().equals("A")) && q.loc().equals(shape.loc())) {
                q.markUsed();
            }
        }
        return null;
    }

    /** pbrt-v3's Loop subdivision surface, tessellated at its limit (see {@link LoopSubdivision}). */
    private double loopSubdiv(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        float[] p = ps.getPoints("P");
        int[] indices = ps.getInts("indices");
        if (p == null || indices == null) {
            throw new SceneException(shape.loc(), "loopsubdiv needs \"point P\" and \"integer indices\"");
        }
        // pbrt-v3 reads "nlevels", pbrt-v4 "levels"; both default to 3.
        int levels = ps.has("levels") ? ps.getInt("levels", 3) : ps.getInt("nlevels", 3);
        ps.get("scheme"); // pbrt reads it and, as it says, does not use it
        LoopSubdivision.Mesh m = LoopSubdivision.subdivide(p, indices, levels, shape.loc());
        // loopsubdiv.cpp makes a TriangleMesh with the limit normals: pbrt-v3's rule for meshes with normals.
        pbrtMirrored(m.normals(), shape.objectToWorld());
        return addWithNormals(shape, m, material, emitter);
    }

    /**
     * pbrt-v3's front of a triangle mesh with normals (shapes/triangle.cpp, core/interaction.cpp
     * SetShadingGeometry): the shading normal is cross(ss, ts) = the interpolated normal, negated once by
     * ReverseOrientation (triangle.cpp's "ts = -ts") and once more by ReverseOrientation xor a mirroring
     * transform, and the geometric normal faces it. ReverseOrientation cancels; a mirroring transform
     * turns the front (and the shading normal) against the normals: they are negated here, in place.
     * (pbrt-v4 keeps the normals' side; LuxRender decides by the winding.)
     */
    static void pbrtMirrored(float[] normals, Transform t) {
        if (normals != null && t.swapsHandedness()) {
            for (int i = 0; i < normals.length; i++) {
                normals[i] = -normals[i];
            }
        }
    }

    /** pbrt-v4's bilinear patches, tessellated (see {@link BilinearPatches}). */
    private double bilinear(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        float[] p = ps.getPoints("P");
        if (p == null) {
            throw new SceneException(shape.loc(), "bilinearmesh needs \"point P\"");
        }
        if (ps.get("uv") != null) {
            warnings.add(new SceneWarning(ps.get("uv").loc(), "bilinearmesh \"uv\" is not supported yet; textures see"
                    + " each triangle's default (u, v)"));
        }
        float[] n = ps.getNormals("N");
        LoopSubdivision.Mesh m = BilinearPatches.tessellate(p, ps.getInts("indices"), n, shape.loc());
        if (n == null && shape.reverseOrientation()) {
            // pbrt-v4: n = cross(dp/du, dp/dv) in world space, negated by ReverseOrientation. Normals
            // carried through the transform already follow a mirroring one.
            float[] mn = m.normals();
            for (int i = 0; i < mn.length; i++) {
                mn[i] = -mn[i];
            }
        }
        return addWithNormals(shape, m, material, emitter);
    }

    /** Adds a generated object-space mesh whose normals decide which side faces out. */
    private double addWithNormals(ShapeDesc shape, LoopSubdivision.Mesh m, int material, int emitter) {
        Transform t = shape.objectToWorld();
        int before = geo.triangleCount();
        int skipped = geo.degenerate;
        // With normals, as in pbrt's Triangle, the normals decide which side faces out.
        geo.addMesh(transformPoints(t, m.positions()), m.indices(), transformNormals(t, m.normals()), null,
                shape.reverseOrientation() ^ t.swapsHandedness(), material, emitter);
        if (geo.degenerate > skipped) {
            warnings.add(new SceneWarning(shape.loc(), (geo.degenerate - skipped) + " degenerate triangle(s) skipped"));
        }
        return areaSince(before);
    }

    /**
     * LuxRender's quads (shapes/mesh.cpp, Mesh::Mesh), appended after the triangles as two triangles each,
     * split along the shorter diagonal of the world-space quad: (0 1 2) (0 2 3) when |p0 p2| < |p1 p3|,
     * else (1 2 3) (1 3 0); on a tie the uv diagonals decide the same way when the mesh has uv.
     */
    private static int[] appendQuads(int[] tris, int[] quads, float[] wp, float[] uv, ShapeDesc shape) {
        if (quads.length % 4 != 0) {
            throw new SceneException(shape.params().get("quadindices").loc(), "\"quadindices\" must be a multiple of 4"
                    + " values, got " + quads.length);
        }
        int base = tris == null ? 0 : tris.length;
        int[] out = new int[base + quads.length / 4 * 6];
        if (tris != null) {
            System.arraycopy(tris, 0, out, 0, base);
        }
        for (int q = 0, o = base; q < quads.length; q += 4, o += 6) {
            int q0 = quads[q], q1 = quads[q + 1], q2 = quads[q + 2], q3 = quads[q + 3];
            float d1 = dist2(wp, 3, q0, q2), d2 = dist2(wp, 3, q1, q3);
            boolean first = d1 < d2;
            if (d1 == d2 && uv != null) {
                first = dist2(uv, 2, q0, q2) < dist2(uv, 2, q1, q3);
            }
            int[] order = first ? new int[] {q0, q1, q2, q0, q2, q3} : new int[] {q1, q2, q3, q1, q3, q0};
            System.arraycopy(order, 0, out, o, 6);
        }
        return out;
    }

    /** Squared distance of elements a and b of a stride-{@code k} array, in float as LuxRender computes it. */
    private static float dist2(float[] v, int k, int a, int b) {
        float s = 0;
        for (int c = 0; c < k; c++) {
            float d = v[k * a + c] - v[k * b + c];
            s += d * d;
        }
        return s;
    }

    private double sphere(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        float r = (float) ps.getFloat("radius", 1);
        float zmin = (float) ps.getFloat("zmin", -r), zmax = (float) ps.getFloat("zmax", r);
        float phimax = (float) ps.getFloat("phimax", 360);
        if (!(r > 0)) {
            warnings.add(new SceneWarning(shape.loc(), "sphere with radius " + r + " skipped"));
            return 0;
        }
        Transform t = shape.objectToWorld();
        boolean flip = shape.reverseOrientation() ^ t.swapsHandedness();
        boolean full = zmin <= -r && zmax >= r && phimax >= 360;
        double scale = similarityScale(t);
        if (full && scale > 0 && analyticSpheres) {
            double[] c = new double[3];
            t.applyPoint(0, 0, 0, c, 0);
            float wr = (float) (r * scale);
            // World-to-object rotation: the transposed linear part over its scale.
            float[] frame = new float[9];
            for (int row = 0; row < 3; row++) {
                for (int k = 0; k < 3; k++) {
                    frame[3 * row + k] = (float) (t.get(k, row) / scale);
                }
            }
            geo.addSphere((float) c[0], (float) c[1], (float) c[2], wr, frame, flip, material, emitter);
            return 4 * Math.PI * wr * wr;
        }
        // Tessellate: theta from zmax down to zmin, phi from 0 to phimax.
        double thMin = Math.acos(clamp(Math.min(zmin, zmax) / r)), thMax = Math.acos(clamp(Math.max(zmin, zmax) / r));
        double phiMax = Math.toRadians(Math.min(360, Math.max(0, phimax)));
        int nu = SEGMENTS_PHI, nv = SEGMENTS_THETA;
        float[] p = new float[3 * (nu + 1) * (nv + 1)];
        float[] n = new float[p.length];
        for (int j = 0; j <= nv; j++) {
            double theta = thMax + (thMin - thMax) * j / nv;
            for (int i = 0; i <= nu; i++) {
                double phi = phiMax * i / nu;
                int k = 3 * (j * (nu + 1) + i);
                double x = Math.sin(theta) * Math.cos(phi), y = Math.sin(theta) * Math.sin(phi), z = Math.cos(theta);
                p[k] = (float) (r * x);
                p[k + 1] = (float) (r * y);
                p[k + 2] = (float) (r * z);
                n[k] = (float) x;
                n[k + 1] = (float) y;
                n[k + 2] = (float) z;
            }
        }
        // pbrt-v3 Sphere (u, v): u = phi / phiMax, v from the lowest z (0) up to the highest (1).
        return addGrid(shape, p, n, nu, nv, true, flip, material, emitter);
    }

    private double disk(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        float h = (float) ps.getFloat("height", 0);
        float r = (float) ps.getFloat("radius", 1);
        float ri = (float) ps.getFloat("innerradius", 0);
        float phimax = (float) ps.getFloat("phimax", 360);
        if (!(r > ri) || ri < 0) {
            warnings.add(new SceneWarning(shape.loc(), "disk with radius " + r + " and inner radius " + ri + " skipped"));
            return 0;
        }
        Transform t = shape.objectToWorld();
        boolean flip = shape.reverseOrientation() ^ t.swapsHandedness();
        double phiMax = Math.toRadians(Math.min(360, Math.max(0, phimax)));
        int nu = SEGMENTS_PHI, nv = 1;
        float[] p = new float[3 * (nu + 1) * (nv + 1)];
        float[] n = new float[p.length];
        for (int j = 0; j <= nv; j++) {
            float rad = j == 0 ? r : ri;
            for (int i = 0; i <= nu; i++) {
                double phi = phiMax * i / nu;
                int k = 3 * (j * (nu + 1) + i);
                p[k] = (float) (rad * Math.cos(phi));
                p[k + 1] = (float) (rad * Math.sin(phi));
                p[k + 2] = h;
                n[k + 2] = 1;
            }
        }
        // pbrt-v3 Disk (u, v): u = phi / phiMax, v = 0 on the outer rim, 1 on the inner.
        return addGrid(shape, p, n, nu, nv, false, flip, material, emitter);
    }

    /**
     * pbrt-v3's cylinder, cone, paraboloid and hyperboloid with their parameters and defaults
     * (Create*Shape in src/shapes/*.cpp; LuxRender 1.x's shapes/ take the same ones), tessellated by
     * {@link Quadrics} with pbrt's (u, v) and analytic normals at the vertices. As pbrt's constructors do,
     * zmin and zmax are put in order and phimax is clamped to [0, 360]; values pbrt has no meaning for (a
     * radius that is not positive, a zero height) are errors at the parameter.
     */
    private double quadric(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        String type = shape.type();
        double phiMax = Math.toRadians(Math.max(0, Math.min(360, ps.getFloat("phimax", 360))));
        Quadrics.Grid g;
        switch (type) {
            case "cylinder": {
                double r = positive(ps, "radius", 1, shape);
                double z0 = ps.getFloat("zmin", -1), z1 = ps.getFloat("zmax", 1);
                g = Quadrics.cylinder(r, Math.min(z0, z1), Math.max(z0, z1), phiMax);
                break;
            }
            case "cone": {
                double r = positive(ps, "radius", 1, shape);
                double h = ps.getFloat("height", 1);
                if (!(h != 0) || !Double.isFinite(h)) {
                    throw new SceneException(locOf(ps, "height", shape), "cone \"height\" must not be 0, got " + h);
                }
                g = Quadrics.cone(h, r, phiMax);
                break;
            }
            case "paraboloid": {
                double r = positive(ps, "radius", 1, shape);
                double z0 = ps.getFloat("zmin", 0), z1 = ps.getFloat("zmax", 1);
                double zMin = Math.min(z0, z1), zMax = Math.max(z0, z1);
                if (zMax == 0 || zMin == zMax) {
                    // pbrt's k = zmax / r^2 would make it a plane (or nothing): no paraboloid to draw.
                    throw new SceneException(locOf(ps, "zmax", shape), "paraboloid needs zmin != zmax and zmax != 0 (its"
                            + " curvature is zmax / radius^2), got zmin " + z0 + ", zmax " + z1);
                }
                g = Quadrics.paraboloid(r, zMin, zMax, phiMax);
                break;
            }
            default: {
                float[] p1 = ps.getPoint("p1", new float[] {0, 0, 0});
                float[] p2 = ps.getPoint("p2", new float[] {1, 1, 1});
                if (p1[2] == p2[2] || (p1[0] == 0 && p1[1] == 0 && p2[0] == 0 && p2[1] == 0)) {
                    // pbrt-v3's constructor loops forever on equal z and its v = (z - p1.z) / (p2.z - p1.z)
                    // is undefined; a segment on the axis sweeps no surface.
                    throw new SceneException(locOf(ps, "p2", shape), "hyperboloid needs p1 and p2 at different z, not both"
                            + " on the z axis; got p1 (" + p1[0] + " " + p1[1] + " " + p1[2] + "), p2 (" + p2[0] + " " + p2[1]
                            + " " + p2[2] + ")");
                }
                g = Quadrics.hyperboloid(new double[] {p1[0], p1[1], p1[2]}, new double[] {p2[0], p2[1], p2[2]}, phiMax);
                break;
            }
        }
        Transform t = shape.objectToWorld();
        boolean flip = shape.reverseOrientation() ^ t.swapsHandedness();
        return addGrid(shape, g.p(), g.n(), g.uv(), g.nu(), g.nv(), flip, material, emitter);
    }

    /**
     * pbrt-v3's heightfield (src/shapes/heightfield.cpp, CreateHeightfield): nu x nv heights Pz over
     * [0,1]^2, vertex (x, y) at (x / (nu - 1), y / (nv - 1), Pz[x + y nu]) with that (x, y) as its uv, each
     * cell split along its (x, y)-(x+1, y+1) diagonal, wound counter-clockwise seen from +z, no normals.
     */
    private double heightfield(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        int nx = ps.getInt("nu", -1), ny = ps.getInt("nv", -1);
        float[] z = ps.getFloats("Pz");
        if (nx < 2 || ny < 2) {
            throw new SceneException(locOf(ps, nx < 2 ? "nu" : "nv", shape), "heightfield needs \"integer nu\" and"
                    + " \"integer nv\" of 2 or more, got " + nx + " x " + ny);
        }
        if (z == null || (long) nx * ny != z.length) {
            throw new SceneException(locOf(ps, "Pz", shape), "heightfield needs nu x nv = " + (long) nx * ny
                    + " \"float Pz\" values, got " + (z == null ? 0 : z.length));
        }
        float[] p = new float[3 * nx * ny];
        float[] uv = new float[2 * nx * ny];
        for (int y = 0, o = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++, o++) {
                p[3 * o] = uv[2 * o] = (float) x / (float) (nx - 1);
                p[3 * o + 1] = uv[2 * o + 1] = (float) y / (float) (ny - 1);
                p[3 * o + 2] = z[o];
            }
        }
        int[] idx = new int[6 * (nx - 1) * (ny - 1)];
        for (int y = 0, o = 0; y < ny - 1; y++) {
            for (int x = 0; x < nx - 1; x++) {
                int v00 = x + y * nx, v10 = v00 + 1, v01 = v00 + nx, v11 = v01 + 1;
                idx[o++] = v00;
                idx[o++] = v10;
                idx[o++] = v11;
                idx[o++] = v00;
                idx[o++] = v11;
                idx[o++] = v01;
            }
        }
        Transform t = shape.objectToWorld();
        int before = geo.triangleCount();
        int skipped = geo.degenerate;
        geo.addMesh(transformPoints(t, p), idx, null, uv, shape.reverseOrientation() ^ t.swapsHandedness(), material, emitter);
        if (geo.degenerate > skipped) {
            warnings.add(new SceneWarning(shape.loc(), (geo.degenerate - skipped) + " degenerate triangle(s) skipped"));
        }
        return areaSince(before);
    }

    private static double positive(ParamSet ps, String name, double def, ShapeDesc shape) {
        double v = ps.getFloat(name, def);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new SceneException(locOf(ps, name, shape), shape.type() + " \"" + name + "\" must be positive, got " + v);
        }
        return v;
    }

    private static org.luxnet.scene.FileLoc locOf(ParamSet ps, String name, ShapeDesc shape) {
        return ps.has(name) ? ps.get(name).loc() : shape.loc();
    }

    /**
     * Adds a (nu+1) x (nv+1) vertex grid as triangles, winding so the given normals face outward; vertex
     * (i, j) gets u = i / nu and v = j / nv, or 1 - j / nv when {@code vDown}.
     */
    private double addGrid(ShapeDesc shape, float[] p, float[] n, int nu, int nv, boolean vDown, boolean flip,
                           int material, int emitter) {
        float[] uv = new float[2 * (nu + 1) * (nv + 1)];
        for (int j = 0; j <= nv; j++) {
            for (int i = 0; i <= nu; i++) {
                int k = 2 * (j * (nu + 1) + i);
                uv[k] = (float) i / nu;
                uv[k + 1] = vDown ? 1 - (float) j / nv : (float) j / nv;
            }
        }
        return addGrid(shape, p, n, uv, nu, nv, flip, material, emitter);
    }

    /** As above with the vertices' uv given (2 floats per vertex). */
    private double addGrid(ShapeDesc shape, float[] p, float[] n, float[] uv, int nu, int nv, boolean flip,
                           int material, int emitter) {
        int[] idx = new int[nu * nv * 6];
        int o = 0;
        for (int j = 0; j < nv; j++) {
            for (int i = 0; i < nu; i++) {
                int a = j * (nu + 1) + i, b = a + 1, c = a + nu + 1, d = c + 1;
                idx[o++] = a;
                idx[o++] = c;
                idx[o++] = b;
                idx[o++] = b;
                idx[o++] = c;
                idx[o++] = d;
            }
        }
        if (flip) {
            for (int i = 0; i < n.length; i++) {
                n[i] = -n[i];
            }
        }
        Transform t = shape.objectToWorld();
        int before = geo.triangleCount();
        // Normals decide orientation; a triangle at a pole can be degenerate and is skipped.
        geo.addMesh(transformPoints(t, p), idx, transformNormals(t, n), uv, false, material, emitter);
        return areaSince(before);
    }

    private double areaSince(int firstTriangle) {
        double a = 0;
        for (int i = firstTriangle; i < geo.triangleCount(); i++) {
            a += geo.triangleArea(i);
        }
        return a;
    }

    private static double clamp(double c) {
        return Math.max(-1, Math.min(1, c));
    }

    /** The uniform scale of a similarity transform (rotation, uniform scale, translation), or -1. */
    static double similarityScale(Transform t) {
        double[] c0 = {t.get(0, 0), t.get(1, 0), t.get(2, 0)};
        double[] c1 = {t.get(0, 1), t.get(1, 1), t.get(2, 1)};
        double[] c2 = {t.get(0, 2), t.get(1, 2), t.get(2, 2)};
        if (t.get(3, 0) != 0 || t.get(3, 1) != 0 || t.get(3, 2) != 0 || t.get(3, 3) != 1) {
            return -1;
        }
        double l0 = dot(c0, c0), l1 = dot(c1, c1), l2 = dot(c2, c2);
        double tol = 1e-6 * Math.max(l0, Math.max(l1, l2));
        if (Math.abs(l0 - l1) > tol || Math.abs(l0 - l2) > tol || Math.abs(dot(c0, c1)) > tol
                || Math.abs(dot(c0, c2)) > tol || Math.abs(dot(c1, c2)) > tol || !(l0 > 0)) {
            return -1;
        }
        return Math.sqrt(l0);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static float[] transformPoints(Transform t, float[] p) {
        float[] out = new float[p.length];
        double[] tmp = new double[3];
        for (int i = 0; i < p.length; i += 3) {
            t.applyPoint(p[i], p[i + 1], p[i + 2], tmp, 0);
            out[i] = (float) tmp[0];
            out[i + 1] = (float) tmp[1];
            out[i + 2] = (float) tmp[2];
        }
        return out;
    }

    static float[] transformNormals(Transform t, float[] n) {
        Transform inv = t.inverse();
        float[] out = new float[n.length];
        double[] tmp = new double[3];
        for (int i = 0; i < n.length; i += 3) {
            Transform.applyNormal(inv, n[i], n[i + 1], n[i + 2], tmp, 0);
            double l = Math.sqrt(tmp[0] * tmp[0] + tmp[1] * tmp[1] + tmp[2] * tmp[2]);
            double k = l > 0 ? 1 / l : 0;
            out[i] = (float) (tmp[0] * k);
            out[i + 1] = (float) (tmp[1] * k);
            out[i + 2] = (float) (tmp[2] * k);
        }
        return out;
    }
}

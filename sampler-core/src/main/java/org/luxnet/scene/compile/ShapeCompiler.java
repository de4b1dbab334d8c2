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
 * spheres, spheres under non-uniform scales and disks are tessellated finely with smooth normals.
 * Shapes the renderer does not know give a warning and are skipped.
 */
final class ShapeCompiler {
    /** Azimuthal and polar segments of a tessellated sphere; disk rings use the azimuthal count. */
    static final int SEGMENTS_PHI = 96, SEGMENTS_THETA = 48;

    private final GeometryBuilder geo;
    private final List<SceneWarning> warnings;
    private final boolean analyticSpheres;

    ShapeCompiler(GeometryBuilder geo, List<SceneWarning> warnings) {
        this(geo, warnings, true);
    }

    /**
     * @param analyticSpheres false for the geometry of an instanced object: an instance transform may
     *                        scale non-uniformly, so every sphere there is tessellated
     */
    ShapeCompiler(GeometryBuilder geo, List<SceneWarning> warnings, boolean analyticSpheres) {
        this.geo = geo;
        this.warnings = warnings;
        this.analyticSpheres = analyticSpheres;
    }

    /**
     * Adds the shape's geometry with the given material and emitter group.
     *
     * @return the world-space surface area added (0 when the shape was skipped)
     */
    double add(ShapeDesc shape, int material, int emitter) {
        String type = shape.type();
        switch (type) {
            case "trianglemesh":
            case "mesh":
                return mesh(shape, material, emitter);
            case "sphere":
                return sphere(shape, material, emitter);
            case "disk":
                return disk(shape, material, emitter);
            case "loopsubdiv":
                return loopSubdiv(shape, material, emitter);
            case "bilinearmesh":
                return bilinear(shape, material, emitter);
            default:
                warnings.add(new SceneWarning(shape.loc(), "shape \"" + type
                        + "\" is not supported and was skipped (supported: trianglemesh, plymesh, loopsubdiv, bilinearmesh, sphere, disk)"));
                return 0;
        }
    }

    private double mesh(ShapeDesc shape, int material, int emitter) {
        ParamSet ps = shape.params();
        float[] p = ps.getPoints("P");
        if (p == null) {
            throw new SceneException(shape.loc(), "trianglemesh needs \"point P\"");
        }
        int nv = p.length / 3;
        int[] indices = ps.getInts("indices");
        int[] tri = ps.getInts("triindices");
        int[] quads = ps.getInts("quadindices");
        if (indices == null) {
            indices = tri;
        }
        if (quads != null) {
            indices = appendQuads(indices, quads, shape);
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
        if (n != null && n.length != p.length) {
            throw new SceneException(ps.get("N").loc(), "\"N\" has " + n.length / 3 + " normals but \"P\" has " + nv + " points");
        }
        float[] uv = ps.getFloats("uv");
        if (uv == null) {
            uv = ps.getFloats("st");
        }
        if (uv != null && uv.length != 2 * nv) {
            warnings.add(new SceneWarning(shape.loc(), "\"uv\" has " + uv.length / 2 + " pairs but \"P\" has " + nv
                    + " points; uv ignored"));
            uv = null;
        }
        ps.get("S"); // tangents: not needed, read so they are not reported as unsupported
        Transform t = shape.objectToWorld();
        float[] wp = transformPoints(t, p);
        float[] wn = n == null ? null : transformNormals(t, n);
        boolean flip = shape.reverseOrientation() ^ t.swapsHandedness();
        int before = geo.triangleCount();
        int skipped = geo.degenerate;
        geo.addMesh(wp, indices, wn, uv, flip, material, emitter);
        if (geo.degenerate > skipped) {
            warnings.add(new SceneWarning(shape.loc(), (geo.degenerate - skipped) + " degenerate triangle(s) skipped"));
        }
        return areaSince(before);
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
        return addWithNormals(shape, LoopSubdivision.subdivide(p, indices, levels, shape.loc()), material, emitter);
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

    private int[] appendQuads(int[] tris, int[] quads, ShapeDesc shape) {
        if (quads.length % 4 != 0) {
            throw new SceneException(shape.loc(), "\"quadindices\" must be a multiple of 4 values, got " + quads.length);
        }
        int base = tris == null ? 0 : tris.length;
        int[] out = new int[base + quads.length / 4 * 6];
        if (tris != null) {
            System.arraycopy(tris, 0, out, 0, base);
        }
        for (int q = 0, o = base; q < quads.length; q += 4, o += 6) {
            out[o] = quads[q];
            out[o + 1] = quads[q + 1];
            out[o + 2] = quads[q + 2];
            out[o + 3] = quads[q];
            out[o + 4] = quads[q + 2];
            out[o + 5] = quads[q + 3];
        }
        return out;
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

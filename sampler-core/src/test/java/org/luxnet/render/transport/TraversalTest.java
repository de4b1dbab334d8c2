package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/** BVH traversal (closest hit and shadow rays of the light transport) finds exactly what testing every primitive finds. */
class TraversalTest {

    private static CompiledRender scene(int triangles, int spheres, long seed, boolean clustered) {
        Random r = new Random(seed);
        List<ShapeDesc> shapes = new ArrayList<>();
        MaterialDesc m = MaterialDesc.defaultMatte();
        for (int t = 0; t < triangles; t++) {
            double cx = clustered ? 0 : r.nextDouble() * 20 - 10, cy = clustered ? 0 : r.nextDouble() * 20 - 10,
                    cz = clustered ? 0 : r.nextDouble() * 20 - 10;
            double[] p = new double[9];
            for (int k = 0; k < 9; k++) {
                p[k] = (k % 3 == 0 ? cx : k % 3 == 1 ? cy : cz) + r.nextDouble() * 2 - 1;
            }
            ParamSet ps = new ParamSet();
            ps.add(Param.numbers("P", ParamType.POINT, p, FileLoc.NONE));
            ps.add(Param.numbers("indices", ParamType.INTEGER, new double[] {0, 1, 2}, FileLoc.NONE));
            shapes.add(new ShapeDesc("trianglemesh", ps, Transform.IDENTITY, false, m, null, FileLoc.NONE));
        }
        for (int s = 0; s < spheres; s++) {
            ParamSet ps = new ParamSet();
            ps.add(Param.numbers("radius", ParamType.FLOAT, new double[] {0.2 + r.nextDouble()}, FileLoc.NONE));
            Transform t = Transform.translate(r.nextDouble() * 20 - 10, r.nextDouble() * 20 - 10, r.nextDouble() * 20 - 10);
            shapes.add(new ShapeDesc("sphere", ps, t, false, m, null, FileLoc.NONE));
        }
        SceneDescription d = new SceneDescription("random", Dialect.PBRT,
                new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE),
                EntityDesc.absent("image"), EntityDesc.absent("sobol"), EntityDesc.absent("path"), EntityDesc.absent("box"),
                shapes, List.of(), java.util.Map.of(), java.util.Map.of(), List.of());
        return SceneCompiler.compile(d);
    }

    /** Brute force: nearest t over every primitive, using the same primitive tests through a 1-leaf view. */
    private static double bruteForce(CompiledScene s, float[] o, float[] d) {
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < s.triangleCount; t++) {
            double[] v0 = {s.triGeom[9 * t], s.triGeom[9 * t + 1], s.triGeom[9 * t + 2]};
            double[] e1 = {s.triGeom[9 * t + 3], s.triGeom[9 * t + 4], s.triGeom[9 * t + 5]};
            double[] e2 = {s.triGeom[9 * t + 6], s.triGeom[9 * t + 7], s.triGeom[9 * t + 8]};
            double[] p = cross(d, e2);
            double det = dot(e1, p);
            if (det == 0) {
                continue;
            }
            double[] tv = {o[0] - v0[0], o[1] - v0[1], o[2] - v0[2]};
            double u = dot(tv, p) / det;
            double[] q = cross(tv, e1);
            double v = dot(d, q) / det;
            double tt = dot(e2, q) / det;
            if (u >= 0 && v >= 0 && u + v <= 1 && tt > 0) {
                best = Math.min(best, tt);
            }
        }
        for (int k = 0; k < s.sphereCount; k++) {
            double cx = s.sphereGeom[4 * k], cy = s.sphereGeom[4 * k + 1], cz = s.sphereGeom[4 * k + 2], r = s.sphereGeom[4 * k + 3];
            double fx = o[0] - cx, fy = o[1] - cy, fz = o[2] - cz;
            double b = fx * d[0] + fy * d[1] + fz * d[2], c = fx * fx + fy * fy + fz * fz - r * r;
            double disc = b * b - c;
            if (disc >= 0) {
                double t0 = -b - Math.sqrt(disc), t1 = -b + Math.sqrt(disc);
                double tt = t0 > 0 ? t0 : t1;
                if (tt > 0) {
                    best = Math.min(best, tt);
                }
            }
        }
        return best;
    }

    private static double[] cross(float[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double dot(float[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static void check(CompiledRender cr, long seed) {
        CompiledScene s = cr.scene();
        PathTraceKernel is = RenderSupport.transport(cr);
        Random r = new Random(seed);
        int hits = 0;
        for (int i = 0; i < 3000; i++) {
            float[] o = {(float) (r.nextDouble() * 30 - 15), (float) (r.nextDouble() * 30 - 15), (float) (r.nextDouble() * 30 - 15)};
            double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
            if (i % 2 == 0 && s.primitiveCount() > 0) {
                // Aim at a random point inside the scene's bounds, so small scenes get hit too.
                float[] b = s.sceneBounds;
                x = b[0] + r.nextDouble() * (b[3] - b[0]) - o[0];
                y = b[1] + r.nextDouble() * (b[4] - b[1]) - o[1];
                z = b[2] + r.nextDouble() * (b[5] - b[2]) - o[2];
            }
            double l = Math.sqrt(x * x + y * y + z * z);
            float[] d = {(float) (x / l), (float) (y / l), (float) (z / l)};
            if (i % 10 == 0) {
                d = new float[] {0, 0, 1}; // axis-aligned rays exercise zero direction components
            }
            double expected = bruteForce(s, o, d);
            boolean hit = is.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], Float.POSITIVE_INFINITY) >= 0;
            assertEquals(Double.isFinite(expected), hit, "ray " + i + " hit or miss");
            if (hit) {
                hits++;
                assertEquals(expected, is.hitDistance(), 1e-4 * Math.max(1, expected), "ray " + i + " distance");
                float half = (float) (expected * 0.5);
                assertTrue(is.blocked(o[0], o[1], o[2], d[0], d[1], d[2], (float) (expected * 1.001)), "occluded beyond the hit");
                assertEquals(-1, is.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], half),
                        "nothing before the closest hit");
            } else {
                assertTrue(!is.blocked(o[0], o[1], o[2], d[0], d[1], d[2], Float.POSITIVE_INFINITY));
            }
        }
        if (s.primitiveCount() > 0) {
            assertTrue(hits > 300, "enough rays hit something to mean anything: " + hits);
        }
    }

    @Test
    void matchesBruteForceOnScatteredPrimitives() {
        check(scene(2000, 50, 1, false), 2);
    }

    @Test
    void matchesBruteForceOnOneClusterOfOverlappingTriangles() {
        // Every centroid nearly coincides: the builder must fall back to median splits and stay shallow.
        check(scene(3000, 0, 3, true), 4);
    }

    @Test
    void singlePrimitiveAndEmptyScenes() {
        check(scene(1, 0, 5, false), 6);
        CompiledRender empty = scene(0, 0, 7, false);
        assertEquals(-1, RenderSupport.transport(empty).closestHit(0, 0, 0, 0, 0, 1, Float.POSITIVE_INFINITY));
    }
}

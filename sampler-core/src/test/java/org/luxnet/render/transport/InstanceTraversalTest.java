package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.ObjectDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Two-level traversal: rays against instanced objects (translated, rotated, non-uniformly scaled,
 * mirrored, nested transforms inside the object) find what testing every triangle of the same scene
 * flattened into world space finds, closest hit and shadow rays alike, and report the instance hit.
 */
class InstanceTraversalTest {
    private static final MaterialDesc MATTE = MaterialDesc.defaultMatte();

    private static ShapeDesc triangles(Random r, int n, double spread, Transform t) {
        double[] p = new double[9 * n];
        int[] idx = new int[3 * n];
        for (int k = 0; k < n; k++) {
            double cx = (r.nextDouble() - 0.5) * spread, cy = (r.nextDouble() - 0.5) * spread, cz = (r.nextDouble() - 0.5) * spread;
            for (int v = 0; v < 9; v++) {
                p[9 * k + v] = (v % 3 == 0 ? cx : v % 3 == 1 ? cy : cz) + r.nextDouble() - 0.5;
            }
            for (int v = 0; v < 3; v++) {
                idx[3 * k + v] = 3 * k + v;
            }
        }
        ParamSet ps = new ParamSet();
        ps.add(Param.numbers("P", ParamType.POINT, p, FileLoc.NONE));
        ps.add(Param.numbers("indices", ParamType.INTEGER, java.util.Arrays.stream(idx).asDoubleStream().toArray(), FileLoc.NONE));
        return new ShapeDesc("trianglemesh", ps, t, false, MATTE, null, FileLoc.NONE);
    }

    private static final Transform[] PLACES = {
        Transform.translate(6, 0, 0),
        Transform.translate(-5, 3, 2).compose(Transform.rotate(33, 1, 1, 0)),
        Transform.translate(0, -6, 1).compose(Transform.scale(2, 0.5, 1.5)),
        Transform.translate(1, 5, -4).compose(Transform.rotate(-70, 0, 1, 1)).compose(Transform.scale(-1, 1, 1)),
        Transform.translate(-3, -3, -6).compose(Transform.scale(0.3, 0.3, 0.3)).compose(Transform.rotate(120, 0, 0, 1)),
        Transform.translate(4, -2, 6).compose(Transform.scale(1, -2, 1)),
    };

    /** The scene with instances, or the same scene flattened into world shapes. */
    private static SceneDescription scene(boolean flatten) {
        Random r = new Random(11);
        List<ShapeDesc> world = new ArrayList<>();
        world.add(triangles(r, 200, 16, Transform.IDENTITY));
        // An object of two meshes, one under a nested transform of its own.
        ObjectDesc object = new ObjectDesc("thing", FileLoc.NONE, List.of(
                triangles(r, 300, 3, Transform.IDENTITY),
                triangles(r, 100, 2, Transform.translate(0.5, 1, 0).compose(Transform.rotate(40, 0, 1, 0)))));
        ObjectDesc other = new ObjectDesc("other", FileLoc.NONE, List.of(triangles(r, 50, 1.5, Transform.scale(1, 2, 1))));
        List<InstanceDesc> instances = new ArrayList<>();
        for (int i = 0; i < PLACES.length; i++) {
            instances.add(new InstanceDesc(i % 3 == 2 ? other : object, PLACES[i], FileLoc.NONE));
        }
        if (flatten) {
            for (InstanceDesc in : instances) {
                for (ShapeDesc s : in.object().shapes()) {
                    world.add(new ShapeDesc(s.type(), s.params(), in.instanceToWorld().compose(s.objectToWorld()),
                            s.reverseOrientation(), s.material(), s.areaLight(), s.loc()));
                }
            }
            instances.clear();
        }
        return new SceneDescription("instances", Dialect.PBRT,
                new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE),
                EntityDesc.absent("image"), EntityDesc.absent("sobol"), EntityDesc.absent("path"), EntityDesc.absent("box"),
                world, List.of(), java.util.Map.of(), java.util.Map.of(), List.of(), instances);
    }

    /** Nearest t over every world-space triangle, in double precision. */
    private static double bruteForce(CompiledScene s, float[] o, float[] d) {
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < s.triangleCount; t++) {
            double[] g = new double[9];
            for (int k = 0; k < 9; k++) {
                g[k] = s.triGeom[9 * t + k];
            }
            double px = d[1] * g[8] - d[2] * g[7], py = d[2] * g[6] - d[0] * g[8], pz = d[0] * g[7] - d[1] * g[6];
            double det = g[3] * px + g[4] * py + g[5] * pz;
            if (det == 0) {
                continue;
            }
            double tx = o[0] - g[0], ty = o[1] - g[1], tz = o[2] - g[2];
            double u = (tx * px + ty * py + tz * pz) / det;
            double qx = ty * g[5] - tz * g[4], qy = tz * g[3] - tx * g[5], qz = tx * g[4] - ty * g[3];
            double v = (d[0] * qx + d[1] * qy + d[2] * qz) / det;
            double tt = (g[6] * qx + g[7] * qy + g[8] * qz) / det;
            if (u >= 0 && v >= 0 && u + v <= 1 && tt > 0) {
                best = Math.min(best, tt);
            }
        }
        return best;
    }

    @Test
    void instancedSceneStoresEachObjectOnce() {
        CompiledScene s = SceneCompiler.compile(scene(false)).scene();
        CompiledScene flat = SceneCompiler.compile(scene(true)).scene();
        assertEquals(PLACES.length, s.instanceCount);
        assertEquals(2, s.objectCount);
        assertEquals(200 + 400 + 50, s.triangleCount);
        assertEquals(200, s.worldTriangleCount);
        assertEquals(200 + 4 * 400 + 2 * 50, flat.triangleCount);
        // Instance bounds are object boxes transformed: they enclose the geometry, a little loosely.
        for (int a = 0; a < 3; a++) {
            assertTrue(s.sceneBounds[a] <= flat.sceneBounds[a] && s.sceneBounds[a + 3] >= flat.sceneBounds[a + 3],
                    "scene bounds enclose the instances, axis " + a);
            double extent = flat.sceneBounds[a + 3] - flat.sceneBounds[a];
            assertTrue(s.sceneBounds[a + 3] - s.sceneBounds[a] < 1.5 * extent, "scene bounds stay tight, axis " + a);
        }
    }

    @Test
    void matchesBruteForceOverTheFlattenedScene() {
        CompiledRender inst = SceneCompiler.compile(scene(false));
        CompiledScene flat = SceneCompiler.compile(scene(true)).scene();
        PathTraceKernel k = RenderSupport.transport(inst);
        Random r = new Random(5);
        int hits = 0, instanceHits = 0, mismatches = 0;
        boolean[] seen = new boolean[PLACES.length];
        for (int i = 0; i < 4000; i++) {
            float[] o = {(float) (r.nextDouble() * 30 - 15), (float) (r.nextDouble() * 30 - 15), (float) (r.nextDouble() * 30 - 15)};
            // Aim at a random instance's origin or at a random point, so that every instance is hit.
            double[] aim = new double[3];
            if (i % 2 == 0) {
                PLACES[r.nextInt(PLACES.length)].applyPoint(r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), aim, 0);
            } else {
                aim = new double[] {r.nextDouble() * 20 - 10, r.nextDouble() * 20 - 10, r.nextDouble() * 20 - 10};
            }
            double x = aim[0] - o[0], y = aim[1] - o[1], z = aim[2] - o[2], l = Math.sqrt(x * x + y * y + z * z);
            float[] d = {(float) (x / l), (float) (y / l), (float) (z / l)};
            if (i % 10 == 0) {
                d = new float[] {0, 0, 1}; // axis-aligned: zero direction components in world space
            }
            double expected = bruteForce(flat, o, d);
            int prim = k.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], Float.POSITIVE_INFINITY);
            boolean hit = prim >= 0;
            if (hit != Double.isFinite(expected) || (hit && Math.abs(expected - k.hitDistance()) > 1e-4 * Math.max(1, expected))) {
                mismatches++;
                continue;
            }
            if (hit) {
                hits++;
                int in = k.hitInstance();
                assertEquals(in >= 0, prim >= inst.scene().worldTriangleCount, "ray " + i + ": instance iff object triangle");
                if (in >= 0) {
                    instanceHits++;
                    seen[in] = true;
                }
                assertTrue(k.blocked(o[0], o[1], o[2], d[0], d[1], d[2], (float) (expected * 1.001)), "ray " + i + " occluded beyond the hit");
                assertEquals(-1, k.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], (float) (expected * 0.999)),
                        "ray " + i + ": nothing before the closest hit");
                assertTrue(!k.blocked(o[0], o[1], o[2], d[0], d[1], d[2], (float) (expected * 0.999)), "ray " + i + " free before the hit");
            } else {
                assertTrue(!k.blocked(o[0], o[1], o[2], d[0], d[1], d[2], Float.POSITIVE_INFINITY), "ray " + i + " unoccluded");
            }
        }
        System.out.printf("instance traversal: %d hits (%d on instances), %d of 4000 disagree with the flattened scene%n",
                hits, instanceHits, mismatches);
        // Flattened triangles are rounded to float in world space, instanced ones in object space:
        // a ray through a shared edge may round to either side, but not more than a handful.
        assertTrue(mismatches <= 4, mismatches + " rays disagree with the flattened scene");
        assertTrue(instanceHits > 800, "enough rays hit instances: " + instanceHits);
        for (int i = 0; i < PLACES.length; i++) {
            assertTrue(seen[i], "instance " + i + " was hit");
        }
    }
}

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
import org.luxnet.scene.desc.AnimatedTransform;
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
 * Rays at a time against moving instances: the kernel's traversal (moving instances entered at the
 * ray's time, the top-level BVH over their motion bounds) finds what testing every triangle placed by
 * the host's double-precision interpolation at that time finds, closest hits and shadow rays alike;
 * the hit's row holds the kernel's interpolation, which matches the host's; still instances keep
 * their rows; and a moving camera's rays start where the interpolated camera is.
 */
class MotionTraversalTest {
    private static final MaterialDesc MATTE = MaterialDesc.defaultMatte();

    private static ShapeDesc triangles(Random r, int n, double spread) {
        double[] p = new double[9 * n];
        double[] idx = new double[3 * n];
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
        ps.add(Param.numbers("indices", ParamType.INTEGER, idx, FileLoc.NONE));
        return new ShapeDesc("trianglemesh", ps, Transform.IDENTITY, false, MATTE, null, FileLoc.NONE);
    }

    private static final AnimatedTransform[] MOTIONS = {
        new AnimatedTransform(Transform.translate(-4, 0, 0), 0, Transform.translate(4, 1, 0).compose(Transform.rotate(170, 0, 1, 1))
                .compose(Transform.scale(1.5, 0.7, 1)), 1, AnimatedTransform.Style.PBRT),
        new AnimatedTransform(Transform.translate(0, 4, 2).compose(Transform.rotate(30, 1, 0, 0)), 0.2,
                Transform.translate(0, -3, 2).compose(Transform.scale(0.5, 2, 1)), 0.8, AnimatedTransform.Style.LUXRENDER),
        // LuxRender knots: out and back, turning on the way.
        AnimatedTransform.ofKnots(new double[] {0.1, 0.4, 0.9}, new Transform[] {Transform.translate(-2, -2, 5),
            Transform.translate(2, 3, 4).compose(Transform.rotate(120, 1, 0, 0)), Transform.translate(-2, -2, 5)},
                AnimatedTransform.Style.LUXRENDER),
    };
    private static final Transform STILL = Transform.translate(3, -4, -3).compose(Transform.rotate(45, 1, 1, 0));

    private static ObjectDesc object;
    private static ShapeDesc world;

    private static SceneDescription scene() {
        Random r = new Random(19);
        world = triangles(r, 100, 14);
        object = new ObjectDesc("thing", FileLoc.NONE, List.of(triangles(r, 150, 3)));
        List<InstanceDesc> instances = new ArrayList<>();
        for (AnimatedTransform m : MOTIONS) {
            instances.add(new InstanceDesc(object, m.start(), null, FileLoc.NONE, m));
        }
        instances.add(new InstanceDesc(object, STILL, FileLoc.NONE));
        return new SceneDescription("motion", Dialect.PBRT,
                new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE),
                EntityDesc.absent("image"), EntityDesc.absent("sobol"), EntityDesc.absent("path"), EntityDesc.absent("box"),
                List.of(world), List.of(), java.util.Map.of(), java.util.Map.of(), List.of(), instances);
    }

    /** World-space triangles (9 doubles each) at {@code time}, placed by the host's interpolation. */
    private static List<double[]> trianglesAt(double time) {
        List<double[]> out = new ArrayList<>();
        add(out, world, Transform.IDENTITY);
        for (AnimatedTransform m : MOTIONS) {
            add(out, object.shapes().get(0), m.interpolate(time));
        }
        add(out, object.shapes().get(0), STILL);
        return out;
    }

    private static void add(List<double[]> out, ShapeDesc s, Transform t) {
        float[] p = s.params().getPoints("P");
        double[] q = new double[3];
        for (int k = 0; k < p.length / 9; k++) {
            double[] tri = new double[9];
            for (int v = 0; v < 3; v++) {
                t.applyPoint(p[9 * k + 3 * v], p[9 * k + 3 * v + 1], p[9 * k + 3 * v + 2], q, 0);
                System.arraycopy(q, 0, tri, 3 * v, 3);
            }
            out.add(tri);
        }
    }

    private static double bruteForce(List<double[]> tris, float[] o, float[] d) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] g : tris) {
            double e1x = g[3] - g[0], e1y = g[4] - g[1], e1z = g[5] - g[2];
            double e2x = g[6] - g[0], e2y = g[7] - g[1], e2z = g[8] - g[2];
            double px = d[1] * e2z - d[2] * e2y, py = d[2] * e2x - d[0] * e2z, pz = d[0] * e2y - d[1] * e2x;
            double det = e1x * px + e1y * py + e1z * pz;
            if (det == 0) {
                continue;
            }
            double tx = o[0] - g[0], ty = o[1] - g[1], tz = o[2] - g[2];
            double u = (tx * px + ty * py + tz * pz) / det;
            double qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
            double v = (d[0] * qx + d[1] * qy + d[2] * qz) / det;
            double tt = (e2x * qx + e2y * qy + e2z * qz) / det;
            if (u >= 0 && v >= 0 && u + v <= 1 && tt > 0) {
                best = Math.min(best, tt);
            }
        }
        return best;
    }

    @Test
    void raysAtATimeHitWhatTheInterpolatedSceneHolds() {
        CompiledRender cr = SceneCompiler.compile(scene());
        CompiledScene s = cr.scene();
        assertEquals(4, s.instanceCount);
        assertEquals(4 * AnimatedTransform.RECORD, s.motion.length);
        PathTraceKernel k = RenderSupport.transport(cr);
        Random r = new Random(23);
        int hits = 0, movingHits = 0, compared = 0;
        for (int n = 0; n < 1500; n++) {
            double time = -0.1 + 1.2 * r.nextDouble();
            k.scratch[Scratch.TIME * k.capacity] = (float) time;
            List<double[]> tris = trianglesAt(time);
            // Rays from a sphere around the scene towards random points inside it.
            double th = Math.acos(2 * r.nextDouble() - 1), ph = 2 * Math.PI * r.nextDouble();
            float[] o = {(float) (20 * Math.sin(th) * Math.cos(ph)), (float) (20 * Math.sin(th) * Math.sin(ph)),
                (float) (20 * Math.cos(th))};
            float[] d = {(float) (8 * r.nextDouble() - 4) - o[0], (float) (8 * r.nextDouble() - 4) - o[1],
                (float) (8 * r.nextDouble() - 4) - o[2]};
            float len = (float) Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            for (int a = 0; a < 3; a++) {
                d[a] /= len;
            }
            double expected = bruteForce(tris, o, d);
            int hit = k.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 1e30f);
            if (Double.isInfinite(expected)) {
                // A grazing float miss may hit; never a far one.
                assertTrue(hit < 0 || k.hitDistance() > 0, "ray " + n);
                continue;
            }
            compared++;
            assertTrue(hit >= 0, "ray " + n + " at time " + time + " misses what is at t " + expected);
            assertEquals(expected, k.hitDistance(), 2e-3 * (1 + expected), "ray " + n + " at time " + time);
            hits++;
            int inst = k.hitInstance();
            if (inst >= k.motionRows) {
                movingHits++;
                assertEquals(k.motionRows, inst, "a moving hit names the work item's own row");
                // The kernel's interpolation in that row against the host's.
                int which = -1;
                for (int m = 0; m < MOTIONS.length; m++) {
                    Transform t = MOTIONS[m].interpolate(time);
                    boolean same = true;
                    for (int row = 0; row < 3 && same; row++) {
                        for (int c = 0; c < 4; c++) {
                            float kv = k.instXform[inst * CompiledScene.INST_STRIDE + CompiledScene.INST_O2W + 4 * row + c];
                            same &= Math.abs(kv - t.get(row, c)) < 2e-4 * (1 + Math.abs(t.get(row, c)));
                        }
                    }
                    which = same ? m : which;
                }
                assertTrue(which >= 0, "the hit's row is a moving instance at the ray's time " + time);
            }
            // A shadow ray to just short of the hit is free, one beyond it is blocked.
            assertTrue(k.blocked(o[0], o[1], o[2], d[0], d[1], d[2], (float) (expected * 1.01 + 1e-3)), "shadow ray " + n);
            assertTrue(!k.blocked(o[0], o[1], o[2], d[0], d[1], d[2], (float) (expected * 0.99 - 1e-3)),
                    "shadow ray " + n + " short of the hit at time " + time);
        }
        System.out.printf("moving instances: %d rays compared, %d hits, %d on moving instances%n", compared, hits, movingHits);
        assertTrue(movingHits > 100, "enough rays hit the moving instances: " + movingHits);
    }

    @Test
    void movingCameraRaysStartWhereTheInterpolatedCameraIs() {
        // pbrt-v3: camera-to-world is interpolated; the pinhole's rays start at its translation.
        AnimatedTransform m = new AnimatedTransform(Transform.IDENTITY, 0, Transform.translate(2, 1, 0)
                .compose(Transform.rotate(60, 0, 1, 0)), 1, AnimatedTransform.Style.PBRT);
        SceneDescription d = scene();
        SceneDescription moving = new SceneDescription(d.file(), d.dialect(),
                new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE, null, m),
                d.film(), d.sampler(), d.integrator(), d.pixelFilter(), d.shapes(), d.lights(), d.namedMaterials(),
                d.textures(), d.warnings(), d.instances());
        CompiledRender cr = SceneCompiler.compile(moving);
        PathTraceKernel k = RenderSupport.transport(cr);
        float[] ray = new float[6];
        for (int n = 0; n <= 10; n++) {
            double time = n / 10.0;
            k.scratch[Scratch.TIME * k.capacity] = (float) time;
            Transform c2w = m.interpolate(time);
            int w = cr.settings().width() / 2, h = cr.settings().height() / 2;
            k.cameraRay(w, h, 0.5f, 0.5f, ray);
            for (int a = 0; a < 3; a++) {
                assertEquals(c2w.get(a, 3), ray[a], 1e-5, "origin at time " + time);
                // Through the middle of the film: along camera +z.
                double z = c2w.get(a, 2) / Math.sqrt(c2w.get(0, 2) * c2w.get(0, 2) + c2w.get(1, 2) * c2w.get(1, 2)
                        + c2w.get(2, 2) * c2w.get(2, 2));
                assertEquals(z, ray[3 + a], 1e-5, "direction at time " + time);
            }
        }
    }
}

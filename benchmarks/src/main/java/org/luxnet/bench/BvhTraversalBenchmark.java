package org.luxnet.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.compile.CompiledRender;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BVH traversal alone: closest-hit queries per second for a fixed set of rays, half camera rays and
 * half rays from random points inside the scene in random directions (like bounce rays). Score in
 * rays per second (divide by 10^6 for Mrays/s), per thread count given with {@code -t}.
 *
 * <p>Run from the repository root after {@code mvn -q -DskipTests package}:
 * <pre>java -jar benchmarks/target/benchmarks.jar BvhTraversal -t 1</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BvhTraversalBenchmark {
    static final int RAYS = 1 << 16;

    @State(Scope.Benchmark)
    public static class Rays {
        @Param({"examples/cornell-box.lxs", "examples/ply-mesh/ply-mesh.lxs"})
        public String scene;
        CompiledRender compiled;
        final float[] rays = new float[6 * RAYS];

        @Setup(Level.Trial)
        public void create() {
            compiled = BenchScenes.load(scene);
            PathTraceKernel cam = kernel(compiled);
            Random r = new Random(1);
            float[] ray = new float[6];
            float[] b = compiled.scene().sceneBounds;
            int w = compiled.settings().width(), h = compiled.settings().height();
            for (int i = 0; i < RAYS; i++) {
                if (i % 2 == 0) {
                    cam.cameraRay(r.nextFloat() * w, r.nextFloat() * h, 0.5f, 0.5f, ray);
                } else {
                    for (int a = 0; a < 3; a++) {
                        ray[a] = b[a] + (0.05f + 0.9f * r.nextFloat()) * (b[3 + a] - b[a]);
                    }
                    double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian(), l = Math.sqrt(x * x + y * y + z * z);
                    ray[3] = (float) (x / l);
                    ray[4] = (float) (y / l);
                    ray[5] = (float) (z / l);
                }
                System.arraycopy(ray, 0, rays, 6 * i, 6);
            }
        }
    }

    @State(Scope.Thread)
    public static class Tracer {
        PathTraceKernel tracer;

        @Setup(Level.Trial)
        public void create(Rays r) {
            tracer = kernel(r.compiled);
        }
    }

    /** The light transport with room for one work item, as a CPU render thread holds it. */
    static PathTraceKernel kernel(CompiledRender c) {
        return new PathTraceKernel(c.scene(), c.settings(), RenderSession.createFilter(c.settings().filter()), 1, 1);
    }

    @Benchmark
    @OperationsPerInvocation(RAYS)
    public int closestHit(Rays r, Tracer t) {
        float[] a = r.rays;
        PathTraceKernel k = t.tracer;
        int hits = 0;
        for (int i = 0; i < RAYS; i++) {
            int o = 6 * i;
            int prim = k.closestHit(a[o], a[o + 1], a[o + 2], a[o + 3], a[o + 4], a[o + 5], Float.POSITIVE_INFINITY);
            if (prim >= 0) {
                hits += prim;
            }
        }
        return hits;
    }
}

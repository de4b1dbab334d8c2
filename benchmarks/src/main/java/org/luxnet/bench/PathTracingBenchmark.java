package org.luxnet.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.luxnet.accumulator.FilmTile;
import org.luxnet.render.device.TileRenderer;
import org.luxnet.render.session.RenderSession;
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
 * Path-tracing throughput: samples per second, exactly as a CPU render thread produces them (one
 * 32x32 tile of one pass per operation, into a private film tile). The score is in samples per
 * second per the whole benchmark, so with {@code -t 2} it is the kS/s of a 2-thread render x 1000.
 *
 * <p>Run from the repository root after {@code mvn -q -DskipTests package}:
 * <pre>java -jar benchmarks/target/benchmarks.jar PathTracing -t 2</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PathTracingBenchmark {
    static final int TILE = 32;

    /** Shared, immutable: the compiled scene. */
    @State(Scope.Benchmark)
    public static class Scene {
        @Param({"examples/cornell-box.lxs"})
        public String scene;
        CompiledRender compiled;
        /** Hands out work items (pass * tiles + tile) to the benchmark threads, as the CPU device does. */
        final AtomicLong next = new AtomicLong();
        int tilesX, tiles;

        @Setup(Level.Trial)
        public void load() {
            compiled = BenchScenes.load(scene);
            tilesX = (compiled.settings().width() + TILE - 1) / TILE;
            tiles = tilesX * ((compiled.settings().height() + TILE - 1) / TILE);
        }
    }

    /** Per thread: a renderer and a tile buffer. */
    @State(Scope.Thread)
    public static class Worker {
        TileRenderer renderer;
        FilmTile tile;

        @Setup(Level.Trial)
        public void create(Scene s) {
            renderer = new TileRenderer(s.compiled.scene(), s.compiled.settings(),
                    RenderSession.createFilter(s.compiled.settings().filter()), 1);
            tile = new FilmTile(TILE, TILE, s.compiled.settings().scaleBits());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TILE * TILE)
    public long samples(Scene s, Worker w) {
        long item = s.next.getAndIncrement();
        int pass = (int) (item / s.tiles), t = (int) (item % s.tiles);
        int x0 = (t % s.tilesX) * TILE, y0 = (t / s.tilesX) * TILE;
        int tw = Math.min(TILE, s.compiled.settings().width() - x0), th = Math.min(TILE, s.compiled.settings().height() - y0);
        w.tile.reset(x0, y0, tw, th);
        w.renderer.render(w.tile, x0, y0, tw, th, pass);
        return w.tile.totalContributions();
    }
}

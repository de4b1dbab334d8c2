package org.luxnet.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.luxnet.render.device.GpuDevice;
import org.luxnet.render.device.GpuDevices;
import org.luxnet.render.device.GpuMode;
import org.luxnet.render.device.OpenClDeviceInfo;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Samples per second of the GPU sampler alone on the Cornell box: a render session with no CPU
 * threads and one {@link GpuDevice}, rendering without a pass limit while JMH measures. Each
 * benchmark operation waits for the device to deliver another full pass; the {@code samples}
 * counter is the device's sample rate, and the teardown prints it in kS/s with the device's name.
 *
 * <p>Run from the repository root after {@code mvn -q -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main GpuSampler
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main GpuSampler -p device=1 -p scene=my.lxs
 * </pre>
 *
 * <p>{@code device} is an index from {@code luxconsole --list-devices}, or -1 for the device {@code
 * --gpu only} would take (the best GPU, else a CPU OpenCL device). A CPU OpenCL device such as PoCL
 * is labelled as such in the output: its figure is not a GPU's speed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class GpuSamplerBenchmark {
    /** The scene, relative to the working directory. */
    @Param("examples/reference/cornell-box.pbrt")
    public String scene;

    /** OpenCL device index, or -1 for the best one. */
    @Param("-1")
    public int device;

    private RenderSession session;
    private GpuDevice gpu;
    private OpenClDeviceInfo info;
    private long pixels;
    private long target;
    private long startSamples;
    private long startNanos;

    /** The device's samples, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Samples {
        /** Samples delivered during the iteration. */
        public long samples;
    }

    /** Builds the kernel and starts the device, then waits for its first samples. */
    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        CompiledRender r = SceneCompiler.compile(SceneParser.parse(Path.of(scene)));
        info = GpuDevices.select(GpuMode.ONLY, device < 0 ? null : device).device();
        gpu = new GpuDevice(info);
        pixels = (long) r.settings().width() * r.settings().height();
        session = new RenderSession(r.scene(), r.settings(), new SessionOptions(0, 1L, 0, 0, List.of(gpu), null));
        session.start();
        while (gpu.samples() == 0) {
            check();
            Thread.sleep(10);
        }
        target = gpu.samples();
        startSamples = gpu.samples();
        startNanos = System.nanoTime();
    }

    private void check() {
        if (session.failure() != null) {
            throw new IllegalStateException("the GPU sampler failed", session.failure());
        }
    }

    /** Waits until the device has rendered one more pass (pixel count samples). */
    @Benchmark
    public long pass(Samples counter) throws InterruptedException {
        target += pixels;
        long before = gpu.samples();
        while (gpu.samples() < target) {
            check();
            Thread.sleep(1);
        }
        long now = gpu.samples();
        counter.samples += now - before;
        return now;
    }

    /** Stops the device and prints its rate since the first samples. */
    @TearDown(Level.Trial)
    public void stop() {
        session.requestStop();
        session.awaitStopped(Duration.ofMinutes(1));
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double ks = (gpu.samples() - startSamples) / seconds / 1e3;
        System.out.printf(Locale.ROOT, "%nGPU sampler: %.1f kS/s on %s (%s%s), %.1f samples per pixel%n", ks,
                gpu.description(), info.type(), info.isCpu() ? ", a CPU OpenCL device: not a GPU timing" : "",
                (double) gpu.samples() / pixels);
    }
}

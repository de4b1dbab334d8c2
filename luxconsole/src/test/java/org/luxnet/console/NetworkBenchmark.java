package org.luxnet.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmCodec;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * The network mode's speed figures, printed, never asserted. Skipped unless asked for:
 * {@code mvn -q -pl luxconsole -am test -Dtest=NetworkBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dluxnet.benchmark=true}. The network overhead is measured with separate processes by
 * {@code client-bridge/bench/network-overhead.sh}, as a client and servers in one JVM share its
 * heap and collector and would understate the network mode.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkBenchmark {
    private static final String BOX = Path.of("..", "examples", "cornell-box.lxs").toString();

    @TempDir
    Path tmp;

    private static void requireOptIn() {
        assumeTrue(Boolean.getBoolean("luxnet.benchmark"), "a benchmark: run with -Dluxnet.benchmark=true");
    }

    @Test
    @Order(3)
    void deltaSizeAndMergeTimeAt1080p() throws Exception {
        requireOptIn();
        Path scene = tmp.resolve("box1080.lxs");
        Files.writeString(scene, Files.readString(Path.of(BOX)).replace("\"integer xresolution\" [256]",
                "\"integer xresolution\" [1920]").replace("\"integer yresolution\" [256]", "\"integer yresolution\" [1080]"));
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse(scene));
        FilmCodec codec = new FilmCodec();
        for (int passes : new int[] {1, 4}) {
            RenderSession s = new RenderSession(cr.scene(), cr.settings(), SessionOptions.cpu(2, 1, passes));
            s.start();
            s.awaitStopped(Duration.ofMinutes(5));
            Film delta = new Film(1920, 1080, cr.settings().scaleBits());
            s.drainInto(delta);
            long[] enc = new long[5], dec = new long[5], merge = new long[5];
            byte[] bytes = null;
            Film total = new Film(1920, 1080, cr.settings().scaleBits());
            for (int i = 0; i < enc.length; i++) {
                long t0 = System.nanoTime();
                bytes = codec.encode(delta);
                long t1 = System.nanoTime();
                Film back = codec.decode(bytes, 1920L * 1080);
                long t2 = System.nanoTime();
                total.add(back);
                long t3 = System.nanoTime();
                enc[i] = t1 - t0;
                dec[i] = t2 - t1;
                merge[i] = t3 - t2;
            }
            long raw = FilmCodec.rawFloatBytes(delta);
            System.out.printf("DELTA 1920x1080, %d pass(es): %d bytes encoded vs %d raw float (7 channels x 4 bytes):"
                    + " %.3f of raw; median encode %.0f ms, decode %.0f ms, merge %.0f ms%n", passes, bytes.length, raw,
                    (double) bytes.length / raw, median(enc), median(dec), median(merge));
        }
    }

    private static double median(long[] nanos) {
        long[] c = nanos.clone();
        Arrays.sort(c);
        return c[c.length / 2] / 1e6;
    }

    @Test
    @Order(1)
    void sceneArrivalToFirstSampleOnAServer() throws Exception {
        requireOptIn();
        SceneBundle bundle = new SceneBundle("cornell-box.lxs", Map.of("cornell-box.lxs", Files.readAllBytes(Path.of(BOX))));
        SessionBackend backend = new SessionBackend(1, null);
        List<Double> ms = new ArrayList<>();
        // A server warms up while it waits for its first client (ServerMode): measure after that too.
        long w0 = System.nanoTime();
        long warm = ServerWarmUp.run(1);
        System.out.printf("WARM-UP at server start: %d samples in %.0f ms%n", warm, (System.nanoTime() - w0) / 1e6);
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            RenderJob job = backend.start(bundle, new JobSpec(1, 1, 0));
            while (job.stats().samples() == 0) {
                Thread.sleep(0, 200_000);
            }
            ms.add((System.nanoTime() - t0) / 1e6);
            job.requestStop();
            job.awaitStopped(Duration.ofSeconds(10));
        }
        System.out.printf("FIRST SAMPLE (Cornell box, parse + compile + first 32x32 tile, 1 thread, from a bundle in"
                + " memory): first scene after the warm-up %.0f ms,"
                + " later runs %s ms%n", ms.get(0), ms.subList(1, ms.size()).stream()
                .map(v -> String.format(java.util.Locale.ROOT, "%.0f", v)).toList());
    }
}

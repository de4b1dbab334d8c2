package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FlmFile;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.render.device.CpuDevice;
import org.luxnet.render.device.GpuDevice;
import org.luxnet.render.device.GpuDevices;
import org.luxnet.render.device.OpenClDeviceInfo;
import org.luxnet.render.device.RenderDevice;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * {@code --node-passes} with a server rendering on an OpenCL device (PoCL in CI), real luxconsole
 * processes on loopback: the server, first on its OpenCL device only, is killed with -9 once its GPU
 * stream has samples in the client's saved film, and restarted on its CPU and the OpenCL device; the
 * restarted server continues both of node 1's streams where the film ends in them (the GPU's part
 * way, the CPU's at its start), so the film holds exactly the passes of both nodes, bit for bit the
 * samples of each stream to its final position. The first server renders on the GPU alone because
 * with a CPU thread beside it a loaded machine can finish the whole budget on the CPU while PoCL is
 * still building the kernel, leaving no GPU samples to continue (a CPU and a GPU stream both cut part
 * way are covered in-process by PassBudgetRecoveryTest and MixedStreamContinuationTest). Skipped
 * without an OpenCL device.
 */
@Timeout(400)
class GpuPassBudgetProcessTest {
    private static final int RES = 64, PASSES = 200;
    private static final long PIXELS = (long) RES * RES;
    private static final long TILES = CpuDevice.itemAfter(PIXELS, RES, RES);

    @TempDir
    Path tmp;
    private final LuxProcesses processes = new LuxProcesses();

    @AfterEach
    void killAll() {
        processes.close();
    }

    private LuxProcess server(String port, boolean gpuOnly) throws IOException {
        return processes.start("-s", "-p", port, "-t", "1", "--gpu", gpuOnly ? "only" : "auto", "--gpu-device", "0",
                "--cache-dir", tmp.resolve("cache").toString(), "--lease", "30", "--stats-interval", "0.5");
    }

    private static Checkpoint node1(Map<String, String> metadata) {
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().startsWith(NetworkResume.NODE)) {
                return Checkpoint.parse(e.getValue());
            }
        }
        return Checkpoint.NONE;
    }

    private static void render(CompiledRender cr, int threads, List<RenderDevice> gpu, int node, long passes, Film into) {
        if (passes == 0) {
            return;
        }
        RenderSession s = new RenderSession(cr.scene(), cr.settings(), new SessionOptions(threads, 7, node, passes, gpu, null));
        s.start();
        assertTrue(s.awaitStopped(Duration.ofMinutes(3)));
        assertNull(s.failure());
        s.drainInto(into);
    }

    @Test
    void aCpuAndGpuServerKilledAndRestartedContinuesBothStreamsExactly() throws Exception {
        List<OpenClDeviceInfo> devices = GpuDevices.list();
        assumeFalse(devices.isEmpty(), "no OpenCL device: install pocl-opencl-icd to run this test");
        Path scene = tmp.resolve("box.lxs");
        Files.writeString(scene, Files.readString(Path.of(LocalRenderCliTest.BOX))
                .replace("\"integer xresolution\" [256] \"integer yresolution\" [256]",
                        "\"integer xresolution\" [" + RES + "] \"integer yresolution\" [" + RES + "]")
                .replace("\"integer haltspp\" [64]", ""));
        Path flm = tmp.resolve("budget.flm");
        LuxProcess server = server("0", true);
        String port = server.awaitMatch("on port (\\d+)").group(1);
        LuxProcess client = processes.start("-u", "127.0.0.1:" + port, "-t", "1", "--gpu", "off", "--verbose",
                "--node-passes", Integer.toString(PASSES), "--seed", "7", "-i", "0.3", "--stats-interval", "0.3",
                "--write-flm", "--write-interval", "0.5", "-o", tmp.resolve("budget").toString(), scene.toString());
        // Kill the server once the saved film holds samples of its GPU stream, before the node is done.
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<Long> at = List.of();
        Map<String, String> seen = Map.of();
        while (at.size() < 2 || at.get(1) == 0) {
            assertTrue(System.nanoTime() < end, "no GPU samples in the saved film " + seen + "\nserver:\n"
                    + server.output() + "\nclient:\n" + client.output());
            Thread.sleep(50);
            if (Files.exists(flm)) {
                try {
                    seen = FlmFile.read(flm, 1 << 20).metadata();
                    at = node1(seen).items();
                } catch (IOException e) {
                    at = List.of(); // caught while being replaced; read it again
                }
            }
        }
        assertTrue(at.get(0) / TILES + at.get(1) / PIXELS < PASSES, "the node was not done yet: " + at);
        server.kill();
        LuxProcess again = server(port, false);
        again.awaitMatch("on port " + port);
        assertEquals(0, client.awaitExit(), client.output());
        assertTrue(client.output().contains("Done (passes"), client.output());
        assertTrue(again.output().contains("continuing node 1 at stream items"), again.output());

        var contents = FlmFile.read(flm, 1 << 20);
        Film film = contents.film();
        List<Long> done = node1(contents.metadata()).items();
        String logs = "\nfirst server:\n" + server.output() + "\nrestarted server:\n" + again.output() + "\nclient:\n"
                + client.output();
        assertEquals(2, done.size(), done + logs);
        long cpu = done.get(0), gpu = done.get(1);
        assertEquals(0, cpu % TILES, "whole CPU passes: " + done + logs);
        assertEquals(0, gpu % PIXELS, "whole GPU passes: " + done + logs);
        assertEquals(PASSES, cpu / TILES + gpu / PIXELS, "node 1's passes over both streams: " + done);
        assertTrue(cpu >= at.get(0) && gpu >= at.get(1), done + " continues " + at);
        assertTrue(cpu > 0, "the restarted server's CPU stream took part: " + done);
        assertEquals(2 * PASSES * PIXELS, film.totalSamples(), "exactly the passes of both nodes");
        CompiledRender cr = SceneCompiler.compile(SceneParser.parse(scene));
        Film reference = new Film(film.width(), film.height(), film.scaleBits());
        render(cr, 2, List.of(), 0, PASSES, reference);
        render(cr, 1, List.of(), 1, cpu / TILES, reference);
        render(cr, 0, List.of(new GpuDevice(devices.get(0))), 1, gpu / PIXELS, reference);
        assertTrue(film.contentEquals(reference), "bit for bit each stream's own samples to its position");
    }
}

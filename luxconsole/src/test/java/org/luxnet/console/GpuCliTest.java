package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.io.FlmFile;
import org.luxnet.render.device.GpuDevices;

/** The GPU options of the command line, on whatever OpenCL this machine has (none, PoCL, or a GPU). */
class GpuCliTest {
    static final String BOX = LocalRenderCliTest.BOX;

    @TempDir
    Path tmp;

    @Test
    void listDevicesPrintsWhatThereIs() {
        ConsoleRun r = ConsoleRun.run("--list-devices");
        assertEquals(0, r.exitCode(), r.toString());
        if (GpuDevices.list().isEmpty()) {
            assertTrue(r.out().contains("No OpenCL device found"), r.out());
        } else {
            assertTrue(r.out().startsWith("0: "), r.out());
        }
    }

    @Test
    void badModeAndImpossibleDeviceAreUsageErrors() {
        ConsoleRun bad = ConsoleRun.run("--gpu", "sometimes", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--gpu"), bad.err());
        for (String[] servers : new String[][] {{}, {"-u", "127.0.0.1:1"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(servers));
            args.addAll(java.util.List.of("--gpu", "sometimes", tmp.resolve("missing.lxs").toString()));
            ConsoleRun first = ConsoleRun.run(args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE, first.exitCode(), "--gpu is checked before the scene is read: " + first);
            assertTrue(first.err().contains("--gpu"), first.err());
        }
        ConsoleRun missing = ConsoleRun.run("--gpu-device", "99", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, missing.exitCode(), missing.toString());
        ConsoleRun off = ConsoleRun.run("--gpu", "off", "--gpu-device", "0", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, off.exitCode(), off.toString());
    }

    @Test
    void offRendersOnTheCpuAloneWithoutComment() {
        ConsoleRun r = ConsoleRun.run("--gpu", "off", "--halt-spp", "2", "--stats-interval", "0.2", "-o",
                tmp.resolve("off").toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("- Using CPU"), r.out());
        assertFalse(r.out().contains("OpenCL"), r.out());
        assertFalse(r.err().contains("OpenCL"), "off never looks for OpenCL: " + r.err());
    }

    @Test
    void onlyRendersOnTheGpuOrRefusesClearly() throws Exception {
        ConsoleRun r = ConsoleRun.run("--gpu", "only", "--halt-spp", "2", "--write-flm", "-o", tmp.resolve("gpu").toString(), BOX);
        if (GpuDevices.list().isEmpty()) {
            assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
            assertTrue(r.err().toLowerCase().contains("opencl"), r.err());
            return;
        }
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Using OpenCL ("), r.out());
        var flm = FlmFile.read(tmp.resolve("gpu.flm"), 1 << 20);
        assertEquals(2L * 256 * 256, flm.film().totalSamples());
        // The GPU's stream (device 1) advanced; the CPU's (device 0) was not used.
        assertEquals("0", flm.metadata().get("luxnet.stream.0.0.next"));
        assertEquals(Long.toString(2L * 256 * 256), flm.metadata().get("luxnet.stream.0.1.next"));
    }

    /**
     * Aparapi's native library prints "untested OpenCL platform version" to standard error itself (see
     * the README): --gpu off never probes OpenCL, so it never appears; with auto it appears at most once
     * per OpenCL platform and process, however many scenes render.
     */
    @Test
    void offNeverProbesOpenClAndAutoProbesOncePerProcess() throws Exception {
        String scene = java.nio.file.Files.readString(Path.of(BOX));
        Path one = tmp.resolve("one.lxs"), two = tmp.resolve("two.lxs");
        java.nio.file.Files.writeString(one, scene.replace("\"cornell-box\"", "\"" + tmp.resolve("one") + "\""));
        java.nio.file.Files.writeString(two, scene.replace("\"cornell-box\"", "\"" + tmp.resolve("two") + "\""));
        java.util.List<String> classLog = java.util.List.of("-Xlog:class+load=info");
        try (LuxProcess off = LuxProcess.start(null, classLog, "--gpu", "off", "-t", "1", "--halt-spp", "1",
                one.toString())) {
            assertEquals(0, off.awaitExit(), off.output());
            // The kernels extend com.aparapi.Kernel; OpenCL is reached only through the loader and the platforms.
            assertTrue(off.output().contains(" com.aparapi.Kernel "), "the class log is in the output");
            assertFalse(off.output().contains(" com.aparapi.internal.opencl.OpenCLLoader ")
                    || off.output().contains(" com.aparapi.internal.opencl.OpenCLPlatform "), "--gpu off probed OpenCL");
            assertFalse(off.output().contains("untested OpenCL platform"), off.output());
        }
        try (LuxProcess auto = LuxProcess.start(null, classLog, "--gpu", "auto", "-t", "1", "--halt-spp", "1",
                one.toString(), two.toString())) {
            assertEquals(0, auto.awaitExit(), auto.output());
            String out = auto.output();
            assertTrue(out.contains(" com.aparapi.internal.opencl.OpenCLLoader "), "auto probes OpenCL through Aparapi");
            assertEquals(2, out.lines().filter(l -> l.startsWith("Done (spp)")).count(), "both scenes rendered");
            java.util.List<String> warned = out.lines().filter(l -> l.contains("untested OpenCL platform")).toList();
            assertEquals(java.util.Set.copyOf(warned).size(), warned.size(), "once per platform: " + warned);
        }
        // A bad command line ends before the probe.
        try (LuxProcess bad = LuxProcess.start(null, classLog, "--gpu", "auto", "--stats-interval", "0", "--halt-spp", "1",
                one.toString())) {
            assertEquals(ExitCode.USAGE, bad.awaitExit(), bad.output());
            assertTrue(bad.output().contains("--stats-interval must be positive"), bad.output());
            assertFalse(bad.output().contains(" com.aparapi.internal.opencl.OpenCLLoader "), "probed before the check");
            assertFalse(bad.output().contains("untested OpenCL platform"), bad.output());
        }
    }
}

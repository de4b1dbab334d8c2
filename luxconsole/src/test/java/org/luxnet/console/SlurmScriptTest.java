package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FlmFile;

/**
 * Runs deploy/slurm's array task script as Slurm would, for both tasks of a 2-chunk array, and then
 * its merge script: the frame comes out with exactly the S/p asked for.
 */
class SlurmScriptTest {
    @TempDir
    Path tmp;

    private int bash(String script, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder("bash", DeployFiles.DIR.resolve("slurm").resolve(script).toString());
        pb.environment().remove("SLURM_ARRAY_TASK_ID");
        pb.environment().putAll(env);
        // The in-repository classes instead of /opt/luxnet/luxconsole.jar; no GPU, to stay cheap.
        pb.environment().put("LUXCONSOLE", java + " -cp " + System.getProperty("java.class.path") + " "
                + LuxConsole.class.getName() + " --gpu off -q");
        pb.environment().put("SCENE", Path.of("..", "examples", "cornell-box.lxs").toAbsolutePath().toString());
        pb.environment().put("CHUNKS", "2");
        pb.environment().put("SPP", "3");
        pb.environment().put("OUT", tmp.toString());
        pb.environment().put("SLURM_CPUS_PER_TASK", "1");
        Path log = tmp.resolve(script + env.hashCode() + ".log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script + " still running after 120 s");
        System.out.println(Files.readString(log));
        return p.exitValue();
    }

    @Test
    void theArrayTasksAndTheMergeRenderTheFrame() throws Exception {
        for (int task = 0; task < 2; task++) {
            assertEquals(0, bash("chunk.sbatch", Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task))));
        }
        long pixels = 256 * 256;
        assertEquals(2 * pixels, FlmFile.read(tmp.resolve("part-0.flm"), 1 << 20).film().totalSamples());
        assertEquals(pixels, FlmFile.read(tmp.resolve("part-1.flm"), 1 << 20).film().totalSamples());
        assertEquals(0, bash("merge.sbatch", Map.of("MERGE_OPTIONS", "--write-flm")));
        Film merged = FlmFile.read(tmp.resolve("final.flm"), 1 << 20).film();
        assertEquals(3 * pixels, merged.totalSamples(), "exactly SPP = 3 S/p");
        assertTrue(Files.size(tmp.resolve("final.png")) > 0 && Files.exists(tmp.resolve("final.exr")));
    }

    @Test
    void aTaskOutsideAnArrayJobFailsSayingSo() throws Exception {
        assertNotEquals(0, bash("chunk.sbatch", Map.of()));
        assertTrue(Files.readString(tmp.resolve("chunk.sbatch" + Map.of().hashCode() + ".log")).contains("array job"));
    }
}

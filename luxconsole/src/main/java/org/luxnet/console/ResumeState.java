package org.luxnet.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a render stores in its FLM film so that {@code -r} continues it exactly: the scene's hash (a
 * changed scene cannot be resumed), the seed, the render time so far, and for each device stream
 * the first work item not yet rendered, so that no sample is rendered twice.
 *
 * @param sceneSha256 hash of the scene files
 * @param seed        session seed
 * @param elapsed     render time already spent
 * @param cpuNextItem next work item of the CPU stream (device 0 of node 0)
 */
public record ResumeState(String sceneSha256, long seed, Duration elapsed, long cpuNextItem) {
    static final String SCENE = "luxnet.scene.sha256", SEED = "luxnet.seed", ELAPSED = "luxnet.elapsed.ms",
            CPU_ITEM = "luxnet.stream.0.0.next";

    /** The metadata map written into the FLM. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SCENE, sceneSha256);
        m.put(SEED, Long.toString(seed));
        m.put(ELAPSED, Long.toString(elapsed.toMillis()));
        m.put(CPU_ITEM, Long.toString(cpuNextItem));
        return m;
    }

    /**
     * Reads the state back from FLM metadata.
     *
     * @throws CliException (exit 2) when an entry is missing or malformed, naming the file
     */
    public static ResumeState fromMetadata(Map<String, String> m, String file) {
        try {
            return new ResumeState(require(m, SCENE, file), Long.parseLong(require(m, SEED, file)),
                    Duration.ofMillis(Long.parseLong(require(m, ELAPSED, file))), Long.parseLong(require(m, CPU_ITEM, file)));
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, file + ": malformed resume metadata: " + e.getMessage());
        }
    }

    private static String require(Map<String, String> m, String key, String file) {
        String v = m.get(key);
        if (v == null) {
            throw new CliException(ExitCode.USAGE, file + ": not a LuxNet resume film (no \"" + key + "\" entry)");
        }
        return v;
    }
}

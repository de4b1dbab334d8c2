package org.luxnet.console;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a render stores in its FLM film so that {@code -r} continues it exactly: the scene's hash (a
 * changed scene cannot be resumed), the seed, the render time so far, and for each of this
 * machine's device streams (0: CPU, 1: GPU) the first work item not yet rendered, so that no sample
 * is rendered twice.
 *
 * @param sceneSha256 hash of the scene files
 * @param seed        session seed
 * @param elapsed     render time already spent
 * @param nextItems   per device stream of node 0, the next work item
 */
public record ResumeState(String sceneSha256, long seed, Duration elapsed, long[] nextItems) {
    static final String SCENE = "luxnet.scene.sha256", SEED = "luxnet.seed", ELAPSED = "luxnet.elapsed.ms";
    /** Stream {@code d} of node 0 is stored under {@code luxnet.stream.0.<d>.next}. */
    static final String STREAM_PREFIX = "luxnet.stream.0.", STREAM_SUFFIX = ".next";
    /** More device streams than any machine has; bounds what a corrupt file can make us read. */
    static final int MAX_STREAMS = 16;

    public ResumeState {
        nextItems = nextItems.clone();
    }

    /** The work item of stream {@code d} to start from (0 for a stream never used). */
    long next(int d) {
        return d < nextItems.length ? nextItems[d] : 0;
    }

    /** The metadata map written into the FLM. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SCENE, sceneSha256);
        m.put(SEED, Long.toString(seed));
        m.put(ELAPSED, Long.toString(elapsed.toMillis()));
        for (int d = 0; d < nextItems.length; d++) {
            m.put(STREAM_PREFIX + d + STREAM_SUFFIX, Long.toString(nextItems[d]));
        }
        return m;
    }

    /**
     * Reads the state back from FLM metadata.
     *
     * @throws CliException (exit 2) when an entry is missing or malformed, naming the file
     */
    public static ResumeState fromMetadata(Map<String, String> m, String file) {
        try {
            long[] items = new long[MAX_STREAMS];
            int n = 0;
            for (int d = 0; d < MAX_STREAMS; d++) {
                String v = m.get(STREAM_PREFIX + d + STREAM_SUFFIX);
                if (v != null) {
                    items[d] = Long.parseLong(v);
                    n = d + 1;
                }
            }
            // A stream with no entry never rendered here (a client with -t 0): it starts at 0.
            return new ResumeState(require(m, SCENE, file), Long.parseLong(require(m, SEED, file)),
                    Duration.ofMillis(Long.parseLong(require(m, ELAPSED, file))), Arrays.copyOf(items, n));
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

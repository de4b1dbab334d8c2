package org.luxnet.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chunks {@code merge} has read so far, checked against the first: same scene (hash), seed,
 * chunking, frame halt, resolution and outputs, and no chunk twice. Errors name both files.
 */
final class ChunkSet {
    private ChunkFilm first;
    private final TreeMap<Integer, String> files = new TreeMap<>();

    /**
     * Adds {@code c} after checking it belongs with the chunks read before.
     *
     * @throws CliException (exit 2) naming the files when it does not
     */
    void add(ChunkFilm c) {
        if (first == null) {
            first = c;
        } else {
            agree(c, "scene", first.scene(), c.scene(), "of different scenes");
            agree(c, "seed", first.seed(), c.seed(), "rendered with different --seed");
            agree(c, "chunks", first.chunk().count(), c.chunk().count(), "split the frame into different numbers of chunks");
            agree(c, "S/p", first.totalSpp(), c.totalSpp(), "split different samples-per-pixel halts");
            agree(c, "size", first.film().width() + "x" + first.film().height() + " scale " + first.film().scaleBits(),
                    c.film().width() + "x" + c.film().height() + " scale " + c.film().scaleBits(), "films of different sizes");
            agree(c, "outputs", outputs(first.metadata()), outputs(c.metadata()), "asking for different images");
        }
        String earlier = files.putIfAbsent(c.chunk().index(), c.file().toString());
        if (earlier != null) {
            throw new CliException(ExitCode.USAGE, "cannot merge: " + earlier + " and " + c.file() + " are both "
                    + c.chunk() + " (a chunk given twice would count its samples twice)");
        }
    }

    private void agree(ChunkFilm c, String what, Object a, Object b, String problem) {
        if (!a.equals(b)) {
            throw new CliException(ExitCode.USAGE, "cannot merge: " + first.file() + " and " + c.file() + " are " + problem
                    + " (" + what + ": " + a + " vs " + b + ")");
        }
    }

    private static Map<String, String> outputs(Map<String, String> m) {
        TreeMap<String, String> o = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(ImagingMetadata.PREFIX)) {
                o.put(k, v);
            }
        });
        return o;
    }

    /** The number of chunks the frame was split into. */
    int count() {
        return first.chunk().count();
    }

    /** The frame's samples per pixel, all chunks together. */
    int totalSpp() {
        return first.totalSpp();
    }

    /** The chunks not given, in order. */
    List<Integer> missing() {
        List<Integer> m = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            if (!files.containsKey(i)) {
                m.add(i);
            }
        }
        return m;
    }

    /** The outputs the chunks' scene asks for. */
    ImagingMetadata imaging() {
        return ImagingMetadata.fromMetadata(first.metadata(), first.file().toString());
    }

    /**
     * The merged film's metadata: what all chunks share, and which chunks it holds; the same whatever
     * the order of the files.
     */
    Map<String, String> mergedMetadata() {
        Map<String, String> m = new TreeMap<>(outputs(first.metadata()));
        m.put(ResumeState.SCENE, first.scene());
        m.put(ResumeState.SEED, first.seed());
        m.put(Chunk.COUNT, Integer.toString(count()));
        m.put(Chunk.TOTAL_SPP, Integer.toString(totalSpp()));
        m.put("luxnet.merge.chunks", files.keySet().toString());
        return m;
    }
}

package org.luxnet.scene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds warnings that say the same thing into one: a scene with 101 materials carrying an
 * unsupported bump map gets one line with the count and the first file:line, not 101 lines.
 */
public final class SceneWarnings {
    private SceneWarnings() {
    }

    /**
     * One warning per distinct message, in the order each message first appears, at its first place,
     * counting the distinct places that gave it (the same warning twice at one place counts once, so
     * a statement checked once per shape it applies to is not counted per shape). Already folded
     * warnings keep their counts.
     */
    public static List<SceneWarning> summarize(List<SceneWarning> warnings) {
        Map<String, Map<FileLoc, Integer>> byMessage = new LinkedHashMap<>();
        for (SceneWarning w : warnings) {
            byMessage.computeIfAbsent(w.message(), m -> new LinkedHashMap<>()).merge(w.loc(), w.count(), Math::max);
        }
        List<SceneWarning> out = new ArrayList<>(byMessage.size());
        for (Map.Entry<String, Map<FileLoc, Integer>> e : byMessage.entrySet()) {
            Map<FileLoc, Integer> places = e.getValue();
            int count = places.values().stream().mapToInt(Integer::intValue).sum();
            out.add(new SceneWarning(places.keySet().iterator().next(), e.getKey(), count));
        }
        return out;
    }
}

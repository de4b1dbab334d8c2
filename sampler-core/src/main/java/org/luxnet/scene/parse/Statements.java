package org.luxnet.scene.parse;

import java.util.HashMap;
import java.util.Map;
import org.luxnet.scene.SceneException;

/**
 * The registry of statement names the parser knows, each with its handler. A name not in it is an
 * error (with a suggestion when it looks like a typo of a known one): silently skipping an unknown
 * word would also skip the arguments that follow it and hide a broken scene.
 */
final class Statements {
    /** Statement name to handler, both dialects together. */
    static final Map<String, StatementHandler> TABLE = create();

    private Statements() {
    }

    private static Map<String, StatementHandler> create() {
        Map<String, StatementHandler> table = new HashMap<>();
        TransformStatements.register(table);
        BlockStatements.register(table);
        ObjectStatements.register(table);
        OptionStatements.register(table);
        WorldStatements.register(table);
        VolumeStatements.register(table);
        IncludeStatement.register(table);
        MotionStatements.register(table);
        UnsupportedStatements.register(table);
        return Map.copyOf(table);
    }

    /** The error for an identifier that names no statement. */
    static SceneException unknown(Token t) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : TABLE.keySet()) {
            int d = name.equalsIgnoreCase(t.text()) ? 0 : editDistance(name, t.text());
            if (d < bestDistance || (d == bestDistance && best != null && name.compareTo(best) < 0)) {
                best = name;
                bestDistance = d;
            }
        }
        String hint = best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
        return new SceneException(t.loc(), "unknown statement '" + t.text() + "'" + hint);
    }

    /** Levenshtein distance; statement names are short, so the quadratic table is cheap. */
    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

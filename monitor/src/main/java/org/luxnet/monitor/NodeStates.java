package org.luxnet.monitor;

import java.util.Locale;

/**
 * Folds the detailed states of render nodes into the few the monitor's node table shows: {@code
 * connecting} (dialling, sending the scene, starting), {@code rendering}, {@code stopping}, {@code
 * idle} (finished, done or stopped: not rendering for this render), {@code lost} (connection gone,
 * retrying or given up), {@code refused} (wrong password, bad scene, busy with another client),
 * {@code aside} (failed too often; left alone until forgiven) and {@code failed}. The detailed state stays in the row as its detail.
 */
public final class NodeStates {
    private NodeStates() {
    }

    /** The table state of a node whose detailed state is {@code raw}; an unknown state passes through. */
    public static String classify(String raw) {
        if (raw == null || raw.isBlank()) {
            return "connecting";
        }
        String s = raw.toLowerCase(Locale.ROOT);
        if (s.startsWith("refused") || s.startsWith("busy")) {
            return "refused";
        }
        if (s.startsWith("failed")) {
            return "failed";
        }
        if (s.startsWith("aside")) {
            return "aside";
        }
        switch (s) {
            case "connecting": case "sending scene": case "receiving scene": case "starting": case "reattaching":
                return "connecting";
            case "rendering":
                return "rendering";
            case "stopping":
                return "stopping";
            case "finished": case "done": case "stopped": case "idle":
                return "idle";
            case "lost": case "abandoned": case "unreachable":
                return "lost";
            default:
                return s;
        }
    }
}

package org.luxnet.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NodeStatesTest {
    @Test
    void foldsEveryDetailedStateOfNodesAndServersIntoTheTableStates() {
        String[][] cases = {
            {"connecting", "connecting"}, {"sending scene", "connecting"}, {"starting", "connecting"},
            {"reattaching", "connecting"}, {"receiving scene", "connecting"}, {"rendering", "rendering"},
            {"stopping", "stopping"}, {"finished", "idle"}, {"done", "idle"}, {"stopped", "idle"}, {"idle", "idle"},
            {"lost", "lost"}, {"abandoned", "lost"}, {"unreachable", "lost"}, {"refused: wrong password", "refused"},
            {"busy: session 5 of 10.0.0.2:4000 since 2024-06-01T10:00:00Z", "refused"},
            {"failed: corrupt delta 3", "failed"}, {"Rendering", "rendering"}, {"", "connecting"},
            {"warming up", "warming up"}, {"aside: failed too often; retried in 60 s", "aside"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], NodeStates.classify(c[0]), c[0]);
        }
    }
}

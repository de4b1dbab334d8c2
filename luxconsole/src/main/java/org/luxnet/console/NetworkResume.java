package org.luxnet.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;

/**
 * What a network client keeps in its FLM besides {@link ResumeState}: the session id (a client
 * restarted with {@code -r} within the servers' lease reattaches by it), the next unused node index
 * (servers that lost the session get fresh sample streams), and per server how far its deltas had
 * reached the saved film (so resent deltas are not counted twice).
 *
 * @param sessionId   the session's id
 * @param nextNode    the first node index not yet used
 * @param checkpoints per server address ("host:port"), its checkpoint
 */
record NetworkResume(String sessionId, int nextNode, Map<String, Checkpoint> checkpoints) {
    static final String SESSION = "luxnet.net.session", NEXT_NODE = "luxnet.net.next-node", NODE = "luxnet.net.node.";

    /** A fresh session: new id, servers numbered from 1. */
    static NetworkResume fresh() {
        return new NetworkResume(UUID.randomUUID().toString(), 1, Map.of());
    }

    /** The state of {@code st}'s render: the resumed film's, else a fresh session. */
    static NetworkResume of(RenderStart st) {
        return st.prior != null ? fromMetadata(st.metadata) : fresh();
    }

    /** Reads the state from FLM metadata; a film written by a local render starts a fresh session. */
    static NetworkResume fromMetadata(Map<String, String> m) {
        String id = m.get(SESSION);
        if (id == null || id.isEmpty()) {
            return fresh();
        }
        int next;
        try {
            next = Math.max(1, Integer.parseInt(m.getOrDefault(NEXT_NODE, "1")));
        } catch (NumberFormatException e) {
            next = 1;
        }
        Map<String, Checkpoint> cps = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(NODE)) {
                cps.put(k.substring(NODE.length()), Checkpoint.parse(v));
            }
        });
        return new NetworkResume(id, next, cps);
    }

    /** The checkpoint saved for {@code address}, or none. */
    Checkpoint checkpoint(NodeAddress address) {
        return checkpoints.getOrDefault(address.toString(), Checkpoint.NONE);
    }

    /** The metadata entries for the current state of {@code session}'s nodes. */
    static Map<String, String> toMetadata(ClientSession session, List<RemoteNode> nodes) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SESSION, session.sessionId());
        m.put(NEXT_NODE, Integer.toString(session.peekNextNode()));
        for (RemoteNode n : nodes) {
            m.put(NODE + n.address(), n.checkpoint().format());
        }
        return m;
    }
}

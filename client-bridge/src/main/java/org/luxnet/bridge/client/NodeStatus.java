package org.luxnet.bridge.client;

/**
 * A node's state with the reason for it, when there is one to tell ("busy" with whose session,
 * "refused" why, "aside" until when).
 *
 * @param state  the state the client decides on
 * @param reason what people are told about it, or null
 */
public record NodeStatus(NodeState state, String reason) {
    /** Checks that there is a state. */
    public NodeStatus {
        if (state == null) {
            throw new IllegalArgumentException("a node status needs a state");
        }
    }

    /** A status without a reason. */
    public static NodeStatus of(NodeState state) {
        return new NodeStatus(state, null);
    }

    /** "label" or "label: reason", as the statistics line, {@code -V} and the monitor show it. */
    @Override
    public String toString() {
        return reason == null ? state.label() : state.label() + ": " + reason;
    }
}

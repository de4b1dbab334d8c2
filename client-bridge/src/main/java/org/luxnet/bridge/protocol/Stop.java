package org.luxnet.bridge.protocol;

/**
 * Ends the session: the server stops rendering, sends what is left as a last delta and, once that is
 * acknowledged, {@link Ended}, and is idle again. Sent again after a reattach while stopping.
 *
 * <p>Wire: empty body.
 */
public record Stop() implements Message {
    @Override
    public MessageType type() {
        return MessageType.STOP;
    }
}

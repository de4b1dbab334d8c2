package org.luxnet.bridge.protocol;

/**
 * Asks for the samples rendered since the last delta; the server answers with one delta. The client
 * sends the next only after that delta has arrived.
 *
 * <p>Wire: empty body.
 */
public record Pull() implements Message {
    @Override
    public MessageType type() {
        return MessageType.PULL;
    }
}

package org.luxnet.bridge.protocol;

/**
 * The client's first message.
 *
 * <p>Wire: {@code u16 version, u32 capabilities, string clientName, 32 bytes clientNonce}.
 *
 * @param version      the protocol version the client speaks ({@link Protocol#VERSION})
 * @param capabilities the client's {@code Protocol.CAP_*} bits
 * @param clientName   free text for the server's log (host name, program version)
 * @param clientNonce  32 random bytes the server's proof of the password covers
 */
public record Hello(int version, int capabilities, String clientName, Bytes clientNonce) implements Message {
    /** Checks field ranges. */
    public Hello {
        Fields.u16(version, "version");
        Fields.string(clientName, "clientName");
        Fields.length(clientNonce, Protocol.NONCE_BYTES, "clientNonce");
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}

package org.luxnet.bridge.protocol;

/**
 * The server's answer to {@link Hello}.
 *
 * <p>Wire: {@code u16 version, u32 capabilities, string serverId, u8 authRequired (0/1), 32 bytes
 * serverNonce}.
 *
 * @param version      the protocol version the server speaks
 * @param capabilities the server's {@code Protocol.CAP_*} bits
 * @param serverId     the server's id, stable for the life of the process (for logs and BUSY reports)
 * @param authRequired true when the client must send {@link Auth} before anything else
 * @param serverNonce  32 random bytes, new for every connection, that the client's proof covers
 */
public record Welcome(int version, int capabilities, String serverId, boolean authRequired, Bytes serverNonce)
        implements Message {
    /** Checks field ranges. */
    public Welcome {
        Fields.u16(version, "version");
        Fields.string(serverId, "serverId");
        Fields.length(serverNonce, Protocol.NONCE_BYTES, "serverNonce");
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}

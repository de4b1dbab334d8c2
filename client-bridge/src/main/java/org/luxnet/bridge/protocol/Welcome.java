package org.luxnet.bridge.protocol;

/**
 * The server's answer to {@link Hello}: when a password is set, the challenge for the client and
 * the server's own proof that it knows the password, which the client checks before it reveals
 * anything of its own.
 *
 * <p>Wire: {@code u16 version, u32 capabilities, string serverId, u8 authRequired (0/1), 32 bytes
 * serverNonce, 16 bytes salt, u32 iterations, 32 bytes serverProof} (salt, iterations and proof
 * zero without a password).
 *
 * @param version      the protocol version the server speaks
 * @param capabilities the server's {@code Protocol.CAP_*} bits
 * @param serverId     the server's id, stable for the life of the process (for logs and BUSY reports)
 * @param authRequired true when the client must send {@link Auth} before anything else
 * @param serverNonce  32 random bytes, new for every connection, that the client's proof covers
 * @param salt         the server's PBKDF2 salt for deriving the key from the password
 * @param iterations   PBKDF2 iterations for that key
 * @param serverProof  the server's proof over both nonces, made with that key
 */
public record Welcome(int version, int capabilities, String serverId, boolean authRequired, Bytes serverNonce,
                      Bytes salt, int iterations, Bytes serverProof) implements Message {
    /** Checks field ranges. */
    public Welcome {
        Fields.u16(version, "version");
        Fields.string(serverId, "serverId");
        Fields.length(serverNonce, Protocol.NONCE_BYTES, "serverNonce");
        Fields.length(salt, Protocol.SALT_BYTES, "salt");
        Fields.length(serverProof, Protocol.PROOF_BYTES, "serverProof");
    }

    /** A WELCOME without a challenge (salt, iterations and proof zero). */
    public Welcome(int version, int capabilities, String serverId, boolean authRequired, Bytes serverNonce) {
        this(version, capabilities, serverId, authRequired, serverNonce, Bytes.of(new byte[Protocol.SALT_BYTES]), 0,
                Bytes.of(new byte[Protocol.PROOF_BYTES]));
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}

package org.luxnet.bridge.protocol;

/**
 * The client's proof that it knows the password: HMAC-SHA256 keyed with the key derived from the
 * password and the server's salt, over a label and both nonces ({@link
 * org.luxnet.bridge.auth.PasswordProof}); sent only once the server has proved itself. The password
 * never travels.
 *
 * <p>Wire: {@code 32 bytes proof}.
 */
public record Auth(Bytes proof) implements Message {
    /** Checks the proof's length. */
    public Auth {
        Fields.length(proof, Protocol.PROOF_BYTES, "proof");
    }

    @Override
    public MessageType type() {
        return MessageType.AUTH;
    }
}

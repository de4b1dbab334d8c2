package org.luxnet.bridge.protocol;

/**
 * The client's proof that it knows the password: HMAC-SHA256 keyed with the password over a label
 * and both nonces ({@link org.luxnet.bridge.auth.PasswordProof}). The password never travels.
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

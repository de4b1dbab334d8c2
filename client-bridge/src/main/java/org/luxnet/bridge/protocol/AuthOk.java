package org.luxnet.bridge.protocol;

/**
 * The server accepted the client's proof and proves in turn that it knows the password, so a
 * client is not fooled into rendering for (or sending scenes to) an impostor.
 *
 * <p>Wire: {@code 32 bytes proof}.
 */
public record AuthOk(Bytes proof) implements Message {
    /** Checks the proof's length. */
    public AuthOk {
        Fields.length(proof, Protocol.PROOF_BYTES, "proof");
    }

    @Override
    public MessageType type() {
        return MessageType.AUTH_OK;
    }
}

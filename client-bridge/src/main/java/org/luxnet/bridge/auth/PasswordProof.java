package org.luxnet.bridge.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.luxnet.bridge.protocol.Bytes;

/**
 * The challenge-response of the handshake: each side proves it knows the shared password with an
 * HMAC-SHA256, keyed with the password, over a label naming the prover and both connection nonces.
 * The password never travels; a proof is bound to one connection's nonces, so it cannot be replayed,
 * and the two labels keep a client's proof from being reflected back as a server's. Immutable and
 * thread-safe.
 */
public final class PasswordProof {
    /** The environment variable both sides read the password from when none is given as an option. */
    public static final String ENV_VARIABLE = "LUXNET_PASSWORD";

    private static final byte[] CLIENT_LABEL = "luxnet-v1 client proof".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_LABEL = "luxnet-v1 server proof".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    /** A prover for {@code password}, which must not be empty. */
    public PasswordProof(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is empty");
        }
        this.key = new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The client's proof for a connection with these nonces. */
    public Bytes clientProof(Bytes serverNonce, Bytes clientNonce) {
        return Bytes.of(mac(CLIENT_LABEL, serverNonce, clientNonce));
    }

    /** The server's proof for a connection with these nonces. */
    public Bytes serverProof(Bytes serverNonce, Bytes clientNonce) {
        return Bytes.of(mac(SERVER_LABEL, clientNonce, serverNonce));
    }

    /** True when {@code proof} is the client's proof; compared in constant time. */
    public boolean checkClient(Bytes proof, Bytes serverNonce, Bytes clientNonce) {
        return MessageDigest.isEqual(proof.toArray(), mac(CLIENT_LABEL, serverNonce, clientNonce));
    }

    /** True when {@code proof} is the server's proof; compared in constant time. */
    public boolean checkServer(Bytes proof, Bytes serverNonce, Bytes clientNonce) {
        return MessageDigest.isEqual(proof.toArray(), mac(SERVER_LABEL, clientNonce, serverNonce));
    }

    private byte[] mac(byte[] label, Bytes first, Bytes second) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(label);
            m.update(first.toArray());
            m.update(second.toArray());
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The password from {@code option} when given, else from {@link #ENV_VARIABLE}; null when neither is set. */
    public static PasswordProof resolve(String option) {
        String p = option != null && !option.isEmpty() ? option : System.getenv(ENV_VARIABLE);
        return p == null || p.isEmpty() ? null : new PasswordProof(p);
    }
}

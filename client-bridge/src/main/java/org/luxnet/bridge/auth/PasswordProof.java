package org.luxnet.bridge.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.Protocol;

/**
 * The shared password of a client and its servers, and the challenge-response of the handshake
 * built on it. The proofs are HMAC-SHA256 over a label naming the prover and both connection
 * nonces, keyed not with the password but with a key derived from it by PBKDF2-HMAC-SHA256 with
 * the server's salt and at least {@link #MIN_ITERATIONS} iterations, so that a proof seen on the
 * wire (the server's proof goes to anyone who connects) costs an offline guesser that many HMACs
 * per guess. The password never travels; a proof is bound to one connection's nonces, so it cannot
 * be replayed, and the two labels keep a client's proof from being reflected back as a server's.
 * Thread-safe.
 */
public final class PasswordProof {
    /** The environment variable both sides read the password from when none is given as an option. */
    public static final String ENV_VARIABLE = "LUXNET_PASSWORD";
    /** Fewest PBKDF2 iterations a client accepts from a server. */
    public static final int MIN_ITERATIONS = 100_000;
    /** Most PBKDF2 iterations a client accepts from a server (more would let a server stall it). */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** Iterations a server asks for. */
    public static final int ITERATIONS = 150_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] password;
    private Key last;

    /** The password {@code password}, which must not be empty. */
    public PasswordProof(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is empty");
        }
        this.password = password.toCharArray();
    }

    /** A new random salt for a server. */
    public static Bytes newSalt() {
        byte[] s = new byte[Protocol.SALT_BYTES];
        RANDOM.nextBytes(s);
        return Bytes.of(s);
    }

    /**
     * The key for {@code salt} and {@code iterations}: derived (slowly, on purpose) once, then kept
     * while the same salt and count are asked for again (a client reconnecting to one server).
     */
    public synchronized Key key(Bytes salt, int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be " + MIN_ITERATIONS + " to " + MAX_ITERATIONS
                    + ", got " + iterations);
        }
        if (last == null || !last.salt.equals(salt) || last.iterations != iterations) {
            last = new Key(derive(salt, iterations), salt, iterations);
        }
        return last;
    }

    private byte[] derive(Bytes salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt.toArray(), iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The password from {@code option} when given, else from {@link #ENV_VARIABLE}; null when neither is set. */
    public static PasswordProof resolve(String option) {
        String p = option != null && !option.isEmpty() ? option : System.getenv(ENV_VARIABLE);
        return p == null || p.isEmpty() ? null : new PasswordProof(p);
    }

    /** A key derived from the password with one salt: makes and checks the proofs. Immutable. */
    public static final class Key {
        private static final byte[] CLIENT_LABEL = "luxnet-v2 client proof".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] SERVER_LABEL = "luxnet-v2 server proof".getBytes(StandardCharsets.US_ASCII);

        private final SecretKeySpec key;
        private final Bytes salt;
        private final int iterations;

        private Key(byte[] key, Bytes salt, int iterations) {
            this.key = new SecretKeySpec(key, "HmacSHA256");
            this.salt = salt;
            this.iterations = iterations;
        }

        /** The salt it was derived with. */
        public Bytes salt() {
            return salt;
        }

        /** The PBKDF2 iterations it was derived with. */
        public int iterations() {
            return iterations;
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
    }
}

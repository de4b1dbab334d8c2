package org.luxnet.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.bridge.protocol.Bytes;

/** The key derivation and proofs of the handshake. */
class PasswordProofTest {
    private static final Bytes A = Bytes.of(new byte[32]), B = Bytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
        12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @Test
    void keysDependOnTheSaltAreKeptPerSaltAndProofsDoNotReflect() {
        PasswordProof p = new PasswordProof("correct horse");
        Bytes salt1 = PasswordProof.newSalt(), salt2 = PasswordProof.newSalt();
        PasswordProof.Key k1 = p.key(salt1, PasswordProof.ITERATIONS);
        assertSame(k1, p.key(salt1, PasswordProof.ITERATIONS), "derived once for a server's salt");
        PasswordProof.Key k2 = p.key(salt2, PasswordProof.ITERATIONS);
        assertNotEquals(k1.serverProof(A, B), k2.serverProof(A, B), "another salt, another key");
        assertTrue(k1.checkServer(k1.serverProof(A, B), A, B));
        assertFalse(k1.checkClient(k1.serverProof(A, B), A, B), "a server's proof is no client's proof");
        assertFalse(new PasswordProof("correct hors").key(salt1, PasswordProof.ITERATIONS).checkClient(
                k1.clientProof(A, B), A, B));
        assertTrue(PasswordProof.ITERATIONS >= 100_000);
    }

    @Test
    void tooFewOrTooManyIterationsAreRefused() {
        PasswordProof p = new PasswordProof("pw");
        assertThrows(IllegalArgumentException.class, () -> p.key(PasswordProof.newSalt(), 1000));
        assertThrows(IllegalArgumentException.class, () -> p.key(PasswordProof.newSalt(), Integer.MAX_VALUE));
    }
}

package org.luxnet.console;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Standard input, read to its end once: a scene ({@code -}) or a list of scenes ({@code -L -}). */
final class StandardInput {
    private static byte[] bytes;

    private StandardInput() {
    }

    /** Everything on standard input (read on the first call). */
    static synchronized byte[] bytes() {
        if (bytes == null) {
            try {
                bytes = System.in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
            }
        }
        return bytes;
    }
}

package org.luxnet.console;

import java.io.PrintWriter;
import java.io.Writer;

/** A writer that drops what is written: where {@code -q} and {@code -x} send what they hide. */
final class Silent {
    private Silent() {
    }

    /** A fresh writer that discards everything. */
    static PrintWriter writer() {
        return new PrintWriter(Writer.nullWriter());
    }
}

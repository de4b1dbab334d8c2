package org.luxnet.accumulator.io;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a file's whole content to a stream; used by {@link AtomicFiles}. */
@FunctionalInterface
public interface ContentWriter {
    /**
     * Writes the content to {@code out}. Must not close {@code out}. An exception abandons the write and
     * leaves any existing file untouched.
     */
    void writeTo(OutputStream out) throws IOException;
}

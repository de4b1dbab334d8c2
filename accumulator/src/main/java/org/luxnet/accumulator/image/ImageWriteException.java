package org.luxnet.accumulator.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Some of a render's files could not be written; says which were, so that a caller can still count
 * on those (a saved resume film, say) while reporting the failure.
 */
public final class ImageWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<Path> written;

    public ImageWriteException(IOException first, List<Path> written) {
        super(first.getMessage(), first);
        this.written = List.copyOf(written);
        for (Throwable t : first.getSuppressed()) {
            addSuppressed(t);
        }
    }

    /** The files written in spite of the failure. */
    public List<Path> written() {
        return written;
    }
}

package org.luxnet.accumulator.io;

import java.io.IOException;

/**
 * Encoded film data (an FLM file or a film delta from the network) that is malformed, corrupt,
 * truncated or larger than the reader allows. The message says what was wrong and, for files, where.
 */
public class FilmFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message says what is wrong with the data and, for a file, names it. */
    public FilmFormatException(String message) {
        super(message);
    }

    /** As {@link #FilmFormatException(String)}, keeping the lower-level failure as the cause. */
    public FilmFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
